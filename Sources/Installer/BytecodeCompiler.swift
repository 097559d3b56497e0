import Python

/// A Python file the interpreter could not compile (a syntax error, say). Installs go on, as
/// with pip and uv; callers report these as warnings.
public struct BytecodeFailure: Sendable, Hashable {
    public var path: String
    public var message: String
}

/// `--compile-bytecode`: compiles installed `.py` files to `__pycache__/*.pyc` with the
/// environment's own interpreter, in one process fed the paths on standard input (as uv does).
public enum BytecodeCompiler {
    /// The script the interpreter runs: one path per input line, compiled with `py_compile`
    /// (the invalidation mode `compileall` would use); failures are printed as
    /// `ERROR<TAB>path<TAB>message` lines.
    static let script = """
    import sys, py_compile
    failed = 0
    for line in sys.stdin:
        path = line.rstrip("\\n")
        if not path:
            continue
        try:
            py_compile.compile(path, doraise=True)
        except Exception as error:
            message = str(error).replace("\\t", " ").replace("\\n", " ").strip()
            sys.stdout.write("ERROR\\t%s\\t%s\\n" % (path, message))
    sys.stdout.write("DONE\\n")
    """

    /// Compiles every `.py` file below `directories` (site-packages, typically) with
    /// `interpreter`.
    public static func compile(
        directories: [String], interpreter: String, runner: any ProcessRunner = SubprocessRunner(),
        timeout: Duration = .seconds(600)
    ) async throws -> [BytecodeFailure] {
        var files: [String] = []
        for directory in Set(directories).sorted() {
            for file in try FileSystem.walkFiles(directory) where file.hasSuffix(".py") {
                files.append(directory + "/" + file)
            }
        }
        return try await compile(files: files, interpreter: interpreter, runner: runner, timeout: timeout)
    }

    /// Compiles `files` (absolute `.py` paths) with `interpreter`.
    public static func compile(
        files: [String], interpreter: String, runner: any ProcessRunner = SubprocessRunner(),
        timeout: Duration = .seconds(600)
    ) async throws -> [BytecodeFailure] {
        guard !files.isEmpty else { return [] }
        let input = Array(files.map { $0 + "\n" }.joined().utf8)
        let invocation = ProcessInvocation(
            executable: interpreter, arguments: ["-I", "-B", "-c", script],
            environment: .inheritUpdating(["PYTHONIOENCODING": "utf-8"]),
            standardInput: input, timeout: timeout
        )
        let output: ProcessOutput
        do {
            output = try await runner.run(invocation)
        } catch {
            throw InstallerError.bytecodeCompilationFailed(reason: "\(interpreter): \(error.message)")
        }
        let lines = output.standardOutputText.split(separator: "\n", omittingEmptySubsequences: true)
        guard output.termination.isSuccess, lines.last == "DONE" else {
            let stderr = output.standardErrorText.trimmingCharacters(in: " \n")
            throw InstallerError.bytecodeCompilationFailed(
                reason: "\(interpreter) (\(output.termination))" + (stderr.isEmpty ? "" : ": \(stderr)")
            )
        }
        return lines.compactMap { line in
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0] == "ERROR" else { return nil }
            return BytecodeFailure(path: String(fields[1]), message: String(fields[2]))
        }
    }
}
