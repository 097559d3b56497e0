/// A Git source as `uv.lock` spells it: the repository URL, the requested reference as a query
/// (`?rev=v1`, `?tag=v1`, `?branch=main`), an optional `subdirectory` query, and, for a locked
/// package, the resolved commit as the fragment:
/// `https://host/org/repo?rev=v1&subdirectory=pkg#0123…`.
///
/// The same value reads PEP 508 direct references (`git+https://host/org/repo@v1#subdirectory=pkg`).
public struct GitSourceURL: Sendable, Hashable {
    /// How the user named the revision to check out.
    public enum Reference: Sendable, Hashable {
        /// `rev`: a tag, a branch or a commit, tried in that order.
        case rev(String)
        case tag(String)
        case branch(String)

        /// The query key uv writes.
        public var key: String {
            switch self {
            case .rev: "rev"
            case .tag: "tag"
            case .branch: "branch"
            }
        }

        public var value: String {
            switch self {
            case .rev(let value), .tag(let value), .branch(let value): value
            }
        }
    }

    /// The repository URL, as written (`https://host/org/repo`, `file:///srv/repo`).
    public var repository: String
    /// The requested reference; `nil`: the remote's default branch.
    public var reference: Reference?
    /// The folder inside the repository holding the project.
    public var subdirectory: String?
    /// The full commit the reference resolved to (locked packages only).
    public var commit: String?

    public init(repository: String, reference: Reference? = nil, subdirectory: String? = nil, commit: String? = nil) {
        self.repository = repository
        self.reference = reference
        self.subdirectory = subdirectory
        self.commit = commit
    }

    /// The form of `[package.metadata]` and `[manifest]` requirements: without the commit.
    public var requestText: String {
        var query: [String] = []
        if let reference { query.append("\(reference.key)=\(reference.value)") }
        if let subdirectory { query.append("subdirectory=\(subdirectory)") }
        return query.isEmpty ? repository : repository + "?" + query.joined(separator: "&")
    }

    /// The form of a locked package's `source = { git = … }`: with the commit.
    public var lockText: String {
        commit.map { requestText + "#" + $0 } ?? requestText
    }

    /// The same source without the resolved commit: what the user asked for.
    public var requested: GitSourceURL {
        GitSourceURL(repository: repository, reference: reference, subdirectory: subdirectory)
    }

    /// `git+<repository>@<commit>` (and `#subdirectory=…`): how uv names a checkout in its
    /// output (`+ kappa==0.3 (from git+https://…@0123…)`).
    public var displayText: String {
        var text = "git+" + repository
        if let pin = commit ?? reference?.value { text += "@" + pin }
        if let subdirectory { text += "#subdirectory=" + subdirectory }
        return text
    }

    /// Reads the lock's spelling (`repo?rev=v1&subdirectory=x#commit`); `nil` for a query key
    /// uv does not write.
    public init?(lockText text: String) {
        var rest = Substring(text)
        var commit: String?
        if let hash = rest.lastIndex(of: "#") {
            commit = String(rest[rest.index(after: hash)...])
            rest = rest[..<hash]
            if commit?.isEmpty == true { commit = nil }
        }
        var reference: Reference?
        var subdirectory: String?
        if let question = rest.firstIndex(of: "?") {
            for pair in rest[rest.index(after: question)...].split(separator: "&") {
                guard let equals = pair.firstIndex(of: "=") else { return nil }
                let key = pair[..<equals], value = String(pair[pair.index(after: equals)...])
                switch key {
                case "rev": reference = .rev(value)
                case "tag": reference = .tag(value)
                case "branch": reference = .branch(value)
                case "subdirectory": subdirectory = value
                default: return nil
                }
            }
            rest = rest[..<question]
        }
        guard !rest.isEmpty else { return nil }
        self.init(repository: String(rest), reference: reference, subdirectory: subdirectory, commit: commit)
    }

    /// Reads a PEP 508 direct reference `git+<url>[@<rev>][#subdirectory=<dir>]`; `nil` when
    /// `url` is not a `git+` URL.
    public init?(directReference url: String) {
        guard url.hasPrefix("git+") else { return nil }
        var rest = Substring(url.dropFirst("git+".count))
        var subdirectory: String?
        if let hash = rest.firstIndex(of: "#") {
            for pair in rest[rest.index(after: hash)...].split(separator: "&") where pair.hasPrefix("subdirectory=") {
                subdirectory = String(pair.dropFirst("subdirectory=".count))
            }
            rest = rest[..<hash]
        }
        // The revision follows an `@` in the path, not the one of `user@host`.
        guard let authorityStart = Self.authorityStart(of: rest) else { return nil }
        let pathStart = rest[authorityStart...].firstIndex(of: "/") ?? rest.endIndex
        var reference: Reference?
        if let at = rest[pathStart...].lastIndex(of: "@") {
            let revision = String(rest[rest.index(after: at)...])
            if !revision.isEmpty { reference = .rev(revision) }
            rest = rest[..<at]
        }
        self.init(repository: String(rest), reference: reference, subdirectory: subdirectory)
    }

    /// Where the authority begins: just after `://`.
    public static func authorityStart(of text: Substring) -> Substring.Index? {
        var index = text.startIndex
        while index < text.endIndex {
            if text[index...].hasPrefix("://") { return text.index(index, offsetBy: 3) }
            index = text.index(after: index)
        }
        return nil
    }
}
