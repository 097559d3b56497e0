import Foundation

/// A fresh directory under the system temp folder, removed when released.
///
/// ```swift
/// let tree = try TemporaryTree()
/// try tree.write("simple/foo/index.html", "<a href=...>")
/// ```
public final class TemporaryTree: @unchecked Sendable {
    // Safety: `path` is immutable; the file system is the only other state.

    /// The directory's absolute path.
    public let path: String

    /// Creates a new empty directory named `<prefix>.XXXXXX`.
    public init(prefix: String = "suv-test") throws {
        var template = Array((NSTemporaryDirectory() + "/\(prefix).XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            return mkdtemp(base) != nil
        }
        guard created else { throw CocoaError(.fileWriteUnknown) }
        let raw = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        path = URL(fileURLWithPath: raw).standardizedFileURL.path
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// The absolute path of `relativePath` inside the tree.
    public func path(_ relativePath: String) -> String {
        relativePath.isEmpty ? path : path + "/" + relativePath
    }

    /// Writes text (UTF-8), creating parent directories.
    @discardableResult
    public func write(_ relativePath: String, _ text: String) throws -> String {
        try write(relativePath, bytes: Array(text.utf8))
    }

    /// Writes bytes, creating parent directories; returns the file's absolute path.
    @discardableResult
    public func write(_ relativePath: String, bytes: [UInt8]) throws -> String {
        let full = path(relativePath)
        let parent = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        try Data(bytes).write(to: URL(fileURLWithPath: full))
        return full
    }

    /// Creates a directory (and its parents); returns its absolute path.
    @discardableResult
    public func makeDirectory(_ relativePath: String) throws -> String {
        let full = path(relativePath)
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    /// The bytes of a file in the tree, or `nil` if it does not exist.
    public func read(_ relativePath: String) -> [UInt8]? {
        FileManager.default.contents(atPath: path(relativePath)).map { Array($0) }
    }

    /// The names in a directory of the tree (hidden ones included), sorted.
    public func list(_ relativePath: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path(relativePath))) ?? []).sorted()
    }
}
