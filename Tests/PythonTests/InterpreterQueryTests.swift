import Foundation
import Python
import SuvBasics
import Testing

@Suite("InterpreterQuery against real interpreters", .timeLimit(.minutes(2)))
struct InterpreterQueryRealTests {
    let query = InterpreterQuery(runner: SubprocessRunner(), timeout: .seconds(30))

    @Test(TestPythons.installed("3.8")) func python38() async throws { try await checkStandard("3.8") }
    @Test(TestPythons.installed("3.10")) func python310() async throws { try await checkStandard("3.10") }
    @Test(TestPythons.installed("3.12")) func python312() async throws { try await checkStandard("3.12") }
    @Test(TestPythons.installed("3.13")) func python313() async throws { try await checkStandard("3.13") }

    /// Version, implementation, markers, tag inputs and paths of a pyenv CPython `minor`.
    func checkStandard(_ minor: String) async throws {
        let python = try TestPythons.require(minor)
        let info = try await query.run(executable: python)
        let parts = minor.split(separator: ".").compactMap { Int($0) }

        #expect(info.versionInfo.major == parts[0])
        #expect(info.versionInfo.minor == parts[1])
        #expect(info.implementation == "CPython")
        #expect(info.executable == python)
        #expect(!info.isVirtualenv)
        #expect(info.prefix == info.basePrefix)
        #expect(info.pointerSize == 64)
        #expect(info.maxSize == Int64.max)

        let markers = info.markers
        #expect(markers.pythonVersion == minor)
        #expect(markers.pythonFullVersion.hasPrefix(minor + "."))
        #expect(markers.pythonFullVersion == info.versionInfo.description)
        #expect(markers.implementationName == "cpython")
        #expect(markers.implementationVersion == markers.pythonFullVersion)
        #expect(markers.platformPythonImplementation == "CPython")
        #expect(markers.osName == "posix")
        #expect(markers.sysPlatform == "linux")
        #expect(markers.platformSystem == "Linux")
        #expect(!markers.platformRelease.isEmpty)
        #expect(markers.value(forKey: "python_version") == minor)
        #expect(markers.values.count == 11)

        let tag = "cpython-" + minor.replacingOccurrences(of: ".", with: "")
        #expect(info.tags.cacheTag == tag)
        #expect(info.tags.soabi?.hasPrefix(tag) == true)
        #expect(info.tags.extSuffix?.hasSuffix(".so") == true)
        #expect(info.tags.machine == markers.platformMachine)
        #expect(info.tags.platform.hasPrefix("linux-"))
        #expect(info.tags.libc?.family == .glibc)
        #expect((info.tags.libc?.major ?? 0) >= 2)
        #expect(info.tags.macOSVersion == nil)
        #expect(info.tags.debug == false)
        #expect(info.tags.gilDisabled == (parts[1] >= 13 ? false : nil))

        for path in [info.paths.purelib, info.paths.platlib, info.paths.scripts, info.paths.data, info.prefix] {
            #expect(FileManager.default.fileExists(atPath: path), "\(path) should exist")
        }
        #expect(info.paths.purelib.hasPrefix(info.prefix))
        #expect(info.paths.purelib.hasSuffix("python\(minor)/site-packages"))
    }

    /// The oldest Python uv supports: the script must stay 3.6-compatible.
    @Test(TestPythons.installed("3.6")) func python36() async throws {
        let python = try TestPythons.require("3.6")
        let info = try await query.run(executable: python)
        #expect(info.versionInfo.major == 3 && info.versionInfo.minor == 6)
        #expect(info.markers.pythonVersion == "3.6")
        #expect(info.markers.pythonFullVersion.hasPrefix("3.6."))
        #expect(info.markers.sysPlatform == "linux")
        #expect(info.tags.soabi?.hasPrefix("cpython-36m") == true)
        #expect(info.tags.withPymalloc == true)
        #expect(info.tags.gilDisabled == nil)
        #expect(info.pointerSize == 64)
        #expect(FileManager.default.fileExists(atPath: info.paths.purelib))
    }

    /// Without `site`, the script itself must notice `pyvenv.cfg`; checked on both sides of the
    /// 3.11 `getpath` rewrite.
    @Test(TestPythons.installed("3.8")) func venv38() async throws { try await checkVirtualEnvironment("3.8") }
    @Test(TestPythons.installed("3.12")) func venv312() async throws { try await checkVirtualEnvironment("3.12") }

