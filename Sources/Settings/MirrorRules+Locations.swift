extension MirrorRules {
    /// The locations a command fetches from: every configured index whose URL a rule's
    /// canonical prefix covers is replaced by the mirror's URL (a committed
    /// `[[tool.uv.index]]` naming the canonical index, or the fallback default, is then read
    /// through the mirror). Credentials written in the canonical URL are dropped, never sent to
    /// the mirror; the rule's own credentials take their place. Other indexes are unchanged.
    public func fetchLocations(_ locations: IndexLocations) -> IndexLocations {
        guard !isEmpty else { return locations }
        return locations.mappingIndexes { index in
            guard let (rule, rest) = match(index.url.string, on: \.canonical),
                  case .success(let parts) = URLParts.parse(rule.mirror.appending(rest, asWritten: rule.namesIndex)) else { return index }
            var mirrored = index
            mirrored.url = IndexURL(parts: parts)
            mirrored.urlCredentials = rule.mirrorCredentials
            return mirrored
        }
    }

    /// The index URL a lock records for `url` (a configured index, possibly a mirror): the
    /// canonical URL when a rule's mirror prefix covers it, else `url` itself.
    public func recordedIndexURL(_ url: String) -> String {
        canonicalURL(forMirror: url) ?? url
    }
}
