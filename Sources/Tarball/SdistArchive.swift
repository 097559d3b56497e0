/// Reads single files out of source distributions (`.tar.gz`, `.tgz`, `.tar`) without
/// extracting them, to read `PKG-INFO` statically.
///
/// The archive is read front to back with POSIX `read` and decompressed only until the member
/// is found. Decompressed output and the member itself are capped at `sizeLimit` bytes.
public enum SdistArchive {
    /// The bytes of `<top>/PKG-INFO`, where `<top>` is the archive's single top-level directory
    /// (a leading `./` on entry names is ignored; a deeper `*/*/PKG-INFO` does not count).
    ///
    /// Throws ``TarballError/memberMissing(archive:member:)`` when there is none, and
    /// ``TarballError/notSingleTopLevelDirectory(archive:entries:)`` when the entries read
    /// before it do not share one top-level directory.
    public static func pkgInfo(
        atPath path: String, sizeLimit: UInt64 = TarballLimits.defaultSizeLimit
    ) throws(TarballError) -> [UInt8] {
        let archive = fileName(path)
        var top: String?
        let found = try search(path: path, archive: archive, sizeLimit: sizeLimit) { components throws(TarballError) in
            guard let first = components.first else { return false }
            if let top, top != first {
                throw .notSingleTopLevelDirectory(archive: archive, entries: [top, first])
            }
            top = first
            return components.count == 2 && components[1] == "PKG-INFO"
        }
        guard let found else { throw .memberMissing(archive: archive, member: "PKG-INFO") }
        return found
    }

    /// The bytes of the regular file `name` (a full path inside the archive, such as
    /// `foo-1.0/setup.py`; leading `./` and repeated slashes are ignored on both sides).
    public static func member(
        named name: String, inArchiveAtPath path: String, sizeLimit: UInt64 = TarballLimits.defaultSizeLimit
    ) throws(TarballError) -> [UInt8] {
        let archive = fileName(path)
        let wanted = components(of: name)
        let found = try search(path: path, archive: archive, sizeLimit: sizeLimit) { components throws(TarballError) in
            components == wanted
        }
        guard let found else { throw .memberMissing(archive: archive, member: wanted.joined(separator: "/")) }
        return found
    }

    /// Opens the archive and returns the data of the first member whose path components
    /// `matches`, or `nil` at the end of the archive.
    private static func search(
        path: String, archive: String, sizeLimit: UInt64,
        matches: ([String]) throws(TarballError) -> Bool
    ) throws(TarballError) -> [UInt8]? {
        let lowercased = path.lowercased()
        let gzipped = lowercased.hasSuffix(".tar.gz") || lowercased.hasSuffix(".tgz")
        guard gzipped || lowercased.hasSuffix(".tar") else { throw .unsupportedFormat(archive: archive) }
        let file = try FileInput(path: path)
        if gzipped {
            let decoder = try GzipDecoder(input: file, archive: archive, limit: sizeLimit)
            var reader = TarReader(input: decoder, archive: archive, maxMemberSize: sizeLimit)
            return try search(&reader, archive: archive, matches: matches)
        } else {
            var reader = TarReader(input: file, archive: archive, maxMemberSize: sizeLimit)
            return try search(&reader, archive: archive, matches: matches)
        }
    }

    private static func search<Input: ByteInput & ~Copyable>(
        _ reader: inout TarReader<Input>, archive: String,
        matches: ([String]) throws(TarballError) -> Bool
    ) throws(TarballError) -> [UInt8]? {
        while let entry = try reader.next() {
            let components = components(of: entry.name)
            guard try matches(components) else { continue }
            guard entry.kind == .file else {
                throw .notARegularFile(archive: archive, member: components.joined(separator: "/"))
            }
            return try reader.readContents()
        }
        return nil
    }

    /// A member path split on `/`, without empty and `.` components (so `./foo/` is `["foo"]`).
    static func components(of name: String) -> [String] {
        name.split(separator: "/").filter { $0 != "." }.map(String.init)
    }

    /// The last component of `path`, which names the archive in errors.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
