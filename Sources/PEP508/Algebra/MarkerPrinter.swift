import PEP440

extension NormalizedMarker {
    /// The marker as uv writes it in `uv.lock` and `requires-dist`: single quotes, terms in
    /// uv's order, terms shared by every clause factored out, multi-term clauses of an `or`
    /// parenthesized; `nil` when the marker is always true, `python_version < '0'` when it is
    /// never true.
    public var uvDescription: String? {
        MarkerPrinter.render(self, exact: false)
    }

    /// The marker written so that it means exactly what this normalized form means, pre-release
    /// Python bounds included (`python_full_version >= '3.14.dev0'` for `python_version >= '3.14'`);
    /// `nil` when always true.
    public var exactDescription: String? {
        MarkerPrinter.render(self, exact: true)
    }
}

/// Writes normalized markers in uv's spelling.
enum MarkerPrinter {
    struct Term: Hashable {
        let key: MarkerKey
        let text: String

        var kind: Kind { Kind(key) }
    }

    /// uv's expression kinds, in its sort order: version markers, string markers (substring
    /// tests share the kind of their variable), list markers, extras.
    struct Kind: Comparable, Hashable {
        let group: Int
        let order: Int

        init(group: Int, order: Int) {
            self.group = group
            self.order = order
        }

        init(_ key: MarkerKey) {
            switch key {
            case .implementationVersion: self.init(group: 0, order: 0)
            case .python: self.init(group: 0, order: 1)
            case .string(let variable): self.init(group: 1, order: MarkerKey.stringOrder.firstIndex(of: variable) ?? 99)
            case .atom(let expression):
                switch expression.variable {
                case .implementationVersion?: self.init(group: 0, order: 0)
                case .pythonFullVersion?, .pythonVersion?: self.init(group: 0, order: 1)
                case .extras?, .dependencyGroups?: self.init(group: 2, order: 0)
                case .extra?: self.init(group: 3, order: 0)
                case let variable?: self.init(group: 1, order: MarkerKey.stringOrder.firstIndex(of: variable) ?? 99)
                case nil: self.init(group: 1, order: 99)
                }
            case .extra: self.init(group: 3, order: 0)
            }
        }

        static func < (lhs: Kind, rhs: Kind) -> Bool { (lhs.group, lhs.order) < (rhs.group, rhs.order) }
    }

    static func render(_ marker: NormalizedMarker, exact: Bool) -> String? {
        if marker.isAlwaysTrue { return nil }
        if marker.isAlwaysFalse { return "python_version < '0'" }
        var printed: [[Term]] = []
        for clause in marker.clauses {
            for conjunction in expand(clause, exact: exact) where !printed.contains(conjunction) {
                printed.append(conjunction)
            }
        }
        // uv sorts terms by kind and clauses by their sequence of kinds; ties keep the order
        // of its decision diagram, whose variables are the string markers first, then versions.
        printed = printed.map { $0.enumerated().sorted { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }.map(\.element) }
        printed.sort { lhs, rhs in
            let (left, right) = (lhs.map(\.kind), rhs.map(\.kind))
            if left != right { return left.lexicographicallyPrecedes(right) }
            return diagramOrder(lhs).lexicographicallyPrecedes(diagramOrder(rhs))
        }
        if printed.count == 1 { return printed[0].map(\.text).joined(separator: " and ") }
        // Factor out the terms every clause shares; the remaining disjunction takes the place
        // of its first term's kind among them.
        let common = printed[0].filter { term in printed.allSatisfy { $0.contains(term) } }
        let rests = printed.map { $0.filter { !common.contains($0) } }
        let disjunction = rests.map { rest in
            rest.count > 1 ? "(" + rest.map(\.text).joined(separator: " and ") + ")" : rest.map(\.text).joined()
        }.joined(separator: " or ")
        if common.isEmpty { return disjunction }
        let groupKind = rests.first?.first?.kind ?? Kind(group: 9, order: 0)
        var pieces: [(Kind, String)] = common.map { ($0.kind, $0.text) }
        let group = rests.count > 1 ? "(" + disjunction + ")" : disjunction
        let position = pieces.firstIndex { $0.0 > groupKind } ?? pieces.count
        pieces.insert((groupKind, group), at: position)
        return pieces.map(\.1).joined(separator: " and ")
    }

    /// The order in which uv's decision diagram yields clauses: string variables (in uv's
    /// order) by value, `!=` before `==`, then version variables by lower bound.
    static func diagramOrder(_ terms: [Term]) -> [String] {
        var keys: [String] = []
        for variable in MarkerKey.stringOrder {
            let term = terms.first { $0.key == .string(variable) }
            keys.append(term.map { $0.text.contains(" != ") ? "" : "1" + $0.text } ?? "")
        }
        for key in [MarkerKey.implementationVersion, .python] {
            keys.append(terms.first { $0.key == key }.map { $0.text.contains(">") ? "1" + $0.text : "" } ?? "")
        }
        return keys
    }

    /// A clause as one or more printable conjunctions (a constraint with several allowed
    /// alternatives, such as two platforms, splits the clause).
    static func expand(_ clause: MarkerClause, exact: Bool = false) -> [[Term]] {
        var conjunctions: [[Term]] = [[]]
        for key in clause.constraints.keys.sorted() {
            guard let domain = clause.constraints[key] else { continue }
            let alternatives = termAlternatives(key: key, domain: domain, exact: exact)
            conjunctions = conjunctions.flatMap { prefix in alternatives.map { prefix + $0 } }
        }
        return conjunctions
    }

