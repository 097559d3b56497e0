import Foundation
import PEP440
import Python
import Testing
@testable import VirtualEnv

/// Discovery in uv's order over real interpreters, and the project environment's life cycle.
@Suite(Pythons.installed("3.10"), Pythons.installed("3.12"))
struct InterpreterFinderTests {
    /// `PATH` holding only the 3.12 and 3.10 builds (in that order), `HOME` empty so pyenv's
    /// folder is not searched.
    func finder(_ directory: String, preference: InterpreterFinder.Preference = .any, extra: [String: String] = [:]) -> InterpreterFinder {
        let path = [Pythons.installation("3.12")! + "/bin", Pythons.installation("3.10")! + "/bin"].joined(separator: ":")
        var environment = ["PATH": path, "HOME": directory + "/home"]
        environment.merge(extra) { _, new in new }
        return InterpreterFinder(cache: InterpreterInfoCache(directory: directory + "/cache"), environment: environment,
                                 workingDirectory: directory, preference: preference)
    }

    @Test func versionsRangesAndRequiresPython() async throws {
        try await withTemporaryDirectory { directory in
            let finder = finder(directory)
            #expect(try await finder.find(nil).info.versionInfo.minor == 12)
            #expect(try await finder.find(.parse("3.10")).path == Pythons.installation("3.10")! + "/bin/python3.10")
            #expect(try await finder.find(.parse("cpython@3.10")).info.versionInfo.minor == 10)
            #expect(try await finder.find(.parse("<3.11")).info.versionInfo.minor == 10)
            let capped = try VersionSpecifiers(parsing: "<3.11")
            #expect(try await finder.find(nil, requiresPython: capped).info.versionInfo.minor == 10)
            await #expect(throws: PythonDiscoveryError.self) { try await finder.find(.parse("3.7")) }
            do {
                _ = try await finder.find(.parse("3.7"))
            } catch {
                #expect((error as? PythonDiscoveryError)?.message == "No interpreter found for Python 3.7 in virtual environments, managed installations, or search path")
            }
            do {
                _ = try await finder.find(nil, requiresPython: try VersionSpecifiers(parsing: ">=3.14"))
            } catch {
                #expect((error as? PythonDiscoveryError)?.message == "No interpreter found for Python >=3.14 in virtual environments, managed installations, or search path")
            }
            let all = await finder.findAll(nil).map(\.info.versionInfo.minor)
            #expect(all.first == 12 && all.contains(10))
        }
    }

    @Test func environmentsComeFirstUnlessOnlySystem() async throws {
        try await withTemporaryDirectory { directory in
            let base = try await finder(directory).find(.parse("3.10"))
            let options = VirtualEnvironmentCreator.options(root: directory + "/.venv", interpreter: base.info, prompt: nil,
                                                            creator: .init(name: "suv", version: "0.1.0"))
            try VirtualEnvironmentCreator.create(VirtualEnvironmentPlan(options), existing: .fail, displayPath: ".venv")
            try FileManager.default.createDirectory(atPath: directory + "/sub", withIntermediateDirectories: true)
            var nested = finder(directory)
            nested.workingDirectory = directory + "/sub"
            #expect(try await nested.find(nil).path == directory + "/.venv/bin/python")
            #expect(try await nested.find(.parse("3.12")).info.versionInfo.minor == 12)
            nested.preference = .onlySystem
            #expect(try await nested.find(nil).info.versionInfo.minor == 12)
            let active = finder(directory + "/sub", extra: ["VIRTUAL_ENV": directory + "/.venv"])
            #expect(try await active.find(nil).source == .activeEnvironment)
        }
    }

    @Test func projectEnvironmentIsCreatedReusedAndReplaced() async throws {
        try await withTemporaryDirectory { directory in
            let finder = finder(directory)
            let messages = Messages()
            let first = try await ProjectEnvironment.prepare(
                workspaceRoot: directory, request: .parse("3.12"), requiresPython: VersionSpecifiers([]), finder: finder,
                prompt: "demo", creator: .init(name: "suv", version: "0.1.0"), report: { messages.add($0) })
            #expect(first.created)
            #expect(first.environment.root == directory + "/.venv")
            #expect(first.environment.sitePackages == directory + "/.venv/lib/python3.12/site-packages")
            #expect(messages.lines == [
                "Using CPython \(first.interpreter.versionInfo) interpreter at: \(Pythons.executable("3.12")!)",
                "Creating virtual environment at: .venv",
            ])
            messages.clear()
            let again = try await ProjectEnvironment.prepare(
                workspaceRoot: directory, request: .parse("3"), requiresPython: VersionSpecifiers([]), finder: finder,
                prompt: "demo", creator: .init(name: "suv", version: "0.1.0"), report: { messages.add($0) })
            #expect(!again.created)
            #expect(messages.lines.isEmpty)
            let replaced = try await ProjectEnvironment.prepare(
                workspaceRoot: directory, request: .parse("3.10"), requiresPython: VersionSpecifiers([]), finder: finder,
                prompt: "demo", creator: .init(name: "suv", version: "0.1.0"), report: { messages.add($0) })
            #expect(replaced.created)
            #expect(replaced.interpreter.versionInfo.minor == 10)
            #expect(messages.lines.dropFirst() == ["Removed virtual environment at: .venv", "Creating virtual environment at: .venv"])
            #expect(ProjectEnvironment.path(workspaceRoot: "/w", environment: ["UV_PROJECT_ENVIRONMENT": "envs/a"]) == "/w/envs/a")
            #expect(ProjectEnvironment.path(workspaceRoot: "/w", environment: [:]) == "/w/.venv")
        }
    }
}

final class Messages: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func add(_ line: String) { lock.withLock { stored.append(line) } }
    func clear() { lock.withLock { stored = [] } }
    var lines: [String] { lock.withLock { stored } }
}
