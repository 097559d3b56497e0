/// A comma-separated set of specifier clauses (`>=1.0,<2`), all of which must hold.
///
/// Pre-release policy is `packaging` 26's: a set admits pre-releases when asked to, or when a
/// clause names a pre-release; otherwise ``contains(_:prereleases:)`` with `nil` still accepts
/// a matching pre-release on its own, and ``filter(_:prereleases:)`` drops pre-releases only
/// when some final release in the same list matches.
public struct VersionSpecifiers: Sendable, Hashable, CustomStringConvertible {
    /// The clauses in input order.
    public let specifiers: [VersionSpecifier]

    public init(_ specifiers: [VersionSpecifier]) {
        self.specifiers = specifiers
    }

    /// Parses `>=1.0, <2`; empty items are skipped, so `""` is the set that admits everything.
    public init(parsing text: String) throws(VersionSpecifierParseError) {
        var clauses: [VersionSpecifier] = []
        for part in text.split(separator: ",", omittingEmptySubsequences: false) {
            let trimmed = String(part).trimmingPythonWhitespace
            if trimmed.isEmpty { continue }
            clauses.append(try VersionSpecifier(parsing: trimmed))
        }
        self.specifiers = clauses
    }

    /// `packaging`'s `str(SpecifierSet)`: the clauses sorted by their text (code-point order,
    /// stable), then equal clauses dropped keeping the first: `>=1.0,<2` prints as `<2,>=1.0`,
    /// and of `!=1.0rev` and `!=1.0r` only `!=1.0r` remains.
    public var description: String {
        let sorted = specifiers.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element.description.utf8, rhs.element.description.utf8)
            if left.elementsEqual(right) { return lhs.offset < rhs.offset }
            return left.lexicographicallyPrecedes(right)
        }
        var seen = Set<VersionSpecifier>()
        return sorted.map(\.element).filter { seen.insert($0).inserted }.map(\.description).joined(separator: ",")
    }

    /// Specifier sets are equal when they hold the same clauses, in any order.
    public static func == (lhs: VersionSpecifiers, rhs: VersionSpecifiers) -> Bool {
        Set(lhs.specifiers) == Set(rhs.specifiers)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(Set(specifiers))
    }

    public var isEmpty: Bool { specifiers.isEmpty }

    /// `true` when a clause names a pre-release, else `nil` (never `false` by default).
    public var prereleases: Bool? {
        specifiers.contains(where: \.namesPrerelease) ? true : nil
    }

    /// Whether every clause holds for `version`, pre-release policy aside.
    public func satisfied(by version: Version) -> Bool {
        specifiers.allSatisfy { $0.contains(version) }
    }

    /// Whether a candidate string satisfies every clause: `===` compares the text as written;
    /// every other clause needs a valid version (so the empty set accepts any text).
    public func satisfied(byText text: String) -> Bool {
        let version = Version(text)
        return specifiers.allSatisfy { clause in
            if clause.op == .arbitraryEqual { return clause.contains(rawCandidate: text) }
            guard let version else { return false }
            return clause.contains(version)
        }
    }

    /// `packaging`'s `SpecifierSet.contains`.
    public func contains(_ text: String, prereleases: Bool? = nil) -> Bool {
        guard satisfied(byText: text) else { return false }
        guard let version = Version(text), version.isPrerelease else { return true }
        return (prereleases ?? self.prereleases) != false
    }

    /// `packaging`'s `SpecifierSet.filter`, keeping input order.
    public func filter(_ candidates: [String], prereleases: Bool? = nil) -> [String] {
        let matching = candidates.filter(satisfied(byText:))
        let isPrerelease: (String) -> Bool = { Version($0)?.isPrerelease ?? false }
        switch prereleases ?? self.prereleases {
        case true?: return matching
        case false?: return matching.filter { !isPrerelease($0) }
        case nil:
            let finals = matching.filter { !isPrerelease($0) }
            return finals.isEmpty ? matching : finals
        }
    }
}
