import Lockfile
import Project
import SuvBasics
import Testing

/// uv's `requirements.txt` export over small locks written in code: the marker of each package
/// (the union over its paths), hashes, `# via`, the order and spelling of sources, selections
/// and the `--no-emit-*` filters.
@Suite struct RequirementsExportTests {
    typealias L = SyntheticLock

    /// app → b, w (win32); extra `fast` → c; group `dev` → d; b → c (< 3.10), a; a → c; d → c (linux).
    static let lock = L.lock([
        L.project("app", [L.edge("b"), L.edge("w", "sys_platform == 'win32'")], extras: ["fast": [L.edge("c")]], groups: ["dev": [L.edge("d")]]),
        L.package("a", "1.0", [L.edge("c")]),
        L.package("b", "1.0", [L.edge("c", "python_full_version < '3.10'"), L.edge("a")]),
        L.package("c", "1.0", sdist: true),
        L.package("d", "1.0", [L.edge("c", "sys_platform == 'linux'")]),
        L.package("w", "1.0"),
    ])

    func text(_ lock: Lock = Self.lock, _ configure: (inout RequirementsExport.Options) -> Void = { _ in }) throws -> String {
        var options = RequirementsExport.Options(target: .project(PackageName("app")))
        configure(&options)
        return try RequirementsExport(lock: lock, options: options).text()
    }

