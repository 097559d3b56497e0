import Foundation
import Cache
@testable import Installer
import PropertyBased
import SuvTestSupport
import Testing

/// ``WheelLayout``: kept after a wheel's first installation, it installs the same files and the
/// same `RECORD` as the plan; a wheel that is not plain has none; a damaged or hostile layout
/// file is ignored.
@Suite(TestEnvironment.available) struct WheelLayoutTests {
    /// Every fixture wheel and every real wheel `fixtures/fetch-real-wheels` fetched: installed
    /// once through the plan (which stores the layout of a plain wheel), uninstalled, then installed
    /// through the layout: the environment holds the same files (names, kinds, modes,
    /// contents, link targets), and the same `RECORD`s byte for byte.
    @Test func theLayoutInstallsWhatThePlanInstalls() async throws {
        let realWheels = RepositoryPaths.fixtures.appendingPathComponent("real-wheels").path
        let real = ((try? FileManager.default.contentsOfDirectory(atPath: realWheels)) ?? [])
            .filter { $0.hasSuffix(".whl") }.sorted().map { realWheels + "/" + $0 }
        // omega has every `.data` category, entry points and a data script shadowed by one.
        let fixtures = try (FixtureIndex.wheels() + ["omega-1.0-py3-none-any.whl", "omega-2.0-py3-none-any.whl"])
            .map { try InstallerWheels.path($0) }
        try #require(fixtures.count >= 10)
        var withData = 0
        for wheelPath in fixtures + real {
            let planned = try TestEnvironment(name: "planned")
            let unpacked = try await planned.cache.unpack(wheelPath: wheelPath)
            _ = try await WheelInstaller.install(unpacked, into: planned.scheme, options: InstallOptions(directURL: nil))
            let layoutPath = try #require(unpacked.layoutPath)
            let layout = try #require(WheelLayout.read(layoutPath), "\(wheelPath)")
            if layout.dataCount > 0 { withData += 1 }
            // Into the same environment again (launchers and their RECORD hashes name its path).
            let before = try Self.snapshot(planned)
            let installed = try #require(try InstalledDistributions.scan(planned.sitePackages).first)
            _ = try WheelUninstaller.uninstall(distInfo: installed.path, scheme: planned.scheme)
            _ = try WheelInstaller.installBlocking(unpacked, layout: layout, into: planned.scheme, options: InstallOptions())
            #expect(try Self.snapshot(planned) == before, "\(wheelPath)")
        }
        #expect(withData >= 2)
    }

    /// A wheel of `fixtures/real-wheels` (fetched by `fixtures/fetch-real-wheels`, which
    /// `.ci/run` runs).
    static func realWheel(_ name: String) throws -> String {
        let path = RepositoryPaths.fixtures.appendingPathComponent("real-wheels/" + name).path
        try #require(FileManager.default.fileExists(atPath: path), "run fixtures/fetch-real-wheels first")
        return path
    }

