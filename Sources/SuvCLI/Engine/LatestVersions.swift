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
/// them), nothing yanked, nothing uploaded at or after the lock's `exclude-newer`, only files
/// whose `Requires-Python` admits every Python the lock supports; pages revalidated rather than
/// trusted from the cache.
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
        let cutoff = lock.options.excludeNewer.flatMap(timestampKey)
        let http = CurlHTTPClient(configuration: try HTTPClientConfiguration(
            environment: context.environment, settings: session.settings.settings))
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
                    return (name, newest(in: listings.flatMap(\.files), requiresPython: requiresPython, allowsPrereleases: allowsPrereleases, excludeNewer: cutoff))
                }
            }
            var result: [PackageName: PEP440.Version] = [:]
            for try await (name, version) in group {
                if let version { result[name] = version }
            }
            return result
        }
    }

    /// The highest version among files that qualify; `excludeNewer` is a ``timestampKey(_:)``.
    static func newest(in files: [SimpleFile], requiresPython: VersionRanges, allowsPrereleases: Bool,
                       excludeNewer: String? = nil) -> PEP440.Version? {
        var best: PEP440.Version?
        for file in files {
            guard let distribution = file.distribution ?? DistributionFilename(parsing: file.filename) else { continue }
            let version: PEP440.Version
            switch distribution {
            case .wheel(let wheel): version = wheel.version
            case .sdist(let sdist): version = sdist.version
            }
            if version.isPrerelease && !allowsPrereleases { continue }
            if file.yanked.isYanked { continue }
            if let excludeNewer, let uploaded = file.uploadTime.flatMap(timestampKey), uploaded >= excludeNewer { continue }
            if let specifiers = file.requiresPython?.specifiers, !requiresPython.isSubset(of: specifiers.ranges) { continue }
            if best.map({ version > $0 }) ?? true { best = version }
        }
        return best
    }

    /// An RFC 3339 UTC timestamp (`2024-01-01T12:00:00Z`, `2024-01-01T02:00:00.002Z`) as text
    /// that sorts as the instants do (`2024-01-01T12:00:00.000`); `nil` for other forms.
    static func timestampKey(_ text: String) -> String? {
        let utf8 = Array(text.utf8)
        guard utf8.count >= 20, utf8.last == UInt8(ascii: "Z") else { return nil }
        let digits: [Int] = [0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18]
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")]
        guard digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(utf8[$0]) }),
              separators.allSatisfy({ utf8[$0.0] == UInt8(ascii: $0.1.unicodeScalars.first ?? " ") }) else { return nil }
        var fraction = ""
        let rest = utf8[19..<(utf8.count - 1)]
        if let first = rest.first {
            guard first == UInt8(ascii: "."), rest.dropFirst().allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
            fraction = String(decoding: rest.dropFirst().prefix(3), as: UTF8.self)
        }
        return String(decoding: utf8[0..<19], as: UTF8.self) + "." + fraction + String(repeating: "0", count: 3 - fraction.count)
    }
}
