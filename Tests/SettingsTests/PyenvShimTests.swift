import Foundation
import Settings
import Testing

/// `PyenvShim` against a fake `$PYENV_ROOT` on disk, with pyenv's precedence rules.
@Suite struct PyenvShimTests {
    let root = FakeRoot()

    /// A pyenv root at `/pyenv` with a `python3` shim and the given installed versions.
    func makePyenv(versions: [String], global: String?) throws -> String {
        root.write("/pyenv/shims/python3", "#!/usr/bin/env bash\nexec pyenv exec python3 \"$@\"\n")
        for version in versions { root.write("/pyenv/versions/\(version)/bin/python3", "") }
        if let global { root.write("/pyenv/version", global) }
        for path in ["/pyenv/shims/python3"] + versions.map({ "/pyenv/versions/\($0)/bin/python3" }) {
            #expect(chmod(root.root + path, 0o755) == 0)
        }
        return root.root + "/pyenv/shims/python3"
    }

    func resolve(_ shim: String, _ environment: [String: String] = [:], cwd: String = "/work/app") -> String? {
        root.directory(cwd)
        return PyenvShim.resolve(shim, environment: environment, workingDirectory: root.root + cwd)
            .map { String($0.dropFirst(root.root.count)) }
    }

    @Test func theGlobalVersionFileIsTheFallback() throws {
        let shim = try makePyenv(versions: ["3.11.7", "3.12.1"], global: "# pinned by setup\n3.11.7\n")
        #expect(resolve(shim) == "/pyenv/versions/3.11.7/bin/python3")
    }

    @Test func pyenvVersionWinsAndItsFirstInstalledNameIsUsed() throws {
        let shim = try makePyenv(versions: ["3.11.7", "3.12.1"], global: "3.11.7")
        #expect(resolve(shim, ["PYENV_VERSION": "3.9.0:3.12.1"]) == "/pyenv/versions/3.12.1/bin/python3")
    }

    @Test func theNearestPythonVersionFileWins() throws {
        let shim = try makePyenv(versions: ["3.11.7", "3.12.1"], global: "3.11.7")
        root.write("/work/.python-version", "3.12.1\n")
        #expect(resolve(shim, cwd: "/work/app/src") == "/pyenv/versions/3.12.1/bin/python3")
        root.write("/work/app/.python-version", "3.11.7 3.12.1\n")
        #expect(resolve(shim, cwd: "/work/app/src") == "/pyenv/versions/3.11.7/bin/python3")
    }

    @Test func whatPyenvResolvesOtherwiseIsLeftToTheShim() throws {
        let shim = try makePyenv(versions: ["3.12.1"], global: "system")
        #expect(resolve(shim) == nil)
        #expect(resolve(shim, ["PYENV_VERSION": "3.12"]) == nil)
        #expect(resolve(shim, ["PYENV_VERSION": "../../bin"]) == nil)
        try FileManager.default.removeItem(atPath: root.root + "/pyenv/version")
        #expect(resolve(shim) == nil)
        root.write("/pyenv/version", "3.12.1")
        #expect(resolve(shim) == "/pyenv/versions/3.12.1/bin/python3")
    }

    @Test func anExecutableOutsideAShimsFolderIsNotTouched() throws {
        _ = try makePyenv(versions: ["3.12.1"], global: "3.12.1")
        #expect(resolve(root.root + "/pyenv/versions/3.12.1/bin/python3") == nil)
        #expect(PyenvShim.resolve("python3", environment: [:], workingDirectory: "/") == nil)
    }
}
