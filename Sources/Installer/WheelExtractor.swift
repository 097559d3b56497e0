#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Hashing
import PackagingTypes
import SuvBasics
import Zip

/// Extracts one wheel into an empty folder, checking every member (see ``WheelCache``).
struct WheelExtractor: Sendable {
    let wheelName: String
    let filename: WheelFilename
    let limits: ZipLimits

    /// The longest symbolic-link target accepted.
    static let maxLinkTarget = 4096

    func extract(_ wheelPath: String, into root: String) async throws {
        let archive = try await ZipArchive(source: ZipFileSource(path: wheelPath))
        // Names first: nothing is written unless every member is safe.
        var members: [(entry: ZipEntry, path: String)] = []
        var seen: Set<String> = []
        for entry in archive.entries {
            if let problem = entry.pathProblem {
                throw InstallerError.unsafePath(wheel: wheelName, entry: entry.name, reason: problem.description)
            }
            let path = PathArithmetic.normalize(entry.name)
            if path == "." { continue }
            if !entry.isDirectory {
                guard seen.insert(path).inserted else {
                    throw InstallerError.invalidWheel(reason: "`\(entry.name)` appears twice in \(wheelName)")
                }
            }
            members.append((entry, path))
        }
        try limits.checkTotal(members.lazy.map(\.entry))
        let links = Set(members.filter { $0.entry.isSymlink && !$0.entry.isDirectory }.map(\.path))
        for (entry, path) in members {
            if let through = Self.traversedLink(path, links: links, includingLast: false) {
                throw InstallerError.unsafeSymlink(wheel: wheelName, entry: entry.name, target: through)
            }
        }
        let distInfo = try archive.wheelDistInfo(for: filename.name)
        var record: [String: RecordEntry] = [:]
        if let recordEntry = archive.entry(named: distInfo.directory + "/RECORD") {
            let text = String(decoding: try await archive.contents(of: recordEntry, limits: .metadata), as: UTF8.self)
            do {
                for line in try RecordFile.parse(text) { record[PathArithmetic.normalize(line.path)] = line }
            } catch {
                throw InstallerError.invalidWheel(reason: "RECORD file is invalid: \(error)")
            }
        }
        // Folders first, each made once; then the files, in two halves at once for a large
        // wheel (the last big wheel of a sync would otherwise unpack on one core).
        var folders: Set<String> = []
        var files: [(entry: ZipEntry, path: String)] = []
        for member in members {
            let folder = member.entry.isDirectory ? member.path : PathArithmetic.parent(member.path)
            if folder != ".", folders.insert(folder).inserted {
                try FileSystem.createDirectories(root + "/" + folder)
            }
            if !member.entry.isDirectory { files.append(member) }
        }
        let batches = Self.batches(files)
        let recordByPath = record
        if batches.count == 1 {
            try await extract(files, into: root, archive: archive, links: links, record: recordByPath)
        } else {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for batch in batches {
                    group.addTask { try await extract(batch, into: root, archive: archive, links: links, record: recordByPath) }
                }
                try await group.waitForAll()
            }
        }
    }

    /// Wheels holding less than this many compressed bytes unpack on one thread.
    static let parallelThreshold: UInt64 = 1 << 20

    /// `files` in one batch, or (for a large wheel) two runs of consecutive members of about
    /// equal size: consecutive members share folders, and two threads creating files in one
    /// folder would wait on each other's folder lock.
    static func batches(_ files: [(entry: ZipEntry, path: String)]) -> [[(entry: ZipEntry, path: String)]] {
        let compressed = files.reduce(UInt64(0)) { $0 + $1.entry.compressedSize }
        guard compressed >= parallelThreshold, files.count > 1 else { return [files] }
        let ordered = files.sorted { $0.path.utf8Precedes($1.path) }
        let weight = { (file: (entry: ZipEntry, path: String)) in file.entry.uncompressedSize + 4096 }
        let total = ordered.reduce(UInt64(0)) { $0 + weight($1) }
        var split = 0
        var running: UInt64 = 0
        while split < ordered.count - 1, running + weight(ordered[split]) / 2 < total / 2 {
            running += weight(ordered[split])
            split += 1
        }
        return [Array(ordered[..<max(split, 1)]), Array(ordered[max(split, 1)...])]
    }

    private func extract(
        _ files: [(entry: ZipEntry, path: String)], into root: String, archive: ZipArchive, links: Set<String>,
        record: [String: RecordEntry]
    ) async throws {
        for (entry, path) in files {
            let destination = root + "/" + path
            if entry.isSymlink {
                try await extractLink(entry, path: path, destination: destination, archive: archive, links: links, record: record[path])
            } else {
                try await extractFile(entry, path: path, destination: destination, archive: archive, record: record[path])
            }
        }
    }

    private func extractFile(
        _ entry: ZipEntry, path: String, destination: String, archive: ZipArchive, record: RecordEntry?
    ) async throws {
        let mode: mode_t = entry.isExecutable ? 0o755 : 0o644
        let fd = open(destination, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode)
        guard fd >= 0 else { throw FileSystem.failure("create", destination) }
        defer { close(fd) }
        var hasher = SHA256Hasher()
        var size: UInt64 = 0
        try await archive.read(entry, limits: limits) { chunk in
            hasher.update(chunk)
            size += UInt64(chunk.count)
            let failure = chunk.withUnsafeBytes { buffer -> InstallerError? in
                do throws(InstallerError) {
                    try FileSystem.writeAll(fd, buffer, path: destination)
                    return nil
                } catch {
                    return error
                }
            }
            if let failure { throw failure }
        }
        _ = fchmod(fd, mode)
        try verify(path: path, digest: hasher.finalize(), size: size, against: record)
    }

    private func extractLink(
        _ entry: ZipEntry, path: String, destination: String, archive: ZipArchive, links: Set<String>,
        record: RecordEntry?
    ) async throws {
        guard entry.uncompressedSize <= UInt64(Self.maxLinkTarget) else {
            throw InstallerError.invalidWheel(reason: "the symbolic link `\(entry.name)` in \(wheelName) has a target of \(entry.uncompressedSize) bytes")
        }
        let bytes = try await archive.contents(of: entry, limits: limits)
        let target = String(decoding: bytes, as: UTF8.self)
        guard !target.isEmpty, !target.hasPrefix("/"), !bytes.contains(0) else {
            throw InstallerError.unsafeSymlink(wheel: wheelName, entry: entry.name, target: target)
        }
        let resolved = PathArithmetic.normalize(PathArithmetic.parent(path) + "/" + target)
        if resolved == ".." || resolved.hasPrefix("../") || Self.traversedLink(resolved, links: links, includingLast: false) != nil {
            throw InstallerError.unsafeSymlink(wheel: wheelName, entry: entry.name, target: target)
        }
        // The path through the link's folder must not pass another link before a `..`.
        var stack: [Substring] = PathArithmetic.parent(path) == "." ? [] : PathArithmetic.parent(path).split(separator: "/")
        for component in target.split(separator: "/") where component != "." {
            if component == ".." {
                if links.contains(stack.joined(separator: "/")) || stack.isEmpty {
                    throw InstallerError.unsafeSymlink(wheel: wheelName, entry: entry.name, target: target)
                }
                stack.removeLast()
            } else {
                if links.contains(stack.joined(separator: "/")) {
                    throw InstallerError.unsafeSymlink(wheel: wheelName, entry: entry.name, target: target)
                }
                stack.append(component)
            }
        }
        guard symlink(target, destination) == 0 else { throw FileSystem.failure("create link", destination) }
        try verify(path: path, digest: SHA256.hash(bytes), size: UInt64(bytes.count), against: record)
    }

    private func verify(path: String, digest: SHA256Digest, size: UInt64, against record: RecordEntry?) throws(InstallerError) {
        guard let record else { return }
        if let hash = record.hash, hash.hasPrefix("sha256=") {
            let expected = hash.dropFirst("sha256=".count)
            if SHA256Digest(base64URLEncoded: expected) != digest {
                throw .recordHashMismatch(wheel: wheelName, file: path, expected: hash, actual: "sha256=" + digest.base64URLEncodedNoPadding)
            }
        }
        if let expected = record.size, expected != size {
            throw .recordSizeMismatch(wheel: wheelName, file: path, expected: expected, actual: size)
        }
    }

    /// The first proper prefix of `path` (or `path` itself with `includingLast`) that is a
    /// symbolic link member.
    static func traversedLink(_ path: String, links: Set<String>, includingLast: Bool) -> String? {
        guard !links.isEmpty else { return nil }
        let parts = path.split(separator: "/")
        let count = includingLast ? parts.count : parts.count - 1
        guard count > 0 else { return nil }
        for end in 1...count {
            let prefix = parts[0..<end].joined(separator: "/")
            if links.contains(prefix) { return prefix }
        }
        return nil
    }
}
