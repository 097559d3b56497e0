import Testing

/// Full `NoSolutionFound` reports, checked against the sentences uv prints for the same
/// situations (uv's `pip_compile` and packse scenario snapshots, with the package names and
/// versions of these universes).
@Suite struct ReportTests {
    @Test func conflictWithARootRequirement() async throws {
        let error = try #require(try await failure(["a", "b<2"], in: """
            a 1.0 : b>=2
            a 2.0 : b>=2
            b 1.0
            b 2.0
            """))
        #expect(error.report == """
            Because all versions of a depend on b>=2 and you require a, we can conclude that you require b>=2.
            And because you require b<2, we can conclude that your requirements are unsatisfiable.
            """)
        #expect(error.hints.isEmpty)
    }

    @Test func onlyYankedVersion() async throws {
        let error = try #require(try await failure(["a"], in: #"a 1.0 [yanked "broken build."]"#))
        #expect(error.report == """
            Because a==1.0 was yanked (reason: broken build) and only a==1.0 is available, we can conclude that all versions of a cannot be used.
            And because you require a, we can conclude that your requirements are unsatisfiable.
            """)
    }

    @Test func onlyWheelForAnotherPlatform() async throws {
        let error = try #require(try await failure(["a"], in: "a 1.0 [wheel py3-none-macosx_10_0_ppc64]"))
        #expect(error.report == """
            Because a==1.0 has no wheels with a matching platform tag (e.g., `manylinux_2_17_x86_64`) and only a==1.0 is available, we can conclude that all versions of a cannot be used.
            And because you require a, we can conclude that your requirements are unsatisfiable.
            """)
        #expect(error.hints == ["Wheels are available for `a` (v1.0) on the following platform: `macosx_10_0_ppc64`"])
    }

    @Test func missingPackage() async throws {
        let error = try #require(try await failure(["nope<4"], in: "a 1.0"))
        #expect(error.report == """
            Because nope was not found in the package registry and you require nope<4, we can conclude that your requirements are unsatisfiable.
            """)
    }

    @Test func pinnedVersionNeedsANewerPython() async throws {
        let error = try #require(try await failure(["a==1.0"], in: "a 1.0 [metadata-python >=3.13]"))
        #expect(error.report == """
            Because the requested Python version (>=3.12) does not satisfy Python>=3.13 and a==1.0 depends on Python>=3.13, we can conclude that a==1.0 cannot be used.
            And because you require a==1.0, we can conclude that your requirements are unsatisfiable.
            """)
        #expect(error.hints == [
            "The `--python-version` value (>=3.12) includes Python versions that are not supported by your dependencies (e.g., a==1.0 only supports >=3.13). Consider using a higher `--python-version` value.",
        ])
    }

    /// As uv (`pip_compile.rs`, the `example==0.0.0` Requires-Python case): the dependency on
    /// Python names the one version, so the "only a==1.0 is available" step stays.
    @Test
    func onlyVersionNeedsANewerPython() async throws {
        let error = try #require(try await failure(["a"], in: "a 1.0 [metadata-python >=3.13]"))
        #expect(error.report == """
            Because the requested Python version (>=3.12) does not satisfy Python>=3.13 and a==1.0 depends on Python>=3.13, we can conclude that a==1.0 cannot be used.
            And because only a==1.0 is available and you require a, we can conclude that your requirements are unsatisfiable.
            """)
    }
}
