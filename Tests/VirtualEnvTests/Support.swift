import Foundation
import Testing

/// CPython builds under `~/.pyenv/versions`, and small process helpers.
enum Pythons {
    static var versionsDirectory: String {
        (ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()) + "/.pyenv/versions"
    }

    /// The installation for `minor` (`"3.12"` → `…/3.12.1`), highest patch first.
    static func installation(_ minor: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: versionsDirectory)) ?? []
        let matching = names.filter { $0.hasPrefix(minor + ".") && $0.dropFirst(minor.count + 1).allSatisfy(\.isNumber) }
        return matching.sorted { (Int($0.split(separator: ".").last ?? "") ?? 0) > (Int($1.split(separator: ".").last ?? "") ?? 0) }
            .first.map { versionsDirectory + "/" + $0 }
    }

    /// `bin/python3.X` of `minor`.
    static func executable(_ minor: String) -> String? {
        guard let installation = installation(minor) else { return nil }
        let path = installation + "/bin/python" + minor
        return FileManager.default.isExecutableFile(atPath: path) ? path : nil
    }

    static func installed(_ minor: String) -> ConditionTrait {
        .enabled(if: executable(minor) != nil, "Python \(minor) is not installed under \(versionsDirectory); skipped")
    }
}

/// A fresh directory (symlinks resolved), removed afterwards.
func withTemporaryDirectory<T>(_ body: (String) async throws -> T) async throws -> T {
    let base = URL(fileURLWithPath: NSTemporaryDirectory()).resolvingSymlinksInPath().path
    let path = base + "/suv-venv-tests-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: path) }
    return try await body(path)
}

/// Runs a program to completion; returns its status and standard output.
func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil, directory: String? = nil) throws -> (status: Int32, stdout: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
