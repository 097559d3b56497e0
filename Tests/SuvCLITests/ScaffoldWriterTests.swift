import Foundation
import Glibc
import SuvTestSupport
import Testing
@testable import SuvCLI

/// `ScaffoldWriter`: what `suv init` writes, and its undo.
@Suite struct ScaffoldWriterTests {
    /// A workspace root's `pyproject.toml` is replaced by a rename, not rewritten in place: a
    /// reader that opened the old file reads it whole (an in-place rewrite let a concurrent
    /// `suv init` read half a file and fail), and rolling back puts the original text back.
    @Test func aReplacedFileIsSwappedWholeAndRestoredOnRollBack() throws {
        let tree = try TemporaryTree(prefix: "suv-scaffold")
        let original = "[project]\nname = \"root\"\n\n[tool.uv.workspace]\nmembers = []\n"
        let path = try tree.write("pyproject.toml", original)
        let reader = open(path, O_RDONLY | O_CLOEXEC)
        #expect(reader >= 0)
        defer { close(reader) }

        let writer = ScaffoldWriter()
        let replaced = original.replacingOccurrences(of: "members = []", with: "members = [\n    \"packages/a\",\n]")
        try writer.replaceFile(path, contents: replaced, original: Array(original.utf8))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = read(reader, &buffer, buffer.count)
        #expect(String(decoding: buffer.prefix(max(count, 0)), as: UTF8.self) == original)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == replaced)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tree.path) == ["pyproject.toml"])

        writer.rollBack()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: tree.path) == ["pyproject.toml"])
    }
}
