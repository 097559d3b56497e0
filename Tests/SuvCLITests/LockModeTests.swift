import SuvCLI
import Testing

/// `--frozen`/`--locked` against `UV_FROZEN`/`UV_LOCKED`, as uv 0.13.9 combines them.
@Suite struct LockModeTests {
    private func resolve(
        frozen: Bool? = nil, locked: Bool? = nil, _ environment: [String: String] = [:]
    ) throws -> LockModeResolution {
        try LockModeResolver.resolve(frozen: frozen, locked: locked, environment: EnvironmentReader(environment))
    }

    @Test func defaultWritesTheLockfile() throws {
        #expect(try resolve() == LockModeResolution(mode: .write))
    }

    @Test func flagsAndVariables() throws {
        #expect(try resolve(frozen: true).mode == .frozen(source: "--frozen"))
        #expect(try resolve(locked: true).mode == .locked(source: "--locked"))
        #expect(try resolve(["UV_FROZEN": "1"]).mode == .frozen(source: "UV_FROZEN=1"))
        #expect(try resolve(["UV_LOCKED": "true"]).mode == .locked(source: "UV_LOCKED=true"))
        #expect(try resolve(["UV_FROZEN": "0"]).mode == .write)
    }

    @Test func flagBeatsTheOtherVariableWithAWarning() throws {
        let frozen = try resolve(frozen: true, ["UV_LOCKED": "1"])
        #expect(frozen == LockModeResolution(
            mode: .frozen(source: "--frozen"),
            warnings: ["Ignoring `UV_LOCKED` because `--frozen` was provided"]
        ))
        let locked = try resolve(locked: true, ["UV_FROZEN": "1"])
        #expect(locked.warnings == ["Ignoring `UV_FROZEN` because `--locked` was provided"])
    }

    @Test func negatedFlagCancelsItsVariable() throws {
        #expect(try resolve(frozen: false, ["UV_FROZEN": "1"]).mode == .write)
        #expect(try resolve(frozen: false, locked: true, ["UV_FROZEN": "1"]).mode == .locked(source: "--locked"))
    }

    @Test func bothVariablesConflict() {
        #expect(throws: UsageError.conflictingVariables("UV_LOCKED", "UV_FROZEN")) {
            try resolve(["UV_FROZEN": "1", "UV_LOCKED": "1"])
        }
    }

    @Test func bothVariablesThroughMainExit2() async {
        let result = await runSuv(["tree"], environment: ["UV_FROZEN": "1", "UV_LOCKED": "1"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: the argument `UV_LOCKED` (environment variable) cannot be used with `UV_FROZEN` (environment variable)\n")
    }

    @Test func lastOfFrozenAndNoFrozenWins() throws {
        let on = try SuvCLI.parse(["sync", "--no-frozen", "--frozen"], as: Sync.self).request(environment: [:])
        let off = try SuvCLI.parse(["sync", "--frozen", "--no-frozen"], as: Sync.self).request(environment: ["UV_FROZEN": "1"])
        #expect(on.mode.isFrozen)
        #expect(off.mode == .write)
    }

    @Test func lockUsesCheckSpellings() throws {
        let request = try SuvCLI.parse(["lock", "--check-exists"], as: Lock.self).request(environment: ["UV_LOCKED": "1"])
        #expect(request.mode == .frozen(source: "--check-exists"))
        #expect(request.warnings == ["Ignoring `UV_LOCKED` because `--check-exists` was provided"])
    }

    @Test func warningIsPrintedBeforeRunning() async {
        let result = await runSuv(["tree", "--locked"], environment: ["UV_FROZEN": "1", "UV_WORKING_DIR": "/"])
        #expect(result.stderr == """
            warning: Ignoring `UV_FROZEN` because `--locked` was provided
            error: No `pyproject.toml` found in current directory or any parent directory

            """)
    }
}
