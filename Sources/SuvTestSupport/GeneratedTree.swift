import Foundation

/// A folder a Python script generates for the tests, built once per set of inputs: named in the
/// temporary directory after an FNV-1a hash of `inputs`, so later test processes reuse it, and
/// written to a unique folder first and renamed into place, so concurrent processes never see
/// half a tree.
enum GeneratedTree {
    /// The folder `<prefix>-<hash of inputs>`, made by running `python3 script arguments…
    /// --out <folder>` unless it already holds `marker`.
    static func build(prefix: String, inputs: Data, marker: String, script: URL, arguments: [String]) -> Result<URL, GenerationFailed> {
        let digest = inputs.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        let temporary = FileManager.default.temporaryDirectory
        let output = temporary.appendingPathComponent("\(prefix)-\(String(digest, radix: 16))")
        if FileManager.default.fileExists(atPath: output.appendingPathComponent(marker).path) {
            return .success(output)
        }
        let staging = temporary.appendingPathComponent("\(prefix)-staging-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path] + arguments + ["--out", staging.path]
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .failure(GenerationFailed(description: "could not run \(script.lastPathComponent): \(error)"))
        }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: staging)
            return .failure(GenerationFailed(
                description: "\(script.lastPathComponent) failed: \(String(decoding: stderr, as: UTF8.self))"))
        }
        if (try? FileManager.default.moveItem(at: staging, to: output)) == nil {
            // Another process got there first; its tree is the same.
            try? FileManager.default.removeItem(at: staging)
        }
        return .success(output)
    }

    struct GenerationFailed: Error, CustomStringConvertible {
        let description: String
    }
}