    /// The alternatives (joined by `or`) of conjunctions of terms that express one constraint.
    static func termAlternatives(key: MarkerKey, domain: MarkerDomain, exact: Bool = false) -> [[Term]] {
        switch (key, domain) {
        case (.python, .versions(let ranges)):
            return versionAlternatives(name: "python_full_version", ranges, exact: exact).map { $0.map { Term(key: key, text: $0) } }
        case (.implementationVersion, .versions(let ranges)):
            return versionAlternatives(name: "implementation_version", ranges, exact: exact).map { $0.map { Term(key: key, text: $0) } }
        case (.string(let variable), .strings(let strings)):
            return stringAlternatives(name: variable.rawValue, strings).map { $0.map { Term(key: key, text: $0) } }
        case (.extra(let name), .truth(let holds)):
            return [[Term(key: key, text: "extra \(holds ? "==" : "!=") \(quoted(name))")]]
        case (.atom(let expression), .truth(let holds)):
            return [[Term(key: key, text: holds ? expression.uvDescription : expression.negatedUVDescription)]]
        default:
            return [[]]
        }
    }

    /// Text used to order clauses that start with the same key.
    static func sortText(key: MarkerKey, domain: MarkerDomain) -> String {
        termAlternatives(key: key, domain: domain).first?.map(\.text).joined(separator: " ") ?? ""
    }

    static func stringAlternatives(name: String, _ strings: StringDomain) -> [[String]] {
        switch strings {
        case .only(let values):
            return values.sorted().map { ["\(name) == \(quoted($0))"] }
        case .except(let values):
            return [values.sorted().map { "\(name) != \(quoted($0))" }]
        }
    }

    static func versionAlternatives(name: String, _ ranges: VersionRanges, exact: Bool) -> [[String]] {
        // A range with a hole of one prefix or one version prints as `!=`.
        let complement = ranges.complement
        if ranges.segments.count > 1, complement.segments.count == 1,
           let text = equalityText(complement.segments[0]) {
            return [["\(name) != '\(text)'"]]
        }
        return ranges.segments.map { segment in
            if let text = equalityText(segment) { return ["\(name) == '\(text)'"] }
            var terms: [String] = []
            switch segment.lower {
            case .unbounded: break
            case .included(let version): terms.append("\(name) >= '\(shown(version, exact: exact))'")
            case .excluded(let version): terms.append("\(name) > '\(shown(version, exact: exact))'")
            }
            switch segment.upper {
            case .unbounded: break
            case .included(let version): terms.append("\(name) <= '\(shown(version, exact: exact))'")
            case .excluded(let version): terms.append("\(name) < '\(shown(version, exact: exact))'")
            }
            return terms
        }
    }

    /// `X.Y.*` for `[X.Y, X.(Y+1))` (or its `.dev0` bounds), `V` for `[V, V]` or `V` with its
    /// local versions; nil otherwise.
    static func equalityText(_ segment: (lower: VersionRanges.Bound, upper: VersionRanges.Bound)) -> String? {
        guard case .included(let low) = segment.lower else { return nil }
        switch segment.upper {
        case .included(let high):
            if high == low && low.bound == .none { return low.description }
            if high.bound == .afterLocals, high.publicVersion == low, low.bound == .none { return low.description }
            return nil
        case .excluded(let high):
            let lowRelease = Version(epoch: low.epoch, release: low.release)
            let highRelease = Version(epoch: high.epoch, release: high.release)
            let bothReleases = low == lowRelease && high == highRelease
            let bothDevZero = low == Version(epoch: low.epoch, release: low.release, dev: 0)
                && high == Version(epoch: high.epoch, release: high.release, dev: 0)
            guard bothReleases || bothDevZero, low.epoch == high.epoch else { return nil }
            var next = low.release
            next[next.count - 1] += 1
            guard Version(epoch: high.epoch, release: next) == highRelease,
                  high.release.count == low.release.count else { return nil }
            return lowRelease.description + ".*"
        case .unbounded:
            return nil
        }
    }

    /// A bound as written: `.dev0` bounds of a release print as the release (uv's view).
    static func shown(_ version: Version, exact: Bool) -> String {
        if !exact, version.pre == nil, version.post == nil, version.local.isEmpty, version.dev == nil || version.dev == 0 {
            // uv's view: releases only, trailing zeros beyond `X.Y` dropped (`3.11.0` is `3.11`).
            var release = version.release
            while release.count > 2, release.last == 0 { release.removeLast() }
            return Version(epoch: version.epoch, release: release).description
        }
        return version.publicVersion.description
    }

    static func quoted(_ value: String) -> String {
        value.contains("'") ? "\"\(value)\"" : "'\(value)'"
    }
}

extension MarkerExpression {
    /// The comparison in uv's spelling (single quotes, single spaces).
    public var uvDescription: String {
        "\(Self.text(lhs)) \(op.rawValue) \(Self.text(rhs))"
    }

    /// The opposite comparison, where PEP 508 has an operator for it.
    var negatedUVDescription: String {
        let negated: MarkerOperator
        switch op {
        case .equal: negated = .notEqual
        case .notEqual: negated = .equal
        case .lessThan: negated = .greaterThanOrEqual
        case .lessThanOrEqual: negated = .greaterThan
        case .greaterThan: negated = .lessThanOrEqual
        case .greaterThanOrEqual: negated = .lessThan
        case .in: negated = .notIn
        case .notIn: negated = .in
        case .compatible, .arbitraryEqual: negated = .notEqual
        }
        return "\(Self.text(lhs)) \(negated.rawValue) \(Self.text(rhs))"
    }

    private static func text(_ value: MarkerValue) -> String {
        switch value {
        case .variable(let variable): variable.rawValue
        case .literal(let literal): MarkerPrinter.quoted(literal)
        }
    }
}
