import PEP440
import Resolver
import Testing

@Suite struct SolverTests {
    @Test func trivialResolutionPicksHighest() async throws {
        let pins = try await resolve("a", in: """
            a 1.0
            a 2.0
            """)
        #expect(pins == ["a": "2.0"])
    }

    @Test func transitiveChain() async throws {
        let pins = try await resolve("a>=1", in: """
            a 1.0: b>=1
            b 1.0: c<2
            c 1.0
            c 2.0
            """)
        #expect(pins == ["a": "1.0", "b": "1.0", "c": "1.0"])
    }

    // The next six are the examples of PubGrub's documentation (`doc/solver.md` in pub),
    // with `^1.0.0` written as `~=1.0`.

    @Test func noConflicts() async throws {
        let pins = try await resolve("foo~=1.0", in: """
            foo 1.0.0: bar~=1.0
            bar 1.0.0
            bar 2.0.0
            """)
        #expect(pins == ["foo": "1.0.0", "bar": "1.0.0"])
    }

    @Test func avoidingConflictDuringDecisionMaking() async throws {
        let pins = try await resolve("foo~=1.0; bar~=1.0", in: """
            foo 1.1.0: bar~=2.0
            foo 1.0.0
            bar 1.0.0
            bar 1.1.0
            bar 2.0.0
            """)
        #expect(pins == ["foo": "1.0.0", "bar": "1.1.0"])
    }

    @Test func performingConflictResolution() async throws {
        let pins = try await resolve("foo>=1.0.0", in: """
            foo 2.0.0: bar~=1.0
            foo 1.0.0
            bar 1.0.0: foo~=1.0
            """)
        #expect(pins == ["foo": "1.0.0"])
    }

    @Test func conflictResolutionWithPartialSatisfier() async throws {
        let pins = try await resolve("foo~=1.0; target~=2.0", in: """
            foo 1.1.0: left~=1.0; right~=1.0
            foo 1.0.0
            left 1.0.0: shared>=1.0.0
            right 1.0.0: shared<2.0.0
            shared 2.0.0
            shared 1.0.0: target~=1.0
            target 2.0.0
            target 1.0.0
            """)
        #expect(pins == ["foo": "1.0.0", "target": "2.0.0"])
    }

    @Test func linearErrorReporting() async throws {
        let report = try await failureReport("foo~=1.0; baz~=1.0", in: """
            foo 1.0.0: bar~=2.0
            bar 2.0.0: baz~=3.0
            baz 1.0.0
            baz 3.0.0
            """)
        // The dependency widened over foo's and bar's only versions reads "all versions of";
        // the requirements are shown simplified against the known versions, as uv shows them.
        #expect(report == """
            Because all versions of bar depend on baz>=3.0 and all versions of foo depend on bar==2.0.0, we can conclude that all versions of foo depend on baz>=3.0,<4.
            And because you require foo==1.0.0 and baz<2, we can conclude that your requirements are unsatisfiable.
            """)

    }

    @Test func branchingErrorReporting() async throws {
        let report = try await failureReport("foo~=1.0", in: """
            foo 1.0.0: a~=1.0; b~=1.0
            foo 1.1.0: x~=1.0; y~=1.0
            a 1.0.0: b~=2.0
            b 1.0.0
            b 2.0.0
            x 1.0.0: y~=2.0
            y 1.0.0
            y 2.0.0
            """)
        let text = try #require(report)
        #expect(text.hasSuffix("we can conclude that your requirements are unsatisfiable."))
        #expect(text.contains("foo<=1.0.0") && text.contains("foo>=1.1.0"))
    }

    @Test func unsatisfiableRoot() async throws {
        let report = try await failureReport("a>=2", in: "a 1.0")
        #expect(report == "Because only a==1.0 is available and you require a>=2, we can conclude that your requirements are unsatisfiable.")
    }

    @Test func missingPackage() async throws {
        let report = try await failureReport("a", in: "a 1.0: c")
        #expect(report?.contains("there are no versions of c") == true)
    }

    @Test func unavailableVersionIsSkipped() async throws {
        let pins = try await resolve("a", in: """
            a 2.0: !was yanked
            a 1.0
            """)
        #expect(pins == ["a": "1.0"])
    }

    @Test func preferredVersionHonouredWhenCompatible() async throws {
        let universe = """
            a 1.0
            a 2.0
            a 3.0
            """
        #expect(try await resolve("a", in: universe, preferences: ["a": "2.0"]) == ["a": "2.0"])
        #expect(try await resolve("a<2", in: universe, preferences: ["a": "2.0"]) == ["a": "1.0"])
        #expect(try await resolve("a", in: universe, preferences: ["a": "9.0"]) == ["a": "3.0"])
    }

    @Test func extrasAreVirtualPackagesPinnedToTheirBase() async throws {
        let universe = """
            a 1.0
            a 2.0
            a[x] 1.0: d
            a[x] 2.0: e
            d 1.0
            e 1.0
            """
        #expect(try await resolve("a[x]; a<2", in: universe) == ["a": "1.0", "a[x]": "1.0", "d": "1.0"])
        #expect(try await resolve("a", in: universe) == ["a": "2.0"])
        #expect(try await resolve("a[x]", in: universe) == ["a": "2.0", "a[x]": "2.0", "e": "1.0"])
    }
}
