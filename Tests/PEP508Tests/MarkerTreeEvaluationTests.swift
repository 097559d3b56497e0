import Testing
@testable import PEP508

/// `MarkerTree.evaluate(_:context:)` on hand-picked cases whose expected values come from
/// packaging 26.2.
@Suite struct MarkerTreeEvaluationTests {
    static let linux = MarkerEnvironment(
        implementationName: "cpython", implementationVersion: "3.12.3", osName: "posix", platformMachine: "x86_64",
        platformPythonImplementation: "CPython", platformRelease: "5.15.0-91-generic", platformSystem: "Linux",
        platformVersion: "#101-Ubuntu SMP", pythonFullVersion: "3.12.3", pythonVersion: "3.12", sysPlatform: "linux"
    )

    static func evaluate(
        _ marker: String, _ environment: MarkerEnvironment = linux, _ context: MarkerEvaluationContext = .metadata()
    ) throws -> Bool {
        try MarkerTree(parsing: marker).evaluate(environment, context: context)
    }

    @Test func versionVariablesCompareAsVersions() throws {
        #expect(try Self.evaluate(#"python_version >= "3.8""#))
        #expect(try Self.evaluate(#"python_version > "3.8.*""#) == false)
        #expect(try Self.evaluate(#"python_version == "3.*""#))
        #expect(try Self.evaluate(#""3.8" < python_version"#))
        #expect(try Self.evaluate(#""3.13" <= python_version"#) == false)
        var beta = Self.linux
        beta.pythonFullVersion = "3.14.0b2"
        #expect(try Self.evaluate(#"python_full_version < "3.14""#, beta) == false)
        #expect(try Self.evaluate(#"python_full_version >= "3.14.0b1""#, beta))
    }

    @Test func anInvalidVersionOnTheLeftIsFalseExceptForArbitraryEquality() throws {
        #expect(try Self.evaluate(#"platform_release != "10""#) == false)
        #expect(try Self.evaluate(#"platform_release >= "5""#) == false)
        #expect(try Self.evaluate(#"platform_release == "5.15.0-91-generic""#))
        #expect(try Self.evaluate(#"platform_release === "5.15.0-91-GENERIC""#))
    }

    @Test func stringFallbackRules() throws {
        #expect(try Self.evaluate(#"os_name <= "posix""#))
        #expect(try Self.evaluate(#"os_name >= "posix""#))
        #expect(try Self.evaluate(#"os_name < "zzz""#) == false)
        #expect(try Self.evaluate(#"os_name > "a""#) == false)
        #expect(try Self.evaluate(#""inu" in sys_platform"#))
        #expect(try Self.evaluate(#"sys_platform not in "win32 cygwin""#))
        #expect(try Self.evaluate(#"python_version in "3.11 3.12""#))
        #expect(throws: MarkerEvaluationError.undefinedComparison(lhs: "posix", op: .compatible, rhs: "posix")) {
            try Self.evaluate(#"os_name ~= "posix""#)
        }
        #expect(throws: MarkerEvaluationError.undefinedComparison(lhs: "posix", op: .arbitraryEqual, rhs: "posix")) {
            try Self.evaluate(#"os_name === "posix""#)
        }
    }

    @Test func literalsOnBothSidesLookUpTheRightHandText() throws {
        #expect(throws: MarkerEvaluationError.undefinedName("a")) { try Self.evaluate(#""a" == "a""#) }
        #expect(try Self.evaluate(#""3.12" == "python_version""#))
        #expect(try Self.evaluate("python_version == python_version") == false)
    }

    @Test func pythonFullVersionEndingInPlusIsALocalVersion() throws {
        var untagged = Self.linux
        untagged.pythonFullVersion = "3.12.1+"
        #expect(try Self.evaluate(#"python_full_version == "3.12.1""#, untagged))
        #expect(try Self.evaluate(#"python_full_version == "3.12.1+local""#, untagged))
        #expect(try Self.evaluate(#"python_full_version > "3.12.1""#, untagged) == false)
    }

    @Test func extraDependsOnTheContext() throws {
        #expect(try Self.evaluate(#"extra == "Foo_Bar""#, Self.linux, .metadata(extra: "foo.bar")))
        #expect(try Self.evaluate(#"extra == "test""#, Self.linux, .metadata()) == false)
        #expect(try Self.evaluate(#"extra == """#, Self.linux, .metadata()))
        #expect(try Self.evaluate(#"extra == "test""#, Self.linux, .requirement(extra: "TEST")))
        #expect(throws: MarkerEvaluationError.undefinedName("extra")) {
            try Self.evaluate(#"extra == "test""#, Self.linux, .requirement())
        }
        // Inside parentheses the literal is not normalized, so it never equals a normalized extra.
        #expect(try Self.evaluate(#"(extra == "Foo_Bar")"#, Self.linux, .metadata(extra: "Foo_Bar")) == false)
    }

    @Test func lockFileSets() throws {
        let context = MarkerEvaluationContext.lockFile(extras: ["Test_Extra"], dependencyGroups: ["dev"])
        #expect(try Self.evaluate(#""test.extra" in extras"#, Self.linux, context))
        #expect(try Self.evaluate(#""dev" not in dependency_groups"#, Self.linux, context) == false)
        #expect(try Self.evaluate(#""dev" != dependency_groups"#, Self.linux, context))
        #expect(throws: MarkerEvaluationError.setOnLeftSide(.extras)) { try Self.evaluate(#"extras == "test""#, Self.linux, context) }
        #expect(throws: MarkerEvaluationError.undefinedName("extras")) { try Self.evaluate(#""test" in extras"#) }
    }

    @Test func everyComparisonIsEvaluatedSoLaterErrorsSurface() {
        #expect(throws: MarkerEvaluationError.undefinedName("extras")) {
            try Self.evaluate(#"os_name == "posix" or extras == "x""#)
        }
        #expect(throws: MarkerEvaluationError.undefinedComparison(lhs: "posix", op: .compatible, rhs: "x")) {
            try Self.evaluate(#"python_version < "3" and os_name ~= "x""#)
        }
    }

    @Test func requirementsWithoutMarkersAlwaysApply() throws {
        #expect(try Requirement(parsing: "pkg").evaluateMarker(Self.linux))
        #expect(try Requirement(parsing: "pkg; sys_platform == 'win32'").evaluateMarker(Self.linux) == false)
    }
}