    @Test func projectThenPackagesWithMarkersHashesAndVia() throws {
        #expect(try text() == """
            -e .
            a==1.0 \\
                --hash=sha256:aaaaaa
                # via b
            b==1.0 \\
                --hash=sha256:aabbbb
                # via app
            c==1.0 \\
                --hash=sha256:aacccc \\
                --hash=sha256:ffcccc
                # via
                #   a
                #   b
                #   d
            d==1.0 \\
                --hash=sha256:aadddd
            w==1.0 ; sys_platform == 'win32' \\
                --hash=sha256:aawwww
                # via app

            """)
    }

    @Test func aPackagesMarkerIsTheUnionOfItsPaths() throws {
        var lock = Self.lock
        lock.packages[1].dependencies = []   // a no longer requires c
        let text = try text(lock) { $0.hashes = false }
        #expect(text.contains("c==1.0 ; python_full_version < '3.10' or sys_platform == 'linux'\n    # via\n    #   b\n    #   d\n"))
        // Through the extra, c is always reached.
        #expect(try self.text(lock) { $0.hashes = false; $0.extras = .all }.contains("c==1.0\n    # via\n    #   app\n    #   b\n    #   d\n"))
        // A path under two markers: their conjunction.
        lock.packages[2].dependencies = [L.edge("d", "sys_platform == 'linux'")]
        lock.packages[0].devDependencies = []
        lock.packages[4].dependencies = [L.edge("c", "python_full_version >= '3.11'")]
        #expect(try self.text(lock) { $0.hashes = false }.contains("c==1.0 ; python_full_version >= '3.11' and sys_platform == 'linux'\n"))
    }

    @Test func selectionsAndFilters() throws {
        let noHashes = { (options: inout RequirementsExport.Options) in options.hashes = false }
        #expect(try text { noHashes(&$0); $0.groups = [] }.contains("d==1.0") == false)
        #expect(try text { noHashes(&$0); $0.production = false } == "c==1.0 ; sys_platform == 'linux'\n    # via d\nd==1.0\n")
        #expect(try text { noHashes(&$0); $0.annotate = false; $0.extras = .allExcept(["fast"]) } == """
            -e .
            a==1.0
            b==1.0
            c==1.0
            d==1.0
            w==1.0 ; sys_platform == 'win32'

            """)
        #expect(try text { noHashes(&$0); $0.noEmitProject = true }.hasPrefix("a==1.0\n"))
        #expect(try text { noHashes(&$0); $0.noEmitWorkspace = true }.hasPrefix("a==1.0\n"))
        #expect(try text { noHashes(&$0); $0.noEmitLocal = true }.hasPrefix("a==1.0\n"))
        #expect(try text { noHashes(&$0); $0.noEmitPackages = [PackageName("c"), PackageName("app")] }.contains("c==") == false)
        #expect(try text { noHashes(&$0); $0.editable = false }.hasPrefix(".\na==1.0\n"))
        #expect(try text { noHashes(&$0); $0.prune = [PackageName("b")] } == "-e .\nc==1.0 ; sys_platform == 'linux'\n    # via d\nd==1.0\nw==1.0 ; sys_platform == 'win32'\n    # via app\n")
    }

    @Test func sourcesInUvsOrderAndSpelling() throws {
        let lock = L.lock([
            L.project("app", [L.edge("lib"), L.edge("outside"), L.edge("dir"), L.edge("abs"), L.edge("wheel"), L.edge("g"),
                              L.edge("u"), L.edge("virt")]),
            L.project("lib", source: .editable("packages/lib")),
            L.project("outside", source: .editable("../outside")),
            L.project("dir", source: .directory("deps/dir")),
            L.project("abs", source: .directory("/opt/abs dir")),
            LockedPackage(name: PackageName("wheel"), version: "1.0", source: .path("dist/wheel-1.0-py3-none-any.whl"),
                          wheels: [LockArtifact(location: .filename("wheel-1.0-py3-none-any.whl"), hash: "sha256:0123")]),
            LockedPackage(name: PackageName("g"), version: "1.0", source: .git("https://host/org/g?rev=v1#abc123")),
            LockedPackage(name: PackageName("u"), version: "1.0", source: .url("https://host/u-1.0.tar.gz", subdirectory: "sub"),
                          sdist: LockArtifact(location: .none, hash: "sha256:4567")),
            L.project("virt", source: .virtual("packages/virt")),
        ])
        #expect(try text(lock) { $0.annotate = false } == """
            -e .
            -e ../outside
            -e ./packages/lib
            file:///opt/abs%20dir
            ./deps/dir
            ./dist/wheel-1.0-py3-none-any.whl \\
                --hash=sha256:0123
            g @ git+https://host/org/g@abc123
            u @ https://host/u-1.0.tar.gz#subdirectory=sub \\
                --hash=sha256:4567

            """)
        #expect(RequirementsExport.gitRequirementURL("https://host/org/g?subdirectory=pkgs/a&rev=main#0af1") == "git+https://host/org/g@0af1#subdirectory=pkgs/a")
    }

    @Test func workspaceTargets() throws {
        let lock = L.lock([
            L.package("eps", "1.0"),
            L.project("one", [L.edge("two")], groups: ["dev": [L.edge("eps")]], source: .editable("packages/one")),
            L.project("two", source: .editable("packages/two")),
        ], members: ["one", "two"], groups: [NamedRequirements("lint", [LockRequirement(name: PackageName("eps"), marker: "python_full_version >= '3.12'")])])
        func export(_ target: RequirementsExport.Target, _ configure: (inout RequirementsExport.Options) -> Void = { _ in }) throws -> String {
            var options = RequirementsExport.Options(target: target, hashes: false)
            configure(&options)
            return try RequirementsExport(lock: lock, options: options).text()
        }
        #expect(try export(.project(PackageName("two"))) == "-e ./packages/two\n")
        #expect(try export(.project(PackageName("one"))) == "-e ./packages/one\n-e ./packages/two\n    # via one\neps==1.0\n")
        // A root's group joins a member's export only when named.
        #expect(try export(.project(PackageName("two"))) { $0.groups = ["dev", "lint"] } == "-e ./packages/two\n")
        #expect(try export(.project(PackageName("two"))) { $0.groups = ["lint"]; $0.requestedGroups = ["lint"] }
            == "-e ./packages/two\neps==1.0 ; python_full_version >= '3.12'\n")
        #expect(try export(.nonProjectWorkspace) { $0.groups = ["lint"] } == "-e ./packages/one\n-e ./packages/two\n    # via one\neps==1.0 ; python_full_version >= '3.12'\n")
        #expect(try export(.projects([PackageName("one"), PackageName("two")])) { $0.noEmitWorkspace = true } == "eps==1.0\n")
        #expect(throws: LockGraphError.missingRoot("three")) { try export(.project(PackageName("three"))) }
    }

    @Test func supportedEnvironmentsAndRequiresPythonShapeMarkers() throws {
        var lock = Self.lock
        lock.supportedMarkers = ["sys_platform == 'linux'", "sys_platform == 'darwin'"]
        lock.packages[2].dependencies = [L.edge("c", "python_full_version >= '3.9'"), L.edge("a")]
        let text = try text(lock) { $0.hashes = false; $0.annotate = false }
        #expect(text == """
            -e .
            a==1.0 ; sys_platform == 'darwin' or sys_platform == 'linux'
            b==1.0 ; sys_platform == 'darwin' or sys_platform == 'linux'
            c==1.0 ; sys_platform == 'darwin' or sys_platform == 'linux'
            d==1.0 ; sys_platform == 'darwin' or sys_platform == 'linux'

            """)
    }

    @Test func conflictMarkersFollowTheSelection() throws {
        let lock = L.lock([
            L.project("app", [L.edge("x", "extra == 'extra-3-app-old'"), L.edge("y", "extra != 'extra-3-app-old'")], extras: ["old": []]),
            L.package("x", "1.0"), L.package("y", "1.0"),
        ], conflicts: [[ConflictItem(package: PackageName("app"), kind: .extra("old")), ConflictItem(package: PackageName("app"), kind: .extra("new"))]])
        let plain = try text(lock) { $0.hashes = false; $0.annotate = false }
        #expect(plain == "-e .\ny==1.0\n")
        let old = try text(lock) { $0.hashes = false; $0.annotate = false; $0.extras = .some(["old"]) }
        #expect(old == "-e .\nx==1.0\n")
    }
}
