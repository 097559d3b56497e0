import Glibc
import Cache
import HTTP
import IndexClient
import Lockfile
import PackagingTypes
import PEP440
import SuvBasics

/// `uv tree --outdated`: the newest version the indexes offer for each package the lock takes
/// from a registry, as uv's `LatestClient` picks it: no pre-releases (unless the lock allows
/// them), nothing yanked, only files whose `Requires-Python` admits every Python the lock
/// supports; pages revalidated rather than trusted from the cache.
enum LatestVersions {
    /// The newest version per package name (only names with a registry source).
    static func find(lock: Lockfile.Lock, session: IndexSession, context: CommandContext) async throws -> [PackageName: PEP440.Version] {
        let names = Array(Set(lock.packages.compactMap { package -> PackageName? in
            if case .registry = package.source { return package.name }
            return nil
        })).sorted()
        guard !names.isEmpty else { return [:] }
        let requiresPython = (try? VersionSpecifiers(parsing: lock.requiresPython).ranges) ?? .full
        let allowsPrereleases = lock.options.prereleaseMode == "allow"
        let http = CurlHTTPClient(configuration: try HTTPClientConfiguration(environment: context.environment))
        let registry = RegistryClient(
            locations: session.settings.indexes, http: http, cache: session.cache,
            mode: HTTPCacheMode(refresh: .all(since: Int64(time(nil))), offline: context.settings.offline),
            credentials: session.settings.credentials)
        return try await withThrowingTaskGroup(of: (PackageName, PEP440.Version?).self) { group in
            for name in names {
                group.addTask {
                    let listings: [IndexListing]
                    do {
                        listings = try await registry.files(for: name)
                    } catch IndexError.packageNotFound {
                        return (name, nil)
                    }
                    return (name, newest(in: listings, requiresPython: requiresPython, allowsPrereleases: allowsPrereleases))
                }
            }
            var result: [PackageName: PEP440.Version] = [:]
            for try await (name, version) in group {
                if let version { result[name] = version }
            }
            return result
        }
    }

    /// The highest version among files that qualify.
    static func newest(in listings: [IndexListing], requiresPython: VersionRanges, allowsPrereleases: Bool) -> PEP440.Version? {
        var best: PEP440.Version?
        for listing in listings {
            for file in listing.files {
                guard let distribution = file.distribution ?? DistributionFilename(parsing: file.filename) else { continue }
                let version: PEP440.Version
                switch distribution {
                case .wheel(let wheel): version = wheel.version
                case .sdist(let sdist): version = sdist.version
                }
                if version.isPrerelease && !allowsPrereleases { continue }
                if file.yanked.isYanked { continue }
                if let specifiers = file.requiresPython?.specifiers, !requiresPython.isSubset(of: specifiers.ranges) { continue }
                if best.map({ version > $0 }) ?? true { best = version }
            }
        }
        return best
    }
}
