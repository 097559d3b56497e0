import Foundation

/// The fixture universe built once per test process by `fixtures/packages/build.py` into a
/// temporary directory (python3 from PATH, stdlib only).
public enum FixtureIndex {
    public struct BuildFailed: Error, CustomStringConvertible {
        public let description: String
    }

    /// The output directory, built on first use.
    ///
    /// The build is kept in the temporary directory under a name derived from the generator's
    /// source, so later runs reuse it and an edited generator builds afresh. It is written to a
    /// unique directory first and renamed into place, so concurrent test processes never see
    /// half a tree.
    public static let root: Result<URL, BuildFailed> = {
        let fixtures = RepositoryPaths.fixtures.appendingPathComponent("packages")
        let script = fixtures.appendingPathComponent("build.py")
        let backend = fixtures.appendingPathComponent("backend/suv_fixture_backend.py")
        guard let source = try? Data(contentsOf: script) + Data(contentsOf: backend) else {
            return .failure(BuildFailed(description: "fixtures/packages/build.py is missing"))
        }
        // FNV-1a over the generator's source.
        let digest = source.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
        let temporary = FileManager.default.temporaryDirectory
        let output = temporary.appendingPathComponent("suv-fixture-packages-\(String(digest, radix: 16))")
        if FileManager.default.fileExists(atPath: output.appendingPathComponent("find-links/index.html").path) {
            return .success(output)
        }
        let staging = temporary.appendingPathComponent("suv-fixture-packages-\(UUID().uuidString)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, "--out", staging.path]
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            return .failure(BuildFailed(description: "could not run build.py: \(error)"))
        }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            try? FileManager.default.removeItem(at: staging)
            return .failure(BuildFailed(description: "build.py failed: \(String(decoding: stderr, as: UTF8.self))"))
        }
        if (try? FileManager.default.moveItem(at: staging, to: output)) == nil {
            // Another process got there first; its tree is identical.
            try? FileManager.default.removeItem(at: staging)
        }
        return .success(output)
    }()

    public static func url() throws -> URL { try root.get() }

    /// `fixtures/packages/backend/suv_fixture_backend.py`: the PEP 517 backend of every fixture
    /// project, for tests that lay out source trees of their own.
    public static func backendSource() -> URL {
        RepositoryPaths.fixtures.appendingPathComponent("packages/backend/suv_fixture_backend.py")
    }

    public static func bytes(_ relativePath: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: try url().appendingPathComponent(relativePath)))
    }

    /// The wheels the build wrote, by file name.
    public static func wheels() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: try url().appendingPathComponent("files").path)
            .filter { $0.hasSuffix(".whl") }.sorted()
    }

    /// The project names of the universe.
    public static let projects = ["alpha", "beta", "delta", "epsilon", "eta", "gamma", "zeta"]
}
