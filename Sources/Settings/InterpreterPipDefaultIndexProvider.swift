#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Asks a real Python interpreter for pip's default index by running
/// `python3 -S -c "...; print(PyPI.simple_url)"` (blocking the calling task for the few tens of
/// milliseconds that takes).
public struct InterpreterPipDefaultIndexProvider: PipDefaultIndexProvider {
    /// An interpreter name looked up on `PATH` (`python3`) or a path.
    public var interpreter: String
    /// The environment the interpreter runs with (and whose `PATH` is searched).
    public var environment: [String: String]
    /// How long the interpreter may take.
    public var timeoutSeconds: Int

    /// The script, run with `-S` (no `site`: on some interpreters the `.pth` files of
    /// site-packages take longer than the rest of the query): it evaluates pip's
    /// `pip/_internal/models/index.py`, found where `import pip` would find it, and prints
    /// `PyPI.simple_url`; when that file cannot be found or evaluated on its own, it runs
    /// `site.main()` (the start-up `-S` skipped) and imports pip's index model as usual.
    public static let script = """
        import sys
        def from_source():
            import os.path, sysconfig
            places = list(sys.path)
            if sys.prefix == sys.base_prefix:
                import site
                if site.check_enableusersite():
                    places.append(site.getusersitepackages())
            places += [sysconfig.get_path("purelib"), sysconfig.get_path("platlib")]
            for place in places:
                path = os.path.join(place or ".", "pip", "_internal", "models", "index.py")
                if os.path.isfile(path):
                    with open(path, encoding="utf-8") as source:
                        code = compile(source.read(), path, "exec")
                    namespace = {"__name__": "pip._internal.models.index", "__file__": path}
                    exec(code, namespace)
                    return namespace["PyPI"].simple_url
        try:
            url = from_source()
        except Exception:
            url = None
        if not url:
            import site
            site.main()
            from pip._internal.models.index import PyPI
            url = PyPI.simple_url
        sys.stdout.write(url)

        """

    public init(interpreter: String = "python3", environment: [String: String], timeoutSeconds: Int = 20) {
        self.interpreter = interpreter
        self.environment = environment
        self.timeoutSeconds = timeoutSeconds
    }

    public func pipDefaultIndex() async throws(PipDefaultIndexError) -> PipDefaultIndex {
        guard let found = ProcessSpawner.findExecutable(interpreter, path: environment["PATH"]) else {
            throw .interpreterNotFound(interpreter)
        }
        let executable = PyenvShim.resolve(found, environment: environment, workingDirectory: Self.currentDirectory()) ?? found
        var childEnvironment = environment
        childEnvironment["PIP_NO_INPUT"] = "1"
        childEnvironment["PYTHONIOENCODING"] = "utf-8"
        let result: ProcessSpawner.Output
        switch ProcessSpawner.run(executable, arguments: ["-S", "-c", Self.script], environment: childEnvironment,
                                  timeoutMilliseconds: timeoutSeconds * 1000) {
        case .success(let output): result = output
        case .failure(let failure): throw .spawnFailed(interpreter: interpreter, reason: failure.reason)
        }
        if result.timedOut { throw .timedOut(interpreter: interpreter, seconds: timeoutSeconds) }
        guard result.status == 0 else {
            let lastLine = String(decoding: result.standardError, as: UTF8.self)
                .split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).last.map(String.init) ?? ""
            throw .queryFailed(interpreter: interpreter, status: result.status, detail: lastLine)
        }
        let answer = String(decoding: result.standardOutput, as: UTF8.self).trimmingASCIIWhitespace()
        guard URLParts.looksLikeURL(answer), case .success = URLParts.parse(answer) else {
            throw .invalidAnswer(interpreter: interpreter, output: String(answer.prefix(200)))
        }
        return PipDefaultIndex(url: answer, interpreter: interpreter)
    }

    /// The process's working directory (where a pyenv shim would look for `.python-version`).
    public static func currentDirectory() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
