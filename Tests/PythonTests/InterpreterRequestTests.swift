import PEP440
import Python
import Testing

/// `--python` / `UV_PYTHON` / `.python-version` requests parse as uv parses them, and read back
/// in uv's wording.
@Suite struct InterpreterRequestTests {
    @Test(arguments: [
        ("3.12", "Python 3.12"),
        ("3.12.1", "Python 3.12.1"),
        ("3", "Python 3"),
        ("312", "Python 3.12"),
        ("python3.12", "Python 3.12"),
        ("3.13t", "Python 3.13t"),
        (">=3.11,<3.13", "Python >=3.11, <3.13"),
        ("==3.12.*", "Python ==3.12.*"),
        ("cpython", "CPython"),
        ("pypy", "PyPy"),
        ("graalpy", "GraalPy"),
        ("cpython@3.12", "CPython 3.12"),
        ("cpython3.12", "CPython 3.12"),
        ("cp312", "CPython 3.12"),
        ("pypy@3.10", "PyPy 3.10"),
        ("pypy3.10", "PyPy 3.10"),
        ("cpython-3.12.1-linux-x86_64-gnu", "cpython-3.12.1-linux-x86_64-gnu"),
        ("/usr/bin/python3", "path `/usr/bin/python3`"),
        ("./nothere", "path `./nothere`"),
        ("~/py", "path `~/py`"),
        ("foo", "executable name `foo`"),
        ("3.12,<3.13", "executable name `3.12,<3.13`"),
        ("3.*", "executable name `3.*`"),
        ("any", "any Python"),
    ])
    func describesAsUv(_ text: String, _ description: String) throws {
        #expect(try InterpreterRequest.parse(text).description == description)
    }

    @Test func kinds() throws {
        #expect(try InterpreterRequest.parse("") == .any)
        #expect(try InterpreterRequest.parse("python") == .any)
        guard case .implementationVersion(.cpython, let version) = try InterpreterRequest.parse("cp312") else {
            Issue.record("cp312 is CPython 3.12")
            return
        }
        #expect(version.major == 3 && version.minor == 12)
        guard case .version(let range) = try InterpreterRequest.parse(">=3.11"), case .range = range.kind else {
            Issue.record(">=3.11 is a range")
            return
        }
        #expect(try InterpreterRequest.parse("/opt/python") == .path("/opt/python"))
        #expect(try InterpreterRequest.parse("python3.13t").versionRequest?.freethreaded == true)
    }

    @Test func refusesWhatUvRefuses() {
        #expect(throws: InterpreterRequestError.unsupportedVersion("3.5")) { try InterpreterRequest.parse("3.5") }
        #expect(throws: InterpreterRequestError.unsupportedVersion("2.7")) { try InterpreterRequest.parse("2.7") }
        #expect(throws: InterpreterRequestError.freethreadingUnsupported("3.12+freethreaded")) {
            try InterpreterRequest.parse("3.12t")
        }
        let error = InterpreterRequestError.unsupportedVersion("3.5")
        #expect(error.message == "Invalid version request: Python <3.6 is not supported but 3.5 was requested.")
    }

    @Test func executableNames() throws {
        #expect(try InterpreterRequest.parse("3.12").executableNames == ["python3.12", "python3", "python"])
        #expect(try InterpreterRequest.parse("3").executableNames == ["python3", "python"])
        #expect(InterpreterRequest.any.executableNames == ["python3", "python"])
        #expect(try InterpreterRequest.parse("pypy@3.10").executableNames
            == ["pypy3.10", "pypy3", "pypy", "python3.10", "python3", "python"])
        #expect(try InterpreterRequest.parse("foo").executableNames == ["foo"])
        #expect(InterpreterRequest.any.scansMinorVersions)
        #expect(try !InterpreterRequest.parse("3.12").scansMinorVersions)
        #expect(try InterpreterRequest.parse(">=3.11").scansMinorVersions)
    }

    @Test func canonicalText() throws {
        #expect(try InterpreterRequest.parse("cp312").canonicalText == "cpython@3.12")
        #expect(try InterpreterRequest.parse("python3.11").canonicalText == "3.11")
        #expect(try InterpreterRequest.parse("3.12").canonicalText == "3.12")
    }

    @Test func discoveryErrorsReadAsUv() {
        #expect(PythonDiscoveryError.notFound(request: "Python 3.7", includesEnvironments: true).message
            == "No interpreter found for Python 3.7 in virtual environments, managed installations, or search path")
        #expect(PythonDiscoveryError.notFound(request: "Python 3.7", includesEnvironments: false).message
            == "No interpreter found for Python 3.7 in managed installations or search path")
        #expect(PythonDiscoveryError.pathNotFound("./nothere").message == "No interpreter found at path `./nothere`")
    }
}
