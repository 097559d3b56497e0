#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A `.python-version` (one request) or `.python-versions` (several) file.
///
/// The text is read as uv reads it: one request per line, surrounding whitespace trimmed, empty
/// lines and `#` comments skipped. Only the first line matters for choosing an interpreter.
public struct PythonVersionFile: Sendable, Hashable {
    /// `.python-version`.
    public static let fileName = ".python-version"
    /// `.python-versions`.
    public static let multipleFileName = ".python-versions"

    /// Where the file is.
    public var path: String
    /// The lines that are requests, as written.
    public var versions: [String]

    /// A file at `path` holding `versions`.
    public init(path: String, versions: [String]) {
        self.path = path
        self.versions = versions
    }

    /// The requests in `text`.
    public static func parse(_ text: String) -> [String] {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingWhitespace()
            return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : trimmed
        }
    }

    /// The text written for `versions`: one per line, each line ending in a newline.
    public static func render(_ versions: [String]) -> String {
        versions.map { $0 + "\n" }.joined()
    }

    /// The first request, if any.
    public var first: String? { versions.first }

    /// The nearest version file at or above `directory`, preferring `.python-version` over
    /// `.python-versions` within a directory; the walk stops after `stopAt` (a workspace root)
    /// when given. Without one, `userConfigDirectory`'s (`~/.config/uv`) file is used, as uv's
    /// global pin.
    public static func discover(from directory: String, stopAt: String? = nil, userConfigDirectory: String? = nil) -> PythonVersionFile? {
        var current = normalized(directory)
        while true {
            if let file = read(in: current) { return file }
            if let stopAt, current == normalized(stopAt) { break }
            guard let parent = parentDirectory(current) else { break }
            current = parent
        }
        if let userConfigDirectory { return read(in: userConfigDirectory) }
        return nil
    }

    /// The version file directly in `directory`, if there is one.
    public static func read(in directory: String) -> PythonVersionFile? {
        for name in [fileName, multipleFileName] {
            let path = directory == "/" ? "/" + name : directory + "/" + name
            if let text = readText(path) { return PythonVersionFile(path: path, versions: parse(text)) }
        }
        return nil
    }

    /// `~/.config/uv` (or `$XDG_CONFIG_HOME/uv`), where the global pin lives.
    public static func userConfigDirectory(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") { return xdg + "/uv" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/uv" }
        return nil
    }

    static func normalized(_ path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed.isEmpty ? "/" : trimmed
    }

    static func parentDirectory(_ path: String) -> String? {
        guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
        let parent = String(path[..<slash])
        return parent.isEmpty ? "/" : parent
    }

    /// The file's text, or `nil` when it is not a regular file that can be read.
    static func readText(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[0 ..< count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
