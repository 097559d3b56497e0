import Cache
import Testing

@Suite struct CacheRootTests {
    private let everything = [
        "SUV_CACHE_DIR": "/suv/cache",
        "XDG_CACHE_HOME": "/xdg",
        "HOME": "/home/alice",
    ]

    @Test func flagWinsOverEverything() throws {
        let root = try CacheRoot.resolve(flag: "/flag", inherited: "/uv", environment: everything)
        #expect(root == CacheRoot(path: "/flag", source: .flag))
    }

    @Test func suvCacheDirBeatsInheritedXDGAndHome() throws {
        let root = try CacheRoot.resolve(flag: nil, inherited: "/uv", environment: everything)
        #expect(root == CacheRoot(path: "/suv/cache", source: .suvCacheDir))
    }

    @Test func inheritedDirectoryBeatsXDGAndHome() throws {
        var environment = everything
        environment["SUV_CACHE_DIR"] = nil
        let root = try CacheRoot.resolve(flag: nil, inherited: "/uv", environment: environment)
        #expect(root == CacheRoot(path: "/uv", source: .inherited))
    }

    @Test func xdgCacheHomeBeatsHome() throws {
        var environment = everything
        environment["SUV_CACHE_DIR"] = nil
        let root = try CacheRoot.resolve(flag: nil, environment: environment)
        #expect(root == CacheRoot(path: "/xdg/suv", source: .xdgCacheHome))
    }

    @Test func homeIsTheLastResort() throws {
        let root = try CacheRoot.resolve(flag: nil, environment: ["HOME": "/home/alice/"])
        #expect(root == CacheRoot(path: "/home/alice/.cache/suv", source: .home))
    }

    @Test func emptyValuesCountAsUnset() throws {
        let environment = ["SUV_CACHE_DIR": "", "XDG_CACHE_HOME": "", "HOME": "/h"]
        let root = try CacheRoot.resolve(flag: "", inherited: "", environment: environment)
        #expect(root == CacheRoot(path: "/h/.cache/suv", source: .home))
    }

    @Test func relativeXDGCacheHomeIsIgnored() throws {
        let root = try CacheRoot.resolve(flag: nil, environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"])
        #expect(root.source == .home)
    }

    @Test func neverFallsBackToUvsCache() throws {
        let root = try CacheRoot.resolve(flag: nil, environment: ["HOME": "/h"])
        #expect(!root.path.hasSuffix("/uv"))
    }

    @Test func nothingToGoOnIsAnError() {
        #expect(throws: CacheError.noCacheDirectory) {
            try CacheRoot.resolve(flag: nil, environment: ["XDG_CACHE_HOME": "relative"])
        }
        let error = CacheError.noCacheDirectory
        #expect(error.message.contains("SUV_CACHE_DIR"))
        #expect(!error.hints.isEmpty)
    }

    @Test func relativePathsStayRelativeUntilMadeAbsolute() throws {
        let root = try CacheRoot.resolve(flag: "rel/cache/", environment: [:])
        #expect(root.path == "rel/cache/")
        #expect(root.absolutePath(relativeTo: "/work") == "/work/rel/cache")
        #expect(CacheRoot(path: "/abs", source: .flag).absolutePath(relativeTo: "/work") == "/abs")
    }
}

@Suite struct PathDisplayTests {
    @Test(arguments: [
        ("/tmp/x/cache", "/tmp/x", "cache"),
        ("/tmp/x", "/tmp/x", "."),
        ("/tmp/xy/cache", "/tmp/x", "/tmp/xy/cache"),
        ("/other/cache", "/tmp/x", "/other/cache"),
        ("/tmp/x/cache", "/", "/tmp/x/cache"),
        ("rel", "/tmp/x", "rel"),
        ("/tmp/x/a/b", "/tmp/x/", "a/b"),
    ])
    func userDisplay(_ path: String, _ directory: String, _ expected: String) {
        #expect(PathDisplay.user(path, currentDirectory: directory) == expected)
    }
}
