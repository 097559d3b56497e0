import Glibc
import Build
import Cache
import Hashing
import Installer
import Lockfile
import PackagingTypes
import PEP440
import PEP508
import Project
import PyProject
import Python
import Settings
import SuvBasics

/// Reads the Git and direct-URL sources of a workspace for a resolution: each fetched (a Git
/// reference resolved to a commit and checked out, an archive downloaded and hashed) and its
/// metadata read: a checkout's static `pyproject.toml` when nothing in it is dynamic, else the
/// `METADATA` of a wheel (downloaded, or built and cached by commit or archive hash).
struct DirectSources {
    let session: IndexSession
    let context: CommandContext
    let interpreter: InterpreterInfo

    /// One distribution per source. A Git source keeps the commit `existing` locked for the
    /// same request unless `upgrading` names it (or everything).
    func distributions(for sources: [(name: PackageName, source: RemoteSource)], existing: Lockfile.Lock?,
                       upgrading: (PackageName) -> Bool) async throws -> [DirectDistribution] {
        var result: [DirectDistribution] = []
        for (name, source) in sources {
            switch source {
            case .git(let git):
                var commit: String?
                if !upgrading(name) {
                    commit = existing?.packages.lazy.compactMap { package -> String? in
                        guard package.name == name, case .git(let text) = package.source, let locked = GitSourceURL(lockText: text),
                              locked.requested == git.withoutCredentials.requested else { return nil }
                        return locked.commit
                    }.first
                }
                result.append(try await gitDistribution(name: name, git, commit: commit))
            case .url(let url, let subdirectory):
                result.append(try await urlDistribution(name: name, url: url, subdirectory: subdirectory))
            case .archive(let path, let relative):
                result.append(try await archiveDistribution(name: name, path: path, relative: relative))
            }
        }
        return result
    }

    private var checkouts: GitCheckouts {
        GitCheckouts(store: session.cache, environment: context.environment, printer: context.printer,
                     offline: context.settings.offline)
    }

    private func gitDistribution(name: PackageName, _ git: GitSourceURL, commit locked: String?) async throws -> DirectDistribution {
        let commit: String
        if let locked { commit = locked } else { commit = try await checkouts.resolve(git) }
        let checkout = try await checkouts.checkout(repository: git.repository, commit: commit)
        let tree = git.subdirectory.map { WorkspacePaths.join(checkout, $0) } ?? checkout
        var pinned = git
        pinned.commit = commit
        let metadata: (version: String, requiresDist: [Requirement], requiresPython: VersionSpecifiers?)
        if let declared = try Self.staticMetadata(of: tree) {
            metadata = declared
        } else {
            let wheel = try await GitBuilds(session: session, context: context, interpreter: interpreter)
                .wheel(name: name, source: pinned, tree: tree)
            let core = try await Self.metadata(ofWheel: wheel, cache: WheelCache(store: session.cache))
            metadata = (core.version.description, core.requiresDist, core.requiresPython)
        }
        return DirectDistribution(name: name, version: metadata.version, source: .git(pinned.withoutCredentials.lockText),
                                  requiresDist: metadata.requiresDist, requiresPython: metadata.requiresPython)
    }

    private func urlDistribution(name: PackageName, url: String, subdirectory: String?) async throws -> DirectDistribution {
        let filename = LockArtifact(location: .url(url)).filename
        let path = try await Self.download(url: url, filename: filename, package: name, session: session)
        let cache = WheelCache(store: session.cache)
        let recorded = CredentialRedaction.withoutCredentials(url)
        if filename.lowercased().hasSuffix(".whl") {
            let unpacked = try await cache.unpack(wheelPath: path, filename: filename)
            let core = try Self.metadata(inUnpacked: unpacked.path)
            return DirectDistribution(
                name: name, version: core.version.description, source: .url(recorded, subdirectory: subdirectory),
                wheels: [LockArtifact(location: .url(recorded), hash: "sha256:" + unpacked.hash.hex)],
                requiresDist: core.requiresDist, requiresPython: core.requiresPython)
        }
        guard subdirectory == nil else { throw WorkspaceError.unsupportedSource(name: name.description, kind: "archive `subdirectory`") }
        guard EnvironmentSync.isBuildableArchive(filename) else {
            throw DirectSourceError.unsupportedArchive(name: name.description, url: url)
        }
        let hex = try SdistMetadataBuilder.sha256(of: path)
        let file = SimpleFile(filename: filename, url: url, hashes: [HashDigest(algorithm: .sha256, value: hex)])
        let core = try await SdistMetadataBuilder(session: session, context: context, interpreter: interpreter)
            .metadata(ofSourceDistributionAt: path, file: file, package: name)
        return DirectDistribution(
            name: name, version: core.version.description, source: .url(recorded, subdirectory: nil),
            sdist: LockArtifact(location: .none, hash: "sha256:" + hex),
            requiresDist: core.requiresDist, requiresPython: core.requiresPython)
    }

