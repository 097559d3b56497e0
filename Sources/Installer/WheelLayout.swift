#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How an unpacked wheel installs, worked out once and kept beside its cache entry, so that
/// installing it again (every warm `suv sync`) needs no walk of the unpacked folder, no
/// `METADATA`, `WHEEL` or `RECORD` parsing and no sorting: only the folders to make, the files to
/// link, and the `RECORD` lines the environment gets, already sorted.
///
/// A wheel has a layout when every file is a clean relative path (no `..`, no line breaks in
/// names) and none is one of the `.dist-info` files the installer writes itself (`INSTALLER`,
/// `REQUESTED`, `direct_url.json`); any other wheel installs through ``InstallPlan`` every time.
/// The files of a `.data` folder, whose places depend on the environment's scheme, are listed
/// with their `RECORD` entries and planned at install time. Installing through a layout gives
/// the same files and the same `RECORD`, byte for byte, as installing through the plan.
///
/// The file (`<sha256>.layout` beside the wheel's `wheels-v0/by-hash/<name>/<sha256>` link):
///
/// ```
/// suv-wheel-layout 1
/// dist-info flask-3.0.3.dist-info
/// name Flask
/// version 3.0.3
/// root-is-purelib 1
/// entry-points 1
/// operations 5
/// d flask-3.0.3.dist-info
/// f flask-3.0.3.dist-info/METADATA
/// d flask
/// f flask/__init__.py
/// f flask/app.py
/// data 0
/// record 3
/// flask-3.0.3.dist-info/METADATA,sha256=…,3041
/// flask/__init__.py,sha256=…,2603
/// flask/app.py,sha256=…,61744
/// ```
///
/// Operations come in installation order: the `.dist-info` files first (an install stopped
/// half-way leaves a `.dist-info` without `RECORD`), each folder before what it holds.
struct WheelLayout: Sendable {
    static let formatLine = "suv-wheel-layout 1"

    /// The wheel's facts, as ``WheelInstaller/readInfo(_:distInfo:)`` reads them.
    let info: WheelInfo
    /// Whether the wheel has an `entry_points.txt` (read at install: scripts depend on the
    /// target interpreter).
    let hasEntryPoints: Bool
    /// The file's bytes; operation lines end in NUL instead of a line feed (ready for the
    /// `*at` system calls).
    let bytes: [UInt8]
    /// Where the operation lines are in ``bytes``.
    let operations: Range<Int>
    /// How many operation lines there are.
    let operationCount: Int
    /// Where the `RECORD` lines of the `.data` files are (paths as in the wheel).
    let data: Range<Int>
    /// How many `.data` files there are.
    let dataCount: Int
    /// Where the `RECORD` lines are in ``bytes`` (each ending in `\n`).
    let record: Range<Int>
    /// How many `RECORD` lines there are.
    let recordCount: Int

    /// One operation: make the folder, or link the file, at a relative path.
    enum Operation: UInt8 {
        case makeDirectory = 100 // "d"
        case linkFile = 102      // "f"
    }

    /// Calls `body` with each operation and its NUL-terminated relative path (valid only during
    /// the call), in order, until `body` returns `false`.
    func forEachOperation(_ body: (Operation, UnsafePointer<CChar>, _ offset: Int) throws -> Bool) rethrows {
        try bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var position = operations.lowerBound
            while position < operations.upperBound {
                // Checked when read: `d ` or `f `, a path, a NUL.
                let kind = Operation(rawValue: base[position]) ?? .linkFile
                let pathStart = position + 2
                var end = pathStart
                while base[end] != 0 { end += 1 }
                let keepGoing = try (base + pathStart).withMemoryRebound(to: CChar.self, capacity: end - pathStart + 1) {
                    try body(kind, $0, position)
                }
                if !keepGoing { return }
                position = end + 1
            }
        }
    }
}

// MARK: - Making a layout

