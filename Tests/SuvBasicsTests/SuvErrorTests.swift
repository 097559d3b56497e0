import Testing
import SuvBasics

private struct LeafFailure: SuvError {
    var message: String { "No solution found when resolving dependencies" }
    var kind: ErrorKind { .failure }
    var hints: [String] { ["Pre-releases are available"] }
}

private struct PlainError: Error, CustomStringConvertible {
    var description: String { "No such file or directory (os error 2)" }
}

@Suite struct SuvErrorTests {
    @Test func contextKeepsInnermostKindAndCollectsChain() {
        let error = LeafFailure().context("Failed to lock", hints: ["outer hint"])
        let chain = ErrorChain(error)
        #expect(chain.messages == ["Failed to lock", "No solution found when resolving dependencies"])
        #expect(chain.hints == ["outer hint", "Pre-releases are available"])
        #expect(chain.kind == .failure)
        #expect(chain.kind.exitCode == 1)
    }

    @Test func foreignErrorsEndTheChainWithTheirDescription() {
        let chain = ErrorChain(PlainError().context("Failed to spawn: nonexistent-cmd"))
        #expect(chain.messages == ["Failed to spawn: nonexistent-cmd", "No such file or directory (os error 2)"])
        #expect(chain.kind == .error)
        #expect(chain.kind.exitCode == 2)
    }
}
