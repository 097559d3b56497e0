import Lockfile
import PEP440
import PEP508
import Project
import SuvBasics
import Testing

/// uv's tree over small locks written in code: order and glyphs, `(*)` for repeated subtrees
/// and cycles, depth, prune, `--package`, inversion, extras, groups, markers, `--outdated`,
/// sizes, and the JSON document.
@Suite struct DependencyTreeTests {
    typealias L = SyntheticLock

    /// app → b, a; extra `fast` → c; groups `dev` → d, `lint` → e; a → c; b → c, a; c → d.
    static let basic = L.lock([
        L.project("app", [L.edge("b"), L.edge("a")], extras: ["fast": [L.edge("c")]], groups: ["dev": [L.edge("d")], "lint": [L.edge("e")]]),
        L.package("a", "1.0", [L.edge("c")]),
        L.package("b", "1.0", [L.edge("c"), L.edge("a")]),
        L.package("c", "1.0", [L.edge("d")]),
        L.package("d", "1.0"),
        L.package("e", "1.0"),
    ])

    func text(_ lock: Lock, _ configure: (inout DependencyTree.Options) -> Void = { _ in }) throws -> String {
        var options = DependencyTree.Options()
        configure(&options)
        return try DependencyTree(lock: lock, options: options).text()
    }

