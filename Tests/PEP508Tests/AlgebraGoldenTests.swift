import Testing
import PEP440
@testable import PEP508

/// uv's lock-file spelling of markers for the examples of uv-reference.md §1.9.
@Suite struct AlgebraGoldenTests {
    static func term(_ variable: MarkerVariable, _ op: MarkerOperator, _ value: String) -> MarkerTree {
        .expression(MarkerExpression(.variable(variable), op, .literal(value)))
    }

    static func uv(_ tree: MarkerTree) -> String? {
        NormalizedMarker(tree).withPythonReleasesOnly.uvDescription
    }

    @Test func pythonVersionIsRewrittenOntoFullVersion() {
        #expect(Self.uv(Self.term(.pythonVersion, .greaterThanOrEqual, "3.11")) == "python_full_version >= '3.11'")
        #expect(Self.uv(Self.term(.pythonVersion, .equal, "3.10")) == "python_full_version == '3.10.*'")
        #expect(Self.uv(Self.term(.pythonVersion, .greaterThan, "3.10")) == "python_full_version >= '3.11'")
        #expect(Self.uv(Self.term(.pythonVersion, .notEqual, "3.10")) == "python_full_version != '3.10.*'")
        #expect(Self.uv(Self.term(.pythonVersion, .lessThan, "3.11")) == "python_full_version < '3.11'")
        #expect(Self.uv(Self.term(.pythonVersion, .lessThanOrEqual, "3.10")) == "python_full_version < '3.11'")
        #expect(Self.uv(Self.term(.pythonFullVersion, .equal, "3.11.2")) == "python_full_version == '3.11.2'")
    }

    @Test func platformSystemBecomesSysPlatform() {
        #expect(Self.uv(Self.term(.platformSystem, .equal, "Windows")) == "sys_platform == 'win32'")
        #expect(Self.uv(Self.term(.platformSystem, .equal, "Darwin")) == "sys_platform == 'darwin'")
        #expect(Self.uv(Self.term(.platformSystem, .notEqual, "Linux")) == "sys_platform != 'linux'")
        #expect(Self.uv(Self.term(.platformSystem, .equal, "FreeBSD")) == "platform_system == 'FreeBSD'")
    }

