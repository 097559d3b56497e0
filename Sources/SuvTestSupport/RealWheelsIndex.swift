import Foundation

/// An index over `fixtures/real-wheels` (real distributions fetched by
/// `fixtures/fetch-real-wheels`, which `.ci/run` runs), built by
/// `fixtures/packages/index-folder.py` into a temporary directory named after its inputs (the
/// files' names and sizes, the script's source), so later test processes reuse it. It is
/// written to a unique directory first and renamed into place: concurrent processes never see
/// half a tree.
public enum RealWheelsIndex {
    public struct Unavailable: Error, CustomStringConvertible {
        public let description: String
    }

    /// The index root (serve it with ``LocalIndexServer``).
    public static let root: Result<URL, Unavailable> = {
        let wheels = RepositoryPaths.fixtures.appendingPathComponent("real-wheels")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: wheels.path)) ?? []
        guard files.contains(where: { $0.hasPrefix("flask-") }) else {
            return .failure(Unavailable(description: "fixtures/real-wheels is empty: run fixtures/fetch-real-wheels"))
        }
        let script = RepositoryPaths.fixtures.appendingPathComponent("packages/index-folder.py")
        let builder = RepositoryPaths.fixtures.appendingPathComponent("packages/build.py")
        var inputs = (try? Data(contentsOf: script)) ?? Data()
        inputs += (try? Data(contentsOf: builder)) ?? Data()
        for file in files.sorted() {
            let size = (try? FileManager.default.attributesOfItem(atPath: wheels.appendingPathComponent(file).path)[.size] as? Int) ?? -1
            inputs += Data("\(file) \(size)\n".utf8)
        }
        // FNV-1a over the inputs.
        let digest = inputs.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        let temporary = FileManager.default.temporaryDirectory
        let output = temporary.appendingPathComponent("suv-real-index-\(String(digest, radix: 16))")
        if FileManager.default.fileExists(atPath: output.appendingPathComponent("simple/index.html").path) {
            return .success(output)
        }
        let staging = temporary.appendingPathComponent("suv-real-index-staging-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--from", wheels.path, "--out", staging.path]
        do {
            try process.run()
        } catch {
            return .failure(Unavailable(description: "could not run index-folder.py: \(error)"))
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: staging)
            return .failure(Unavailable(description: "index-folder.py failed"))
        }
        if (try? FileManager.default.moveItem(at: staging, to: output)) == nil {
            // Another process got there first; its tree is the same.
            try? FileManager.default.removeItem(at: staging)
        }
        return .success(output)
    }()

    public static func url() throws -> URL { try root.get() }
}
