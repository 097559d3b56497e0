import PEP440

/// Words for the facts of a derivation tree, as uv words them.
struct ReportFormatter {
    let context: ReportContext

    private func rootName(_ package: PackageID) -> String? {
        guard package.isRoot else { return nil }
        return context.wording == .project ? "your project" : "your requirements"
    }

    private var rootRequires: String {
        if let requirer = context.requirer { return "\(requirer) depends on" }
        return context.wording == .project ? "your project depends on" : "you require"
    }

    func compatible(_ package: PackageID, _ ranges: VersionRanges) -> PackageRangeText {
        PackageRangeText(package: package, ranges: ranges, kind: .compatibility, rootName: rootName(package))
    }

    func dependency(_ package: PackageID, _ ranges: VersionRanges) -> PackageRangeText {
        PackageRangeText(package: package, ranges: ranges, kind: .dependency, rootName: rootName(package))
    }

    func available(_ package: PackageID, _ ranges: VersionRanges) -> PackageRangeText {
        PackageRangeText(package: package, ranges: ranges, kind: .available, rootName: rootName(package))
    }

    /// "X depends on Y" / "X depend on Y" / "X depends on Y and Z".
    private func dependsOn(_ depender: PackageRangeText, _ first: PackageRangeText, _ second: PackageRangeText? = nil) -> String {
        var text = padded("", depender.text, " ") + (depender.isPlural ? "depend on " : "depends on ")
        if let second {
            text += padded("", first.text, " ") + "and" + padded(" ", second.text, "")
        } else {
            text += first.text
        }
        return text
    }

    func external(_ fact: ExternalFact) -> String {
        switch fact {
        case .notRoot:
            return context.wording == .project ? "your project is required" : "your requirements must be satisfied"
        case .noVersions(let package, let ranges):
            if package.isPython {
                return "the requested Python version (\(context.pythonTarget ?? "unknown")) does not satisfy \(compatible(package, ranges).text)"
            }
            if ranges.isFull { return "there are no versions of \(package)" }
            if ranges.isSingletonConstraint || ranges.singleVersion != nil {
                return "there is no version of \(dependency(package, ranges).text)"
            }
            var remaining = ranges.complement
            if let versions = context.knownVersions[package.base] {
                remaining = remaining.availability(among: versions.sorted())
            }
            if remaining.isEmpty { return "there are no versions of \(package)" }
            if remaining.segments.count == 1 { return "only \(available(package, remaining).text) is available" }
            return "only the following versions of \(package) \(available(package, remaining).text)"
        case .unavailable(let package, let ranges, let reason):
            if let root = rootName(package) { return "\(root) cannot be used because \(reason.phrase)" }
            if reason.isPackageWide { return "\(package) \(reason.phrase)" }
            let range = compatible(package, ranges)
            return padded("", range.text, " ") + (range.isPlural ? reason.pluralPhrase : reason.phrase)
        case .dependency(let package, let ranges, let dependencyPackage, let dependencyRanges):
            if package.isRoot {
                if dependencyRanges.isEmpty { return "\(rootName(package) ?? "") for \(dependencyPackage) cannot be satisfied" }
                return "\(rootRequires) \(dependency(dependencyPackage, dependencyRanges).text)"
            }
            return dependsOn(compatible(package, ranges), dependency(dependencyPackage, dependencyRanges))
        }
    }

    /// Two external facts in one clause, merged when they are two dependencies of the same
    /// versions ("you require a and b", "a depends on b and c").
    func bothExternal(_ first: ExternalFact, _ second: ExternalFact) -> String {
        if case .dependency(let package1, let ranges1, let dependency1, let dependencyRanges1) = first,
           case .dependency(let package2, let ranges2, let dependency2, let dependencyRanges2) = second,
           package1 == package2, ranges1 == ranges2 {
            let one = dependency(dependency1, dependencyRanges1)
            let two = dependency(dependency2, dependencyRanges2)
            if package1.isRoot { return "\(rootRequires) " + padded("", one.text, " ") + "and " + two.text }
            return dependsOn(compatible(package1, ranges1), one, two)
        }
        return padded("", external(first), " ") + "and " + external(second)
    }

