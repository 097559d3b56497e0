import SuvBasics
import TOML

/// A mirror declaration that cannot be used.
public enum MirrorConfigurationError: SuvError, Equatable {
    /// A `SUV_INDEX_MIRRORS` item that is not `CANONICAL=MIRROR`.
    case invalidEntry(entry: String, variable: String)
    /// A prefix that is not an absolute URL without query and fragment.
    case invalidPrefix(IndexURLError, origin: MirrorOrigin)
    /// A rule whose two sides are the same prefix.
    case mapsToItself(prefix: String, origin: MirrorOrigin)
    /// A `mirrors.toml` that is not valid TOML or has a bad entry; the cause carries the line,
    /// the column and a caret snippet.
    case invalidFile(path: String, TOMLError)
    /// A `mirrors.toml` that exists but cannot be read.
    case unreadable(FileReadError)

    public var message: String {
        switch self {
        case .invalidEntry(let entry, let variable):
            "Invalid `\(variable)` entry `\(CredentialRedaction.redactingURLs(in: entry))`: expected `CANONICAL=MIRROR` (two URL prefixes)"
        case .invalidPrefix(let error, let origin): "\(error.message) (\(origin))"
        case .mapsToItself(let prefix, let origin): "The mirror rule for `\(prefix)` maps the prefix to itself (\(origin))"
        case .invalidFile(let path, _): "Failed to parse: `\(path)`"
        case .unreadable(let error): error.message
        }
    }

    public var cause: (any Error)? {
        if case .invalidFile(_, let error) = self { return error }
        return nil
    }
}
