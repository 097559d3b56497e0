import SuvBasics

/// The value of `--no-binary` / `--only-binary`: `:all:`, `:none:` or one package name.
public enum PackageNameSpecifier: Sendable, Hashable, CustomStringConvertible {
    /// `:all:`.
    case all
    /// `:none:`.
    case none
    /// A single package.
    case package(PackageName)

    /// Parses `:all:`, `:none:` or a valid package name (as uv does; no comma lists).
    init?(parsing text: String) {
        switch text {
        case ":all:": self = .all
        case ":none:": self = .none
        default:
            guard PackageName.isValid(text) else { return nil }
            self = .package(PackageName(text))
        }
    }

    /// `:all:`, `:none:` or the normalized name.
    public var description: String {
        switch self {
        case .all: ":all:"
        case .none: ":none:"
        case .package(let name): name.normalized
        }
    }
}