    func checkVirtualEnvironment(_ minor: String) async throws {
        let python = try TestPythons.require(minor)
        try await withTemporaryDirectory { directory in
            let venv = directory + "/venv"
            let created = try await SubprocessRunner().run(ProcessInvocation(
                executable: python,
                arguments: ["-m", "venv", "--without-pip", venv],
                timeout: .seconds(60)
            ))
            try #require(created.termination.isSuccess, "venv creation failed: \(created.standardErrorText)")
            let base = try await query.run(executable: python)
            let info = try await query.run(executable: venv + "/bin/python")

            #expect(info.isVirtualenv)
            #expect(info.prefix == venv)
            #expect(info.basePrefix == base.prefix)
            #expect(info.executable == venv + "/bin/python")
            #expect(info.paths.purelib == venv + "/lib/python\(minor)/site-packages")
            #expect(info.paths.scripts == venv + "/bin")
            #expect(info.markers == base.markers)
        }
    }

    @Test(TestPythons.installed("2.7")) func python2IsRejectedWithAClearError() async throws {
        let python = try TestPythons.require("2.7")
        let error = await #expect(throws: InterpreterQueryError.self) {
            _ = try await query.run(executable: python)
        }
        #expect(error == .unsupportedPython(path: python))
        let chain = ErrorChain(try #require(error))
        #expect(chain.messages == [
            "Can't use Python at `\(python)`",
            "Python executable does not support `-I` flag. Please use Python 3.6 or newer.",
        ])
    }

    @Test func fileWithoutExecutePermission() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory + "/python3"
            try writeFile(file, "#!/bin/sh\n", permissions: 0o644)
            await #expect(throws: InterpreterQueryError.notExecutable(path: file)) {
                _ = try await query.run(executable: file)
            }
        }
    }

    @Test func hangingInterpreterTimesOut() async throws {
        try await withTemporaryDirectory { directory in
            let file = directory + "/python3"
            try writeFile(file, "#!/bin/sh\nexec sleep 30\n", permissions: 0o755)
            let quick = InterpreterQuery(runner: SubprocessRunner(), timeout: .milliseconds(300))
            let error = await #expect(throws: InterpreterQueryError.self) {
                _ = try await quick.run(executable: file)
            }
            #expect(error == .runFailed(path: file, .timedOut(executable: file, timeout: .milliseconds(300))))
            #expect(error.map { ErrorChain($0).messages } == [
                "Failed to query Python interpreter at `\(file)`",
                "`\(file)` did not finish within 0.3s and was terminated",
            ])
        }
    }

    @Test func nonexistentPath() async throws {
        let path = "/nonexistent/bin/python3"
        await #expect(throws: InterpreterQueryError.notFound(path: path)) {
            _ = try await query.run(executable: path)
        }
    }
}

@Suite("InterpreterQuery with fake runners")
struct InterpreterQueryFakeTests {
    let path = "/opt/python/bin/python3"

    @Test func invocationIsIsolatedWithoutSite() async throws {
        let counting = CountingRunner(CannedRunner(status: 1))
        _ = try? await InterpreterQuery(runner: counting, timeout: .seconds(7)).run(executable: path)
        let invocation = try #require(counting.seen.first)
        #expect(invocation.executable == path)
        #expect(Array(invocation.arguments.prefix(4)) == ["-I", "-S", "-B", "-c"])
        #expect(invocation.arguments.last == InterpreterQuery.script)
        #expect(invocation.timeout == .seconds(7))
        #expect(invocation.standardInput == nil)
    }

