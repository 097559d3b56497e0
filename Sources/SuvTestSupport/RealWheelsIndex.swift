import Foundation

/// An index over `fixtures/real-wheels` (real distributions fetched by
/// `fixtures/fetch-real-wheels`, which `.ci/run` runs), built once per test process by
/// `fixtures/packages/index-folder.py` into a temporary directory.
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
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("suv-real-index-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", RepositoryPaths.fixtures.appendingPathComponent("packages/index-folder.py").path,
                             "--from", wheels.path, "--out", output.path]
        do {
            try process.run()
        } catch {
            return .failure(Unavailable(description: "could not run index-folder.py: \(error)"))
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return .failure(Unavailable(description: "index-folder.py failed")) }
        return .success(output)
    }()

    public static func url() throws -> URL { try root.get() }
}
