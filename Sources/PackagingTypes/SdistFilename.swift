import PEP440
import SuvBasics

/// A parsed source distribution file name: `{name}-{version}.{extension}`.
///
/// Legacy source distributions may keep `-` in the name (`python-dateutil-2.8.2.tar.gz`) and
/// then the file name alone is ambiguous (`a-1-1.zip` is `a-1` 1 or `a` 1-1). Without a known
/// package name, the split is at the last `-` whose remainder is a PEP 440 version; when the
/// package name is known, ``init(parsing:packageName:)`` takes it from the start as uv does.
public struct SdistFilename: Hashable, Sendable, CustomStringConvertible {
    /// The distribution name, normalized.
    public let name: PackageName
    /// The version; its `description` is the normalized form.
    public let version: Version
    /// The archive format.
    public let fileExtension: SourceDistExtension
    /// The file name this was parsed from.
    public let filename: String

    /// Parses a file name without knowing the package name: the name is everything before the
    /// last `-` whose remainder parses as a version, and must be a valid distribution name.
    public init(parsing filename: String) throws(SdistFilenameError) {
        let (fileExtension, stem) = try Self.splitExtension(filename)
        let bytes = Array(stem)
        var index = bytes.count
        while let dash = bytes[..<index].lastIndex(of: UInt8(ascii: "-")) {
            index = dash
            let namePart = String(decoding: bytes[..<dash], as: UTF8.self)
            let versionPart = String(decoding: bytes[(dash + 1)...], as: UTF8.self)
            guard PackageName.isValid(namePart), let version = try? Version(parsing: versionPart) else { continue }
            self.name = PackageName(namePart)
            self.version = version
            self.fileExtension = fileExtension
            self.filename = filename
            return
        }
        throw .missingVersion(filename: filename)
    }

    /// Parses a file name whose package name is known, as uv's `SourceDistFilename::parse`: the
    /// stem must start with a spelling of `packageName` (same length as its normalized form),
    /// and the version is what follows the one separator character after it.
    public init(parsing filename: String, packageName: PackageName) throws(SdistFilenameError) {
        let (fileExtension, stem) = try Self.splitExtension(filename)
        let bytes = Array(stem)
        let nameLength = packageName.normalized.utf8.count
        guard bytes.count > nameLength + 1 else {
            throw .nameMismatch(filename: filename, expected: packageName)
        }
        let namePart = String(decoding: bytes[..<nameLength], as: UTF8.self)
        guard PackageName.isValid(namePart), PackageName(namePart) == packageName else {
            throw .nameMismatch(filename: filename, expected: packageName)
        }
        let versionPart = String(decoding: bytes[(nameLength + 1)...], as: UTF8.self)
        do {
            self.version = try Version(parsing: versionPart)
        } catch {
            throw .invalidVersion(filename: filename, version: versionPart)
        }
        self.name = packageName
        self.fileExtension = fileExtension
        self.filename = filename
    }

    /// The file name as given.
    public var description: String { filename }

    private static func splitExtension(
        _ filename: String
    ) throws(SdistFilenameError) -> (SourceDistExtension, Substring.UTF8View) {
        guard let fileExtension = SourceDistExtension(filename: filename) else {
            throw .invalidExtension(filename: filename)
        }
        let suffixLength = fileExtension.rawValue.utf8.count + 1
        guard filename.utf8.count > suffixLength else { throw .invalidExtension(filename: filename) }
        return (fileExtension, Substring(filename).utf8.dropLast(suffixLength))
    }
}
