import Foundation
import Cache
@testable import Installer
import SuvTestSupport
import Testing

/// Installs the same wheel with real uv (`SUV_UV`, else `/tmp/uvenv/bin/uv`; skipped when
/// absent) and with suv into two venvs made the same way, and compares the layouts.
enum RealUv {
    static var path: String? {
        let candidate = ProcessInfo.processInfo.environment["SUV_UV"] ?? "/tmp/uvenv/bin/uv"
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }
}

@Suite(TestEnvironment.available, .enabled(if: RealUv.path != nil, "uv is not available (set SUV_UV)"))
struct UvComparisonTests {
    @Test(arguments: ["omega-1.0-py3-none-any.whl", "eta-1.0-py3-none-any.whl"])
    func sameLayoutAsUv(wheelName: String) async throws {
        let uv = try #require(RealUv.path)
        let wheelPath = try InstallerWheels.path(wheelName)
        // Same path length for both venvs, so shebangs differ only in the venv's name.
        let theirs = try TestEnvironment(name: "venv-uv")
        let ours = try TestEnvironment(name: "venv-sv")
        var environment = ProcessInfo.processInfo.environment
        environment["UV_CACHE_DIR"] = theirs.tree.path("uv-cache")
        environment["UV_OFFLINE"] = "1"
        let result = try run(uv, ["pip", "install", "--no-deps", "--python", theirs.root + "/bin/python", wheelPath], environment: environment)
        try #require(result.status == 0, "\(result.stderr)")

        let wheel = try await ours.unpack(wheelName)
        let url = "file://" + wheelPath
        _ = try await WheelInstaller.install(wheel, into: ours.scheme, options: InstallOptions(directURL: DirectURL(url: url, kind: .archive(hash: nil))))

        let uvOnly: Set<String> = ["uv_cache.json"]
        let theirFiles = theirs.files().filter { !uvOnly.contains(PathArithmetic.name($0)) && $0 != ".lock" }
        #expect(ours.files() == theirFiles)

        let distInfo = String(try #require(theirFiles.first { $0.hasSuffix(".dist-info/RECORD") })).dropLast("/RECORD".count)
        let theirRecord = try RecordFile.parse(try #require(theirs.text(distInfo + "/RECORD"))).filter { !$0.path.hasSuffix("/uv_cache.json") }
        let ourRecord = try RecordFile.parse(try #require(ours.text(distInfo + "/RECORD")))
        #expect(ourRecord.map(\.path) == theirRecord.map(\.path))
        for (mine, their) in zip(ourRecord, theirRecord) where !mine.path.hasPrefix("../../../bin/") && !mine.path.hasSuffix("/INSTALLER") {
            #expect(mine == their)
        }
        #expect(theirs.text(distInfo + "/INSTALLER") == "uv" && ours.text(distInfo + "/INSTALLER") == "suv")
        #expect(theirs.text(distInfo + "/direct_url.json") == ours.text(distInfo + "/direct_url.json"))
        for file in theirFiles where file.hasPrefix("bin/") {
            let mine = try #require(ours.text(file)).replacingOccurrences(of: ours.root, with: "VENV")
            let their = try #require(theirs.text(file)).replacingOccurrences(of: theirs.root, with: "VENV")
            #expect(mine == their, "\(file)")
            let mode = { (root: String) in (try? FileManager.default.attributesOfItem(atPath: root + "/" + file)[.posixPermissions] as? Int) ?? 0 }
            #expect(mode(ours.root) == mode(theirs.root), "\(file)")
        }
    }
}
