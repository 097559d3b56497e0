import PEP440
import SuvBasics

/// A PEP 508 dependency specifier, such as `requests[security]>=2.8.1; python_version < "3.12"`
/// or `pkg @ https://example.com/pkg.whl ; os_name == "nt"`.
///
/// Parsing follows packaging 26's tokenizer, quirks included (see ``init(parsing:)``), and
/// ``description`` is packaging's `str(Requirement)`. Two requirements are equal when packaging
/// says so: same normalized name, same set of extras, same specifiers, same URL and markers
/// that print the same.
public struct Requirement: Sendable, Hashable, CustomStringConvertible {
    /// The name as written, e.g. `Requests`.
    public var name: String
    /// The extras as written, without duplicates, in the order first written.
    public var extras: [String]
    /// The version specifiers; empty for a URL requirement or no constraint.
    public var specifiers: VersionSpecifiers
    /// The URL after `@`, or `nil`.
    public var url: String?
    /// The marker after `;`, or `nil`.
    public var marker: MarkerTree?

    /// Creates a requirement from parts. Duplicate extras are dropped.
    public init(
        name: String, extras: [String] = [], specifiers: VersionSpecifiers = VersionSpecifiers([]),
        url: String? = nil, marker: MarkerTree? = nil
    ) {
        self.name = name
        var seen = Set<String>()
        self.extras = extras.filter { seen.insert($0).inserted }
        self.specifiers = specifiers
        self.url = url
        self.marker = marker
    }

    /// Parses a requirement as packaging 26 does:
    ///
    /// - the name matches `\b[a-zA-Z0-9][a-zA-Z0-9._-]*\b`, so `a_` and `a..b` are names while
    ///   `-a`, `_a` and a trailing `-` are not;
    /// - extras are `[a, b]`; `pkg[]` has none, and `pkg[x,]` is invalid;
    /// - specifiers may be wrapped in legacy parentheses: `name (>=1.0, <2)`;
    /// - a URL after `@` runs to the next space or tab, so a marker after a URL needs
    ///   whitespace before `;` (`pkg @ URL; marker` is invalid, and in `pkg@URL;marker` the
    ///   `;marker` is part of the URL);
    /// - the marker after `;` follows ``MarkerTree/init(parsing:)``;
    /// - spaces and tabs separate tokens, and one final newline is allowed.
    public init(parsing text: String) throws(RequirementParseError) {
        var scanner = PEP508Scanner(text)
        let parsed: ParsedRequirement
        do {
            parsed = try scanner.parseRequirement()
        } catch {
            throw RequirementParseError(input: text, error)
        }
        let specifiers: VersionSpecifiers
        do {
            specifiers = try VersionSpecifiers(parsing: parsed.specifier)
        } catch {
            throw RequirementParseError(input: text, reason: error.message, span: 0..<scanner.scalars.count)
        }
        self.init(name: parsed.name, extras: parsed.extras, specifiers: specifiers, url: parsed.url, marker: parsed.marker)
    }

    /// packaging's `str(req.specifier)`: the clauses sorted by text, then equal clauses dropped
    /// (keeping the first in that order), e.g. `<2,>=1.0`.
    public var specifierDescription: String { specifiers.description }

    /// The PEP 503-normalized name.
    public var packageName: PackageName { PackageName(name) }

    /// packaging's `str(Requirement)`: the name, sorted extras, sorted specifiers, then
    /// ` @ URL` and `; marker` (` @ URL ; marker` when both are present).
    public var description: String {
        var text = name
        if !extras.isEmpty {
            text += "[" + extras.sorted(by: Self.codePointOrder).joined(separator: ",") + "]"
        }
        if !specifiers.isEmpty {
            text += specifierDescription
        }
        if let url {
            text += " @ " + url
            if marker != nil { text += " " }
        }
        if let marker {
            text += "; " + marker.description
        }
        return text
    }

    /// Whether the marker holds (`true` without a marker).
    public func evaluateMarker(
        _ environment: MarkerEnvironment, context: MarkerEvaluationContext = .metadata()
    ) throws(MarkerEvaluationError) -> Bool {
        try marker?.evaluate(environment, context: context) ?? true
    }

    /// Python's string order: by Unicode code point.
    static func codePointOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars) { $0.value < $1.value }
    }

    public static func == (lhs: Requirement, rhs: Requirement) -> Bool {
        lhs.packageName == rhs.packageName && Set(lhs.extras) == Set(rhs.extras)
            && lhs.specifiers == rhs.specifiers
            && lhs.url == rhs.url && lhs.marker?.description == rhs.marker?.description
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(packageName)
        hasher.combine(Set(extras))
        hasher.combine(specifiers)
        hasher.combine(url)
        hasher.combine(marker?.description)
    }
}
