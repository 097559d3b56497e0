import PEP508

/// Where a requirement was written: the requirements file (as reached through `-r`/`-c`
/// joins, not canonicalized) and the 1-based line its text starts on.
public struct RequirementOrigin: Sendable, Hashable, CustomStringConvertible {
    /// The file's path as given or joined, e.g. `requirements/base.txt`.
    public var path: String
    /// The 1-based line the entry starts on.
    public var line: Int

    /// Creates an origin for `path` at `line` (1-based).
    public init(path: String, line: Int) {
        self.path = path
        self.line = line
    }

    /// `path:line`.
    public var description: String { "\(path):\(line)" }
}

/// A requirement without a package name: a URL or a path to a wheel, an archive or a
/// directory, e.g. `./dist/pkg-1.0-py3-none-any.whl` or `https://example.com/pkg.tar.gz`.
///
/// The name is not resolved here; the text is kept as written and with `${VAR}` expanded.
public struct UnnamedRequirement: Sendable, Hashable, CustomStringConvertible {
    /// The text as written (line continuations removed, surrounding whitespace trimmed).
    public var given: String
    /// ``given`` with `${VAR}` references expanded.
    public var expanded: String

    /// Creates an unnamed requirement from its written and expanded text.
    public init(given: String, expanded: String) {
        self.given = given
        self.expanded = expanded
    }

    /// The expanded text.
    public var description: String { expanded }
}

/// A requirement line's requirement: a PEP 508 requirement or an unnamed URL/path.
public enum RequirementsTxtRequirement: Sendable, Hashable, CustomStringConvertible {
    /// A PEP 508 requirement (its URL, if any, with `${VAR}` expanded).
    case named(Requirement)
    /// A bare URL or path.
    case unnamed(UnnamedRequirement)

    /// The PEP 508 requirement, or `nil` for an unnamed one.
    public var named: Requirement? {
        if case .named(let requirement) = self { return requirement }
        return nil
    }

    /// The unnamed requirement, or `nil` for a named one.
    public var unnamed: UnnamedRequirement? {
        if case .unnamed(let requirement) = self { return requirement }
        return nil
    }

    /// packaging's `str(Requirement)`, or the unnamed requirement's expanded text.
    public var description: String {
        switch self {
        case .named(let requirement): requirement.description
        case .unnamed(let requirement): requirement.description
        }
    }
}

/// One requirement of a requirements file with the `--hash` values written after it.
public struct RequirementEntry: Sendable, Hashable {
    /// The requirement.
    public var requirement: RequirementsTxtRequirement
    /// The `--hash` values in order, as written (e.g. `sha256:2c26…`).
    public var hashes: [String]
    /// Where the entry was written.
    public var origin: RequirementOrigin

    /// Creates an entry.
    public init(requirement: RequirementsTxtRequirement, hashes: [String] = [], origin: RequirementOrigin) {
        self.requirement = requirement
        self.hashes = hashes
        self.origin = origin
    }
}
