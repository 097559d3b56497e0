import PEP440
import Resolver
import Testing

@Suite struct DerivationReportTests {
    /// uv's documented example (uv-reference §4), project wording.
    @Test func chainInProjectWording() async throws {
        let report = try await failureReport("flask==3.0.0; werkzeug<3", in: """
            flask 2.0.0: werkzeug>=2.0.0
            flask 3.0.0: werkzeug>=3.0.0
            flask 3.1.0: werkzeug>=3.1.0
            werkzeug 2.0.0
            werkzeug 3.0.0
            """, wording: .project)
        #expect(report == """
            Because flask==3.0.0 depends on werkzeug>=3.0.0 and your project depends on flask==3.0.0, we can conclude that your project depends on werkzeug>=3.0.0.
            And because your project depends on werkzeug<3, we can conclude that your project's requirements are unsatisfiable.
            """)
    }

    @Test func chainInPipWording() async throws {
        let report = try await failureReport("a==1.0; b<2", in: """
            a 0.9
            a 1.0: b>=2
            a 1.1
            b 1.0
            b 2.0
            """)
        #expect(report == """
            Because a==1.0 depends on b>=2 and you require a==1.0, we can conclude that you require b>=2.
            And because you require b<2, we can conclude that your requirements are unsatisfiable.
            """)
    }

    /// Two packages whose dependencies conflict.
    @Test func conflictOfTwo() async throws {
        let report = try await failureReport("a==1.0; b==1.0", in: """
            a 0.9
            a 1.0: c==1.0
            a 1.1
            b 0.9
            b 1.0: c==2.0
            b 1.1
            c 1.0
            c 2.0
            """)
        #expect(report == """
            Because b==1.0 depends on c==2.0 and a==1.0 depends on c==1.0, we can conclude that a==1.0 and b==1.0 are incompatible.
            And because you require a==1.0 and b==1.0, we can conclude that your requirements are unsatisfiable.
            """)
    }

    @Test func missingPackage() async throws {
        let report = try await failureReport("a", in: "a 1.0: c")
        #expect(report == """
            Because there are no versions of c and all versions of a depend on c, we can conclude that all versions of a cannot be used.
            And because you require a, we can conclude that your requirements are unsatisfiable.
            """)
    }

    @Test func unavailableVersion() async throws {
        let report = try await failureReport("a==2.0", in: "a 2.0: !was yanked")
        #expect(report == "Because a==2.0 was yanked and you require a==2.0, we can conclude that your requirements are unsatisfiable.")
    }

    @Test func resolverErrorIsAUserFailure() async throws {
        await #expect(throws: ResolverError.self) { try await resolve("a>=2", in: "a 1.0") }
        do {
            _ = try await resolve("a>=2", in: "a 1.0")
        } catch let error as ResolverError {
            #expect(error.kind == .failure)
            #expect(error.message == "No solution found when resolving dependencies")
        }
    }
}