    private func archiveDistribution(name: PackageName, path: String, relative: String) async throws -> DirectDistribution {
        let filename = String(path.split(separator: "/").last ?? "")
        if filename.lowercased().hasSuffix(".whl") {
            let unpacked = try await WheelCache(store: session.cache).unpack(wheelPath: path, filename: filename)
            let core = try Self.metadata(inUnpacked: unpacked.path)
            return DirectDistribution(
                name: name, version: core.version.description, source: .path(relative),
                wheels: [LockArtifact(location: .filename(filename), hash: "sha256:" + unpacked.hash.hex)],
                requiresDist: core.requiresDist, requiresPython: core.requiresPython)
        }
        guard EnvironmentSync.isBuildableArchive(filename) else {
            throw DirectSourceError.unsupportedArchive(name: name.description, url: relative)
        }
        let hex = try SdistMetadataBuilder.sha256(of: path)
        let file = SimpleFile(filename: filename, url: "file://" + PercentEncoding.encodePath(path),
                              hashes: [HashDigest(algorithm: .sha256, value: hex)])
        let core = try await SdistMetadataBuilder(session: session, context: context, interpreter: interpreter)
            .metadata(ofSourceDistributionAt: path, file: file, package: name)
        return DirectDistribution(
            name: name, version: core.version.description, source: .path(relative),
            sdist: LockArtifact(location: .none, hash: "sha256:" + hex),
            requiresDist: core.requiresDist, requiresPython: core.requiresPython)
    }

    /// Downloads a direct URL into the cache (once; the file at a URL is taken not to change),
    /// with the URL's own credentials and the configured ones for its host.
    static func download(url: String, filename: String, package: PackageName, session: IndexSession,
                         sha256: String? = nil) async throws -> String {
        let index = ConfiguredIndex(url: try IndexURL(url), origin: .commandLine(flag: "tool.uv.sources"))
        let hashes = sha256.map { [HashDigest(algorithm: .sha256, value: $0)] } ?? []
        do {
            return try await session.registry.download(SimpleFile(filename: filename, url: url, hashes: hashes), package: package, index: index)
        } catch {
            throw error.context("Failed to download `\(package) @ \(CredentialRedaction.redacted(url))`")
        }
    }

    /// `[project]` of a source tree when it fixes everything a resolution reads (name,
    /// version, dependencies, extras, `requires-python`), as uv reads it without building.
    static func staticMetadata(of tree: String) throws -> (version: String, requiresDist: [Requirement], requiresPython: VersionSpecifiers?)? {
        let path = tree + "/pyproject.toml"
        guard access(path, R_OK) == 0 else { return nil }
        let document = try PyProjectToml(parsing: try ProjectFileReader.read(path), fileName: path)
        guard let project = document.project, let version = project.version, document.buildSystem != nil else { return nil }
        let dynamic = Set(project.dynamic)
        guard dynamic.isDisjoint(with: ["version", "dependencies", "optional-dependencies", "requires-python"]) else { return nil }
        var requiresDist = try ProjectRequirements.parse(project.dependencies, path: path)
        for (extra, texts) in project.optionalDependencies {
            for var requirement in try ProjectRequirements.parse(texts, path: path) {
                let marker = "extra == '\(PackageName.normalize(extra))'"
                requirement.marker = try MarkerTree(parsing: requirement.marker.map { "(\($0)) and \(marker)" } ?? marker)
                requiresDist.append(requirement)
            }
        }
        let requiresPython = try project.requiresPython.map { try VersionSpecifiers(parsing: $0) }
        return (version, requiresDist, requiresPython)
    }

    static func metadata(ofWheel wheel: String, cache: WheelCache) async throws -> CoreMetadata {
        try metadata(inUnpacked: try await cache.unpack(wheelPath: wheel).path)
    }

    /// The `METADATA` of an unpacked wheel.
    static func metadata(inUnpacked path: String) throws -> CoreMetadata {
        for candidate in try SdistMetadataBuilder.entries(path) where candidate.hasSuffix(".dist-info") {
            if let bytes = try FileContents.contents(of: path + "/" + candidate + "/METADATA") {
                return try CoreMetadata(parsing: bytes)
            }
        }
        throw SyncError.io(path: path + "/*.dist-info/METADATA", errno: ENOENT)
    }
}

/// Wheels built from Git checkouts, cached by commit (and subdirectory) so a commit is built once.
struct GitBuilds {
    let session: IndexSession
    let context: CommandContext
    let interpreter: InterpreterInfo

    /// The cached wheel of `source` (which has its commit), built from `tree` when missing.
    func wheel(name: PackageName, source: GitSourceURL, tree: String) async throws -> String {
        let key = Self.cacheKey(source)
        let built = BuiltWheelCache(store: session.cache)
        if let hit = built.cached(name: name, sdistSHA256: key) { return hit }
        let builder = SourceBuilder(
            interpreter: interpreter, installer: IndexBuildRequirementsInstaller(session: session),
            scratch: session.cache.bucket(.builds), creator: .init(name: "suv", version: SuvVersion.current),
            environment: context.environment)
        return try await built.build(name: name, sdistSHA256: key) { output in
            try await builder.build(directory: tree, target: .wheel, outputDirectory: output)
        }
    }

    /// `git-<commit>`, plus a digest of the subdirectory when there is one.
    static func cacheKey(_ source: GitSourceURL) -> String {
        var key = "git-" + (source.commit ?? "")
        if let subdirectory = source.subdirectory {
            var hasher = SHA256Hasher()
            hasher.update(Array(subdirectory.utf8))
            key += "-" + hasher.finalize().hex.prefix(12)
        }
        return key
    }
}

/// A direct URL suv cannot install from.
enum DirectSourceError: SuvError, Equatable {
    case unsupportedArchive(name: String, url: String)

    var message: String {
        switch self {
        case .unsupportedArchive(let name, let url):
            "`\(name)` points at `\(url)`, which is neither a wheel nor a `.tar.gz`, `.tar` or `.zip` source distribution"
        }
    }

    var kind: ErrorKind { .failure }
}
