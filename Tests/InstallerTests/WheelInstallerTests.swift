import Foundation
import Cache
import Hashing
@testable import Installer
import PackagingTypes
import SuvTestSupport
import Synchronization
import Testing

@Suite(TestEnvironment.available) struct WheelInstallerTests {
    @Test func installsImportsRunsAndUninstalls() async throws {
        let env = try TestEnvironment()
        let wheel = try await env.unpack("omega-1.0-py3-none-any.whl")
        let result = try await WheelInstaller.install(wheel, into: env.scheme)
        #expect(result.name.normalized == "omega" && result.version == "1.0")
        let site = "lib/python3.12/site-packages"
        #expect(env.files() == [
            "bin/omega", "bin/omega-extra", "bin/omega-gui", "bin/omega-nested", "bin/omega-py", "bin/omega-pyw", "bin/omega-sh",
            "include/site/python3.12/omega/omega.h",
            "\(site)/omega-1.0.dist-info/INSTALLER", "\(site)/omega-1.0.dist-info/METADATA", "\(site)/omega-1.0.dist-info/RECORD",
            "\(site)/omega-1.0.dist-info/REQUESTED", "\(site)/omega-1.0.dist-info/WHEEL", "\(site)/omega-1.0.dist-info/entry_points.txt",
            "\(site)/omega/__init__.py", "\(site)/omega/old.py", "\(site)/omega/sub/__init__.py", "\(site)/omega/sub/tool.py",
            "\(site)/omega_plat.py", "\(site)/omega_pure.py", "share/omega/README.txt",
        ])
        #expect(env.text("\(site)/omega-1.0.dist-info/INSTALLER") == "suv")
        #expect(env.text("\(site)/omega-1.0.dist-info/REQUESTED") == "")
        let record = try #require(env.text("\(site)/omega-1.0.dist-info/RECORD"))
        #expect(record.hasPrefix("../../../bin/omega,sha256="))
        #expect(record.contains("\nomega-1.0.dist-info/RECORD,,\n"))
        #expect(record.contains("\n../../../share/omega/README.txt,sha256=T7FirpIWbtIFLUXhKAHLnFDp3OLSZV1xkBZA7yiCxf0,15\n"))
        #expect(env.text("bin/omega-py") == "#!\(env.root)/bin/python\nimport omega\nprint('py', omega.__version__)\n")

        let imported = try env.python(["-c", "import omega, omega_pure, omega_plat, omega.sub.tool; print(omega.__version__)"])
        #expect(imported.stdout == "1.0\n", "\(imported.stderr)")
        #expect(try run(env.root + "/bin/omega", []).stdout == "omega 1.0 omega\n")
        #expect(try run(env.root + "/bin/omega-nested", []).stdout == "nested 1.0\n")
        #expect(try run(env.root + "/bin/omega-py", []).stdout == "py 1.0\n")
        #expect(try run(env.root + "/bin/omega-sh", []).stdout == "sh 1.0\n")
        // The shell script was not executable in the wheel: it was copied (the cache keeps its mode).
        let cached = try FileManager.default.attributesOfItem(atPath: wheel.path + "/omega-1.0.data/scripts/omega-sh")
        #expect((cached[.posixPermissions] as? Int) == 0o644)

        let installed = try InstalledDistributions.scan(env.sitePackages)
        #expect(installed.map(\.name.normalized) == ["omega"])
        #expect(installed.first?.installer == "suv" && installed.first?.requested == true && installed.first?.isBroken == false)

        let removed = try WheelUninstaller.uninstall(distInfo: result.distInfo, scheme: env.scheme)
        #expect(removed.fileCount == record.split(separator: "\n").count)
        // As uv: folders outside site-packages (include/site/…, share/…) are left, empty.
        #expect(env.files() == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: env.sitePackages).isEmpty)
    }

    @Test func upgradeAndDowngrade() async throws {
        let env = try TestEnvironment()
        let old = try await env.unpack("omega-1.0-py3-none-any.whl")
        let new = try await env.unpack("omega-2.0-py3-none-any.whl")
        let first = try await WheelInstaller.install(old, into: env.scheme)
        _ = try WheelUninstaller.uninstall(distInfo: first.distInfo, scheme: env.scheme)
        let second = try await WheelInstaller.install(new, into: env.scheme)
        #expect(try env.python(["-c", "import omega, omega.new; print(omega.__version__)"]).stdout == "2.0\n")
        #expect(!FileManager.default.fileExists(atPath: env.sitePackages + "/omega/old.py"))
        #expect(try run(env.root + "/bin/omega", []).stdout == "omega 2.0 omega\n")
        _ = try WheelUninstaller.uninstall(distInfo: second.distInfo, scheme: env.scheme)
        _ = try await WheelInstaller.install(old, into: env.scheme)
        #expect(try env.python(["-c", "import omega, omega.old; print(omega.__version__)"]).stdout == "1.0\n")
        #expect(!FileManager.default.fileExists(atPath: env.sitePackages + "/omega/new.py"))
        #expect(try InstalledDistributions.scan(env.sitePackages).map(\.version) == ["1.0"])
    }

    /// One wheel of three fails while the others are in flight: the failure is thrown after
    /// they finish, and each finished install is reported, so that a sync can take it out again.
    @Test func installsFinishedBesideAFailureAreReported() async throws {
        let env = try TestEnvironment()
        let alpha = try await env.unpack("alpha-1.1-py3-none-any.whl")
        let beta = try await env.unpack("beta-2.0-py3-none-any.whl")
        // A broken unpacked wheel with a large RECORD: installs start largest first, so it
        // starts first and fails (no WHEEL file) while the others are in flight or queued.
        let brokenRoot = env.tree.path("broken-wheel")
        try FileManager.default.createDirectory(atPath: brokenRoot + "/broken-1.0.dist-info", withIntermediateDirectories: true)
        try Data(repeating: UInt8(ascii: "x"), count: 1 << 20).write(to: URL(fileURLWithPath: brokenRoot + "/broken-1.0.dist-info/RECORD"))
        let missing = UnpackedWheel(path: brokenRoot, filename: try WheelFilename(parsing: "broken-1.0-py3-none-any.whl"), hash: alpha.hash)
        let reported = Mutex<[String]>([])
        await #expect(throws: (any Error).self) {
            _ = try await WheelInstaller.install([(alpha, InstallOptions()), (missing, InstallOptions()), (beta, InstallOptions())],
                                                 into: env.scheme, width: 3) { result in reported.withLock { $0.append(result.name.normalized) } }
        }
        let installed = try InstalledDistributions.scan(env.sitePackages).map(\.name.normalized).sorted()
        #expect(reported.withLock { $0.sorted() } == installed)
        #expect(installed == ["alpha", "beta"])
    }

    @Test func interruptedInstallIsBrokenAndRepairedByReinstalling() async throws {
        let env = try TestEnvironment()
        let wheel = try await env.unpack("omega-1.0-py3-none-any.whl")
        var options = InstallOptions()
        options.interruptAfterFiles = 4
        await #expect(throws: SimulatedInterruption.self) {
            _ = try await WheelInstaller.install(wheel, into: env.scheme, options: options)
        }
        let broken = try #require(try InstalledDistributions.scan(env.sitePackages).first)
        #expect(broken.isBroken && broken.name.normalized == "omega")
        #expect(throws: InstallerError.missingRecord(path: broken.path + "/RECORD")) {
            try WheelUninstaller.uninstall(distInfo: broken.path, scheme: env.scheme)
        }
        _ = try await WheelInstaller.install(wheel, into: env.scheme)
        let repaired = try #require(try InstalledDistributions.scan(env.sitePackages).first)
        #expect(!repaired.isBroken)
        #expect(try env.python(["-c", "import omega; print(omega.__version__)"]).stdout == "1.0\n")
    }

    @Test func interruptedInstallCanBeRemovedWithTheWheelsPlan() async throws {
        let env = try TestEnvironment()
        let wheel = try await env.unpack("omega-1.0-py3-none-any.whl")
        var options = InstallOptions()
        options.interruptAfterFiles = 9
        await #expect(throws: SimulatedInterruption.self) {
            _ = try await WheelInstaller.install(wheel, into: env.scheme, options: options)
        }
        #expect(!env.files().isEmpty)
        let broken = try #require(try InstalledDistributions.scan(env.sitePackages).first)
        _ = try WheelUninstaller.uninstallBroken(distInfo: broken.path, wheel: wheel, scheme: env.scheme)
        #expect(env.files() == [])
        #expect(try InstalledDistributions.scan(env.sitePackages).isEmpty)
    }

    @Test func aFailedInstallRemovesWhatItPlaced() async throws {
        let env = try TestEnvironment()
        let wheel = try await env.unpack("omega-1.0-py3-none-any.whl")
        // A non-empty folder where a launcher goes makes the install fail late.
        try FileManager.default.createDirectory(atPath: env.root + "/bin/omega-gui/blocker", withIntermediateDirectories: true)
        let error = await #expect(throws: (any Error).self) {
            _ = try await WheelInstaller.install(wheel, into: env.scheme)
        }
        let text = chain(try #require(error))
        #expect(text.hasPrefix("Failed to install: omega-1.0-py3-none-any.whl (omega==1.0)\n"))
        #expect(text.contains("bin/omega-gui"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: env.sitePackages).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: env.root + "/share"))
        #expect(!FileManager.default.fileExists(atPath: env.root + "/bin/omega"))
    }

    @Test(arguments: [LinkMode.copy, .hardlink, .symlink, .clone])
    func linkModes(mode: LinkMode) async throws {
        let env = try TestEnvironment()
        let wheel = try await env.unpack("omega-1.0-py3-none-any.whl")
        let result = try await WheelInstaller.install(wheel, into: env.scheme, options: InstallOptions(linkMode: mode))
        let installed = env.sitePackages + "/omega/__init__.py"
        var info = stat()
        #expect(lstat(installed, &info) == 0)
        switch mode {
        case .copy: #expect(info.st_nlink == 1)
        case .hardlink: #expect(info.st_nlink == 2)
        case .symlink:
            #expect(info.st_mode & S_IFMT == S_IFLNK)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: installed) == wheel.path + "/omega/__init__.py")
        case .clone:
            // On a filesystem without reflinks (ext4, tmpfs) clones fall back to hard links, as in uv.
            #expect(result.fallbacks.isEmpty || result.fallbacks == [.cloneToHardlink])
        }
        // RECORD and the files suv writes are never shared with the cache.
        var record = stat()
        #expect(lstat(result.distInfo + "/RECORD", &record) == 0 && record.st_nlink == 1)
        #expect(try env.python(["-c", "import omega; print(omega.__version__)"]).stdout == "1.0\n")
    }

    @Test func installsManyWheelsConcurrently() async throws {
        let env = try TestEnvironment()
        var requests: [(wheel: UnpackedWheel, options: InstallOptions)] = []
        for name in ["alpha-1.1", "beta-2.0", "eta-1.0", "epsilon-1.0", "gamma-1.0", "zeta-0.9", "omega-2.0"] {
            requests.append((try await env.unpack("\(name)-py3-none-any.whl"), InstallOptions()))
        }
        let results = try await WheelInstaller.install(requests, into: env.scheme)
        #expect(results.map(\.name.normalized) == ["alpha", "beta", "eta", "epsilon", "gamma", "zeta", "omega"])
        let check = try env.python(["-c", "import alpha, beta, eta, epsilon, gamma, zeta, omega; print(alpha.__version__, omega.__version__)"])
        #expect(check.stdout == "1.1 2.0\n", "\(check.stderr)")
        #expect(try run(env.root + "/bin/eta", []).stdout == "eta 1.0\n")
        #expect(try run(env.root + "/bin/eta-helper", []).stdout == "helper 1.0\n")
        #expect(try InstalledDistributions.scan(env.sitePackages).count == 7)
    }

    @Test func compilesBytecodeAndReportsFailures() async throws {
        let env = try TestEnvironment()
        let wheel = try await env.unpack("omega-1.0-py3-none-any.whl")
        _ = try await WheelInstaller.install(wheel, into: env.scheme)
        try "def broken(:\n".write(toFile: env.sitePackages + "/broken_module.py", atomically: true, encoding: .utf8)
        let failures = try await BytecodeCompiler.compile(directories: [env.sitePackages], interpreter: env.root + "/bin/python")
        #expect(failures.map(\.path) == [env.sitePackages + "/broken_module.py"])
        #expect(failures.first?.message.contains("invalid syntax") == true || failures.first?.message.contains("SyntaxError") == true)
        let pycache = try FileManager.default.contentsOfDirectory(atPath: env.sitePackages + "/omega/__pycache__")
        #expect(pycache.contains("__init__.cpython-312.pyc"))
    }

    @Test func uninstallsLegacyEggInfo() throws {
        let env = try TestEnvironment()
        let fm = FileManager.default
        try fm.createDirectory(atPath: env.sitePackages + "/legacy/sub", withIntermediateDirectories: true)
        try "".write(toFile: env.sitePackages + "/legacy/__init__.py", atomically: true, encoding: .utf8)
        try "".write(toFile: env.sitePackages + "/legacy_mod.py", atomically: true, encoding: .utf8)
        try "".write(toFile: env.sitePackages + "/keep.py", atomically: true, encoding: .utf8)
        let egg = env.sitePackages + "/legacy-0.1-py3.12.egg-info"
        try fm.createDirectory(atPath: egg, withIntermediateDirectories: true)
        try "legacy\nlegacy_mod\n\n../keep\n".write(toFile: egg + "/top_level.txt", atomically: true, encoding: .utf8)
        try "Metadata-Version: 1.0\nName: legacy\nVersion: 0.1\n".write(toFile: egg + "/PKG-INFO", atomically: true, encoding: .utf8)
        let scanned = try InstalledDistributions.scan(env.sitePackages)
        #expect(scanned.map(\.kind) == [.eggInfo] && scanned.first?.version == "0.1")
        _ = try WheelUninstaller.uninstallEgg(eggInfo: egg)
        #expect(try fm.contentsOfDirectory(atPath: env.sitePackages) == ["keep.py"])
    }

    @Test func uninstallKeepsFilesOutsideTheSchemeAndSharedFiles() async throws {
        let env = try TestEnvironment()
        let outside = try TemporaryTree(prefix: "suv-outside")
        try outside.write("victim.txt", "keep me")
        let fm = FileManager.default
        for (name, extra) in [("one", "shared/__init__.py,,\n"), ("two", "shared/__init__.py,,\n")] {
            let distInfo = env.sitePackages + "/\(name)-1.0.dist-info"
            try fm.createDirectory(atPath: distInfo, withIntermediateDirectories: true)
            let escape = PathArithmetic.relative(from: env.sitePackages, to: outside.path("victim.txt"))
            try "\(name).py,,\n\(extra)\(escape),,\n\(name)-1.0.dist-info/RECORD,,\n"
                .write(toFile: distInfo + "/RECORD", atomically: true, encoding: .utf8)
            try "".write(toFile: env.sitePackages + "/\(name).py", atomically: true, encoding: .utf8)
        }
        try fm.createDirectory(atPath: env.sitePackages + "/shared", withIntermediateDirectories: true)
        try "".write(toFile: env.sitePackages + "/shared/__init__.py", atomically: true, encoding: .utf8)
        _ = try WheelUninstaller.uninstall(distInfo: env.sitePackages + "/one-1.0.dist-info", scheme: env.scheme)
        #expect(fm.fileExists(atPath: outside.path("victim.txt")))
        #expect(fm.fileExists(atPath: env.sitePackages + "/shared/__init__.py"))
        #expect(!fm.fileExists(atPath: env.sitePackages + "/one.py"))
        #expect(try fm.contentsOfDirectory(atPath: env.sitePackages).sorted() == ["shared", "two-1.0.dist-info", "two.py"])
    }
}
