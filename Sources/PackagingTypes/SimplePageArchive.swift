import SuvBasics

/// A project page as suv keeps it in its cache: the parsed ``SimpleProjectPage`` in a compact
/// binary form, so a cached page is read back without parsing its JSON or HTML again.
///
/// Index pages are large (a popular project's JSON page is several megabytes; a big project's
/// pages add up to tens of megabytes) and every resolution reads all of them; decoding this
/// form costs a fraction of parsing the text. uv keeps its pages in a zero-copy binary form
/// for the same reason.
///
/// The form: the magic bytes `suvpage` and a format byte, then the page's fields in order.
/// Numbers and lengths are LEB128 varints, strings are a length and UTF-8 bytes, optional
/// values a presence byte. Anything that does not read back completely (another format, a
/// truncated or damaged file) decodes to `nil`, and the caller treats the page as not cached.
public enum SimplePageArchive {
    static let magic: [UInt8] = Array("suvpage".utf8) + [1]

    /// Whether `bytes` start like an archive (rather than a page's JSON or HTML).
    public static func isArchive(_ bytes: [UInt8]) -> Bool {
        bytes.count >= magic.count && bytes[..<magic.count].elementsEqual(magic)
    }

    /// The page in archive form.
    public static func encode(_ page: SimpleProjectPage) -> [UInt8] {
        var writer = Writer()
        writer.bytes = magic
        writer.bytes.reserveCapacity(64 + page.files.count * 256)
        writer.string(page.name.original)
        writer.optional(page.apiVersion) { $0.string($1) }
        writer.optional(page.projectStatus) { writer, status in
            writer.string(status.status)
            writer.optional(status.reason) { $0.string($1) }
        }
        writer.optional(page.versions) { writer, versions in
            writer.number(UInt64(versions.count))
            for version in versions { writer.string(version) }
        }
        writer.number(UInt64(page.files.count))
        for file in page.files {
            writer.string(file.filename)
            writer.string(file.url)
            writer.hashes(file.hashes)
            writer.optional(file.requiresPython) { $0.string($1.raw) }
            switch file.yanked {
            case .notYanked: writer.number(0)
            case .yanked(nil): writer.number(1)
            case .yanked(let reason?):
                writer.number(2)
                writer.string(reason)
            }
            switch file.coreMetadata {
            case .unavailable: writer.number(0)
            case .available(let hashes):
                writer.number(1)
                writer.hashes(hashes)
            }
            writer.optional(file.size) { $0.number($1) }
            writer.optional(file.uploadTime) { $0.string($1) }
        }
        return writer.bytes
    }

    /// The page an archive holds, or `nil` when `bytes` are not a complete, valid archive.
    public static func decode(_ bytes: [UInt8]) -> SimpleProjectPage? {
        guard isArchive(bytes) else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            var reader = Reader(buffer: buffer, position: magic.count)
            return reader.page()
        }
    }

    private struct Writer {
        var bytes: [UInt8] = []

        mutating func number(_ value: UInt64) {
            var rest = value
            while rest >= 0x80 {
                bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func string(_ text: String) {
            number(UInt64(text.utf8.count))
            bytes.append(contentsOf: text.utf8)
        }

        mutating func optional<T>(_ value: T?, _ write: (inout Writer, T) -> Void) {
            guard let value else {
                bytes.append(0)
                return
            }
            bytes.append(1)
            write(&self, value)
        }

        mutating func hashes(_ hashes: [HashDigest]) {
            number(UInt64(hashes.count))
            for hash in hashes {
                string(hash.algorithm.name)
                string(hash.value)
            }
        }
    }

    private struct Reader {
        let buffer: UnsafeBufferPointer<UInt8>
        var position: Int

        mutating func page() -> SimpleProjectPage? {
            guard let name = string() else { return nil }
            let pageName = PackageName(name)
            guard let apiVersion = optional({ $0.string() }),
                  let projectStatus = optional({ reader -> ProjectStatus? in
                      guard let status = reader.string(), let reason = reader.optional({ $0.string() }) else { return nil }
                      return ProjectStatus(status: status, reason: reason)
                  }),
                  let versions = optional({ reader -> [String]? in
                      guard let count = reader.count() else { return nil }
                      var versions: [String] = []
                      versions.reserveCapacity(count)
                      for _ in 0..<count {
                          guard let version = reader.string() else { return nil }
                          versions.append(version)
                      }
                      return versions
                  }),
                  let count = count() else { return nil }
            var files: [SimpleFile] = []
            files.reserveCapacity(count)
            for _ in 0..<count {
                guard let file = file(projectName: pageName) else { return nil }
                files.append(file)
            }
            guard position == buffer.count else { return nil }
            return SimpleProjectPage(name: pageName, files: files, apiVersion: apiVersion, projectStatus: projectStatus, versions: versions)
        }

        mutating func file(projectName: PackageName) -> SimpleFile? {
            guard let filename = string(), let url = string(), let fileHashes = hashes(),
                  let requiresPython = optional({ $0.string().map(RequiresPython.init) }),
                  let yankedTag = number() else { return nil }
            let yanked: Yanked
            switch yankedTag {
            case 0: yanked = .notYanked
            case 1: yanked = .yanked(reason: nil)
            case 2:
                guard let reason = string() else { return nil }
                yanked = .yanked(reason: reason)
            default: return nil
            }
            let coreMetadata: CoreMetadataAvailability
            switch number() {
            case 0: coreMetadata = .unavailable
            case 1:
                guard let metadataHashes = hashes() else { return nil }
                coreMetadata = .available(hashes: metadataHashes)
            default: return nil
            }
            guard let size = optional({ $0.number() }), let uploadTime = optional({ $0.string() }) else { return nil }
            return SimpleFile(
                filename: filename, url: url, hashes: fileHashes, requiresPython: requiresPython, yanked: yanked,
                coreMetadata: coreMetadata, size: size, uploadTime: uploadTime,
                distribution: DistributionFilename(parsing: filename, packageName: projectName))
        }

        mutating func number() -> UInt64? {
            var value: UInt64 = 0
            var shift: UInt64 = 0
            while position < buffer.count, shift < 64 {
                let byte = buffer[position]
                position += 1
                value |= UInt64(byte & 0x7F) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        /// A count or length that fits in what is left of the buffer.
        mutating func count() -> Int? {
            guard let value = number(), value <= UInt64(buffer.count - position) else { return nil }
            return Int(value)
        }

        mutating func string() -> String? {
            guard let length = count() else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[position..<(position + length)]), as: UTF8.self)
            position += length
            return text
        }

        /// `.some(nil)` for an absent value, `nil` when the bytes are not valid.
        mutating func optional<T>(_ read: (inout Reader) -> T?) -> T?? {
            guard position < buffer.count else { return nil }
            let present = buffer[position]
            position += 1
            switch present {
            case 0: return .some(nil)
            case 1: return read(&self).map { .some($0) }
            default: return nil
            }
        }

        mutating func hashes() -> [HashDigest]? {
            guard let count = count() else { return nil }
            var hashes: [HashDigest] = []
            hashes.reserveCapacity(count)
            for _ in 0..<count {
                guard let algorithm = string(), let value = string() else { return nil }
                hashes.append(HashDigest(algorithm: HashAlgorithm(algorithm), lowercaseValue: value))
            }
            return hashes
        }
    }
}