    @Test func sharedTermsAreFactoredOut() {
        let linux = MarkerTree.and([Self.term(.sysPlatform, .equal, "linux"), Self.term(.pythonVersion, .lessThan, "3.11")])
        let darwin = MarkerTree.and([Self.term(.sysPlatform, .equal, "darwin"), Self.term(.pythonVersion, .lessThan, "3.11")])
        #expect(Self.uv(.or([.group(linux), .group(darwin)]))
                == "python_full_version < '3.11' and (sys_platform == 'darwin' or sys_platform == 'linux')")
    }

    @Test func termsFollowUvsOrder() {
        let tree = MarkerTree.and([
            Self.term(.extra, .equal, "socks"), Self.term(.sysPlatform, .equal, "linux"),
            Self.term(.osName, .equal, "posix"), Self.term(.pythonVersion, .greaterThanOrEqual, "3.9"),
            Self.term(.implementationName, .equal, "cpython"),
        ])
        #expect(Self.uv(tree) == "python_full_version >= '3.9' and implementation_name == 'cpython' and os_name == 'posix' and sys_platform == 'linux' and extra == 'socks'")
        let range = MarkerTree.and([Self.term(.pythonVersion, .lessThan, "3.12"), Self.term(.pythonVersion, .greaterThanOrEqual, "3.9")])
        #expect(Self.uv(range) == "python_full_version >= '3.9' and python_full_version < '3.12'")
    }

    @Test func alternativesAndClausesAreSorted() {
        let tree = MarkerTree.or([
            Self.term(.sysPlatform, .equal, "win32"), Self.term(.sysPlatform, .equal, "darwin"),
            Self.term(.pythonVersion, .lessThan, "3.10"),
        ])
        #expect(Self.uv(tree) == "python_full_version < '3.10' or sys_platform == 'darwin' or sys_platform == 'win32'")
    }

    @Test func forkMarkersOfTheReferenceExample() {
        let forks = [
            Self.term(.pythonVersion, .greaterThanOrEqual, "3.12"),
            .and([Self.term(.pythonVersion, .greaterThanOrEqual, "3.11"), Self.term(.pythonVersion, .lessThan, "3.12")]),
            Self.term(.pythonVersion, .lessThan, "3.11"),
        ]
        #expect(forks.map(Self.uv) == ["python_full_version >= '3.12'", "python_full_version == '3.11.*'", "python_full_version < '3.11'"])
        // The forks cover everything together.
        let union = forks.map { NormalizedMarker($0).withPythonReleasesOnly }.reduce(NormalizedMarker.alwaysFalse) { $0.or($1) }
        #expect(union.isAlwaysTrue)
    }

    @Test func alwaysTrueAndAlwaysFalse() {
        let never = MarkerTree.and([Self.term(.pythonVersion, .lessThan, "3.8"), Self.term(.pythonVersion, .greaterThanOrEqual, "3.9")])
        #expect(Self.uv(never) == "python_version < '0'")
        let always = MarkerTree.or([Self.term(.pythonFullVersion, .lessThan, "3.11"), Self.term(.pythonFullVersion, .greaterThanOrEqual, "3.11")])
        #expect(Self.uv(always) == nil)
        #expect(Self.uv(.or([Self.term(.sysPlatform, .equal, "linux"), Self.term(.sysPlatform, .notEqual, "linux")])) == nil)
    }

    @Test func simplificationAgainstRequiresPython() throws {
        let requiresPython = try VersionSpecifiers(parsing: ">=3.9").ranges
        let implied = NormalizedMarker(Self.term(.pythonVersion, .greaterThanOrEqual, "3.8")).withPythonReleasesOnly
        #expect(implied.simplified(requiresPython: requiresPython).uvDescription == nil)
        let partial = NormalizedMarker(.and([Self.term(.pythonVersion, .greaterThanOrEqual, "3.8"), Self.term(.pythonVersion, .lessThan, "3.11")]))
            .withPythonReleasesOnly
        #expect(partial.simplified(requiresPython: requiresPython).uvDescription == "python_full_version < '3.11'")
        let excluded = NormalizedMarker(.and([Self.term(.pythonVersion, .lessThan, "3.8"), Self.term(.sysPlatform, .equal, "linux")]))
        #expect(excluded.simplified(requiresPython: requiresPython).isAlwaysFalse)
        let kept = NormalizedMarker(Self.term(.sysPlatform, .equal, "win32"))
        #expect(kept.simplified(requiresPython: requiresPython).uvDescription == "sys_platform == 'win32'")
    }

    @Test func booleanOperations() {
        let linux = NormalizedMarker(Self.term(.sysPlatform, .equal, "linux"))
        let windows = NormalizedMarker(Self.term(.sysPlatform, .equal, "win32"))
        #expect(linux.isDisjoint(with: windows))
        #expect(linux.negated.uvDescription == "sys_platform != 'linux'")
        #expect(linux.or(linux.negated).isAlwaysTrue)
        #expect(linux.and(linux.negated).isAlwaysFalse)
        let old = NormalizedMarker(Self.term(.pythonVersion, .lessThan, "3.11")).withPythonReleasesOnly
        #expect(old.negated.uvDescription == "python_full_version >= '3.11'")
        let atom = NormalizedMarker(.expression(MarkerExpression(.literal("arm"), .in, .variable(.platformMachine))))
        #expect(atom.uvDescription == "'arm' in platform_machine")
        #expect(atom.negated.uvDescription == "'arm' not in platform_machine")
        #expect(atom.or(atom.negated).isAlwaysTrue)
    }
}
