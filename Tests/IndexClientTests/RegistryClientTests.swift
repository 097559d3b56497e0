import Foundation
import Testing
import Cache
import HTTP
import PackagingTypes
import PEP440
import Settings
import PyProject
import SuvBasics
import SuvTestSupport
import Hashing
@testable import IndexClient

/// The registry client against a real loopback server serving the fixture universe
/// (`fixtures/packages/build.py`) through `fixtures/index-server/serve.py`.
@Suite(.serialized) struct RegistryClientTests {
    let server: LocalIndexServer
    let cacheTree: TemporaryTree
    let http: CurlHTTPClient

    init() throws {
        server = try LocalIndexServer(root: try FixtureIndex.url().path)
        cacheTree = try TemporaryTree(prefix: "suv-index-cache")
        var configuration = HTTPClientConfiguration()
        configuration.maxRetries = 2
        configuration.retryBaseDelay = .milliseconds(10)
        configuration.retryMaxDelay = .milliseconds(50)
        configuration.readTimeout = .seconds(3)
        http = CurlHTTPClient(configuration: configuration)
    }

    func index(_ url: String, name: String? = nil, isDefault: Bool = true, format: IndexEntry.Format = .simple) throws -> ConfiguredIndex {
        ConfiguredIndex(name: name, url: try IndexURL(url), isDefault: isDefault, format: format, origin: .commandLine(flag: "--index"),
                        urlCredentials: IndexCredentials(url: url))
    }

    func client(_ indexes: [ConfiguredIndex], findLinks: [ConfiguredIndex] = [], strategy: IndexStrategy = .firstIndex,
                mode: HTTPCacheMode = HTTPCacheMode(), credentials: IndexCredentialStore? = nil) -> RegistryClient {
        RegistryClient(locations: IndexLocations(definitions: indexes, findLinks: findLinks, strategy: strategy),
                       http: http, cache: CacheStore(root: cacheTree.path), mode: mode, credentials: credentials)
    }

    @Test func readsJSONPagesAndCachesThem() async throws {
        let simple = try index(server.url("/simple/"))
        let listings = try await client([simple]).files(for: PackageName("Alpha"))
        #expect(listings.count == 1)
        #expect(listings[0].files.map(\.filename).contains("alpha-1.1-py3-none-any.whl"))
        #expect(listings[0].files.allSatisfy { !$0.hashes.isEmpty })
        #expect(try server.stats().requests(for: "/simple/alpha/") == 1)
        // A second client on the same cache serves the page without asking (max-age=600).
        _ = try await client([simple]).files(for: PackageName("alpha"))
        #expect(try server.stats().requests(for: "/simple/alpha/") == 1)
        // --refresh revalidates: one conditional request answered 304.
        _ = try await client([simple], mode: HTTPCacheMode(refresh: .all(since: .max))).files(for: PackageName("alpha"))
        let stats = try server.stats()
        #expect(stats.requests(for: "/simple/alpha/") == 2)
        #expect(stats.notModified == 1)
    }

    /// The cache keeps the parsed page (``SimplePageArchive``): the same files come back, from
    /// a fresh entry and after a 304; a cache holding the raw body (older suv) still reads.
    @Test func cachedPagesAreKeptParsed() async throws {
        let simple = try index(server.url("/simple/"))
        let fetched = try await client([simple]).files(for: PackageName("beta"))
        let cached = CacheStore(root: cacheTree.path).packageFile(.simple, index: IndexID(url: simple.url.canonical), name: PackageName("beta"), extension: "page")
        let payload = try #require(try HTTPCacheEntry(payload: cached).readPayload())
        #expect(SimplePageArchive.isArchive(payload))
        #expect(try await client([simple]).files(for: PackageName("beta"))[0].files == fetched[0].files)
        let revalidated = try await client([simple], mode: HTTPCacheMode(refresh: .all(since: .max))).files(for: PackageName("beta"))
        #expect(revalidated[0].files == fetched[0].files)
        #expect(try server.stats().notModified == 1)
        // A raw body in the cache (as suv before this form wrote it) is parsed as before.
        let body = try FixtureIndex.bytes("simple/beta/index.json")
        try Data(body).write(to: URL(fileURLWithPath: cached))
        #expect(try await client([simple]).files(for: PackageName("beta"))[0].files == fetched[0].files)
        #expect(try server.stats().requests(for: "/simple/beta/") == 2)
        // ... and is replaced by the parsed form on the way.
        #expect(SimplePageArchive.isArchive(try #require(try HTTPCacheEntry(payload: cached).readPayload())))
    }

