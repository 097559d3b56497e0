import Testing
import SuvBasics
import TOML
@testable import Lockfile

/// Reader failures, worded as uv 0.13.9 words them (checked with `uv lock --check`).
@Suite struct LockReaderErrorTests {
    static let valid = """
    version = 1
    revision = 5
    requires-python = ">=3.8"

    [[package]]
    name = "app"
    version = "0.1.0"
    source = { virtual = "." }
    dependencies = [
        { name = "zeta", version = "0.9", source = { registry = "https://index.example/simple/" } },
    ]

    [[package]]
    name = "zeta"
    version = "0.9"
    source = { registry = "https://index.example/simple/" }

    [[package]]
    name = "zeta"
    version = "1.0"
    source = { registry = "https://index.example/simple/" }

    """

    static func failure(_ text: String) throws -> LockfileError {
        try #require(throws: LockfileError.self) { try Lock(parsing: text) }
    }

    static func tomlFailure(_ text: String) throws -> TOMLError {
        let error = try failure(text)
        guard case .invalid(let file, let toml) = error else {
            Issue.record("expected a TOML error, got \(error)")
            throw error
        }
        #expect(file == "uv.lock")
        #expect(error.message == "Failed to parse `uv.lock`")
        return toml
    }

    @Test func validBaselineParses() throws {
        #expect(try Lock(parsing: Self.valid).packages.count == 3)
    }

    @Test func unsupportedVersionHasUvsMessage() throws {
        let error = try Self.failure(Self.valid.replacingOccurrences(of: "version = 1\n", with: "version = 2\n"))
        #expect(error == .unsupportedVersion(file: "uv.lock", version: 2))
        #expect(error.message == "The lockfile at `uv.lock` uses an unsupported schema version (v2, but only v1 is supported). Downgrade to a compatible uv version, or remove the `uv.lock` prior to running `uv lock` or `uv sync`.")
        #expect(ErrorChain(error).messages.count == 1)
    }

    @Test func anyRevisionIsAccepted() throws {
        for revision in ["", "revision = 0\n", "revision = 9\n"] {
            let text = Self.valid.replacingOccurrences(of: "revision = 5\n", with: revision)
            #expect(try Lock(parsing: text).revision == (revision.isEmpty ? 0 : Int(revision.dropFirst(11).dropLast()) ?? -1))
        }
    }

    @Test func malformedTOMLHasTheLine() throws {
        let error = try Self.tomlFailure(Self.valid.replacingOccurrences(of: "version = \"0.9\"\nsource", with: "version = \"0.9\"\nname = \"x\"\nsource"))
        #expect(error.location.line == 16)
        let syntax = try Self.tomlFailure("version = 1\nrequires-python = \">=3.9\n")
        #expect(syntax.location.line == 2)
    }

    @Test func wrongTypeIsReportedAtTheValue() throws {
        let error = try Self.tomlFailure(Self.valid.replacingOccurrences(of: "requires-python = \">=3.8\"", with: "requires-python = 3"))
        #expect(error.message == """
        TOML parse error at line 3, column 19
          |
        3 | requires-python = 3
          |                   ^
        invalid type: integer `3`, expected a string
        """)
    }

    @Test func missingTopLevelFieldsPointAtTheStart() throws {
        let noVersion = try Self.tomlFailure(String(Self.valid.drop { $0 != "\n" }.dropFirst()))
        #expect(noVersion.reason == "missing field `version`")
        #expect(noVersion.location == SourceLocation(line: 1, column: 1))
        let noPython = try Self.tomlFailure(Self.valid.replacingOccurrences(of: "requires-python = \">=3.8\"\n", with: ""))
        #expect(noPython.reason == "missing field `requires-python`")
    }

    @Test func missingPackageFieldPointsAtItsHeader() throws {
        let text = Self.valid.replacingOccurrences(of: "version = \"1.0\"\nsource = { registry = \"https://index.example/simple/\" }\n", with: "version = \"1.0\"\n")
        let error = try Self.tomlFailure(text)
        #expect(error.message == """
        TOML parse error at line 18, column 1
           |
        18 | [[package]]
           | ^^^^^^^^^^^
        missing field `source`
        """)
        let noName = try Self.tomlFailure(Self.valid.replacingOccurrences(of: "name = \"app\"\n", with: ""))
        #expect(noName.reason == "missing field `name`")
        #expect(noName.location.line == 5)
    }

    @Test func unknownSourceShapeIsRejected() throws {
        let error = try Self.tomlFailure(Self.valid.replacingOccurrences(of: "source = { virtual = \".\" }", with: "source = { elsewhere = \".\" }"))
        #expect(error.reason == "data did not match any variant of untagged enum SourceWire")
        #expect(error.location.line == 8)
    }

    @Test func ambiguousBareEdgeIsRejected() throws {
        let text = Self.valid.replacingOccurrences(of: "{ name = \"zeta\", version = \"0.9\", source = { registry = \"https://index.example/simple/\" } }", with: "{ name = \"zeta\" }")
        let error = try Self.failure(text)
        guard case .inconsistent(_, let reason) = error else {
            Issue.record("expected an inconsistency, got \(error)")
            return
        }
        #expect(ErrorChain(error).messages == ["Failed to parse `uv.lock`", "Dependency `zeta` has missing `source` field but has more than one matching package"])
        #expect(reason.location?.line == 10)
    }

    @Test func bareEdgeToAMissingPackageIsRejected() throws {
        let text = Self.valid.replacingOccurrences(of: "{ name = \"zeta\", version = \"0.9\", source = { registry = \"https://index.example/simple/\" } }", with: "{ name = \"omega\" }")
        let error = try Self.failure(text)
        #expect(ErrorChain(error).messages.last == "Dependency `omega` has missing `source` field but has more than one matching package")
    }

    @Test func edgeWithVersionButNoSourceIsResolvedByName() throws {
        let text = """
        version = 1
        requires-python = ">=3.9"

        [[package]]
        name = "a"
        version = "1"
        source = { virtual = "." }
        dependencies = [
            { name = "b", version = "2" },
        ]

        [[package]]
        name = "b"
        version = "2"
        source = { registry = "https://index.example/simple" }
        """
        let lock = try Lock(parsing: text)
        #expect(lock.packages[0].dependencies == [LockEdge(name: PackageName("b"), version: "2", source: .registry("https://index.example/simple"))])
    }

    @Test func negativeSizeIsRejected() throws {
        let text = Self.valid.replacingOccurrences(of: "version = \"1.0\"\nsource = { registry = \"https://index.example/simple/\" }\n", with: "version = \"1.0\"\nsource = { registry = \"https://index.example/simple/\" }\nsdist = { url = \"https://f/z.tar.gz\", size = -1 }\n")
        let error = try Self.tomlFailure(text)
        #expect(error.reason == "invalid value: integer `-1`, expected u64")
    }

    @Test func customFileNameAppearsInMessages() throws {
        let error = try #require(throws: LockfileError.self) { try Lock(parsing: "version = 3\n", fileName: "s.py.lock") }
        #expect(error.message.hasPrefix("The lockfile at `s.py.lock` uses an unsupported schema version (v3,"))
    }
}
