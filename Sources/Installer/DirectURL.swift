/// `direct_url.json` (PEP 610): where a distribution installed from a URL or path came from.
///
/// Written compactly with keys in uv's order (`url`, then the kind, then `subdirectory`).
public struct DirectURL: Sendable, Hashable {
    /// What the URL points at.
    public enum Kind: Sendable, Hashable {
        /// A wheel or source archive; `hash` is `sha256=<hex>` when known.
        case archive(hash: String?)
        /// A local directory, installed editable or not.
        case directory(editable: Bool)
        /// A version-control checkout: the tool (`git`), the commit and the requested revision.
        case vcs(vcs: String, commitID: String, requestedRevision: String?)
    }

    public var url: String
    public var kind: Kind
    public var subdirectory: String?

    public init(url: String, kind: Kind, subdirectory: String? = nil) {
        self.url = url
        self.kind = kind
        self.subdirectory = subdirectory
    }

    /// The JSON text, as uv's serializer writes it: `{"url":"file:///…/x.whl","archive_info":{}}`.
    public var json: String {
        var text = "{\"url\":" + Self.quote(url)
        switch kind {
        case .archive(let hash):
            text += ",\"archive_info\":{"
            if let hash {
                text += "\"hash\":" + Self.quote(hash)
                if let equals = hash.firstIndex(of: "=") {
                    let algorithm = String(hash[..<equals]), digest = String(hash[hash.index(after: equals)...])
                    text += ",\"hashes\":{" + Self.quote(algorithm) + ":" + Self.quote(digest) + "}"
                }
            }
            text += "}"
        case .directory(let editable):
            text += editable ? ",\"dir_info\":{\"editable\":true}" : ",\"dir_info\":{}"
        case .vcs(let vcs, let commit, let requested):
            text += ",\"vcs_info\":{\"vcs\":" + Self.quote(vcs) + ",\"commit_id\":" + Self.quote(commit)
            if let requested { text += ",\"requested_revision\":" + Self.quote(requested) }
            text += "}"
        }
        if let subdirectory { text += ",\"subdirectory\":" + Self.quote(subdirectory) }
        return text + "}"
    }

    /// A JSON string literal, escaped as serde_json escapes (quotes, backslashes, control
    /// characters; everything else literal).
    static func quote(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
