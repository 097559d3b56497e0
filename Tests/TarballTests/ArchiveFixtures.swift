import Foundation
import SuvTestSupport

/// Builds archives for the tests with the machine's `tar` and `gzip`.
enum ArchiveFixtures {
    struct CommandFailed: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `command` with `/bin/sh -c` in `directory`; throws on a non-zero exit.
    static func shell(_ command: String, in directory: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(description: "`\(command)` failed: \(String(decoding: stderr, as: UTF8.self))")
        }
    }

    /// The standard `PKG-INFO` of the fixtures.
    static func pkgInfo(_ name: String = "foo", _ version: String = "1.0") -> String {
        "Metadata-Version: 2.3\nName: \(name)\nVersion: \(version)\n"
    }

    /// Writes `files` (relative path → text) under `src/` of `tree`, then archives the given
    /// `members` (in that order, relative to `src/`) into `archive` with `tar <options>`.
    @discardableResult
    static func archive(
        _ tree: TemporaryTree, _ archive: String, files: [String: String], members: [String],
        options: String = "--format=gnu"
    ) throws -> String {
        for (path, text) in files {
            try tree.write("src/" + path, text)
        }
        let gzip = archive.lowercased().hasSuffix(".gz") || archive.lowercased().hasSuffix(".tgz")
        let quoted = members.map { "'\($0)'" }.joined(separator: " ")
        try shell(
            "tar \(options) --no-recursion -C src -c\(gzip ? "z" : "")f '\(tree.path(archive))' \(quoted)",
            in: tree.path
        )
        return tree.path(archive)
    }

    /// A 512-byte tar header with a correct checksum (unless `checksum` overrides it).
    static func header(
        name: String, type: UInt8 = UInt8(ascii: "0"), size: UInt64 = 0, base256Size: Bool = false,
        linkName: String = "", magic: [UInt8] = Array("ustar".utf8) + [0] + Array("00".utf8), prefix: String = ""
    ) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ bytes: [UInt8], at offset: Int) {
            for (index, byte) in bytes.enumerated() { block[offset + index] = byte }
        }
        put(Array(name.utf8), at: 0)
        put(Array("0000644\0".utf8), at: 100)
        put(Array("0000000\0".utf8), at: 108)
        put(Array("0000000\0".utf8), at: 116)
        if base256Size {
            var field = [UInt8](repeating: 0, count: 12)
            field[0] = 0x80
            var value = size
            for index in stride(from: 11, to: 0, by: -1) {
                field[index] = UInt8(value & 0xFF)
                value >>= 8
            }
            put(field, at: 124)
        } else {
            let octal = String(size, radix: 8)
            put(Array((String(repeating: "0", count: max(0, 11 - octal.count)) + octal + "\0").utf8), at: 124)
        }
        put(Array("00000000000\0".utf8), at: 136)
        block[156] = type
        put(Array(linkName.utf8), at: 157)
        put(magic, at: 257)
        put(Array(prefix.utf8), at: 345)
        put(Array("        ".utf8), at: 148)
        let sum = block.reduce(0) { $0 + Int($1) }
        let octal = String(sum, radix: 8)
        put(Array((String(repeating: "0", count: max(0, 6 - octal.count)) + octal + "\0 ").utf8), at: 148)
        return block
    }

    /// `data` padded with zeros to a multiple of 512 bytes.
    static func padded(_ data: [UInt8]) -> [UInt8] {
        data + [UInt8](repeating: 0, count: (512 - data.count % 512) % 512)
    }

    /// Two zero blocks.
    static let end = [UInt8](repeating: 0, count: 1024)
}