extension WheelLayout {
    /// The layout of the wheel unpacked at `root`, from what the installer read of it; `nil`
    /// when the wheel is not plain (see the type's description).
    static func make(
        root: String, files: [String], info: WheelInfo, wheelRecord: [String: RecordEntry], hasEntryPoints: Bool
    ) throws(InstallerError) -> WheelLayout? {
        for text in [info.distInfo, info.name, info.version] where !isSingleLine(text) { return nil }
        let distInfoPrefix = info.distInfo + "/"
        let dataDirectory = String(info.distInfo.dropLast(".dist-info".count)) + ".data/"
        let recordFile = distInfoPrefix + "RECORD"
        let written: Set<String> = Set(["INSTALLER", "REQUESTED", "direct_url.json"].map { distInfoPrefix + $0 })
        var entries: [RecordEntry] = []
        var distInfoFiles: [String] = []
        var otherFiles: [String] = []
        var dataEntries: [RecordEntry] = []
        for file in files where file != recordFile {
            guard !file.hasPrefix("/"), PathArithmetic.isNormalized(file), isSingleLine(file), !written.contains(file)
            else { return nil }
            var entry = wheelRecord[file]
            if entry == nil { entry = try InstallTransaction.recordEntry(file, forFile: root + "/" + file) }
            entry?.path = file
            if file.hasPrefix(dataDirectory) {
                // Planned at install time; the entry (or one without hash) says where it is.
                dataEntries.append(entry ?? RecordEntry(path: file))
                continue
            }
            if let entry { entries.append(entry) }
            if file.hasPrefix(distInfoPrefix) { distInfoFiles.append(file) } else { otherFiles.append(file) }
        }
        entries.sort()
        dataEntries.sort()

        var text = """
            \(formatLine)
            dist-info \(info.distInfo)
            name \(info.name)
            version \(info.version)
            root-is-purelib \(info.rootIsPurelib ? 1 : 0)
            entry-points \(hasEntryPoints ? 1 : 0)

            """
        var lines: [String] = []
        var made: Set<Substring> = []
        for file in distInfoFiles + otherFiles {
            var folders: [Substring] = []
            var parent = file[...]
            while let slash = parent.lastIndex(of: "/") {
                parent = parent[..<slash]
                if made.contains(parent) { break }
                folders.append(parent)
            }
            for folder in folders.reversed() {
                made.insert(folder)
                lines.append("d \(folder)\n")
            }
            lines.append("f \(file)\n")
        }
        text += "operations \(lines.count)\n"
        text += lines.joined()
        text += "data \(dataEntries.count)\n"
        text += RecordFile.serialize(dataEntries)
        text += "record \(entries.count)\n"
        text += RecordFile.serialize(entries)
        return parse(Array(text.utf8))
    }

    /// Whether `text` has no line feed, carriage return or NUL (it fits on one line).
    static func isSingleLine(_ text: String) -> Bool {
        !text.utf8.contains { $0 == 10 || $0 == 13 || $0 == 0 }
    }

    /// The file's text.
    var serialized: [UInt8] {
        var result = bytes
        // Operation lines are NUL-terminated in memory and line-terminated on disk.
        for index in operations where result[index] == 0 { result[index] = 10 }
        return result
    }
}

// MARK: - Reading a layout

extension WheelLayout {
    /// The layout in `bytes`, or `nil` when they are not a well-formed layout of this format
    /// (a damaged or foreign file is ignored: the wheel installs through its plan).
    static func parse(_ bytes: [UInt8]) -> WheelLayout? {
        var bytes = bytes
        var position = 0
        func line() -> Range<Int>? {
            guard let end = lineFeed(in: bytes, from: position, before: bytes.count) else { return nil }
            defer { position = end + 1 }
            return position..<end
        }
        func value(_ key: String) -> String? {
            guard let range = line() else { return nil }
            let prefix = Array((key + " ").utf8)
            guard bytes[range].starts(with: prefix) else { return nil }
            return String(decoding: bytes[(range.lowerBound + prefix.count)..<range.upperBound], as: UTF8.self)
        }
        func count(_ key: String) -> Int? { value(key).flatMap { Int($0) }.flatMap { $0 >= 0 ? $0 : nil } }
        guard let first = line(), bytes[first].elementsEqual(formatLine.utf8),
              let distInfo = value("dist-info"), distInfo.hasSuffix(".dist-info"), isPlainRelative(Array(distInfo.utf8)[...]),
              let name = value("name"), !name.isEmpty,
              let version = value("version"), !version.isEmpty,
              let purelib = value("root-is-purelib"), purelib == "0" || purelib == "1",
              let entryPoints = value("entry-points"), entryPoints == "0" || entryPoints == "1",
              let operationCount = count("operations") else { return nil }
        let operationsStart = position
        for _ in 0..<operationCount {
            guard let range = line(), range.count > 2, bytes[range.lowerBound + 1] == UInt8(ascii: " "),
                  bytes[range.lowerBound] == Operation.makeDirectory.rawValue || bytes[range.lowerBound] == Operation.linkFile.rawValue,
                  isPlainRelative(bytes[(range.lowerBound + 2)..<range.upperBound]) else { return nil }
            bytes[range.upperBound] = 0
        }
        let operations = operationsStart..<position
        guard let dataCount = count("data") else { return nil }
        let dataStart = position
        let dataPrefix = Array((String(distInfo.dropLast(".dist-info".count)) + ".data/").utf8)
        for _ in 0..<dataCount {
            // The file a `.data` line names must be inside the unpacked wheel's `.data` folder.
            guard let range = line() else { return nil }
            let path = recordPath(bytes[range])
            guard path.starts(with: dataPrefix), isPlainRelative(path) else { return nil }
        }
        let data = dataStart..<position
        guard let recordCount = count("record") else { return nil }
        let recordStart = position
        for _ in 0..<recordCount {
            guard line() != nil else { return nil }
        }
        guard position == bytes.count else { return nil }
        return WheelLayout(
            info: WheelInfo(distInfo: distInfo, name: name, version: version, rootIsPurelib: purelib == "1"),
            hasEntryPoints: entryPoints == "1", bytes: bytes, operations: operations, operationCount: operationCount,
            data: data, dataCount: dataCount, record: recordStart..<position, recordCount: recordCount
        )
    }

