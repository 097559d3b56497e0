import Foundation
import SuvTestSupport
import Testing

/// Runs the built `suv` executable as a subprocess: the real `main.swift`, real file
/// descriptors, real exit statuses.
@Suite struct EndToEndTests {
    /// The `suv` binary next to this test bundle (`.build*/debug/suv`), if it was built.
    static let executable: URL? = {
        var candidates: [URL] = []
        if let argument0 = CommandLine.arguments.first {
            let bundle = URL(fileURLWithPath: argument0).resolvingSymlinksInPath()
            candidates.append(bundle.deletingLastPathComponent().appendingPathComponent("suv"))
            // macOS: .../debug/suvPackageTests.xctest/Contents/MacOS/suvPackageTests
            candidates.append(
                bundle.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
                    .deletingLastPathComponent().appendingPathComponent("suv")
            )
        }
        if let bundleDirectory = Bundle.main.executableURL?.deletingLastPathComponent() {
            candidates.append(bundleDirectory.appendingPathComponent("suv"))
        }
        for scratch in [".build-cli", ".build"] {
            candidates.append(RepositoryPaths.root.appendingPathComponent("\(scratch)/debug/suv"))
        }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Output {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let executable = try #require(Self.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var processEnvironment = ProcessInfo.processInfo.environment
        for name in processEnvironment.keys where name.hasPrefix("UV_") || name.hasSuffix("COLOR") || name == "CLICOLOR_FORCE" {
            processEnvironment[name] = nil
        }
        processEnvironment.merge(environment) { _, new in new }
        process.environment = processEnvironment
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.01)
        }
        if process.isRunning {
            process.terminate()
            Issue.record("`suv \(arguments.joined(separator: " "))` did not finish within 30 s")
        }
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            stdout: String(decoding: stdout.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self),
            stderr: String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        )
    }

    @Test(.enabled(if: executable != nil, "the `suv` executable was not built next to the tests; run `swift build` first"))
    func versionFlag() throws {
        let output = try Self.run(["--version"])
        #expect(output.status == 0)
        #expect(output.stdout == "suv 0.1.0\n")
        #expect(output.stderr.isEmpty)
    }

    @Test(.enabled(if: executable != nil, "the `suv` executable was not built next to the tests; run `swift build` first"))
    func syncScriptIsNotImplementedYet() throws {
        let output = try Self.run(["sync", "--script", "tool.py"])
        #expect(output.status == 2)
        #expect(output.stdout.isEmpty)
        #expect(output.stderr == "error: `suv sync --script` is not implemented yet\n")
    }

    @Test(.enabled(if: executable != nil, "the `suv` executable was not built next to the tests; run `swift build` first"))
    func usageErrorExits2NotEX_USAGE() throws {
        let output = try Self.run(["lock", "--foo"])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("error: "))
    }

    @Test(.enabled(if: executable != nil, "the `suv` executable was not built next to the tests; run `swift build` first"))
    func environmentReachesTheProcess() throws {
        let output = try Self.run(["lock"], environment: ["UV_OFFLINE": "maybe"])
        #expect(output.status == 2)
        #expect(output.stderr == "error: invalid value 'maybe' for '--offline': value was not a boolean\n")
    }
}
