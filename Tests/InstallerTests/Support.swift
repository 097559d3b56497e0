import Foundation
import Cache
import Installer
import SuvTestSupport
import Testing

/// A Python 3.12 virtual environment made with `python -m venv --without-pip` in a temporary
/// folder, with a suv cache beside it.
final class TestEnvironment: @unchecked Sendable {
    let tree: TemporaryTree
    let root: String
    let scheme: InstallScheme
    let cache: WheelCache

    static var python312: String? {
        let versions = (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + "/.pyenv/versions"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: versions)) ?? [])
            .filter { $0.hasPrefix("3.12.") }.sorted()
        return names.last.map { versions + "/" + $0 + "/bin/python3" }
    }

    static let available = ConditionTrait.enabled(if: python312 != nil, "Python 3.12 is not installed under ~/.pyenv/versions")

    init(name: String = "venv", cache: WheelCache? = nil) throws {
        tree = try TemporaryTree(prefix: "suv-installer")
        root = tree.path(name)
        let python = try #require(Self.python312)
        let result = try run(python, ["-m", "venv", "--without-pip", root])
        try #require(result.status == 0, "venv failed: \(result.stderr)")
        scheme = .virtualEnvironment(root: root, pythonMajor: 3, pythonMinor: 12)
        self.cache = cache ?? WheelCache(store: CacheStore(root: tree.path("cache")))
    }

    var sitePackages: String { scheme.purelib }

    /// Runs the environment's python.
    func python(_ arguments: [String]) throws -> ProcessResult {
        try run(root + "/bin/python", arguments)
    }

    /// Paths of every file and link below the environment root, relative, sorted (the venv's
    /// own scaffolding excluded).
    func files() -> [String] {
        let skip: Set<String> = ["pyvenv.cfg", "bin/python", "bin/python3", "bin/python3.12", "bin/activate", "bin/activate.csh",
                                 "bin/activate.fish", "bin/Activate.ps1", "lib64"]
        var result: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root)
        while let next = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = root + "/" + next
            let attributes = try? FileManager.default.attributesOfItem(atPath: full)
            if attributes?[.type] as? FileAttributeType == .typeSymbolicLink {
                if !skip.contains(next) { result.append(next) }
                continue
            }
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue, !skip.contains(next) {
                result.append(next)
            }
        }
        return result.sorted()
    }

    func text(_ relative: String) -> String? {
        FileManager.default.contents(atPath: root + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    func unpack(_ wheel: String) async throws -> UnpackedWheel {
        try await cache.unpack(wheelPath: try InstallerWheels.path(wheel))
    }
}

struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                         stderr: String(decoding: stderr, as: UTF8.self))
}

/// The fixture wheels: `installer/` (omega, hostile wheels) and the index's `files/`.
enum InstallerWheels {
    static func path(_ name: String) throws -> String {
        let root = try FixtureIndex.url()
        for folder in ["installer", "files"] {
            let candidate = root.appendingPathComponent(folder).appendingPathComponent(name).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
        }
        throw FixtureMissing(name: name)
    }

    struct FixtureMissing: Error { let name: String }
}

/// The rendered chain of an error (messages joined by newlines).
func chain(_ error: any Error) -> String {
    ErrorChainText(error).text
}

import SuvBasics

struct ErrorChainText {
    let text: String
    init(_ error: any Error) { text = ErrorChain(error).messages.joined(separator: "\n") }
}
