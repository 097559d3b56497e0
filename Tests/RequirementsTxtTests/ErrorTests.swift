import Testing
import SuvBasics
@testable import RequirementsTxt

/// Errors name the file and the 1-based line, in uv's words.
@Suite struct ErrorTests {
    @Test func invalidRequirementNamesFileLineAndPosition() {
        let error = #expect(throws: RequirementsTxtError.self) {
            try RequirementsFile.parse(
                path: "requirements.in", loader: InMemoryLoader(["requirements.in": "ok\n\nbad==>1\n"]))
        }
        #expect(error?.message == "Couldn't parse requirement in `requirements.in` at position 4")
        #expect(error?.file == "requirements.in")
        #expect(error?.line == 3)
        guard case .invalidRequirement(let cause, _) = error?.reason else {
            Issue.record("wrong reason")
            return
        }
        #expect(cause.input == "bad==>1")
    }

    @Test func positionsAreUTF8ByteOffsets() {
        let error = #expect(throws: RequirementsTxtError.self) { try parse("# é\nbad pkg\n") }
        #expect(error?.message == "Couldn't parse requirement in `requirements.txt` at position 5")
        #expect(error?.line == 2)
    }

    @Test func unknownOptionsAreRefused() {
        let error = #expect(throws: RequirementsTxtError.self) { try parse("pkg\n\n  --frobnicate yes\n") }
        #expect(error?.message
                == "Unexpected '-', expected '-c', '-e', '-r' or the start of a requirement at requirements.txt:3:3")
        #expect(error?.line == 3)
    }

    @Test func optionsNeedAValue() {
        let missing = #expect(throws: RequirementsTxtError.self) { try parse("-r=\n") }
        #expect(missing?.message == "`--requirement` must be followed by an argument at requirements.txt:1:4")
        let glued = #expect(throws: RequirementsTxtError.self) { try parse("pkg\n-rfoo.txt\n") }
        #expect(glued?.message == "Expected '=' or whitespace, found Some('f') at requirements.txt:2:3")
    }

    @Test func unexpectedOptionAfterRequirement() {
        let error = #expect(throws: RequirementsTxtError.self) { try parse("pkg==1 --foo=bar\n") }
        #expect(error?.message == "Expected `--hash`, found `\"--foo=bar\"` at requirements.txt:1:8")
    }

    @Test func textAfterAFlagStartsANewStatement() throws {
        // As in uv: `--require-hashesX` is `--require-hashes` followed by the requirement `X`.
        let file = try parse("--require-hashesX\n")
        #expect(file.requireHashes)
        #expect(file.requirements.map(\.text) == ["X"])
        let error = #expect(throws: RequirementsTxtError.self) { try parse("--no-index;\n") }
        #expect(error?.message
                == "Unexpected ';', expected '-c', '-e', '-r' or the start of a requirement at requirements.txt:1:11")
    }

    @Test func missingTopLevelFile() {
        let error = #expect(throws: RequirementsTxtError.self) {
            try RequirementsFile.parse(path: "nope.txt", loader: InMemoryLoader([:]))
        }
        #expect(error?.message == "failed to read from file `nope.txt`")
        #expect(error?.line == nil)
        #expect(ErrorChain(error as Error? ?? RequirementsLoadError(path: "", reason: "")).messages
                == ["failed to read from file `nope.txt`", "No such file or directory (os error 2)"])
    }

    @Test func missingIncludeNamesBothFiles() throws {
        let error = #expect(throws: RequirementsTxtError.self) {
            try parse("a\n-r sub/missing.txt\n")
        }
        let chain = try ErrorChain(#require(error))
        #expect(chain.messages == [
            "Error parsing included file in `requirements.txt` at position 2",
            "failed to read from file `sub/missing.txt`",
            "No such file or directory (os error 2)",
        ])
        #expect(error?.line == 2)
    }

    @Test func errorsInIncludedFilesCarryTheirOwnLine() throws {
        let error = #expect(throws: RequirementsTxtError.self) {
            try parse("-r inner.txt\n", files: ["inner.txt": "ok\nok2\n!!\n"])
        }
        guard case .includedFile(let inner, let position) = error?.reason else {
            Issue.record("wrong reason")
            return
        }
        #expect(position == 0)
        #expect(error?.line == 1)
        #expect(inner.file == "inner.txt")
        #expect(inner.line == 3)
        #expect(inner.message == "Unexpected '!', expected '-c', '-e', '-r' or the start of a requirement at inner.txt:3:1")
    }

    @Test func errorKindIsAnError() {
        let error = RequirementsTxtError(file: "f", line: 1, reason: .syntax("x", column: 1))
        #expect(error.kind == .error)
    }
}
