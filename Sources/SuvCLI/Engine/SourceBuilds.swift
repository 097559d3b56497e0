import Glibc
import Build
import Cache
import Distribution
import Hashing
import IndexClient
import Installer
import PackagingTypes
import PEP508
import Python
import Resolution
import Settings
import SuvBasics

/// Installs build requirements into an isolated build environment: resolved for the target
/// interpreter's markers and tags from the session's indexes (wheels only: build requirements
/// are not built from source themselves), fetched, unpacked into the wheel cache and linked in.
struct IndexBuildRequirementsInstaller: BuildRequirementsInstaller {
    let session: IndexSession

    func install(_ requirements: [Requirement], into environment: BuildEnvironment) async throws {
        guard !requirements.isEmpty else { return }
        let info = environment.interpreter
        let options = ResolutionOptions(
            markers: info.markers, pythonVersion: info.fullVersion, tags: info.tagEnvironment.supportedTags(),
            prerelease: session.settings.settings.prerelease, resolution: session.settings.settings.resolution,
            noBuild: .all)
        let source = RegistryDistributionSource(registry: session.registry, locations: session.settings.indexes)
        let graph = try await PackageResolution(source: source, options: options).resolve(requirements)
        var indexes: [String: ConfiguredIndex] = [:]
        for index in session.settings.indexes.searchOrder + session.settings.indexes.findLinks where indexes[index.url.string] == nil {
            indexes[index.url.string] = index
        }
        let cache = WheelCache(store: session.cache)
        let registry = session.registry
        let unpacked = try await withThrowingTaskGroup(of: UnpackedWheel.self) { group in
            for package in graph.packages {
                guard let file = package.file, let index = indexes[file.indexURL] else { continue }
                let digest = file.file.hashes.first { $0.algorithm == .sha256 }.flatMap { SHA256Digest(hex: $0.value) }
                group.addTask {
                    let path = try await registry.download(file.file, package: package.name, index: index)
                    return try await cache.unpack(wheelPath: path, hash: digest, filename: file.file.filename)
                }
            }
            var wheels: [UnpackedWheel] = []
            for try await wheel in group { wheels.append(wheel) }
            return wheels
        }
        let installOptions = InstallOptions(linkMode: .default, requested: true, installer: "suv")
        _ = try await WheelInstaller.install(unpacked.map { ($0, installOptions) }, into: environment.scheme)
    }
}

/// Builds registry source distributions for their metadata while locking, as uv does when a
/// `PKG-INFO` is not static: the wheel goes into the built-wheel cache under the archive's
/// hash (a later sync installs it without building again) and is unpacked into the wheel
/// cache, whose `METADATA` is read.
struct SdistMetadataBuilder: SourceDistributionBuilder {
    let session: IndexSession
    let context: CommandContext
    let interpreter: InterpreterInfo
    /// One build per archive, however many times the resolver asks (prefetching included).
    private let inFlight = InFlight()

    init(session: IndexSession, context: CommandContext, interpreter: InterpreterInfo) {
        self.session = session
        self.context = context
        self.interpreter = interpreter
    }

    actor InFlight {
        var tasks: [String: Task<CoreMetadata, any Error>] = [:]

        func metadata(_ key: String, _ work: @escaping @Sendable () async throws -> CoreMetadata) async throws -> CoreMetadata {
            if let task = tasks[key] { return try await task.value }
            let task = Task { try await work() }
            tasks[key] = task
            return try await task.value
        }
    }

    func metadata(ofSourceDistributionAt path: String, file: SimpleFile, package: PackageName) async throws -> CoreMetadata {
        try await inFlight.metadata(path) { try await build(path: path, file: file, package: package) }
    }

    /// Silent, as uv's metadata builds during resolution are.
    private func build(path: String, file: SimpleFile, package: PackageName) async throws -> CoreMetadata {
        let version = (try? SdistFilename(parsing: file.filename)).map { $0.version.description } ?? file.filename
        let label = "\(package)==\(version)"
        let hex = try file.hashes.first { $0.algorithm == .sha256 }?.value ?? Self.sha256(of: path)
        let built = BuiltWheelCache(store: session.cache)
        let wheel: String
        if let hit = built.cached(name: package, sdistSHA256: hex) {
            wheel = hit
        } else {
            let builder = SourceBuilder(
                interpreter: interpreter, installer: IndexBuildRequirementsInstaller(session: session),
                scratch: session.cache.bucket(.builds), creator: .init(name: "suv", version: SuvVersion.current),
                environment: context.environment)
            do {
                wheel = try await built.build(name: package, sdistSHA256: hex) { output in
                    try await builder.build(sdist: path, outputDirectory: output)
                }
            } catch {
                throw error.context("Failed to build `\(label)`",
                                    hints: ["Build failures usually indicate a problem with the package or the build environment"])
            }
        }
        let unpacked = try await WheelCache(store: session.cache).unpack(wheelPath: wheel)
        let candidates = ((try? Self.entries(unpacked.path)) ?? []).filter { $0.hasSuffix(".dist-info") }
        for candidate in candidates {
            if let bytes = try FileContents.contents(of: unpacked.path + "/" + candidate + "/METADATA") {
                return try CoreMetadata(parsing: bytes)
            }
        }
        throw SyncError.io(path: unpacked.path + "/*.dist-info/METADATA", errno: ENOENT)
    }

    static func sha256(of path: String) throws -> String {
        guard let bytes = try FileContents.contents(of: path) else { throw SyncError.io(path: path, errno: ENOENT) }
        var hasher = SHA256Hasher()
        hasher.update(bytes)
        return hasher.finalize().hex
    }

    static func entries(_ path: String) throws -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            names.append(withUnsafePointer(to: entry.pointee.d_name) { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) })
        }
        return names.sorted()
    }
}