    @Test func garbageOutputIsAnInvalidResponse() async throws {
        let runner = CannedRunner(stdout: "Hello from a sitecustomize\n", stderr: "warning: something\n")
        let error = await #expect(throws: InterpreterQueryError.self) {
            _ = try await InterpreterQuery(runner: runner).run(executable: path)
        }
        let message = try #require(error?.message)
        #expect(message.hasPrefix("Querying Python at `\(path)` returned an invalid response: not valid JSON"))
        #expect(message.contains("\n\n[stdout]\nHello from a sitecustomize"))
        #expect(message.hasSuffix("\n\n[stderr]\nwarning: something"))
    }

    @Test func nonZeroExitKeepsTheLastLinesOfStandardError() async throws {
        let stderr = (1 ... 30).map { "line \($0)" }.joined(separator: "\n") + "\nValueError: boom\n"
        let runner = CannedRunner(status: 1, stderr: stderr)
        let error = await #expect(throws: InterpreterQueryError.self) {
            _ = try await InterpreterQuery(runner: runner).run(executable: path)
        }
        guard case .failed(let failedPath, let termination, let stdout, let tail)? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(failedPath == path)
        #expect(termination == .exited(1))
        #expect(stdout.isEmpty)
        #expect(tail.split(separator: "\n").count == InterpreterQueryError.keptOutputLines)
        #expect(tail.hasSuffix("line 30\nValueError: boom"))
        #expect(!tail.contains("line 11\n"))
        let message = try #require(error?.message)
        #expect(message.hasPrefix("Querying Python at `\(path)` failed with exit status exit status: 1\n\n[stderr]\nline 12\n"))
        #expect(!message.contains("[stdout]"))
    }

    @Test func killedBySignal() async throws {
        let runner = CannedRunner(ProcessOutput(termination: .signaled(11)))
        let error = await #expect(throws: InterpreterQueryError.self) {
            _ = try await InterpreterQuery(runner: runner).run(executable: path)
        }
        #expect(error?.message == "Querying Python at `\(path)` failed with exit status signal: 11")
    }

    @Test func wrongSchemaIsAnInvalidResponse() async throws {
        let runner = CannedRunner(stdout: #"{"schema": 99}"#)
        let error = await #expect(throws: InterpreterQueryError.self) {
            _ = try await InterpreterQuery(runner: runner).run(executable: path)
        }
        #expect(error == .invalidResponse(path: path, reason: "expected schema 1, found 99", stdout: #"{"schema": 99}"#, stderr: ""))
    }

    @Test func missingFieldIsNamed() async throws {
        let runner = CannedRunner(stdout: #"{"schema": 1, "sys_executable": "/x"}"#)
        let error = await #expect(throws: InterpreterQueryError.self) {
            _ = try await InterpreterQuery(runner: runner).run(executable: path)
        }
        guard case .invalidResponse(_, let reason, _, _)? = error else {
            Issue.record("unexpected \(String(describing: error))")
            return
        }
        #expect(reason.hasPrefix("missing `"))
    }

    @Test func runnerFailuresAreWrappedWithTheInterpreterPath() async throws {
        let timeout = ProcessRunnerError.timedOut(executable: path, timeout: .seconds(30))
        let error = await #expect(throws: InterpreterQueryError.self) {
            _ = try await InterpreterQuery(runner: CannedRunner(error: timeout)).run(executable: path)
        }
        #expect(error == .runFailed(path: path, timeout))
        let chain = ErrorChain(try #require(error))
        #expect(chain.messages == [
            "Failed to query Python interpreter at `\(path)`",
            "`\(path)` did not finish within 30s and was terminated",
        ])
        #expect(chain.kind == .error)
    }

    @Test func notFoundFromTheRunner() async throws {
        let runner = CannedRunner(error: .executableNotFound(executable: path))
        await #expect(throws: InterpreterQueryError.notFound(path: path)) {
            _ = try await InterpreterQuery(runner: runner).run(executable: path)
        }
    }

    @Test func decodesWhatTheScriptPrints() throws {
        let json = """
        {"schema": 1, "sys_executable": "/p/bin/python3", "sys_prefix": "/p", "sys_base_prefix": "/p",
         "sys_base_exec_prefix": "/p",
         "version_info": {"major": 3, "minor": 14, "micro": 0, "releaselevel": "beta", "serial": 2},
         "implementation": "PyPy",
         "markers": {"implementation_name": "pypy", "implementation_version": "7.3.17",
           "os_name": "posix", "platform_machine": "aarch64", "platform_python_implementation": "PyPy",
           "platform_release": "6.1", "platform_system": "Linux", "platform_version": "#1",
           "python_full_version": "3.14.0b2", "python_version": "3.14", "sys_platform": "linux"},
         "tags": {"cache_tag": null, "soabi": null, "ext_suffix": ".so", "py_gil_disabled": null,
           "py_debug": null, "with_pymalloc": null, "platform": "linux-aarch64", "machine": "aarch64",
           "libc": {"family": "musl", "major": 1, "minor": 2}, "macos_version": null},
         "paths": {"purelib": "/p/lib", "platlib": "/p/lib", "include": "/p/include", "scripts": "/p/bin", "data": "/p"},
         "pointer_size": 32, "maxsize": 2147483647, "is_virtualenv": false}
        """
        let info = try InterpreterQuery.decode(
            ProcessOutput(termination: .exited(0), standardOutput: Array(json.utf8)), path: "/p/bin/python3"
        )
        #expect(info.versionInfo.description == "3.14.0b2")
        #expect(info.implementation == "PyPy")
        #expect(info.tags.libc == Libc(family: .musl, major: 1, minor: 2))
        #expect(info.tags.cacheTag == nil)
        #expect(info.pointerSize == 32)
        #expect(info.maxSize == 2_147_483_647)
        #expect(info.markers.value(forKey: "implementation_name") == "pypy")
        #expect(info.markers.value(forKey: "extra") == nil)
    }
}
