import Foundation
import Cache
@testable import Installer
import SuvTestSupport
import Testing

/// Wheels that are odd rather than unsafe: handled (installed as they are) or refused with a
/// clear error, and nothing written outside the environment either way.
@Suite(TestEnvironment.available) struct HostileWheelTests {
    /// Two members whose names differ only by case are two files on a case-sensitive file
    /// system: both installed, both in RECORD, each importable.
    @Test func namesThatDifferOnlyByCaseAreTwoFiles() async throws {
        let env = try TestEnvironment()
        let wheel = try await env.unpack("casefold-1.0-py3-none-any.whl")
        _ = try await WheelInstaller.install(wheel, into: env.scheme)
        #expect(env.text("lib/python3.12/site-packages/casefold/Module.py") == "WHICH = 'upper'\n")
        #expect(env.text("lib/python3.12/site-packages/casefold/module.py") == "WHICH = 'lower'\n")
        let record = try #require(env.text("lib/python3.12/site-packages/casefold-1.0.dist-info/RECORD"))
        #expect(record.contains("\ncasefold/Module.py,sha256=") && record.contains("\ncasefold/module.py,sha256="))
        let imported = try env.python(["-c", "import casefold.Module as a, casefold.module as b; print(a.WHICH, b.WHICH)"])
        #expect(imported.stdout == "upper lower\n", "\(imported.stderr)")
    }

    /// METADATA with a NUL byte and bytes that are not UTF-8 outside the fields an installer
    /// needs: installed, and read back by the environment scan.
    @Test func oddBytesInMetadataAreCarriedThrough() async throws {
        let env = try TestEnvironment()
        let wheel = try await env.unpack("nulmeta-1.0-py3-none-any.whl")
        _ = try await WheelInstaller.install(wheel, into: env.scheme)
        let installed = try InstalledDistributions.scan(env.sitePackages)
        #expect(installed.map { "\($0.name.normalized)==\($0.version)" } == ["nulmeta==1.0"])
        #expect(installed.first?.isBroken == false)
        let metadata = try Data(contentsOf: URL(fileURLWithPath: env.sitePackages + "/nulmeta-1.0.dist-info/METADATA"))
        #expect(metadata.contains(0) && metadata.contains(0xFF))
    }

    /// A NUL byte in `Name`: the name does not match the file name, and the wheel is refused
    /// before anything is placed.
    @Test func aNulByteInTheNameIsRefused() async throws {
        let env = try TestEnvironment()
        let wheel = try await env.unpack("nulname-1.0-py3-none-any.whl")
        let error = await #expect(throws: (any Error).self) {
            _ = try await WheelInstaller.install(wheel, into: env.scheme)
        }
        let text = chain(try #require(error))
        #expect(text.hasPrefix("Failed to install: nulname-1.0-py3-none-any.whl"), "\(text)")
        #expect(text.contains("nulname"), "\(text)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: env.sitePackages).isEmpty)
        #expect(env.files() == [])
    }
}
