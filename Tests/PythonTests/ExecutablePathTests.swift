@testable import Python
import Testing

@Suite("ExecutablePath")
struct ExecutablePathTests {
    @Test(arguments: [
        ("/usr/bin/python3", "/work", "/usr/bin/python3"),
        (".venv/bin/python", "/work/project", "/work/project/.venv/bin/python"),
        ("./bin//python", "/work/", "/work/bin/python"),
        ("/a/./b/../python", "/", "/a/b/../python"),
        ("python", "/", "/python"),
    ])
    func absolute(path: String, directory: String, expected: String) {
        #expect(ExecutablePath.absolute(path, relativeTo: directory) == expected)
    }
}
