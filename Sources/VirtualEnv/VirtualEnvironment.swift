#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Python

/// An existing virtual environment on disk: where its interpreter, scripts and packages are.
public struct VirtualEnvironment: Sendable, Hashable {
    /// The environment's absolute path.
    public var root: String
    /// Where packages go: `lib/python3.X/site-packages` (purelib and platlib alike on POSIX).
    public var sitePackages: String

    /// An environment at `root` whose site-packages is `sitePackages`.
    public init(root: String, sitePackages: String) {
        self.root = root
        self.sitePackages = sitePackages
    }

    /// The environment at `root` as its interpreter's facts describe it (`paths` of the `venv`
    /// scheme, which is what the interpreter reports when run from inside the environment).
    public init(root: String, interpreter info: InterpreterInfo) {
        self.root = root
        self.sitePackages = info.paths.purelib
    }

    /// `bin/python`.
    public var python: String { root + "/bin/python" }
    /// `bin`: console scripts and activation scripts.
    public var scripts: String { root + "/bin" }
    /// `pyvenv.cfg`.
    public var configPath: String { root + "/pyvenv.cfg" }

    /// The environment's `pyvenv.cfg`, if it can be read.
    public var config: PyvenvConfig? { PyvenvConfig(path: configPath) }

    /// Whether `root` looks like a virtual environment: it has a `pyvenv.cfg`.
    public static func exists(at root: String) -> Bool {
        FileSystem.kind(root + "/pyvenv.cfg") == .file
    }
}

/// A `pyvenv.cfg`: `key = value` lines, in file order.
public struct PyvenvConfig: Sendable, Hashable {
    public var entries: [(key: String, value: String)] { pairs.map { ($0.key, $0.value) } }
    private var pairs: [Pair]

    private struct Pair: Sendable, Hashable {
        var key: String
        var value: String
        init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// Parses the text: lines without `=` are skipped, keys and values trimmed.
    public init(text: String) {
        pairs = text.split(whereSeparator: \.isNewline).compactMap { line in
            guard let equals = line.firstIndex(of: "=") else { return nil }
            let key = line[..<equals].trimmingCharacters()
            let value = line[line.index(after: equals)...].trimmingCharacters()
            return key.isEmpty ? nil : Pair(key, value)
        }
    }

    /// The file at `path`, or `nil` when it cannot be read.
    public init?(path: String) {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes += buffer[0 ..< count]
        }
        self.init(text: String(decoding: bytes, as: UTF8.self))
    }

    /// The value of the first `key` line.
    public subscript(key: String) -> String? {
        pairs.first { $0.key == key }?.value
    }

    /// `version_info`, e.g. `3.12.1`.
    public var versionInfo: String? { self["version_info"] }
    /// Whether `seed = true` (pip and friends were installed at creation and are kept by syncs).
    public var isSeeded: Bool { self["seed"] == "true" }
    /// Whether `relocatable = true`.
    public var isRelocatable: Bool { self["relocatable"] == "true" }
}

extension Substring {
    func trimmingCharacters() -> String {
        var slice = self
        while let first = slice.first, first == " " || first == "\t" || first == "\r" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice.removeLast() }
        return String(slice)
    }
}