    /// An index that sends no `ETag`, `Last-Modified` or `Cache-Control` (some mirrors do) has
    /// its pages fetched on every run; an identical page reuses the parsed page in the cache
    /// (the entry is not rewritten), a changed page is parsed again.
    @Test func anUnchangedPageFromAnIndexWithoutCacheHeadersIsNotParsedAgain() async throws {
        let root = try TemporaryTree(prefix: "suv-no-cache-headers")
        let original = try FixtureIndex.bytes("simple/beta/index.json")
        let pagePath = try root.write("simple/beta/index.json", bytes: original)
        let plain = try LocalIndexServer(root: root.path)
        let simple = try index(plain.url("/simple/", fault: "no-cache-headers"))
        let cached = CacheStore(root: cacheTree.path).packageFile(.simple, index: IndexID(url: simple.url.canonical), name: PackageName("beta"), extension: "page")
        func inode() throws -> Int? { try FileManager.default.attributesOfItem(atPath: cached)[.systemFileNumber] as? Int }

        let first = try await client([simple]).files(for: PackageName("beta"))[0].files
        #expect(first.count >= 2)
        let stored = try inode()
        let again = try await client([simple]).files(for: PackageName("beta"))[0].files
        #expect(again == first)
        #expect(try plain.stats().total == 2, "fetched both times: nothing says the page may be reused")
        #expect(try inode() == stored, "the parsed page was reused, not written again")

        // The index changes the page: one file fewer. The new page is parsed and stored.
        var document = try #require(try JSONSerialization.jsonObject(with: Data(original)) as? [String: Any])
        var files = try #require(document["files"] as? [[String: Any]])
        let dropped = try #require(files.popLast()?["filename"] as? String)
        document["files"] = files
        try JSONSerialization.data(withJSONObject: document).write(to: URL(fileURLWithPath: pagePath))
        let changed = try await client([simple]).files(for: PackageName("beta"))[0].files
        #expect(changed.count == first.count - 1)
        #expect(!changed.contains { $0.filename == dropped })
        #expect(try inode() != stored)
    }

    @Test func readsHTMLPagesWhenTheIndexHasNoJSON() async throws {
        let htmlOnly = try index(server.url("/simple/", fault: "html-only"))
        let listings = try await client([htmlOnly]).files(for: PackageName("epsilon"))
        let files = listings[0].files
        #expect(files.contains { $0.filename == "epsilon-1.1-py3-none-any.whl" && $0.yanked.isYanked })
        #expect(files.contains { $0.filename == "epsilon-1.0-py3-none-any.whl" && !$0.yanked.isYanked })
    }

    @Test func offlineServesTheCacheAndReportsMisses() async throws {
        let simple = try index(server.url("/simple/"))
        _ = try await client([simple]).files(for: PackageName("beta"))
        let offline = client([simple], mode: HTTPCacheMode(offline: true))
        #expect(try await offline.files(for: PackageName("beta")).count == 1)
        let error = await #expect(throws: IndexError.self) { try await offline.files(for: PackageName("gamma")) }
        #expect(error.map { ErrorChain($0).messages.joined() }?.contains("Network connectivity is disabled") == true)
    }