    /// Whether `path` is a relative path of non-empty components, none `.` or `..`, without
    /// NUL: nothing it names can be outside the folder it is taken relative to.
    static func isPlainRelative(_ path: ArraySlice<UInt8>) -> Bool {
        guard !path.isEmpty, path.first != UInt8(ascii: "/") else { return false }
        var length = 0, dots = 0
        for byte in path {
            if byte == 0 { return false }
            if byte == UInt8(ascii: "/") {
                if length == 0 || (length == dots && length <= 2) { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return length > 0 && !(length == dots && length <= 2)
    }

    /// The `RECORD` entries of the `.data` files, paths as in the wheel (checked when read).
    func dataEntries() throws(RecordParseError) -> [RecordEntry] {
        try RecordFile.parse(String(decoding: bytes[data], as: UTF8.self))
    }

    /// The layout stored at `path`, or `nil` when there is none or it is unusable.
    static func read(_ path: String) -> WheelLayout? {
        guard let bytes = try? FileSystem.readIfPresent(path) else { return nil }
        return parse(bytes)
    }

    /// Stores the layout at `path` (through a temporary file renamed into place, so readers
    /// see a whole file or none). A failure is ignored: the layout only saves time.
    func store(at path: String) {
        try? FileSystem.writeReplacing(path, serialized)
    }
}

// MARK: - The environment's RECORD

extension WheelLayout {
    /// The `RECORD` text: the layout's lines with `extra` (the files the installer wrote:
    /// scripts, `INSTALLER`, `REQUESTED`, `direct_url.json`, `RECORD`) merged in by path, as
    /// sorting every entry would place them.
    func recordText(adding extra: [RecordEntry]) -> [UInt8] {
        let extra = extra.sorted()
        let extraPaths = extra.map { Array($0.path.utf8) }
        var result: [UInt8] = []
        result.reserveCapacity(record.count + extra.count * 100)
        var next = 0
        var runStart = record.lowerBound
        var position = record.lowerBound
        while next < extra.count, position < record.upperBound {
            guard let end = Self.lineFeed(in: bytes, from: position, before: record.upperBound) else { break }
            if extraPaths[next].lexicographicallyPrecedes(Self.recordPath(bytes[position..<end])) {
                result += bytes[runStart..<position]
                result += Array(extra[next].description.utf8)
                result.append(10)
                runStart = position
                next += 1
            } else {
                position = end + 1
            }
        }
        result += bytes[runStart..<record.upperBound]
        for entry in extra[next...] {
            result += Array(entry.description.utf8)
            result.append(10)
        }
        return result
    }

    /// The index of the first line feed in `bytes[start..<end]`.
    static func lineFeed(in bytes: [UInt8], from start: Int, before end: Int) -> Int? {
        guard start < end else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress, let found = memchr(base + start, 10, end - start) else { return nil }
            return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
        }
    }

    /// The path field of a `RECORD` line (quotes removed).
    static func recordPath(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        guard line.first == quote else { return line[..<(line.firstIndex(of: comma) ?? line.endIndex)] }
        var path: [UInt8] = []
        var index = line.startIndex + 1
        while index < line.endIndex {
            if line[index] == quote {
                if index + 1 < line.endIndex, line[index + 1] == quote {
                    path.append(quote)
                    index += 2
                    continue
                }
                break
            }
            path.append(line[index])
            index += 1
        }
        return path[...]
    }
}
