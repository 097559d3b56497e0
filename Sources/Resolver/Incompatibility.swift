import PEP440

/// Index of an incompatibility in a ``DerivationGraph``.
public typealias IncompatibilityID = Int

/// A set of terms that must not all hold at once: "`a==1.0` and not `b>=2`" is the
/// incompatibility that says `a 1.0` depends on `b>=2`.
///
/// Some incompatibilities are *external* facts (from the root, the provider, or a dependency);
/// the solver *derives* the others during conflict resolution from two earlier ones. The causes
/// form a derivation graph whose leaves are external facts and whose sink, on failure, is the
/// incompatibility `{root}` ("the root cannot be selected"):
///
/// ```
///   {a==1.0, ¬b>=2} (dependency)     {root, ¬a==1.0} (dependency)
///              \                        /
///               {root, ¬b>=2}  (conflict)      {root, ¬b<2} (dependency)
///                          \                     /
///                           {root}  (conflict)  ← the failure
/// ```
///
/// ``DerivationReport`` walks this graph to explain a failure in sentences.
public struct Incompatibility: Hashable, Sendable, CustomStringConvertible {
    /// Why this incompatibility is true.
    public enum Cause: Hashable, Sendable {
        /// The root must be selected: `{¬root}`.
        case root
        /// No version of the package in the term's range exists.
        case noVersions
        /// The provider cannot use this version.
        case unavailable(UnavailableReason)
        /// The first term's package depends on the second term's package.
        case dependency
        /// Derived from two earlier incompatibilities by resolution.
        case conflict(IncompatibilityID, IncompatibilityID)
    }

    /// At most one term per package, in a stable order (the first term names the depender for
    /// ``Cause/dependency``).
    public let terms: [Term]
    public let cause: Cause

    /// Builds an incompatibility, merging terms about the same package by intersection.
    public init(_ terms: [Term], cause: Cause) {
        var merged: [Term] = []
        var index: [PackageID: Int] = [:]
        for term in terms {
            if let position = index[term.package] {
                merged[position] = merged[position].intersection(term)
            } else {
                index[term.package] = merged.count
                merged.append(term)
            }
        }
        self.terms = merged
        self.cause = cause
    }

    /// The term about `package`, if any.
    public func term(for package: PackageID) -> Term? {
        terms.first { $0.package == package }
    }

    /// Whether this incompatibility means that resolution failed: no terms, or just "root".
    public var isFailure: Bool {
        terms.isEmpty || (terms.count == 1 && terms[0].isPositive && terms[0].package.isRoot)
    }

    /// Whether this one was derived by the solver rather than learned from outside.
    public var isDerived: Bool {
        if case .conflict = cause { return true }
        return false
    }

    public var description: String {
        "{" + terms.map(\.description).joined(separator: ", ") + "}"
    }
}

/// Why a provider cannot use a package version (or a package at all), phrased to follow the
/// version in a sentence: "`c==1.0` was yanked", "`c>=2` were yanked", "`c` was not found in
/// the package registry".
public struct UnavailableReason: Hashable, Sendable, CustomStringConvertible {
    /// The predicate after one version, without a trailing period.
    public let phrase: String
    /// The predicate after several versions ("were yanked").
    public let pluralPhrase: String
    /// Whether the reason concerns the package as a whole (not found, …) rather than versions.
    public let isPackageWide: Bool

    public init(_ phrase: String, plural: String? = nil, packageWide: Bool = false) {
        self.phrase = phrase
        self.pluralPhrase = plural ?? phrase
        self.isPackageWide = packageWide
    }

    public var description: String { phrase }
}