    @Test func unknownPackageIsReported() async throws {
        let error = await #expect(throws: IndexError.self) {
            try await client([try index(server.url("/simple/"))]).files(for: PackageName("nonexistent"))
        }
        #expect(error?.message == "Package `nonexistent` was not found in the package registry")
        #expect(error?.kind.exitCode == 1)
    }

    @Test func firstIndexStopsAtTheFirstIndexThatKnowsThePackage() async throws {
        // An extra index that has every package, before the default.
        let extra = try index(server.url("/simple/"), name: "extra", isDefault: false)
        let fallback = try index(server.url("/no-metadata/simple/"))
        let first = try await client([extra, fallback]).files(for: PackageName("alpha"))
        #expect(first.map { $0.index.name } == ["extra"])
        let all = try await client([extra, fallback], strategy: .unsafeBestMatch).files(for: PackageName("alpha"))
        #expect(all.count == 2)
    }

    @Test func accessDeniedStopsTheSearch() async throws {
        let url = server.url("/simple/", fault: "auth=user:secret").replacingOccurrences(of: "http://", with: "http://user:wrongpass@")
        let locked = try index(url, name: "locked", isDefault: false)
        let open = try index(server.url("/simple/"))
        let store = IndexCredentialStore(indexes: [locked], environment: SettingsEnvironment(variables: [:], workingDirectory: "/"))
        let error = await #expect(throws: IndexError.self) {
            try await client([locked, open], credentials: store).files(for: PackageName("alpha"))
        }
        let text = error.map { ErrorChain($0).messages.joined(separator: "\n") } ?? ""
        #expect(text.contains("access denied (HTTP 401)"))
        #expect(!text.contains("wrongpass"))
    }

    @Test func credentialsFromTheURLAreSentAndNeverShown() async throws {
        let url = server.url("/simple/", fault: "auth=user:pw123").replacingOccurrences(of: "http://", with: "http://user:pw123@")
        let locked = try index(url)
        let store = IndexCredentialStore(indexes: [locked], environment: SettingsEnvironment(variables: [:], workingDirectory: "/"))
        let listings = try await client([locked], credentials: store).files(for: PackageName("beta"))
        #expect(!listings[0].files.isEmpty)
        #expect(!locked.description.contains("user:pw123@"))
    }

    @Test func credentialsFromTheEnvironmentAreSent() async throws {
        let locked = try index(server.url("/simple/", fault: "auth=ci-user:env-token"), name: "private-index")
        let environment = SettingsEnvironment(
            variables: ["UV_INDEX_PRIVATE_INDEX_USERNAME": "ci-user", "UV_INDEX_PRIVATE_INDEX_PASSWORD": "env-token"],
            workingDirectory: "/")
        let store = IndexCredentialStore(indexes: [locked], environment: environment)
        #expect(!(try await client([locked], credentials: store).files(for: PackageName("gamma"))[0].files.isEmpty))
        // Without them the index refuses.
        let error = await #expect(throws: IndexError.self) { try await client([locked]).files(for: PackageName("alpha")) }
        #expect(error?.message.contains("access denied (HTTP 401)") == true)
    }

    @Test func credentialsFromNetrcAreSent() async throws {
        let locked = try index(server.url("/simple/", fault: "auth=netrc-user:netrc-pass"))
        let netrc = try NetrcFile(parsing: "machine 127.0.0.1\n  login netrc-user\n  password netrc-pass\n")
        let store = IndexCredentialStore(indexes: [locked], environment: SettingsEnvironment(variables: [:], workingDirectory: "/"), netrc: netrc)
        #expect(!(try await client([locked], credentials: store).files(for: PackageName("eta"))[0].files.isEmpty))
    }

    @Test func metadataComesFromPEP658Files() async throws {
        let simple = try index(server.url("/simple/"))
        let registry = client([simple])
        let listing = try await registry.files(for: PackageName("beta"))[0]
        let wheel = try #require(listing.files.first { $0.filename == "beta-2.0-py3-none-any.whl" })
        let metadata = try await registry.metadata(for: wheel, package: PackageName("beta"), index: simple)
        #expect(metadata.version == Version("2.0"))
        #expect(metadata.requiresDist.map(\.description) == ["alpha<2,>=1.1"])
        let stats = try server.stats()
        #expect(stats.requests(for: "/files/beta-2.0-py3-none-any.whl.metadata") == 1)
        #expect(stats.requests(for: "/files/beta-2.0-py3-none-any.whl") == 0)
    }

    @Test func metadataIsReadFromTheRemoteWheelWithRangeRequests() async throws {
        let bare = try index(server.url("/no-metadata/simple/"))
        let registry = client([bare])
        let listing = try await registry.files(for: PackageName("gamma"))[0]
        let wheel = try #require(listing.files.first { $0.filename.hasSuffix(".whl") })
        let metadata = try await registry.metadata(for: wheel, package: PackageName("gamma"), index: bare)
        #expect(metadata.name == PackageName("gamma"))
        #expect(metadata.requiresDist.count == 3)
        #expect(try server.stats().requests(for: "/no-metadata/files/\(wheel.filename)") >= 1)
        // Cached: no further requests.
        let before = try server.stats().total
        _ = try await client([bare]).metadata(for: wheel, package: PackageName("gamma"), index: bare)
        #expect(try server.stats().total == before)
    }

    @Test func withoutRangeSupportTheWholeWheelIsUsedAndRemembered() async throws {
        let bare = try index(server.url("/no-metadata/simple/", fault: "no-range"))
        let registry = client([bare])
        for package in ["alpha", "beta"] {
            let listing = try await registry.files(for: PackageName(package))[0]
            let wheel = try #require(listing.files.first { $0.filename.hasSuffix(".whl") })
            let metadata = try await registry.metadata(for: wheel, package: PackageName(package), index: bare)
            #expect(metadata.name == PackageName(package))
        }
        #expect(await registry.rangeUnsupported.count == 1)
    }

    @Test func sdistMetadataNeedsABuild() async throws {
        let simple = try index(server.url("/simple/"))
        let registry = client([simple])
        let sdist = try #require(try await registry.files(for: PackageName("delta"))[0].files.first)
        let error = await #expect(throws: IndexError.self) {
            try await registry.metadata(for: sdist, package: PackageName("delta"), index: simple)
        }
        #expect(error?.message.contains("can only be had by building it") == true)
    }

    @Test func downloadsAreVerifiedAndCached() async throws {
        let simple = try index(server.url("/simple/"))
        let registry = client([simple])
        let file = try #require(try await registry.files(for: PackageName("eta"))[0].files.first { $0.filename.hasSuffix(".whl") })
        let path = try await registry.download(file, package: PackageName("eta"), index: simple)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(SHA256Hex.of(bytes) == file.hashes.first { $0.algorithm == .sha256 }?.value)
        _ = try await client([simple]).download(file, package: PackageName("eta"), index: simple)
        #expect(try server.stats().requests(for: "/files/\(file.filename)") == 1)
    }

    @Test func aCorruptedDownloadIsRejectedAndNotKept() async throws {
        let simple = try index(server.url("/simple/"))
        let registry = client([simple])
        let good = try #require(try await registry.files(for: PackageName("zeta"))[0].files.first { $0.filename.hasSuffix(".whl") })
        let corrupted = SimpleFile(
            filename: good.filename, url: server.url("/files/\(good.filename)", fault: "wrong-bytes"), hashes: good.hashes,
            requiresPython: good.requiresPython, yanked: good.yanked, coreMetadata: .unavailable, size: good.size,
            uploadTime: good.uploadTime, distribution: good.distribution)
        let error = await #expect(throws: IndexError.self) {
            try await registry.download(corrupted, package: PackageName("zeta"), index: simple)
        }
        let text = error.map { ErrorChain($0).messages.joined(separator: "\n") } ?? ""
        #expect(text.contains("Hash mismatch") || text.contains("hash"))
        #expect(!FileManager.default.fileExists(atPath: CacheStore(root: cacheTree.path)
            .packageFile(.wheels, index: IndexID(url: simple.url.canonical), name: PackageName("zeta"), extension: good.filename)))
    }

    @Test func transientFailuresAreRetried() async throws {
        let flaky = try index(server.url("/simple/", fault: "status=503,fail-times=1"))
        let listings = try await client([flaky]).files(for: PackageName("alpha"))
        #expect(!listings[0].files.isEmpty)
        let broken = try index(server.url("/simple/", fault: "status=500"))
        let error = await #expect(throws: IndexError.self) { try await client([broken]).files(for: PackageName("alpha")) }
        #expect(error != nil)
    }

    @Test func findLinksDirectoriesAndPages() async throws {
        let files = try FixtureIndex.url().appendingPathComponent("files").path
        let directory = try index("file://" + files, name: nil, isDefault: false, format: .flat)
        let page = try index(server.url("/find-links/index.html"), isDefault: false, format: .flat)
        let registry = RegistryClient(
            locations: IndexLocations(definitions: [], findLinks: [directory, page], noIndex: true),
            http: http, cache: CacheStore(root: cacheTree.path))
        let listings = try await registry.files(for: PackageName("beta"))
        #expect(listings.count == 2)
        #expect(listings.allSatisfy { $0.files.count == 4 })
        let local = try #require(listings[0].files.first { $0.filename.hasSuffix(".whl") })
        #expect(try await registry.download(local, package: PackageName("beta"), index: directory).hasPrefix(files))
    }
}

enum SHA256Hex {
    static func of(_ bytes: [UInt8]) -> String {
        Hashing.SHA256.hash(bytes).hex
    }
}