    @Test func dependenciesThenExtrasThenGroupsWithRepeatsMarked() throws {
        #expect(try text(Self.basic) == """
            app v0.1.0
            ├── a v1.0
            │   └── c v1.0
            │       └── d v1.0
            ├── b v1.0
            │   ├── a v1.0 (*)
            │   └── c v1.0 (*)
            ├── c v1.0 (extra: fast) (*)
            └── d v1.0 (group: dev)
            (*) Package tree already displayed

            """)
    }

    @Test func noDedupeRepeatsSubtrees() throws {
        #expect(try text(Self.basic) { $0.noDedupe = true } == """
            app v0.1.0
            ├── a v1.0
            │   └── c v1.0
            │       └── d v1.0
            ├── b v1.0
            │   ├── a v1.0
            │   │   └── c v1.0
            │   │       └── d v1.0
            │   └── c v1.0
            │       └── d v1.0
            ├── c v1.0 (extra: fast)
            │   └── d v1.0
            └── d v1.0 (group: dev)

            """)
    }

    @Test func depthCutsLevelsAndOnlyExpandedNodesCountAsShown() throws {
        #expect(try text(Self.basic) { $0.depth = 0 } == "app v0.1.0\n")
        #expect(try text(Self.basic) { $0.depth = 1 } == """
            app v0.1.0
            ├── a v1.0
            ├── b v1.0
            ├── c v1.0 (extra: fast)
            └── d v1.0 (group: dev)

            """)
        // `c` at the last level is not expanded, so it is shown again in full later.
        #expect(try text(Self.basic) { $0.depth = 2 } == """
            app v0.1.0
            ├── a v1.0
            │   └── c v1.0
            ├── b v1.0
            │   ├── a v1.0 (*)
            │   └── c v1.0
            ├── c v1.0 (extra: fast)
            │   └── d v1.0
            └── d v1.0 (group: dev)
            (*) Package tree already displayed

            """)
    }

    @Test func pruneRemovesAPackageAndWhatOnlyItReaches() throws {
        #expect(try text(Self.basic) { $0.prune = [PackageName("c")] } == """
            app v0.1.0
            ├── a v1.0
            ├── b v1.0
            │   └── a v1.0
            └── d v1.0 (group: dev)

            """)
    }

    @Test func groupsFollowTheSelection() throws {
        #expect(try text(Self.basic) { $0.groups = ["dev", "lint"] }.hasSuffix("├── d v1.0 (group: dev)\n└── e v1.0 (group: lint)\n(*) Package tree already displayed\n"))
        #expect(try text(Self.basic) { $0.groups = [] }.contains("(group:") == false)
        #expect(try text(Self.basic) { $0.production = false } == "app v0.1.0\n└── d v1.0 (group: dev)\n")
    }

    @Test func packageShowsASubtree() throws {
        #expect(try text(Self.basic) { $0.packages = [PackageName("c")] } == "c v1.0\n└── d v1.0\n")
        #expect(try text(Self.basic) { $0.packages = [PackageName("nope")] } == "")
    }

    @Test func invertStartsFromLeavesAndListsDependents() throws {
        #expect(try text(Self.basic) { $0.invert = true } == """
            d v1.0
            ├── c v1.0
            │   ├── a v1.0
            │   │   ├── app v0.1.0
            │   │   └── b v1.0
            │   │       └── app v0.1.0
            │   ├── b v1.0 (*)
            │   └── app v0.1.0 (extra: fast)
            └── app v0.1.0 (group: dev)
            (*) Package tree already displayed

            """)
        #expect(try text(Self.basic) { $0.invert = true; $0.packages = [PackageName("a")] } == """
            a v1.0
            ├── app v0.1.0
            └── b v1.0
                └── app v0.1.0

            """)
    }

    static let cycle = L.lock([
        L.project("app", [L.edge("x")]),
        L.package("x", "1.0", [L.edge("y")]),
        L.package("y", "1.0", [L.edge("x")]),
    ])

    @Test func cyclesAreCutWithAMark() throws {
        let expected = """
            app v0.1.0
            └── x v1.0
                └── y v1.0
                    └── x v1.0 (*)

            """
        #expect(try text(Self.cycle) == expected + "(*) Package tree already displayed\n")
        #expect(try text(Self.cycle) { $0.noDedupe = true } == expected + "(*) Package tree is a cycle and cannot be shown\n")
        #expect(try text(Self.cycle) { $0.invert = true } == "")
        // As in uv, the root is reached under no marker and again under `requires-python`: its
        // second showing is not yet a cycle.
        #expect(try text(Self.cycle) { $0.invert = true; $0.packages = [PackageName("y")] } == """
            y v1.0
            └── x v1.0
                ├── app v0.1.0
                └── y v1.0
                    └── x v1.0 (*)
            (*) Package tree already displayed

            """)
    }

    @Test func extrasAskedForByAnEdgeAreShownOnIt() throws {
        let lock = L.lock([
            L.project("app", [L.edge("p", extras: ["s"])]),
            L.package("p", "1.0", extras: ["s": [L.edge("q")], "t": [L.edge("r")]]),
            L.package("q", "1.0"),
            L.package("r", "1.0"),
        ])
        #expect(try text(lock) == "app v0.1.0\n└── p[s] v1.0\n    └── q v1.0 (extra: s)\n")
        #expect(try text(lock) { $0.packages = [PackageName("p")] } == "p v1.0\n└── q v1.0 (extra: s)\n")
        #expect(try text(lock) { $0.invert = true } == "q v1.0\n└── p v1.0 (extra: s)\n    └── app[s] v0.1.0\n")
    }

    static let markers = L.lock([
        L.project("app", [L.edge("w", "sys_platform == 'win32'"), L.edge("l", "sys_platform == 'linux'"),
                          L.edge("old", "python_full_version < '3.10'")]),
        L.package("l", "1.0"), L.package("old", "1.0"), L.package("w", "1.0"),
    ])

    @Test func anInterpretersMarkersFilterEdges() throws {
        #expect(try text(Self.markers) == "app v0.1.0\n├── l v1.0\n├── old v1.0\n└── w v1.0\n")
        #expect(try text(Self.markers) { $0.environment = L.environment() } == "app v0.1.0\n└── l v1.0\n")
        #expect(try text(Self.markers) { $0.environment = L.environment(python: "3.9.18", platform: "win32") }
            == "app v0.1.0\n├── old v1.0\n└── w v1.0\n")
        // Below the lock's `requires-python` no edge applies.
        #expect(try text(Self.markers) { $0.environment = L.environment(python: "3.8.18") } == "app v0.1.0\n")
    }

    @Test func supportedEnvironmentsBoundEveryEdge() throws {
        var lock = Self.markers
        lock.supportedMarkers = ["sys_platform == 'linux'"]
        #expect(try text(lock) { $0.environment = L.environment() } == "app v0.1.0\n└── l v1.0\n")
        #expect(try text(lock) { $0.environment = L.environment(platform: "win32") } == "app v0.1.0\n")
    }

    @Test func aVirtualRootsGroupsComeFirstThenMembersInReverse() throws {
        let lock = L.lock([
            L.package("eps", "1.0"),
            L.project("one", [L.edge("two")], source: .editable("packages/one")),
            L.project("two", source: .editable("packages/two")),
        ], members: ["one", "two"], groups: [NamedRequirements("dev", [LockRequirement(name: PackageName("eps"))])])
        #expect(try text(lock) == "eps v1.0 (group: dev)\ntwo v0.1.0\none v0.1.0\n└── two v0.1.0\n")
        #expect(try text(lock) { $0.groups = [] } == "two v0.1.0\none v0.1.0\n└── two v0.1.0\n")
    }

    @Test func latestVersionsOnFirstFullShowingOnly() throws {
        let latest = [PackageName("a"): Version("2.0"), PackageName("b"): Version("1.0")].compactMapValues { $0 }
        let shown = try text(Self.basic) { $0.latest = latest }
        #expect(shown.contains("├── a v1.0 (latest: v2.0)\n"))
        #expect(shown.contains("│   ├── a v1.0 (*)\n"))
        #expect(shown.contains("├── b v1.0\n"))
    }

    @Test func sizesAndStyles() throws {
        var options = DependencyTree.Options()
        options.showSizes = true
        options.latest = [PackageName("a"): Version("2.0")].compactMapValues { $0 }
        let tree = try DependencyTree(lock: Self.basic, options: options)
        let style = DependencyTree.TextStyle(latest: { "<\($0)>" }, size: { "[\($0)]" }, footer: { "_\($0)_" })
        let text = tree.text(style: style, formatSize: { "\($0) bytes" })
        #expect(text.hasPrefix("app v0.1.0\n├── a v1.0 [(1153 bytes)] <(latest: v2.0)>\n"))
        #expect(text.contains("│   ├── a v1.0 [(1153 bytes)] (*)\n"))
        #expect(text.hasSuffix("_(*) Package tree already displayed_\n"))
    }

    @Test func json() throws {
        var options = DependencyTree.Options()
        options.showSizes = true
        let tree = try DependencyTree(lock: Self.cycle, options: options)
        #expect(tree.json() == """
            {
              "schema": "suv-tree/1",
              "inverted": false,
              "roots": [
                {
                  "name": "app",
                  "version": "0.1.0",
                  "dependencies": [
                    {
                      "name": "x",
                      "version": "1.0",
                      "size": 1153,
                      "dependencies": [
                        {
                          "name": "y",
                          "version": "1.0",
                          "size": 1153,
                          "dependencies": [
                            {
                              "name": "x",
                              "version": "1.0",
                              "size": 1153,
                              "cycle": true,
                              "dependencies": []
                            }
                          ]
                        }
                      ]
                    }
                  ]
                }
              ]
            }

            """)
        let extras = try DependencyTree(lock: L.lock([
            L.project("app", [L.edge("p", extras: ["s"])], groups: ["dev": [L.edge("q")]]),
            L.package("p", "1.0", extras: ["s": [L.edge("q")]]), L.package("q", "1.0"),
        ]), options: DependencyTree.Options(invert: true)).json()
        #expect(extras.contains("\"inverted\": true"))
        #expect(extras.contains("\"name\": \"app\",\n              \"version\": \"0.1.0\",\n              \"extras\": [\"s\"],\n"))
        #expect(extras.contains("\"group\": \"dev\",\n"))
        #expect(extras.contains("\"extra\": \"s\",\n"))
        #expect(extras.contains("\"dependents\": ["))
        #expect(!extras.contains("\"dependencies\""))
    }

    @Test func jsonStringsAreEscaped() {
        let tree = DependencyTree(roots: [DependencyTree.Node(name: PackageName("a"), version: "1\"\\\n\u{1}")])
        #expect(tree.json().contains(#""version": "1\"\\\n\u0001","#))
    }

    @Test func anEdgeToAMissingPackageIsAnError() {
        let lock = L.lock([L.project("app", [L.edge("ghost")])])
        #expect(throws: LockGraphError.missingPackage("ghost")) { try DependencyTree(lock: lock, options: .init()) }
    }
}
