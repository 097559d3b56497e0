import Foundation
import SuvTestSupport
import Testing

/// An interpreter asked for (by `--python` or `.python-version`) that the project's
/// `requires-python` excludes: found as asked, named, then refused in uv 0.13.9's words (each
/// text compared with what uv printed for the same project), with nothing created. Before, suv
/// said "No interpreter found" for a version request and *built a 3.10 environment* for a path.
@Suite struct ProjectPythonTests {
    let tree: TemporaryTree

    init() throws {
        tree = try TemporaryTree(prefix: "suv-project-python")
    }

    static var python310: String? { VenvCommandTests.installation("3.10").map { $0 + "/bin/python3.10" } }
    static let available = VenvCommandTests.installation("3.12") != nil && VenvCommandTests.installation("3.10") != nil

    var environment: [String: String] {
        [
            "PATH": [VenvCommandTests.installation("3.10")! + "/bin", VenvCommandTests.installation("3.12")! + "/bin", "/usr/bin", "/bin"]
                .joined(separator: ":"),
            "HOME": tree.path("home"), "XDG_CONFIG_HOME": tree.path("config"), "UV_CACHE_DIR": tree.path("cache"),
            "UV_PYTHON_DOWNLOADS": "never", "NO_COLOR": "1", "PIP_CONFIG_FILE": "/dev/null",
        ]
    }

    func project(requiresPython: String = ">=3.12") throws -> String {
        _ = try tree.write("app/pyproject.toml", """
            [project]
            name = "app"
            version = "0.1.0"
            requires-python = "\(requiresPython)"
            dependencies = []
            """)
        return tree.path("app")
    }

    static let incompatible = "error: The requested interpreter resolved to Python 3.10.13, which is incompatible with the project's Python requirement: `>=3.12` (from `project.requires-python`)\n"

    @Test(.enabled(if: available), arguments: ["3.10", "path"])
    func aRequestedInterpreterOutsideRequiresPythonIsRefused(request: String) async throws {
        let directory = try project()
        let python = request == "path" ? try #require(Self.python310) : request
        for command in [["sync"], ["lock"], ["run", "python", "-c", "pass"]] {
            let result = await runSuv([command[0], "--directory", directory, "--offline", "--python", python] + command.dropFirst(),
                                      environment: environment)
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr.hasPrefix("Using CPython 3.10."), "\(result.stderr)")
            #expect(result.stderr.hasSuffix(Self.incompatible.replacingOccurrences(of: "3.10.13", with: Self.patch310)), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: directory + "/.venv"), "\(command) created an environment")
            #expect(!FileManager.default.fileExists(atPath: directory + "/uv.lock"), "\(command) wrote a lock")
        }
    }

    @Test(.enabled(if: available)) func aVersionFileOutsideRequiresPythonIsRefusedWithThePinHint() async throws {
        let directory = try project()
        _ = try tree.write("app/.python-version", "3.10\n")
        let result = await runSuv(["lock", "--directory", directory, "--offline"], environment: environment)
        #expect(result.status == 2)
        #expect(result.stderr.hasSuffix("""
            error: The Python request from `.python-version` resolved to Python \(Self.patch310), which is incompatible with the project's Python requirement: `>=3.12` (from `project.requires-python`)
            Use `uv python pin` to update the `.python-version` file to a compatible version

            """), "\(result.stderr)")
    }

    @Test(.enabled(if: available)) func everyMemberThatExcludesTheInterpreterIsListed() async throws {
        let directory = try project(requiresPython: ">=3.12")
        _ = try tree.write("app/pyproject.toml", """
            [project]
            name = "app"
            version = "0.1.0"
            requires-python = ">=3.12"
            dependencies = ["lib"]

            [tool.uv.workspace]
            members = ["packages/*"]

            [tool.uv.sources]
            lib = { workspace = true }
            """)
        _ = try tree.write("app/packages/lib/pyproject.toml", """
            [project]
            name = "lib"
            version = "0.1.0"
            requires-python = ">=3.11"
            dependencies = []
            """)
        let result = await runSuv(["sync", "--directory", directory, "--offline", "--python", "3.10"], environment: environment)
        #expect(result.status == 2)
        #expect(result.stderr.hasSuffix("""
            error: The requested interpreter resolved to Python \(Self.patch310), which is incompatible with the project's Python requirement: `>=3.12`.
            The following `requires-python` declarations do not permit this version:
            - app: >=3.12
            - lib: >=3.11

            """), "\(result.stderr)")
    }

    /// The pyenv build's full version (`3.10.13` here).
    static var patch310: String {
        VenvCommandTests.installation("3.10").map { String($0.split(separator: "/").last ?? "") } ?? "3.10"
    }
}

extension ProjectPythonTests {
    /// The user's global `.python-version` asking for a version the project excludes is passed
    /// over (uv does the same): the project gets an interpreter its `requires-python` allows.
    /// A project's own `.python-version` is not passed over (see above).
    @Test(.enabled(if: available)) func anIncompatibleGlobalPinIsPassedOver() async throws {
        let directory = try project()
        _ = try tree.write("config/uv/.python-version", "3.10\n")
        let result = await runSuv(["sync", "--directory", directory, "--offline"], environment: environment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.hasPrefix("Using CPython 3.12."), "\(result.stderr)")
        let configuration = String(decoding: tree.read("app/.venv/pyvenv.cfg") ?? [], as: UTF8.self)
        #expect(configuration.contains("version_info = 3.12."), "\(configuration)")
    }
}
