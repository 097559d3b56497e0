import SuvBasics

/// An index's root page: the list of projects it serves.
public struct SimpleProjectList: Hashable, Sendable {
    /// One project: its name as listed, and its page URL (absolute).
    public struct Entry: Hashable, Sendable {
        public let name: String
        public let url: String

        public init(name: String, url: String) {
            self.name = name
            self.url = url
        }

        /// The normalized name.
        public var packageName: PackageName { PackageName(name) }
    }

    public let projects: [Entry]
    public let apiVersion: String?

    public init(projects: [Entry], apiVersion: String?) {
        self.projects = projects
        self.apiVersion = apiVersion
    }

    /// Parses a PEP 691 JSON root page: `{"meta": …, "projects": [{"name": …}]}`. Project
    /// URLs are `<url>/<normalized name>/`, as PEP 691 prescribes.
    public init(json bytes: [UInt8], url: String) throws(SimpleAPIError) {
        let document: JSONValue
        do {
            document = try JSONValue.parse(bytes)
        } catch {
            throw .invalidJSON(reason: error.reason, offset: error.offset)
        }
        let apiVersion = document["meta"]?["api-version"]?.stringValue
        try SimpleProjectPage.checkAPIVersion(apiVersion)
        guard let entries = document["projects"]?.arrayValue else {
            throw .invalidField(path: "projects", expected: "an array")
        }
        let base = url.hasSuffix("/") ? url : url + "/"
        var projects: [Entry] = []
        for (position, entry) in entries.enumerated() {
            guard let name = entry["name"]?.stringValue else {
                throw .invalidField(path: "projects[\(position)].name", expected: "a string")
            }
            projects.append(Entry(name: name, url: base + PackageName(name).normalized + "/"))
        }
        self.init(projects: projects, apiVersion: apiVersion)
    }

    /// Parses a PEP 503 HTML root page: one `<a href=…>name</a>` per project.
    public init(html bytes: [UInt8], url: String) throws(SimpleAPIError) {
        let scan = HTMLIndexScanner.scan(bytes, pageURL: url, collectText: true)
        try SimpleProjectPage.checkAPIVersion(scan.meta["pypi:repository-version"])
        var projects: [Entry] = []
        for (anchor, text) in zip(scan.anchors, scan.anchorTexts) {
            guard let href = anchor["href"], !href.isEmpty, !text.isEmpty else { continue }
            projects.append(Entry(name: text, url: URLReference.resolve(href, against: scan.base)))
        }
        self.init(projects: projects, apiVersion: scan.meta["pypi:repository-version"])
    }
}
