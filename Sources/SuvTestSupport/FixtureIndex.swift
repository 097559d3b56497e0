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
    /// source (``GeneratedTree``), so later runs reuse it and an edited generator builds afresh.
    public static let root: Result<URL, BuildFailed> = {
        let fixtures = RepositoryPaths.fixtures.appendingPathComponent("packages")
        let script = fixtures.appendingPathComponent("build.py")
        let backend = fixtures.appendingPathComponent("backend/suv_fixture_backend.py")
        guard let source = try? Data(contentsOf: script) + Data(contentsOf: backend) else {
            return .failure(BuildFailed(description: "fixtures/packages/build.py is missing"))
        }
        return GeneratedTree.build(prefix: "suv-fixture-packages", inputs: source, marker: "find-links/index.html",
                                   script: script, arguments: [])
            .mapError { BuildFailed(description: $0.description) }
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