    /// Every path the wheel added below the environment's root (the folders and files
    /// `python -m venv` made are left out) with its kind, mode and contents or link target; the
    /// environment's own path, in launchers' shebangs, reads `<root>`.
    static func snapshot(_ env: TestEnvironment) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: env.root)
        let skeleton: Set<String> = ["bin", "include", "lib", "lib/python3.12", "lib/python3.12/site-packages", "lib64", "pyvenv.cfg"]
        while let relative = enumerator?.nextObject() as? String {
            if skeleton.contains(relative) || (relative.hasPrefix("bin/") && (relative.hasPrefix("bin/python") || relative.hasPrefix("bin/activate") || relative == "bin/Activate.ps1")) {
                continue
            }
            let full = env.root + "/" + relative
            let attributes = try FileManager.default.attributesOfItem(atPath: full)
            let mode = (attributes[.posixPermissions] as? Int).map { String($0, radix: 8) } ?? "?"
            switch attributes[.type] as? FileAttributeType {
            case .typeSymbolicLink?:
                result[relative] = "link \(try FileManager.default.destinationOfSymbolicLink(atPath: full))"
            case .typeDirectory?:
                result[relative] = "folder \(mode)"
            default:
                let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: full)), as: UTF8.self)
                result[relative] = "file \(mode)\n" + text.replacingOccurrences(of: env.root, with: "<root>")
            }
        }
        return result
    }

    /// A wheel that ships a file the installer writes itself, or with a line break in a name,
    /// has no layout; `.data` files are listed apart, for planning at install time.
    @Test func whichWheelsHaveALayout() throws {
        let info = WheelInfo(distInfo: "pkg-1.0.dist-info", name: "pkg", version: "1.0", rootIsPurelib: true)
        let record: [String: RecordEntry] = [:]
        func layout(_ files: [String]) throws -> WheelLayout? {
            // Files outside the wheel's RECORD are hashed from disk: give them an empty file.
            let tree = try TemporaryTree(prefix: "suv-layout")
            for file in files { _ = try tree.write("wheel/" + file, "") }
            return try WheelLayout.make(root: tree.path("wheel"), files: files, info: info, wheelRecord: record, hasEntryPoints: false)
        }
        let plain = ["pkg-1.0.dist-info/METADATA", "pkg-1.0.dist-info/WHEEL", "pkg/__init__.py", "pkg/sub/x.py"]
        let made = try #require(try layout(plain))
        #expect(made.operationCount == 7 && made.recordCount == 4)
        #expect(String(decoding: made.serialized, as: UTF8.self).contains(
            "operations 7\nd pkg-1.0.dist-info\nf pkg-1.0.dist-info/METADATA\nf pkg-1.0.dist-info/WHEEL\nd pkg\nf pkg/__init__.py\nd pkg/sub\nf pkg/sub/x.py\ndata 0\nrecord 4\n"))
        let withData = try #require(try layout(plain + ["pkg-1.0.data/scripts/tool", "pkg-1.0.data/data/share/x"]))
        #expect(withData.operationCount == 7 && withData.recordCount == 4 && withData.dataCount == 2)
        #expect(try withData.dataEntries().map(\.path) == ["pkg-1.0.data/data/share/x", "pkg-1.0.data/scripts/tool"])
        #expect(try layout(plain + ["pkg-1.0.dist-info/INSTALLER"]) == nil)
        #expect(try layout(plain + ["pkg-1.0.dist-info/direct_url.json"]) == nil)
        #expect(try layout(plain + ["pkg/odd\nname.py"]) == nil)
    }

    /// Damaged, truncated or hostile layout files are not layouts.
    @Test(arguments: [
        "",
        "suv-wheel-layout 2\n",
        "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 1\nf ../escape\ndata 0\nrecord 0\n",
        "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 1\nf /etc/passwd\ndata 0\nrecord 0\n",
        "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 1\nd a/../../b\ndata 0\nrecord 0\n",
        "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 1\nf a//b\ndata 0\nrecord 0\n",
        "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 1\nx a\ndata 0\nrecord 0\n",
        "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 2\nf a\ndata 0\nrecord 0\n",
        "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 1\nf a\ndata 0\nrecord 1\n",
        "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 1\nf a\ndata 0\nrecord 0\ntrailing\n",
        "suv-wheel-layout 1\ndist-info ../p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 0\ndata 0\nrecord 0\n",
        "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib maybe\nentry-points 0\noperations 0\ndata 0\nrecord 0\n",
        "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 0\ndata 1\n../../etc/passwd,,\nrecord 0\n",
        "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 0\ndata 1\np-1.data/../../x,,\nrecord 0\n",
        "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 0\ndata 1\np/a.py,,\nrecord 0\n",
        "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 0\nrecord 0\n",
        "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 1\nf a",
    ])
    func damagedLayoutsAreRejected(text: String) {
        #expect(WheelLayout.parse(Array(text.utf8)) == nil)
    }

    @Test func aWellFormedLayoutParses() throws {
        let text = "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 0\nentry-points 1\noperations 2\nd p\nf p/a.py\ndata 0\nrecord 1\np/a.py,sha256=x,1\n"
        let layout = try #require(WheelLayout.parse(Array(text.utf8)))
        #expect(layout.info == WheelInfo(distInfo: "p-1.dist-info", name: "p", version: "1", rootIsPurelib: false))
        #expect(layout.hasEntryPoints)
        var seen: [String] = []
        layout.forEachOperation { operation, path, _ in
            seen.append("\(operation == .makeDirectory ? "d" : "f") \(String(cString: path))")
            return true
        }
        #expect(seen == ["d p", "f p/a.py"])
        #expect(String(decoding: layout.serialized, as: UTF8.self) == text)
    }

    /// A hostile layout file beside a cache entry (a file link out of site-packages) is ignored:
    /// the wheel installs through its plan, and nothing is written outside the environment.
    @Test func aHostileLayoutFileIsIgnored() async throws {
        let env = try TestEnvironment()
        let wheel = try await env.cache.unpack(wheelPath: try Self.realWheel("iniconfig-2.0.0-py3-none-any.whl"))
        let layoutPath = try #require(wheel.layoutPath)
        let hostile = "suv-wheel-layout 1\ndist-info iniconfig-2.0.0.dist-info\nname iniconfig\nversion 2.0.0\nroot-is-purelib 1\nentry-points 0\noperations 2\nf ../../../../../escaped\nf iniconfig/__init__.py\ndata 0\nrecord 0\n"
        try hostile.write(toFile: layoutPath, atomically: true, encoding: .utf8)
        _ = try await WheelInstaller.install(wheel, into: env.scheme)
        #expect(!FileManager.default.fileExists(atPath: env.tree.path("escaped")))
        #expect(env.text("lib/python3.12/site-packages/iniconfig-2.0.0.dist-info/RECORD")?.contains("iniconfig/__init__.py,sha256=") == true)
        // The damaged layout was replaced by a good one.
        #expect(WheelLayout.read(layoutPath)?.operationCount ?? 0 > 2)
    }

    /// Through the layout, an install stopped after a few files leaves a `.dist-info` without
    /// `RECORD` (broken, repaired by installing again), and a failed one removes what it placed.
    @Test func interruptedAndFailedLayoutInstalls() async throws {
        let first = try TestEnvironment(name: "first")
        let wheel = try await first.cache.unpack(wheelPath: try Self.realWheel("flask-3.0.3-py3-none-any.whl"))
        _ = try await WheelInstaller.install(wheel, into: first.scheme)
        let layoutPath = try #require(wheel.layoutPath)
        let layout = try #require(WheelLayout.read(layoutPath))

        let env = try TestEnvironment(name: "second", cache: first.cache)
        var options = InstallOptions()
        options.interruptAfterFiles = 3
        #expect(throws: SimulatedInterruption.self) {
            _ = try WheelInstaller.installBlocking(wheel, layout: layout, into: env.scheme, options: options)
        }
        let broken = try #require(try InstalledDistributions.scan(env.sitePackages).first)
        #expect(broken.isBroken)
        _ = try await WheelInstaller.install(wheel, into: env.scheme)
        #expect(try InstalledDistributions.scan(env.sitePackages).first?.isBroken == false)
        #expect(FileManager.default.fileExists(atPath: env.sitePackages + "/flask/app.py"))

        // A non-empty folder where a module goes: the install fails and removes what it placed.
        let clean = try TestEnvironment(name: "third", cache: first.cache)
        try FileManager.default.createDirectory(atPath: clean.sitePackages + "/flask/app.py/blocker", withIntermediateDirectories: true)
        let error = await #expect(throws: (any Error).self) {
            _ = try await WheelInstaller.install(wheel, into: clean.scheme)
        }
        #expect(chain(try #require(error)).hasPrefix("Failed to install: flask-3.0.3-py3-none-any.whl (flask==3.0.3)\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: clean.sitePackages) == ["flask"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: clean.sitePackages + "/flask") == ["app.py"])
        #expect(!FileManager.default.fileExists(atPath: clean.root + "/bin/flask"))
    }

    /// A signal after any number of files (every point, through the plan and through the
    /// layout) rolls the wheel back completely: the environment is as it was.
    @Test(arguments: ["click-8.1.7-py3-none-any.whl", "omega-1.0-py3-none-any.whl"])
    func aSignalAtAnyPointRollsBack(wheelName: String) async throws {
        let first = try TestEnvironment(name: "first")
        let wheelPath = wheelName.hasPrefix("omega") ? try InstallerWheels.path(wheelName) : try Self.realWheel(wheelName)
        let wheel = try await first.cache.unpack(wheelPath: wheelPath)
        _ = try await WheelInstaller.install(wheel, into: first.scheme)
        let layoutPath = try #require(wheel.layoutPath)
        let layout = try #require(WheelLayout.read(layoutPath))
        // The same unpacked wheel without a layout installs through its plan.
        let planOnly = UnpackedWheel(path: wheel.path, filename: wheel.filename, hash: wheel.hash)
        let env = try TestEnvironment(name: "second", cache: first.cache)
        for viaLayout in [false, true] {
            // (An uninstall leaves the folders it made outside site-packages, as uv's does.)
            let before = try Self.snapshot(env)
            var points = 0
            for after in 1... {
                var options = InstallOptions()
                options.signalAfterFiles = after
                do {
                    let result = viaLayout
                        ? try WheelInstaller.installBlocking(wheel, layout: layout, into: env.scheme, options: options)
                        : try WheelInstaller.installBlocking(planOnly, into: env.scheme, options: options)
                    _ = try WheelUninstaller.uninstall(distInfo: result.distInfo, scheme: env.scheme)
                    break
                } catch is InstallInterrupted {
                    points += 1
                    #expect(try Self.snapshot(env) == before, "after \(after) files, \(viaLayout ? "through the layout" : "through the plan")")
                }
            }
            #expect(points >= 10)
        }
    }

    /// Through the layout, each link mode places files as it says (hard links share the cache's
    /// inode, copies do not, symbolic links point into the cache) with the same
    /// contents and the same RECORD.
    @Test(arguments: [LinkMode.copy, .hardlink, .symlink, .clone])
    func linkModesThroughTheLayout(mode: LinkMode) async throws {
        let first = try TestEnvironment(name: "first")
        let wheel = try await first.cache.unpack(wheelPath: try Self.realWheel("click-8.1.7-py3-none-any.whl"))
        _ = try await WheelInstaller.install(wheel, into: first.scheme)
        let layoutPath = try #require(wheel.layoutPath)
        let layout = try #require(WheelLayout.read(layoutPath))
        let env = try TestEnvironment(name: "second", cache: first.cache)
        _ = try WheelInstaller.installBlocking(wheel, layout: layout, into: env.scheme, options: InstallOptions(linkMode: mode))
        let record = "click-8.1.7.dist-info/RECORD"
        #expect(env.text("lib/python3.12/site-packages/" + record) == first.text("lib/python3.12/site-packages/" + record))
        let installed = env.sitePackages + "/click/core.py", cached = wheel.path + "/click/core.py"
        let attributes = try FileManager.default.attributesOfItem(atPath: installed)
        let sameInode = (attributes[.systemFileNumber] as? Int) == (try FileManager.default.attributesOfItem(atPath: cached)[.systemFileNumber] as? Int)
        switch mode {
        case .hardlink: #expect(sameInode)
        case .copy: #expect(!sameInode)
        case .clone: break // a clone where the file system can, else a hard link (as uv)
        case .symlink: #expect(try FileManager.default.destinationOfSymbolicLink(atPath: installed) == cached)
        }
        #expect(try env.python(["-c", "import click; print(click.__name__)"]).stdout == "click\n")
    }

    /// Merging the installer's own entries into a layout's sorted `RECORD` lines gives what
    /// sorting all entries gives, for random paths (quoted ones, `../` ones, non-ASCII ones).
    @Test func recordMergeIsSorting() async {
        let components = ["a", "b", "Z", "_x", "é", "a,b", "q\"t", "..", "-", "0", "a.dist-info"]
        let component = Gen.int(in: 0...(components.count - 1)).map { components[$0] }
        let path = component.array(of: 1...4).map { $0.joined(separator: "/") }
        await propertyCheck(count: 300, input: path.array(of: 0...12), Gen.int(in: 0...4095)) { paths, mask in
            let entries = Array(Set(paths)).map { RecordEntry(path: $0, hash: "sha256=\($0.utf8.count)", size: UInt64($0.utf8.count)) }
            var kept: [RecordEntry] = [], extra: [RecordEntry] = []
            for (index, entry) in entries.enumerated() {
                if mask & (1 << (index % 12)) != 0 { extra.append(entry) } else { kept.append(entry) }
            }
            let text = "suv-wheel-layout 1\ndist-info p-1.dist-info\nname p\nversion 1\nroot-is-purelib 1\nentry-points 0\noperations 0\ndata 0\nrecord \(kept.count)\n"
                + RecordFile.serialize(kept.sorted())
            guard let layout = WheelLayout.parse(Array(text.utf8)) else {
                Issue.record("layout does not parse: \(text)")
                return
            }
            #expect(String(decoding: layout.recordText(adding: extra), as: UTF8.self) == RecordFile.serialize(entries.sorted()))
        }
    }
}
