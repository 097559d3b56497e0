import Foundation
import Glibc
import SuvTestSupport
import Testing

/// `suv sync` of a project whose environment lives on a 1 MiB tmpfs that fills up (the cache is
/// elsewhere, so files are copied, not linked): a clear error naming the wheel and the cause,
/// a non-zero exit, and the environment exactly as it was — the distributions installed before
/// the disk filled are taken out again and the one the sync had uninstalled is put back.
/// Needs root to mount the tmpfs; skipped otherwise.
@Suite(.serialized) struct DiskFullTests {
    static let canMount = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/bin/mount")

    @Test(.enabled(if: canMount, "mounting a tmpfs needs root"))
    func aFullDiskFailsClearlyAndLeavesTheEnvironmentAsItWas() async throws {
        let tree = try TemporaryTree(prefix: "suv-disk-full")
        let small = tree.path("small")
        try FileManager.default.createDirectory(atPath: small, withIntermediateDirectories: true)
        try #require(Self.command("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", small]) == 0, "mount failed")
        defer { _ = Self.command("/bin/umount", ["-l", small]) }

        let server = try LocalIndexServer(root: try RealWheelsIndex.url().path)
        let index = server.url("/simple/")
        let project = small + "/project"
        func write(dependencies: String) throws {
            try FileManager.default.createDirectory(atPath: project, withIntermediateDirectories: true)
            try """
                [project]
                name = "full"
                version = "0.1.0"
                requires-python = ">=3.10"
                dependencies = [\(dependencies)]
                """.write(toFile: project + "/pyproject.toml", atomically: false, encoding: .utf8)
        }
        let environment = projectEnvironment(tree)
        func sync(_ extra: [String] = []) async -> CLIResult {
            await runSuv(["sync", "--directory", project, "--index-url", index, "--python", "3.12"] + extra, environment: environment)
        }

        try write(dependencies: #""iniconfig""#)
        let first = await sync()
        try #require(first.status == 0, "\(first.stderr)")
        let venv = project + "/.venv"
        let site = venv + "/lib/python3.12/site-packages"
        let before = try Self.files(venv)

        // pytest and flask with their requirements: several MiB of copies into 1 MiB; iniconfig
        // reinstalled, so the sync uninstalls it first.
        try write(dependencies: #""iniconfig", "flask", "pytest""#)
        let failed = await sync(["--reinstall-package", "iniconfig"])
        #expect(failed.status == 2, "\(failed.stderr)")
        #expect(failed.stderr.contains("Uninstalled 1 package in "), "\(failed.stderr)")
        #expect(failed.stderr.contains("error: Failed to install: "), "\(failed.stderr)")
        #expect(failed.stderr.contains("No space left on device"), "\(failed.stderr)")
        #expect(!failed.stderr.contains("could not be put back"), "\(failed.stderr)")

        // The whole environment byte for byte as before: nothing added, nothing missing.
        let afterEnvironment = try Self.files(venv)
        #expect(afterEnvironment.keys.sorted() == before.keys.sorted())
        for (path, bytes) in before { #expect(afterEnvironment[path] == bytes, "\(path)") }

        // And, checked the other way, every distribution there is whole.
        let after = try Self.files(site)
        for distInfo in after.keys.filter({ $0.hasSuffix(".dist-info/METADATA") }).map({ String($0.dropLast("/METADATA".count)) }) {
            let record = try #require(after[distInfo + "/RECORD"], "\(distInfo) has no RECORD")
            for line in String(decoding: record, as: UTF8.self).split(separator: "\n") {
                let path = String(line.split(separator: ",", omittingEmptySubsequences: false)[0])
                guard !path.hasPrefix("../") else { continue }
                #expect(after[path] != nil, "\(distInfo) lists \(path), which is missing")
            }
        }
        // The distributions that could not be installed left no file behind.
        let listed = Set(after.keys.filter { $0.hasSuffix("/RECORD") }.flatMap { record in
            String(decoding: after[record] ?? [], as: UTF8.self).split(separator: "\n")
                .map { String($0.split(separator: ",", omittingEmptySubsequences: false)[0]) }
        })
        #expect(after.keys.filter { !listed.contains($0) && !$0.contains("__pycache__") && !$0.hasPrefix("_virtualenv.") }.sorted() == [])
    }

    /// Every file below `root` (relative path → contents).
    static func files(_ root: String) throws -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue
            else { continue }
            result[relative] = [UInt8](try Data(contentsOf: URL(fileURLWithPath: root + "/" + relative)))
        }
        return result
    }

    static func command(_ executable: String, _ arguments: [String]) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}
