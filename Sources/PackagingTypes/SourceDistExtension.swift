/// The archive formats a source distribution file name may end in, as uv accepts them.
///
/// PEP 625 asks for `.tar.gz`; `.zip` and the other formats are legacy but still found on indexes.
public enum SourceDistExtension: String, CaseIterable, Hashable, Sendable, CustomStringConvertible {
    case tarGz = "tar.gz"
    case zip = "zip"
    case tar = "tar"
    case tarBz2 = "tar.bz2"
    case tarLz = "tar.lz"
    case tarLzma = "tar.lzma"
    case tarXz = "tar.xz"
    case tarZst = "tar.zst"
    case tbz = "tbz"
    case tgz = "tgz"
    case tlz = "tlz"
    case txz = "txz"

    /// The extension's text without the leading dot, e.g. `tar.gz`.
    public var description: String { rawValue }

    /// Whether PEP 625 allows this extension (`.tar.gz`, or `.zip` for backwards compatibility).
    public var isPEP625Compliant: Bool { self == .tarGz || self == .zip }

    /// The extension `filename` ends in, matched as uv's `SourceDistExtension::from_path`: the
    /// final extension exactly, and the `tar` before a compression suffix in any case.
    public init?(filename: String) {
        let components = filename.split(separator: ".", omittingEmptySubsequences: false)
        guard components.count >= 2, let last = components.last else { return nil }
        let tarBefore = components.count >= 3 && components[components.count - 2].lowercased() == "tar"
        switch last {
        case "zip": self = .zip
        case "tar": self = .tar
        case "tgz": self = .tgz
        case "tbz": self = .tbz
        case "txz": self = .txz
        case "tlz": self = .tlz
        case "gz" where tarBefore: self = .tarGz
        case "bz2" where tarBefore: self = .tarBz2
        case "xz" where tarBefore: self = .tarXz
        case "lz" where tarBefore: self = .tarLz
        case "lzma" where tarBefore: self = .tarLzma
        case "zst" where tarBefore: self = .tarZst
        default: return nil
        }
    }
}
