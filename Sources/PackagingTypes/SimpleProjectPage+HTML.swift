import SuvBasics

extension SimpleProjectPage {
    /// Parses a PEP 503 HTML project page (`text/html` or `application/vnd.pypi.simple.v1+html`).
    ///
    /// - Parameters:
    ///   - url: the page's URL (after redirects); links resolve against it, or against the
    ///     first `<base href>` that comes before any link.
    ///   - name: the project the page is for (HTML pages do not state it).
    ///
    /// Every `<a>` with a non-empty `href` becomes a file named by the link's last path segment
    /// (percent-decoded); the `#algo=digest` fragment gives its hash. `data-requires-python`,
    /// `data-yanked` (present but empty = yanked without a reason), `data-core-metadata` and
    /// its older spelling `data-dist-info-metadata` are read with HTML entities decoded. A file
    /// name that appears twice keeps its first link. Malformed markup never fails the page.
    public init(html bytes: [UInt8], url: String, name: PackageName) throws(SimpleAPIError) {
        let scan = HTMLIndexScanner.scan(bytes, pageURL: url)
        try Self.checkAPIVersion(scan.meta["pypi:repository-version"])
        var files: [SimpleFile] = []
        files.reserveCapacity(scan.anchors.count)
        for anchor in scan.anchors {
            if let file = Self.htmlFile(anchor, base: scan.base, projectName: name) { files.append(file) }
        }
        var status: ProjectStatus?
        if let value = scan.meta["pypi:project-status"] {
            status = ProjectStatus(status: value, reason: scan.meta["pypi:project-status-reason"])
        }
        self.init(
            name: name,
            files: Self.deduplicated(files),
            apiVersion: scan.meta["pypi:repository-version"],
            projectStatus: status
        )
    }

    /// The file an anchor links to, or `nil` for a link without a file name (`href="../"`).
    static func htmlFile(_ anchor: HTMLStartTag, base: String, projectName: PackageName?) -> SimpleFile? {
        guard let href = anchor["href"], !href.isEmpty else { return nil }
        let (target, fragment) = URLReference.splitFragment(href)
        let filename = URLReference.lastPathSegment(target)
        guard !filename.isEmpty else { return nil }
        let hashes = fragment.map { HashDigest.parseFragment(URLReference.percentDecoded($0)) } ?? []
        let yanked: Yanked = anchor["data-yanked"].map { .yanked(reason: $0.isEmpty ? nil : $0) } ?? .notYanked
        let coreMetadata: CoreMetadataAvailability
        switch anchor["data-core-metadata"] ?? anchor["data-dist-info-metadata"] {
        case nil, "false":
            coreMetadata = .unavailable
        case "true":
            coreMetadata = .available(hashes: [])
        case let value?:
            // uv ignores a value that is neither a boolean nor `algo=digest`.
            let digests = HashDigest.parseFragment(value)
            coreMetadata = digests.isEmpty ? .unavailable : .available(hashes: digests)
        }
        return SimpleFile(
            filename: filename,
            url: URLReference.resolve(target, against: base),
            hashes: hashes,
            requiresPython: anchor["data-requires-python"].map(RequiresPython.init),
            yanked: yanked,
            coreMetadata: coreMetadata,
            distribution: DistributionFilename(parsing: filename, packageName: projectName)
        )
    }
}

/// One pass over an index page: its `<a>` tags (with their text), the `<base href>` in
/// effect, and the `<meta name=… content=…>` pairs.
struct HTMLIndexScanner {
    var anchors: [HTMLStartTag] = []
    /// The text inside each anchor, trimmed, parallel to ``anchors``.
    var anchorTexts: [String] = []
    var base: String
    var meta: [String: String] = [:]

    static func scan(_ bytes: [UInt8], pageURL: String, collectText: Bool = false) -> HTMLIndexScanner {
        var result = HTMLIndexScanner(base: pageURL)
        var tokenizer = HTMLTokenizer(bytes, wantedTags: ["a", "base", "meta"])
        var text: String?
        var sawLink = false
        var sawBase = false
        while let token = tokenizer.next() {
            switch token {
            case .startTag(let tag):
                switch tag.name {
                case "a":
                    if let pending = text { result.anchorTexts.append(pending.trimmingHTMLSpace) }
                    sawLink = true
                    result.anchors.append(tag)
                    if collectText {
                        text = ""
                        tokenizer.reportsText = true
                    }
                case "base":
                    if !sawLink, !sawBase, let href = tag["href"], !href.isEmpty {
                        result.base = URLReference.resolve(href, against: pageURL)
                        sawBase = true
                    }
                case "meta":
                    if let name = tag["name"], let content = tag["content"], result.meta[name.lowercased()] == nil {
                        result.meta[name.lowercased()] = content
                    }
                default:
                    break
                }
            case .text(let run):
                text?.append(run)
            case .endTag(let name):
                if name == "a", let pending = text {
                    result.anchorTexts.append(pending.trimmingHTMLSpace)
                    text = nil
                    tokenizer.reportsText = false
                }
            }
        }
        if let pending = text { result.anchorTexts.append(pending.trimmingHTMLSpace) }
        return result
    }
}

extension String {
    /// Without leading and trailing ASCII whitespace.
    var trimmingHTMLSpace: String {
        let isSpace: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
        while let last = scalars.last, isSpace(last) { scalars.removeLast() }
        return String(scalars)
    }
}
