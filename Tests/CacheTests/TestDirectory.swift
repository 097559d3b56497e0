import Foundation

/// A fresh folder under the system temporary directory, removed when the value is released.
/// Tests never touch the real `~/.cache`.
final class TestDirectory: @unchecked Sendable {
    let path: String

    init() {
        var base = NSTemporaryDirectory()
        while base.count > 1 && base.hasSuffix("/") { base.removeLast() }
        var template = Array((base + "/suv-cache-tests-XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!) != nil
        }
        precondition(created, "mkdtemp failed")
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// `path/relative`.
    func at(_ relative: String) -> String { path + "/" + relative }

    /// Writes `contents` to `relative`, creating folders.
    @discardableResult
    func write(_ relative: String, _ contents: String = "x") -> String {
        let file = at(relative)
        try! FileManager.default.createDirectory(
            atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true
        )
        try! Data(contents.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Creates the folder `relative`.
    @discardableResult
    func makeDirectory(_ relative: String) -> String {
        let folder = at(relative)
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder
    }

    /// Every path under the folder, relative, sorted (links are not followed).
    func listing() -> [String] {
        var result: [String] = []
        func walk(_ relative: String) {
            let full = relative.isEmpty ? path : at(relative)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? []
            for name in names.sorted() {
                let child = relative.isEmpty ? name : relative + "/" + name
                result.append(child)
                var info = stat()
                if lstat(at(child), &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { walk(child) }
            }
        }
        walk("")
        return result
    }
}

/// The bytes `st_blocks × 512` of a file, as the removal summary counts them.
func allocatedBytes(_ path: String) -> UInt64 {
    var info = stat()
    guard lstat(path, &info) == 0 else { return 0 }
    return UInt64(info.st_blocks) * 512
}

/// The contents of a file as text, or `nil`.
func readText(_ path: String) -> String? {
    FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
}
