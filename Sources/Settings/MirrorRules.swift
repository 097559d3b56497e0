/// The mirror rules that apply to a command, highest precedence first, and the two mappings
/// they define (see `docs/mirrors.md`):
///
/// - **fetching**: a canonical URL (an index from the configuration or a lock, or a file URL
///   recorded in a lock) is fetched from the mirror;
/// - **recording**: a URL the mirror served is written to a lock as the canonical URL.
///
/// Each direction uses the rule whose prefix on the matched side is longest; among rules with
/// the same prefix, the one with the highest precedence. One rule is applied, never a chain.
public struct MirrorRules: Sendable, Equatable, CustomStringConvertible {
    /// Every rule, highest precedence first.
    public var rules: [MirrorRule]

    public init(_ rules: [MirrorRule] = []) {
        self.rules = rules
    }

    /// Whether no mirror is declared (every mapping is the identity).
    public var isEmpty: Bool { rules.isEmpty }

    /// One rule per line, for `-v` output and cache keys.
    public var description: String { rules.map(\.description).joined(separator: "\n") }

    /// Where to fetch `url` from when a rule maps it to a mirror: the mirror's URL, without
    /// credentials (they come from the rule, see ``MirrorRule/mirrorCredentials``); `nil` when no
    /// rule's canonical prefix covers `url`.
    public func mirrorURL(forCanonical url: String) -> String? {
        guard let (rule, rest) = match(url, on: \.canonical) else { return nil }
        return rule.mirror.appending(rest, asWritten: rule.namesIndex)
    }

    /// What a lock records for `url`, which a mirror served: the canonical URL, without
    /// credentials; `nil` when no rule's mirror prefix covers `url`.
    public func canonicalURL(forMirror url: String) -> String? {
        guard let (rule, rest) = match(url, on: \.mirror) else { return nil }
        return rule.canonical.appending(rest, asWritten: rule.namesIndex)
    }

    /// Whether `url` lies under a canonical prefix (a URL a lock may record as it is).
    public func isCanonical(_ url: String) -> Bool {
        match(url, on: \.canonical) != nil
    }

    /// Where to download a file a lock records at `url`: through the mirror when a rule covers
    /// it, else `url` unchanged. The lock's hash still decides whether the bytes are accepted.
    public func downloadURL(forLocked url: String) -> String {
        mirrorURL(forCanonical: url) ?? url
    }

    /// How a lock records a file the mirror served at `url` for a package of a mirrored index.
    public func recordedFileURL(_ url: String) -> RecordedFileURL {
        if let canonical = canonicalURL(forMirror: url) { return .mapped(canonical) }
        if isCanonical(url) { return .alreadyCanonical }
        return .uncovered
    }

    /// The answer of ``recordedFileURL(_:)``.
    public enum RecordedFileURL: Sendable, Equatable {
        /// A rule maps the URL to this canonical URL.
        case mapped(String)
        /// The mirror linked to a canonical location: record the URL as it is.
        case alreadyCanonical
        /// No rule covers the URL: the canonical location of the file is unknown.
        case uncovered
    }

    /// The rule with the longest prefix on `side` covering `url` (first such rule on ties), and
    /// the rest of `url` after that prefix.
    func match(_ url: String, on side: KeyPath<MirrorRule, MirrorPrefix>) -> (MirrorRule, Substring)? {
        guard !rules.isEmpty, let normalized = MirrorPrefix.normalized(url) else { return nil }
        var best: (rule: MirrorRule, rest: Substring)?
        for rule in rules {
            guard let rest = rule[keyPath: side].remainder(of: normalized) else { continue }
            if let current = best, current.rule[keyPath: side].stem.count >= rule[keyPath: side].stem.count { continue }
            best = (rule, rest)
        }
        return best.map { ($0.rule, $0.rest) }
    }
}
