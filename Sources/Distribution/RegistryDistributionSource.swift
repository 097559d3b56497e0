import IndexClient
import PackagingTypes
import Resolution
import Settings
import SuvBasics
import Tarball

/// The resolver's ``DistributionSource`` over a ``RegistryClient``: index pages (first-index
/// strategy and find-links as configured), wheel metadata (PEP 658, range requests, or the
/// whole wheel), and source distributions' static `PKG-INFO`.
public struct RegistryDistributionSource: DistributionSource {
    public let registry: RegistryClient
    private let indexes: [String: ConfiguredIndex]
    private let sourceMetadata = SourceMetadataReader()
    /// Builds source distributions whose `PKG-INFO` is not static; without one they fail.
    public let builder: (any SourceDistributionBuilder)?
    /// Packages pinned to one index (`tool.uv.sources` `{ index = "name" }`).
    private let pins: [PackageName: ConfiguredIndex]

    public init(registry: RegistryClient, locations: IndexLocations, builder: (any SourceDistributionBuilder)? = nil,
                pins: [PackageName: ConfiguredIndex] = [:]) {
        self.registry = registry
        self.builder = builder
        self.pins = pins
        var indexes: [String: ConfiguredIndex] = [:]
        for index in locations.allowed + pins.values where indexes[index.url.string] == nil {
            indexes[index.url.string] = index
        }
        self.indexes = indexes
    }

    public func files(for name: PackageName) async throws -> [IndexedFile] {
        let listings: [IndexListing]
        do {
            listings = try await registry.files(for: name, pinnedTo: pins[name])
        } catch .packageNotFound {
            return []
        }
        var files: [IndexedFile] = []
        for (position, listing) in listings.enumerated() {
            let url = listing.index.url.string
            files.reserveCapacity(files.count + listing.files.count)
            for file in listing.files {
                files.append(IndexedFile(file: file, indexPosition: position, indexURL: url))
            }
        }
        return files
    }

    public func metadata(for file: IndexedFile, package: PackageName) async throws -> CoreMetadata {
        guard let index = indexes[file.indexURL] else {
            throw DistributionError.unknownIndex(file.indexURL)
        }
        guard case .sdist = file.file.distribution else {
            return try await registry.metadata(for: file.file, package: package, index: index)
        }
        let path = try await registry.download(file.file, package: package, index: index)
        do {
            return try await sourceMetadata.read(path: path, filename: file.file.filename)
        } catch DistributionError.sourceNeedsBuild(let filename, let reason) {
            guard let builder else { throw DistributionError.sourceNeedsBuild(filename: filename, reason: reason) }
            return try await builder.metadata(ofSourceDistributionAt: path, file: file.file, package: package)
        }
    }
}

/// Gets the metadata of a source distribution by building it (PEP 517), for the ones whose
/// `PKG-INFO` is older than Metadata 2.2 or declares dynamic fields.
public protocol SourceDistributionBuilder: Sendable {
    func metadata(ofSourceDistributionAt path: String, file: SimpleFile, package: PackageName) async throws -> CoreMetadata
}

/// Reads (once per file) the static metadata of a downloaded source distribution.
actor SourceMetadataReader {
    private var known: [String: CoreMetadata] = [:]

    func read(path: String, filename: String) throws -> CoreMetadata {
        if let metadata = known[path] { return metadata }
        guard filename.hasSuffix(".tar.gz") || filename.hasSuffix(".tgz") || filename.hasSuffix(".tar") else {
            throw DistributionError.sourceNeedsBuild(filename: filename, reason: "only `.tar.gz` source distributions are read so far")
        }
        let bytes: [UInt8]
        do {
            bytes = try SdistArchive.pkgInfo(atPath: path)
        } catch {
            throw DistributionError.sourceNeedsBuild(filename: filename, reason: error.message)
        }
        let metadata: CoreMetadata
        do {
            metadata = try CoreMetadata(pkgInfo: bytes)
        } catch {
            throw DistributionError.sourceNeedsBuild(filename: filename, reason: error.message)
        }
        known[path] = metadata
        return metadata
    }
}

/// Failures of the distribution source.
public enum DistributionError: SuvError, Equatable {
    /// A file claims to come from an index that is not configured (a bug).
    case unknownIndex(String)
    /// A source distribution's metadata is not static; building it arrives with the installer.
    case sourceNeedsBuild(filename: String, reason: String)

    public var message: String {
        switch self {
        case .unknownIndex(let url): "No configured index matches `\(url)`"
        case .sourceNeedsBuild(let filename, _):
            "Failed to read the metadata of `\(filename)` without building it"
        }
    }

    public var hints: [String] {
        switch self {
        case .unknownIndex: []
        case .sourceNeedsBuild(_, let reason):
            ["\(reason); building source distributions is not supported yet, use a version with a wheel or `--only-binary :all:`"]
        }
    }

    public var kind: ErrorKind {
        switch self {
        case .unknownIndex: .internal
        case .sourceNeedsBuild: .failure
        }
    }
}