    func terms(_ terms: [Term]) -> String {
        let sorted = terms.sorted { $0.package < $1.package }
        switch sorted.count {
        case 0:
            return "the requirements are unsatisfiable"
        case 1:
            let term = sorted[0]
            if term.package.isRoot {
                return context.wording == .project ? "your project's requirements are unsatisfiable" : "your requirements are unsatisfiable"
            }
            if !term.package.isPython {
                return padded("", compatible(term.package, term.ranges).text, " ")
                    + (term.isPositive ? "cannot be used" : "must be used")
            }
        case 2:
            if sorted[0].isPositive != sorted[1].isPositive {
                let (positive, negative) = sorted[0].isPositive ? (sorted[0], sorted[1]) : (sorted[1], sorted[0])
                return external(.dependency(positive.package, positive.ranges, negative.package, negative.ranges))
            }
        default:
            break
        }
        let pieces = sorted.map(termText)
        var text = ""
        for (index, piece) in pieces.enumerated() {
            text += piece
            if pieces.count == 2, index == 0 { text += " and " }
            if pieces.count > 2, index + 1 < pieces.count { text += ", " }
        }
        return text + (pieces.count == 1 ? " cannot be used" : " are incompatible")
    }

    private func termText(_ term: Term) -> String {
        if term.isPositive { return compatible(term.package, term.ranges).text }
        if let version = term.ranges.singleVersion { return "\(term.package)!=\(version)" }
        return compatible(term.package, term.ranges.complement).text
    }
}

/// What an explanation needs besides the failure itself.
public struct ReportContext: Sendable {
    public var wording: DerivationReport.Wording
    /// Known versions per package, for simplifying ranges ("a<=1.0" rather than "a<2.dev0").
    public var knownVersions: [PackageID: [Version]]
    /// The target Python as the user asked for it (`>=3.12`), for "the requested Python
    /// version (>=3.12) does not satisfy Python>=3.13".
    public var pythonTarget: String?
    /// Who states the root requirements when that is one named project (`uv pip compile
    /// pyproject.toml` says "myproject depends on flask" rather than "you require flask").
    public var requirer: String?

    public init(wording: DerivationReport.Wording = .requirements, knownVersions: [PackageID: [Version]] = [:],
                pythonTarget: String? = nil, requirer: String? = nil) {
        self.wording = wording
        self.requirer = requirer
        var known: [PackageID: [Version]] = [:]
        for (package, versions) in knownVersions where !package.isRoot { known[package.base] = versions }
        self.knownVersions = known
        self.pythonTarget = pythonTarget
    }
}

extension VersionRanges {
    /// uv's `update_availability_range`: segments outside the known versions dropped, segments
    /// covering them all reduced to their envelope, inclusive bounds on versions that do not
    /// exist made exclusive.
    func availability(among versions: [Version]) -> VersionRanges {
        guard let first = versions.first, let last = versions.last else { return .empty }
        let envelope = VersionRanges(segments: [(.included(first), .included(last))])
        if first == last { return envelope }
        var result: [(lower: Bound, upper: Bound)] = []
        for segment in segments {
            let piece = VersionRanges(segments: [segment])
            if piece.isDisjoint(with: envelope) { continue }
            if envelope.isSubset(of: piece) {
                if segment.lower == .unbounded {
                    result.append((.unbounded, .included(last)))
                } else if segment.upper == .unbounded {
                    result.append((.included(first), .unbounded))
                } else {
                    result.append((.included(first), .included(last)))
                }
                continue
            }
            var lower = segment.lower
            var upper = segment.upper
            // A synthetic bound (`1.0` just above its local versions) stands for its version.
            func exists(_ bound: Version) -> Bool { versions.contains { $0 == bound || $0.description == bound.description } }
            if case .included(let version) = lower, !exists(version) { lower = .excluded(version) }
            if case .included(let version) = upper, !exists(version) { upper = .excluded(version) }
            result.append((lower, upper))
        }
        return VersionRanges(segments: result)
    }
}
