import SuvCLI
import Testing

/// `suv run` passes everything after the command through untouched.
@Suite struct RunTests {
    private func run(_ arguments: [String]) throws -> Run {
        try SuvCLI.parse(arguments, as: Run.self)
    }

    @Test func commandArgumentsPassThroughVerbatim() throws {
        let command = try run(["run", "pytest", "-x", "-q", "--frozen", "--", "-k", "name"])
        #expect(command.commandLine == ["pytest", "-x", "-q", "--frozen", "--", "-k", "name"])
        #expect(command.frozen == nil)
        #expect(command.globalFlags.quiet == 0)
    }

    @Test func optionsBeforeTheCommandBelongToSuv() throws {
        let command = try run(["-v", "run", "-q", "--frozen", "--with", "rich", "python", "-V"])
        #expect(command.commandLine == ["python", "-V"])
        #expect(command.frozen == true)
        #expect(command.with == ["rich"])
        #expect(command.globalFlags.quiet == 1)
        #expect(command.globalFlags.verbose == 1)
    }

    @Test func globalOptionsOnBothSidesOfRunMerge() throws {
        let command = try run(["--offline", "-q", "run", "-q", "--cache-dir", "/c", "python"])
        #expect(command.globalFlags.offline)
        #expect(command.globalFlags.quiet == 2)
        #expect(command.globalFlags.cacheDir == "/c")
    }

    @Test func doubleDashSeparatesTheCommand() throws {
        #expect(try run(["run", "--", "python", "-V"]).commandLine == ["python", "-V"])
        #expect(try run(["run", "--no-sync", "--", "-dash-command"]).commandLine == ["-dash-command"])
    }

    @Test func moduleAndScriptKinds() throws {
        let module = try run(["run", "-m", "http.server", "8000"]).request(environment: [:])
        #expect(module.kind == .module)
        #expect(module.command == ["http.server", "8000"])
        let script = try run(["run", "--script", "main.py"]).request(environment: [:])
        #expect(script.kind == .script)
    }

    @Test func groupAndExtraFlags() throws {
        let request = try run(["run", "--extra", "cli", "--group", "test", "--no-dev", "pytest"]).request(environment: [:])
        #expect(request.extras.extras == ["cli"])
        #expect(request.groups.groups == ["test"])
        #expect(request.groups.noDev)
    }

    /// uv checks each side of `run` on its own: `-q` before and `-v` after is accepted (the
    /// counts merge), `-q -v` on one side is not.
    @Test func quietAndVerboseConflictOnlyOnOneSide() async throws {
        let merged = try run(["-q", "run", "-v", "python"])
        #expect(merged.globalFlags.quiet == 1 && merged.globalFlags.verbose == 1)
        let result = await runSuv(["run", "-q", "-v", "python"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: the argument '--quiet...' cannot be used with '--verbose...'\n"))
    }
}
