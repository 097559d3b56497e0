import Foundation
@testable import Installer
import SuvTestSupport
import Testing

/// An uninstall into an ``UninstallStash``: the distribution is gone from the environment, and
/// `restore()` brings back every file, link and folder (contents, modes) even after another
/// version was installed over the same paths; `discard()` makes the uninstall final.
@Suite(TestEnvironment.available) struct UninstallStashTests {
    /// Everything below `root`: kind, permission bits, and the bytes or link target.
    static func snapshot(_ root: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            let path = root + "/" + relative
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            let mode = String((attributes[.posixPermissions] as? Int) ?? -1, radix: 8)
            switch attributes[.type] as? FileAttributeType {
            case .typeDirectory?: result[relative] = "d \(mode)"
            case .typeSymbolicLink?: result[relative] = "l " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))
            default: result[relative] = "f \(mode) " + (try Data(contentsOf: URL(fileURLWithPath: path))).base64EncodedString()
            }
        }
        return result
    }

    @Test func restoreBringsBackExactlyWhatWasThere() async throws {
        let env = try TestEnvironment()
        let installed = try await WheelInstaller.install(try await env.unpack("omega-1.0-py3-none-any.whl"), into: env.scheme)
        // A byte-compiled file and a folder of odd mode, as a real environment has.
        let cache = env.sitePackages + "/omega/sub/__pycache__"
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        try Data("pyc".utf8).write(to: URL(fileURLWithPath: cache + "/tool.cpython-312.pyc"))
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: env.sitePackages + "/omega/sub")
        let before = try Self.snapshot(env.root)

        let stash = UninstallStash(environmentRoot: env.root)
        _ = try WheelUninstaller.uninstall(distInfo: installed.distInfo, scheme: env.scheme, stash: stash)
        #expect(!stash.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: env.sitePackages + "/omega"))
        #expect(try InstalledDistributions.scan(env.sitePackages).isEmpty)
        #expect(env.files().allSatisfy { $0.hasPrefix(UninstallStash.folderPrefix) }, "\(env.files())")

        // What a failed sync does: its new version goes in over the same paths, comes out
        // again, and the stash is put back.
        let newer = try await WheelInstaller.install(try await env.unpack("omega-2.0-py3-none-any.whl"), into: env.scheme)
        _ = try WheelUninstaller.uninstall(distInfo: newer.distInfo, scheme: env.scheme)
        try stash.restore()
        #expect(try Self.snapshot(env.root) == before)
        #expect(try env.python(["-c", "import omega.old; print(omega.__version__)"]).stdout == "1.0\n")
        #expect(!FileManager.default.fileExists(atPath: stash.folder))
    }

    @Test func restoreReplacesWhatAFailedInstallLeftAtThePaths() async throws {
        let env = try TestEnvironment()
        let installed = try await WheelInstaller.install(try await env.unpack("omega-1.0-py3-none-any.whl"), into: env.scheme)
        let cache = env.sitePackages + "/omega/__pycache__"
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        try Data("pyc".utf8).write(to: URL(fileURLWithPath: cache + "/old.cpython-312.pyc"))
        let before = try Self.snapshot(env.root)
        let stash = UninstallStash(environmentRoot: env.root)
        _ = try WheelUninstaller.uninstall(distInfo: installed.distInfo, scheme: env.scheme, stash: stash)
        // Left-overs at a stashed file's path and inside a folder stashed whole.
        try Data("stray".utf8).write(to: URL(fileURLWithPath: env.sitePackages + "/omega_pure.py"))
        try FileManager.default.createDirectory(atPath: cache, withIntermediateDirectories: true)
        try Data("new".utf8).write(to: URL(fileURLWithPath: cache + "/new.cpython-312.pyc"))
        try stash.restore()
        #expect(try Self.snapshot(env.root) == before)
    }

    @Test func discardMakesTheUninstallFinal() async throws {
        let env = try TestEnvironment()
        let installed = try await WheelInstaller.install(try await env.unpack("omega-1.0-py3-none-any.whl"), into: env.scheme)
        let stash = UninstallStash(environmentRoot: env.root)
        let removed = try WheelUninstaller.uninstall(distInfo: installed.distInfo, scheme: env.scheme, stash: stash)
        #expect(removed.fileCount > 10)
        stash.discard()
        #expect(env.files() == [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: env.root).filter { $0.hasPrefix(".suv") } == [])
    }

    @Test func aKilledSyncsStashIsDeletedByTheNext() throws {
        let env = try TestEnvironment()
        let leftover = env.root + "/" + UninstallStash.folderPrefix + "abc123"
        try FileManager.default.createDirectory(atPath: leftover + "/0", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: leftover + "/0/file"))
        UninstallStash.removeLeftovers(environmentRoot: env.root)
        #expect(!FileManager.default.fileExists(atPath: leftover))
        #expect(FileManager.default.fileExists(atPath: env.root + "/pyvenv.cfg"))
    }
}
