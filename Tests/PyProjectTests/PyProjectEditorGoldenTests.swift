import Foundation
import Testing
import SuvTestSupport
@testable import PyProject

/// Golden cases recorded from real uv 0.13.9 (`fixtures/pyproject-edits/regenerate.sh`): the
/// editor must produce uv's file byte for byte. One deliberate difference: suv keeps a CRLF
/// file's line endings, where uv rewrites the whole file with LF.
@Suite struct PyProjectEditorGoldenTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let command: [String]
        var testDescription: String { name }
    }

    static let root = RepositoryPaths.fixtures.appendingPathComponent("pyproject-edits")

    static func cases() throws -> [Case] {
        try FileManager.default.contentsOfDirectory(atPath: root.path).sorted().compactMap { name in
            let commandFile = root.appendingPathComponent(name).appendingPathComponent("command")
            guard let command = try? String(contentsOf: commandFile, encoding: .utf8) else { return nil }
            return Case(name: name, command: command.split(whereSeparator: \.isWhitespace).map(String.init))
        }
    }

    @Test func thereAreCases() throws {
        #expect(try Self.cases().count >= 15)
    }

    @Test(arguments: try cases())
    func editMatchesUv(_ testCase: Case) throws {
        let folder = Self.root.appendingPathComponent(testCase.name)
        let before = try String(contentsOf: folder.appendingPathComponent("before.toml"), encoding: .utf8)
        let expected = try String(contentsOf: folder.appendingPathComponent("after.toml"), encoding: .utf8)
        var editor = try PyProjectEditor(parsing: before)
        try apply(testCase.command, to: &editor)
        if before.contains("\r\n") {
            #expect(!editor.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "suv keeps CRLF line endings")
            #expect(editor.text.replacingOccurrences(of: "\r\n", with: "\n") == expected)
        } else {
            #expect(editor.text == expected)
        }
        // The result is still a valid project with the edit visible in the model.
        _ = try PyProjectToml(parsing: editor.text)
    }

    /// Maps `add|remove --frozen [--dev|--group G|--optional E] REQ` onto the editor.
    func apply(_ command: [String], to editor: inout PyProjectEditor) throws {
        var target = PyProjectEditor.DependencyTarget.project
        var arguments = command.dropFirst().filter { $0 != "--frozen" }[...]
        if arguments.first == "--dev" {
            target = editor.document[["tool", "uv", "dev-dependencies"]] != nil ? .devDependencies : .group("dev")
            arguments = arguments.dropFirst()
        } else if arguments.first == "--group", let group = arguments.dropFirst().first {
            target = .group(group)
            arguments = arguments.dropFirst(2)
        } else if arguments.first == "--optional", let extra = arguments.dropFirst().first {
            target = .optional(extra)
            arguments = arguments.dropFirst(2)
        }
        let requirement = try #require(arguments.first)
        if command.first == "add" {
            try editor.addDependency(requirement, to: target)
        } else {
            try editor.removeDependency(named: requirement, from: target)
        }
    }
}
