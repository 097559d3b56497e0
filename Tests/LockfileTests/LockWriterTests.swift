import Testing
import PEP440
import SuvBasics
@testable import Lockfile

/// The writer's own rules, on hand-built models given out of order.
@Suite struct LockWriterTests {
    static let index = LockSource.registry("https://index.example/simple")

    static func registry(_ name: String, _ version: String, markers: [String] = [], dependencies: [LockEdge] = []) -> LockedPackage {
        LockedPackage(name: PackageName(name), version: version, source: index, resolutionMarkers: markers, dependencies: dependencies)
    }

    @Test func edgesCarryVersionAndSourceOnlyWhenTheNameIsAmbiguous() {
        let lock = Lock(requiresPython: ">=3.9", packages: [
            Self.registry("app", "1.0", dependencies: [
                LockEdge(name: PackageName("zeta"), version: "1.0", source: Self.index, marker: "python_full_version >= '3.12'"),
                LockEdge(name: PackageName("beta"), version: "2.0", source: Self.index),
                LockEdge(name: PackageName("zeta"), version: "0.9", source: Self.index, marker: "python_full_version < '3.12'"),
            ]),
            Self.registry("zeta", "1.0", markers: ["python_full_version >= '3.12'"]),
            Self.registry("beta", "2.0"),
            Self.registry("zeta", "0.9", markers: ["python_full_version < '3.12'"]),
        ])
        let text = lock.serialized()
        #expect(text.contains("""
        dependencies = [
            { name = "beta" },
            { name = "zeta", version = "0.9", source = { registry = "https://index.example/simple" }, marker = "python_full_version < '3.12'" },
            { name = "zeta", version = "1.0", source = { registry = "https://index.example/simple" }, marker = "python_full_version >= '3.12'" },
        ]
        """))
        // Packages by name, then PEP 440 version.
        let names = text.split(separator: "\n").filter { $0.hasPrefix("name = ") || $0.hasPrefix("version = \"") }
        #expect(names == ["name = \"app\"", "version = \"1.0\"", "name = \"beta\"", "version = \"2.0\"",
                          "name = \"zeta\"", "version = \"0.9\"", "name = \"zeta\"", "version = \"1.0\""])
    }

    @Test func packagesSortByPEP440VersionNotText() {
        let lock = Lock(requiresPython: ">=3.9", packages: [
            Self.registry("numpy", "1.10.0"), Self.registry("numpy", "1.9.0"), Self.registry("numpy", "1.10.0rc1"),
        ])
        let versions = lock.serialized().split(separator: "\n").filter { $0.hasPrefix("version = \"") }
        #expect(versions == ["version = \"1.9.0\"", "version = \"1.10.0rc1\"", "version = \"1.10.0\""])
    }

    @Test func sameVersionSortsBySourceVariantThenValue() {
        let lock = Lock(requiresPython: ">=3.9", packages: [
            LockedPackage(name: PackageName("x"), version: "1.0", source: .editable("packages/x")),
            LockedPackage(name: PackageName("x"), version: "1.0", source: .registry("https://b.example/simple")),
            LockedPackage(name: PackageName("x"), version: "1.0", source: .registry("https://a.example/simple")),
            LockedPackage(name: PackageName("x"), version: "1.0", source: .git("https://host/x?rev=v1#abc")),
        ])
        let sources = lock.serialized().split(separator: "\n").filter { $0.hasPrefix("source = ") }
        #expect(sources == [
            "source = { registry = \"https://a.example/simple\" }",
            "source = { registry = \"https://b.example/simple\" }",
            "source = { git = \"https://host/x?rev=v1#abc\" }",
            "source = { editable = \"packages/x\" }",
        ])
    }

    @Test func edgesSortByExtrasThenMarkerAndExtrasAreSorted() {
        let lock = Lock(requiresPython: ">=3.9", packages: [
            Self.registry("app", "1.0", dependencies: [
                LockEdge(name: PackageName("alpha"), extras: ["speedups"]),
                LockEdge(name: PackageName("alpha"), extras: ["speedups", "docs"], marker: "sys_platform == 'linux'"),
            ]),
            Self.registry("alpha", "1.1"),
        ])
        #expect(lock.serialized().contains("""
        dependencies = [
            { name = "alpha", extra = ["docs", "speedups"], marker = "sys_platform == 'linux'" },
            { name = "alpha", extra = ["speedups"] },
        ]
        """))
    }

    @Test(arguments: [
        ("2026-10-02T23:07:22.290270Z", "2026-10-02T23:07:22.29Z"),
        ("2026-10-02T23:06:05.900555Z", "2026-10-02T23:06:05.9Z"),
        ("2024-12-04T17:35:26.475808Z", "2024-12-04T17:35:26.475Z"),
        ("2026-11-06T17:37:01Z", "2026-11-06T17:37:01Z"),
        ("2024-01-01T00:00:00.000999Z", "2024-01-01T00:00:00Z"),
        ("2024-01-01T10:00:00.010000Z", "2024-01-01T10:00:00.01Z"),
        ("2024-01-01T10:00:00.5+00:00", "2024-01-01T10:00:00.5Z"),
    ])
    func uploadTimeIsTruncatedToMilliseconds(index: String, lock: String) {
        #expect(UploadTime.lockValue(index) == lock)
    }

    @Test func strongestHashWins() {
        #expect(Hash.strongest(["md5:aa", "sha256:bb", "blake2b:cc"]) == "sha256:bb")
        #expect(Hash.strongest(["sha256:bb", "sha512:dd", "sha384:ee"]) == "sha512:dd")
        #expect(Hash.strongest(["md5:aa", "blake2b:cc"]) == "blake2b:cc")
        #expect(Hash.strongest(["crc32:00"]) == nil)
        #expect(Hash.strongest(["sha256": "bb", "md5": "aa"]) == "sha256:bb")
    }

    @Test func artifactsAndWheelsByFilename() {
        var package = Self.registry("alpha", "1.0")
        package.sdist = LockArtifact(location: .url("https://f.example/alpha-1.0.tar.gz"), hash: "sha256:aa", size: 10, uploadTime: "2024-01-01T00:00:00Z")
        package.wheels = [
            LockArtifact(location: .url("https://f.example/b/alpha-1.0-py3-none-win_amd64.whl"), hash: "sha256:cc"),
            LockArtifact(location: .url("https://f.example/a/alpha-1.0-cp312-cp312-manylinux_2_17_x86_64.whl"), hash: "sha256:bb", size: 5),
        ]
        #expect(Lock(requiresPython: ">=3.9", packages: [package]).serialized() == """
        version = 1
        revision = 5
        requires-python = ">=3.9"

        [[package]]
        name = "alpha"
        version = "1.0"
        source = { registry = "https://index.example/simple" }
        sdist = { url = "https://f.example/alpha-1.0.tar.gz", hash = "sha256:aa", size = 10, upload-time = "2024-01-01T00:00:00Z" }
        wheels = [
            { url = "https://f.example/a/alpha-1.0-cp312-cp312-manylinux_2_17_x86_64.whl", hash = "sha256:bb", size = 5 },
            { url = "https://f.example/b/alpha-1.0-py3-none-win_amd64.whl", hash = "sha256:cc" },
        ]

        """)
    }

    @Test func pathSourceArtifactsHaveNoLocationOrFilename() {
        let sdist = LockedPackage(name: PackageName("pkgc"), version: "0.1.0", source: .path("../pkgc/dist/pkgc-0.1.0.tar.gz"), sdist: LockArtifact(location: .none, hash: "sha256:59"))
        let wheel = LockedPackage(name: PackageName("pkgd"), version: "0.1.0", source: .url("https://f.example/pkgd.tar.gz", subdirectory: "sub"), wheels: [LockArtifact(location: .filename("pkgd-0.1.0-py3-none-any.whl"), hash: "sha256:93")])
        let text = Lock(requiresPython: ">=3.9", packages: [wheel, sdist]).serialized()
        #expect(text.contains("source = { path = \"../pkgc/dist/pkgc-0.1.0.tar.gz\" }\nsdist = { hash = \"sha256:59\" }\n"))
        #expect(text.contains("source = { url = \"https://f.example/pkgd.tar.gz\", subdirectory = \"sub\" }\nwheels = [\n    { filename = \"pkgd-0.1.0-py3-none-any.whl\", hash = \"sha256:93\" },\n]\n"))
    }

    @Test func metadataLayoutSingleAndMultiLineArrays() {
        var package = LockedPackage(name: PackageName("proj"), version: "0.1.0", source: .editable("."))
        package.metadata = LockMetadata(
            requiresDist: [
                LockRequirement(name: PackageName("requests"), source: .specifier(">=2.31")),
                LockRequirement(name: PackageName("PySocks"), marker: "extra == 'socks'", source: .specifier(">=1.7.1")),
                LockRequirement(name: PackageName("pkgc"), extras: ["b", "a"], source: .index("https://pkgs.example.com/simple", specifier: ">=0.1.0")),
            ],
            providesExtras: ["socks", "old"],
            requiresDev: [
                NamedRequirements("lint", [LockRequirement(name: PackageName("ruff"), source: .specifier(">=0.17.6"))]),
                NamedRequirements("empty", []),
                NamedRequirements("dev", [
                    LockRequirement(name: PackageName("pytest")),
                    LockRequirement(name: PackageName("beta"), source: .editable("packages/beta")),
                ]),
            ]
        )
        #expect(Lock(requiresPython: ">=3.11", packages: [package]).serialized().hasSuffix("""
        source = { editable = "." }

        [package.metadata]
        requires-dist = [
            { name = "pkgc", extras = ["b", "a"], specifier = ">=0.1.0", index = "https://pkgs.example.com/simple" },
            { name = "pysocks", marker = "extra == 'socks'", specifier = ">=1.7.1" },
            { name = "requests", specifier = ">=2.31" },
        ]
        provides-extras = ["socks", "old"]

        [package.metadata.requires-dev]
        dev = [
            { name = "beta", editable = "packages/beta" },
            { name = "pytest" },
        ]
        empty = []
        lint = [{ name = "ruff", specifier = ">=0.17.6" }]

        """))
    }

    @Test func metadataWithOnlyGroupsKeepsAnEmptyHeaderAndEmptyMetadataIsOmitted() {
        var grouped = LockedPackage(name: PackageName("a"), version: "1", source: .editable("a"))
        grouped.metadata = LockMetadata(requiresDev: [NamedRequirements("test", [])])
        var empty = LockedPackage(name: PackageName("b"), version: "1", source: .editable("b"))
        empty.metadata = LockMetadata()
        let text = Lock(requiresPython: ">=3.9", packages: [grouped, empty]).serialized()
        #expect(text.contains("source = { editable = \"a\" }\n\n[package.metadata]\n\n[package.metadata.requires-dev]\ntest = []\n"))
        #expect(text.hasSuffix("source = { editable = \"b\" }\n"))
    }

    @Test func extrasAndGroupsTablesSortKeysAndSkipEmptyLists() {
        var package = LockedPackage(name: PackageName("p"), version: "1", source: .virtual("."))
        package.optionalDependencies = [NamedEdges("zed", [LockEdge(name: PackageName("b"))]), NamedEdges("none", []), NamedEdges("abc", [LockEdge(name: PackageName("b"))])]
        package.devDependencies = [NamedEdges("lint", [])]
        let lock = Lock(requiresPython: ">=3.9", packages: [package, Self.registry("b", "1")])
        let text = lock.serialized()
        #expect(text.contains("[package.optional-dependencies]\nabc = [\n    { name = \"b\" },\n]\nzed = [\n    { name = \"b\" },\n]\n"))
        #expect(!text.contains("none"))
        #expect(!text.contains("[package.dev-dependencies]"))
    }

    @Test func manifestLayout() {
        let lock = Lock(requiresPython: ">=3.11", manifest: LockManifest(
            members: [PackageName("beta"), PackageName("Alpha")],
            constraints: [LockRequirement(name: PackageName("werkzeug"), source: .specifier("<3.1"))],
            overrides: [
                LockRequirement(name: PackageName("click"), source: .specifier("==8.1.7")),
                LockRequirement(name: PackageName("anyio"), source: .specifier(">=4")),
            ],
            dependencyGroups: [NamedRequirements("lint", []), NamedRequirements("dev", [LockRequirement(name: PackageName("iniconfig"), source: .specifier(">=2"))])]
        ))
        #expect(lock.serialized() == """
        version = 1
        revision = 5
        requires-python = ">=3.11"

        [manifest]
        members = [
            "alpha",
            "beta",
        ]
        constraints = [{ name = "werkzeug", specifier = "<3.1" }]
        overrides = [
            { name = "anyio", specifier = ">=4" },
            { name = "click", specifier = "==8.1.7" },
        ]

        [manifest.dependency-groups]
        dev = [{ name = "iniconfig", specifier = ">=2" }]
        lint = []

        """)
    }

    @Test func optionsLayout() {
        var lock = Lock(requiresPython: ">=3.9", options: LockOptions(prereleaseMode: "allow", excludeNewer: "0001-01-01T00:00:00Z", excludeNewerSpan: "P30D"))
        #expect(lock.serialized() == """
        version = 1
        revision = 5
        requires-python = ">=3.9"

        [options]
        prerelease-mode = "allow"
        exclude-newer = "0001-01-01T00:00:00Z" # This has no effect and is included for backwards compatibility when using relative exclude-newer values.
        exclude-newer-span = "P30D"

        """)
        lock.options = LockOptions(resolutionMode: "lowest", excludeNewerPackage: [("alpha", "2024-01-01T00:00:00Z")])
        #expect(lock.serialized().hasSuffix("[options]\nresolution-mode = \"lowest\"\n\n[options.exclude-newer-package]\nalpha = \"2024-01-01T00:00:00Z\"\n"))
        lock.options = LockOptions()
        #expect(!lock.serialized().contains("[options]"))
    }

    @Test func topLevelMarkersAndConflictsLayout() {
        let lock = Lock(
            revision: 0,
            requiresPython: ">=3.9",
            resolutionMarkers: ["python_full_version >= '3.12'", "python_full_version < '3.12'"],
            supportedMarkers: ["sys_platform == 'linux'"],
            conflicts: [
                [ConflictItem(package: PackageName("p"), kind: .group("b")), ConflictItem(package: PackageName("p"), kind: .extra("a"))],
                [ConflictItem(package: PackageName("q")), ConflictItem(package: PackageName("p"))],
            ]
        )
        #expect(lock.serialized() == """
        version = 1
        requires-python = ">=3.9"
        resolution-markers = [
            "python_full_version >= '3.12'",
            "python_full_version < '3.12'",
        ]
        supported-markers = [
            "sys_platform == 'linux'",
        ]
        conflicts = [[
            { package = "p", extra = "a" },
            { package = "p", group = "b" },
        ], [
            { package = "p" },
            { package = "q" },
        ]]

        """)
    }

    @Test func stringsAreEscaped() {
        let lock = Lock(requiresPython: "a\"b\\c\td")
        #expect(lock.serialized().contains(#"requires-python = "a\"b\\c\td""#))
    }

    @Test(arguments: [
        ("six <2, >= 1.10", ">=1.10,<2"),
        (">=1.0,!=1.0.5", ">=1.0,!=1.0.5"),
        ("<3, >= 1.0", ">=1.0,<3"),
        ("", nil),
    ] as [(String, String?)])
    func specifiersInLockSpelling(text: String, expected: String?) throws {
        let clauses = text.hasPrefix("six") ? String(text.dropFirst(4)) : text
        #expect(LockRequirement.lockSpecifier(try VersionSpecifiers(parsing: clauses)) == expected)
    }

    @Test func artifactFileNamesComeFromTheLastPathSegmentWithoutTheQuery() {
        #expect(LockArtifact(location: .url("https://f.example/a/b/x-1.0-py3-none-any.whl")).filename == "x-1.0-py3-none-any.whl")
        #expect(LockArtifact(location: .url("https://f.example/x-1.0.tar.gz?token=a/b")).filename == "x-1.0.tar.gz")
        #expect(LockArtifact(location: .path("dist/é-1.0.tar.gz")).filename == "é-1.0.tar.gz")
        #expect(LockArtifact(location: .path("plain.whl")).filename == "plain.whl")
        #expect(LockArtifact(location: .filename("y.whl")).filename == "y.whl")
        #expect(LockArtifact(location: .none).filename == "")
    }

    @Test func stringsAreEscapedOnlyWhereTOMLNeedsIt() {
        #expect(TOMLText.string("sys_platform == 'win32'") == "\"sys_platform == 'win32'\"")
        #expect(TOMLText.string("a\"b\\c\td\u{7F}") == "\"a\\\"b\\\\c\\td\\u007F\"")
    }
}
