import Glibc
import Tarball
import Zip

/// Unpacks a source distribution (`.tar.gz`, `.tgz`, `.tar`, `.zip`) into a folder: regular files and
/// folders, with every member path checked to stay inside (no absolute paths, no `..`); links
/// are skipped. Returns the archive's single top-level folder, the source tree.
enum SdistUnpacker {
    static func unpack(archive path: String, into destination: String) async throws -> String {
        let archive = path.split(separator: "/").last.map(String.init) ?? path
        let lowercased = path.lowercased()
        let gzipped = lowercased.hasSuffix(".tar.gz") || lowercased.hasSuffix(".tgz")
        let zipped = lowercased.hasSuffix(".zip")
        guard gzipped || zipped || lowercased.hasSuffix(".tar") else {
            throw BuildError.badSourceDistribution(archive: archive, reason: "only `.tar.gz`, `.tar` and `.zip` archives can be built")
        }
        var tops: Set<String> = []
        if zipped {
            try await extractZip(path, archive: archive, into: destination, tops: &tops)
        } else {
            try extractTar(path, gzipped: gzipped, archive: archive, into: destination, tops: &tops)
        }
        guard tops.count == 1, let top = tops.first, BuildFiles.isDirectory(destination + "/" + top) else {
            throw BuildError.badSourceDistribution(archive: archive, reason: "expected one top-level folder, found \(tops.sorted())")
        }
        return destination + "/" + top
    }

    private static func extractTar(
        _ path: String, gzipped: Bool, archive: String, into destination: String, tops: inout Set<String>
    ) throws {
        let file = try FileInput(path: path)
        if gzipped {
            let decoder = try GzipDecoder(input: file, archive: archive)
            var reader = TarReader(input: decoder, archive: archive)
            try extract(&reader, archive: archive, into: destination, tops: &tops)
        } else {
            var reader = TarReader(input: file, archive: archive)
            try extract(&reader, archive: archive, into: destination, tops: &tops)
        }
    }

    /// A `.zip` source distribution (older packages, Windows-built sdists): the same checks as
    /// for tar members; symlinks are skipped, the executable bit kept.
    private static func extractZip(
        _ path: String, archive: String, into destination: String, tops: inout Set<String>
    ) async throws {
        let zip: ZipArchive
        do {
            zip = try await ZipArchive(source: ZipFileSource(path: path))
        } catch {
            throw BuildError.badSourceDistribution(archive: archive, reason: "\(error)")
        }
        for entry in zip.entries {
            let components = try memberComponents(entry.name, archive: archive)
            guard !components.isEmpty else { continue }
            tops.insert(components[0])
            let target = destination + "/" + components.joined(separator: "/")
            if entry.isDirectory {
                try BuildFiles.makeDirectories(target)
                continue
            }
            if entry.isSymlink { continue }
            if components.count > 1 {
                try BuildFiles.makeDirectories(destination + "/" + components.dropLast().joined(separator: "/"))
            }
            let bytes = try await zip.contents(of: entry)
            let executable = entry.isExecutable || bytes.starts(with: Array("#!".utf8))
            try BuildFiles.write(bytes, to: target, mode: executable ? 0o755 : 0o644)
        }
    }

    /// The member's path components; throws when it is absolute or climbs out with `..`.
    private static func memberComponents(_ name: String, archive: String) throws -> [String] {
        let components = name.split(separator: "/").filter { $0 != "." }.map(String.init)
        guard components.isEmpty || (!name.hasPrefix("/") && !components.contains("..")) else {
            throw BuildError.badSourceDistribution(archive: archive, reason: "member `\(name)` points outside the archive")
        }
        return components
    }

    private static func extract<Input: ByteInput & ~Copyable>(
        _ reader: inout TarReader<Input>, archive: String, into destination: String, tops: inout Set<String>
    ) throws {
        while let entry = try reader.next() {
            let components = try memberComponents(entry.name, archive: archive)
            guard !components.isEmpty else { continue }
            tops.insert(components[0])
            let target = destination + "/" + components.joined(separator: "/")
            switch entry.kind {
            case .directory:
                try BuildFiles.makeDirectories(target)
            case .file:
                if components.count > 1 {
                    try BuildFiles.makeDirectories(destination + "/" + components.dropLast().joined(separator: "/"))
                }
                let bytes = try reader.readContents()
                // Scripts such as `configure` keep working: anything with a shebang is executable.
                let executable = bytes.starts(with: Array("#!".utf8))
                try BuildFiles.write(bytes, to: target, mode: executable ? 0o755 : 0o644)
            case .symlink, .hardlink:
                continue
            }
        }
    }
}
