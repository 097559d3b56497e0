import Foundation
import Testing
import PEP508
import PackagingTypes
@testable import Python

/// Interpreter facts turned into a marker environment and a supported-tag list, checked
/// against what the interpreter itself reports through `packaging` (the copy inside pip where
/// `packaging` is not installed).
@Suite struct InterpreterEnvironmentsTests {
    static let script = """
    import json, sys
    sys.path.insert(0, sys.argv[1])
    import packaging
    from packaging import tags, markers
    print(json.dumps({"tags": [str(t) for t in tags.sys_tags()], "env": markers.default_environment(),
                      "packaging": packaging.__version__}))
    """

    /// The folder holding a recent `packaging` (26.x, installed for Python 3.11 on these
    /// machines), put on the path of every interpreter under test: the copies vendored in older
    /// pips predate tags such as `cp312-none-any`.
    static func packagingParent() async throws -> String? {
        guard let python311 = TestPythons.executable("3.11") else { return nil }
        let output = try await SubprocessRunner().run(ProcessInvocation(
            executable: python311, arguments: ["-c", "import os, packaging; print(os.path.dirname(os.path.dirname(packaging.__file__)))"]))
        guard case .exited(0) = output.termination else { return nil }
        let parent = output.standardOutputText.trimmingCharacters(in: .whitespacesAndNewlines)
        // Only `packaging` from that folder: link it alone into a private folder.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("suv-packaging-\(getpid())")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let link = folder.appendingPathComponent("packaging")
        // The parameterized cases run in parallel: whoever links first wins, the others find it.
        try? FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: parent + "/packaging")
        guard FileManager.default.fileExists(atPath: link.path) else { return nil }
        return folder.path
    }

    @Test(arguments: ["3.8", "3.10", "3.11", "3.12", "3.13"])
    func tagsAndMarkersMatchTheInterpreter(minor: String) async throws {
        guard let python = TestPythons.executable(minor) else { return }
        guard let packaging = try await Self.packagingParent() else {
            Issue.record("Python 3.11 with packaging 26 is needed as the reference")
            return
        }
        let info = try await InterpreterQuery(runner: SubprocessRunner()).run(executable: python)
        let output = try await SubprocessRunner().run(ProcessInvocation(executable: python, arguments: ["-c", Self.script, packaging], timeout: .seconds(60)))
        let object = try JSONSerialization.jsonObject(with: Data(output.standardOutput)) as? [String: Any]
        let expectedTags = try #require(object?["tags"] as? [String])
        let tags = info.tagEnvironment.supportedTags().tags.map(\.description)
        if tags != expectedTags {
            let index = Array(zip(tags, expectedTags)).firstIndex { $0.0 != $0.1 } ?? min(tags.count, expectedTags.count)
            Issue.record("\(tags.count) tags vs \(expectedTags.count); first difference at \(index): \(tags[index...].prefix(3)) vs \(expectedTags[index...].prefix(3))")
        }
        let environment = info.markers
        let expectedMarkers = try #require(object?["env"] as? [String: String])
        #expect(try MarkerEnvironment(values: expectedMarkers) == environment)
        #expect(try MarkerTree(parsing: "python_version == '\(minor)' and sys_platform == 'linux'").evaluate(environment))
    }
}
