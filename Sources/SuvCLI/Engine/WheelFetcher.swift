import Glibc
import Cache
import Console
import Installer
import Hashing
import IndexClient
import Lockfile
import PackagingTypes
import Project
import Settings
import SuvBasics

/// Downloads the wheels and source archives an install plan needs into the cache, all at once
/// (the HTTP client multiplexes them), each verified against the hash the lock records and
/// fetched through a configured mirror of the lock's index when there is one.
struct WheelFetcher {
    let session: IndexSession
    /// What `path` sources (local wheels and archives) are relative to.
    var workspaceRoot: String?

    /// The local file of every item that comes from an index, by item position.
    func fetch(_ items: [LockInstallPlan.Item]) async throws -> [Int: String] {
        try await withThrowingTaskGroup(of: (Int, String)?.self) { group in
            for (position, item) in items.enumerated() {
                let artifact: LockArtifact
                switch item.artifact {
                case .wheel(let wheel): artifact = wheel
                case .sdist(let sdist): artifact = sdist
                case .editable, .directory, .git: continue
                }
                group.addTask { (position, try await fetch(artifact, of: item)) }
            }
            var paths: [Int: String] = [:]
            for try await result in group {
                if let (position, path) = result { paths[position] = path }
            }
            return paths
        }
    }

    /// Downloads and unpacks each wheel in one task, so unpacking overlaps the other
    /// downloads; the unpacked wheels by item position.
    func fetchAndUnpack(
        _ items: [(position: Int, item: LockInstallPlan.Item)], into cache: WheelCache, progress: ProgressBar? = nil
    ) async throws -> [Int: UnpackedWheel] {
        try await withThrowingTaskGroup(of: (Int, UnpackedWheel)?.self) { group in
            for (position, item) in items {
                guard case .wheel(let artifact) = item.artifact else { continue }
                group.addTask {
                    let path = try await fetch(artifact, of: item)
                    let digest = artifact.hash.flatMap { hash -> SHA256Digest? in
                        hash.hasPrefix("sha256:") ? SHA256Digest(hex: hash.dropFirst("sha256:".count)) : nil
                    }
                    let unpacked = try await cache.unpack(wheelPath: path, hash: digest, filename: artifact.filename)
                    progress?.advance(item.name.description)
                    return (position, unpacked)
                }
            }
            var unpacked: [Int: UnpackedWheel] = [:]
            for try await result in group {
                if let (position, wheel) = result { unpacked[position] = wheel }
            }
            return unpacked
        }
    }

    private func fetch(_ artifact: LockArtifact, of item: LockInstallPlan.Item) async throws -> String {
        if case .path(let path) = item.source, let workspaceRoot {
            // A local archive is used where it lies.
            let absolute = EnvironmentSync.absolute(path, root: workspaceRoot)
            guard access(absolute, R_OK) == 0 else { throw WheelFetchError.missingFile(name: item.name.description, path: absolute) }
            return absolute
        }
        guard case .url(let lockedURL) = artifact.location else {
            throw WheelFetchError.unsupportedLocation(name: item.name.description, file: artifact.filename)
        }
        let mirrors = session.settings.mirrors
        let url = mirrors.downloadURL(forLocked: lockedURL)
        var hashes: [HashDigest] = []
        if let hash = artifact.hash, let colon = hash.firstIndex(of: ":"), hash[..<colon] == "sha256" {
            hashes.append(HashDigest(algorithm: .sha256, value: String(hash[hash.index(after: colon)...])))
        }
        let file = SimpleFile(filename: artifact.filename, url: url, hashes: hashes, size: artifact.size)
        let index = try configuredIndex(for: item.source)
        do {
            return try await session.registry.download(file, package: item.name, index: index)
        } catch {
            throw error.context("Failed to download `\(item.name)==\(item.version ?? "")`")
        }
    }

    /// The configured index a locked registry source is fetched from (its mirror when one is
    /// declared), else the first configured index (it then only names the cache folder).
    private func configuredIndex(for source: LockSource) throws -> ConfiguredIndex {
        let indexes = session.settings.indexes.allowed
        if case .url(let url, _) = source {
            // A direct URL: its own credentials and cache folder.
            return ConfiguredIndex(url: try IndexURL(url), origin: .commandLine(flag: "tool.uv.sources"))
        }
        if case .registry(let url) = source {
            let fetched = session.settings.mirrors.mirrorURL(forCanonical: url) ?? url
            let trimmed = fetched.hasSuffix("/") ? String(fetched.dropLast()) : fetched
            if let index = indexes.first(where: { $0.url.string == fetched || $0.url.string == trimmed || $0.url.canonical == trimmed }) {
                return index
            }
        }
        if let first = indexes.first { return first }
        // No index configured at all (a frozen install needs none): the lock's own.
        return ConfiguredIndex(url: try IndexURL(source.value), origin: .commandLine(flag: "uv.lock"))
    }
}

/// A locked file suv cannot fetch.
enum WheelFetchError: SuvError, Equatable {
    case unsupportedLocation(name: String, file: String)
    case missingFile(name: String, path: String)

    var message: String {
        switch self {
        case .unsupportedLocation(let name, let file): "`\(file)` of `\(name)` is not at a URL; local files in locks are not supported yet"
        case .missingFile(let name, let path): "Distribution not found at: file://\(path) (the locked `path` source of `\(name)`)"
        }
    }

    var kind: ErrorKind { .failure }
}
