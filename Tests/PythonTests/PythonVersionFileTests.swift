import Foundation
import Python
import Testing

/// `.python-version` files: parsing, and discovery from a directory up, as uv finds them.
@Suite struct PythonVersionFileTests {
    @Test func parsesLinesSkippingCommentsAndBlanks() {
        #expect(PythonVersionFile.parse("3.12\n") == ["3.12"])
        #expect(PythonVersionFile.parse("# pinned\n\n  3.11  \r\n3.10\n") == ["3.11", "3.10"])
        #expect(PythonVersionFile.parse("") == [])
        #expect(PythonVersionFile.render(["3.12"]) == "3.12\n")
    }

    func tree() throws -> String {
        let path = NSTemporaryDirectory() + "/suv-pyver-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/project/src/deep", withIntermediateDirectories: true)
        return path
    }

    @Test func nearestFileWinsAndTheWalkStopsAtTheRoot() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "3.10\n".write(toFile: root + "/.python-version", atomically: true, encoding: .utf8)
        try "3.12\n".write(toFile: root + "/project/.python-version", atomically: true, encoding: .utf8)
        let found = PythonVersionFile.discover(from: root + "/project/src/deep")
        #expect(found?.path == root + "/project/.python-version")
        #expect(found?.first == "3.12")
        try FileManager.default.removeItem(atPath: root + "/project/.python-version")
        #expect(PythonVersionFile.discover(from: root + "/project/src/deep")?.first == "3.10")
        // Stopping at the project: the file above it is not seen, the user's global pin is.
        #expect(PythonVersionFile.discover(from: root + "/project/src", stopAt: root + "/project") == nil)
        try FileManager.default.createDirectory(atPath: root + "/config/uv", withIntermediateDirectories: true)
        try "3.11\n".write(toFile: root + "/config/uv/.python-version", atomically: true, encoding: .utf8)
        let global = PythonVersionFile.discover(from: root + "/project/src", stopAt: root + "/project",
                                                userConfigDirectory: root + "/config/uv")
        #expect(global?.first == "3.11")
    }

    @Test func pluralFileIsReadWhenTheSingularIsMissing() throws {
        let root = try tree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "3.12\n3.10\n".write(toFile: root + "/project/.python-versions", atomically: true, encoding: .utf8)
        let found = PythonVersionFile.discover(from: root + "/project/src")
        #expect(found?.versions == ["3.12", "3.10"])
        try "3.11\n".write(toFile: root + "/project/.python-version", atomically: true, encoding: .utf8)
        #expect(PythonVersionFile.discover(from: root + "/project")?.versions == ["3.11"])
    }

    @Test func userConfigDirectory() {
        #expect(PythonVersionFile.userConfigDirectory(environment: ["HOME": "/home/a"]) == "/home/a/.config/uv")
        #expect(PythonVersionFile.userConfigDirectory(environment: ["HOME": "/home/a", "XDG_CONFIG_HOME": "/x"]) == "/x/uv")
    }
}
