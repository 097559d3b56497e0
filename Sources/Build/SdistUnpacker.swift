import Glibc
import Tarball

/// Unpacks a source distribution (`.tar.gz`, `.tgz`, `.tar`) into a folder: regular files and
/// folders, with every member path checked to stay inside (no absolute paths, no `..`); links
/// are skipped. Returns the archive's single top-level folder, the source tree.
enum SdistUnpacker {
    static func unpack(archive path: String, into destination: String) throws -> String {
        let archive = path.split(separator: "/").last.map(String.init) ?? path
        let lowercased = path.lowercased()
        let gzipped = lowercased.hasSuffix(".tar.gz") || lowercased.hasSuffix(".tgz")
        guard gzipped || lowercased.hasSuffix(".tar") else {
            throw BuildError.badSourceDistribution(archive: archive, reason: "only `.tar.gz` and `.tar` archives can be built")
        }
        var tops: Set<String> = []
        let file = try FileInput(path: path)
        if gzipped {
            let decoder = try GzipDecoder(input: file, archive: archive)
            var reader = TarReader(input: decoder, archive: archive)
            try extract(&reader, archive: archive, into: destination, tops: &tops)
        } else {
            var reader = TarReader(input: file, archive: archive)
            try extract(&reader, archive: archive, into: destination, tops: &tops)
        }
        guard tops.count == 1, let top = tops.first, BuildFiles.isDirectory(destination + "/" + top) else {
            throw BuildError.badSourceDistribution(archive: archive, reason: "expected one top-level folder, found \(tops.sorted())")
        }
        return destination + "/" + top
    }

    private static func extract<Input: ByteInput & ~Copyable>(
        _ reader: inout TarReader<Input>, archive: String, into destination: String, tops: inout Set<String>
    ) throws {
        while let entry = try reader.next() {
            let components = entry.name.split(separator: "/").filter { $0 != "." }.map(String.init)
            guard !components.isEmpty else { continue }
            guard !entry.name.hasPrefix("/"), !components.contains("..") else {
                throw BuildError.badSourceDistribution(archive: archive, reason: "member `\(entry.name)` points outside the archive")
            }
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
