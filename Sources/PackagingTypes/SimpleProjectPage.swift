import SuvBasics

/// A project's status marker (PEP 792): `active`, `archived`, `quarantined`, `deprecated`.
public struct ProjectStatus: Hashable, Sendable {
    /// The status as served, lowercased (unknown values are kept).
    public let status: String
    public let reason: String?

    public init(status: String, reason: String? = nil) {
        self.status = status.lowercased()
        self.reason = reason
    }

    public var isQuarantined: Bool { status == "quarantined" }
}

/// One project's page on a simple-API index (PEP 503 HTML or PEP 691 JSON).
public struct SimpleProjectPage: Hashable, Sendable {
    /// The project name: JSON `name`, or the name the caller asked for (HTML pages carry none).
    public let name: PackageName
    /// The files in page order; a file name listed twice keeps its first entry.
    public let files: [SimpleFile]
    /// `meta.api-version` or `<meta name="pypi:repository-version">`, e.g. `1.1`.
    public let apiVersion: String?
    /// The project status, if the page gives one.
    public let projectStatus: ProjectStatus?
    /// JSON `versions` (PEP 700), when given.
    public let versions: [String]?

    public init(
        name: PackageName, files: [SimpleFile], apiVersion: String? = nil,
        projectStatus: ProjectStatus? = nil, versions: [String]? = nil
    ) {
        self.name = name
        self.files = files
        self.apiVersion = apiVersion
        self.projectStatus = projectStatus
        self.versions = versions
    }

    /// The `Content-Type` of a PEP 691 JSON page.
    public static let jsonContentType = "application/vnd.pypi.simple.v1+json"
    /// The `Content-Type` of a PEP 691 HTML page.
    public static let htmlContentType = "application/vnd.pypi.simple.v1+html"

    /// Parses a project page in the format its `Content-Type` names: PEP 691 JSON for
    /// `application/vnd.pypi.simple.v1+json` (parameters and case ignored), HTML otherwise.
    public init(bytes: [UInt8], contentType: String?, url: String, name: PackageName) throws(SimpleAPIError) {
        if Self.isJSON(contentType: contentType) {
            try self.init(json: bytes, url: url, name: name)
        } else {
            try self.init(html: bytes, url: url, name: name)
        }
    }

    /// Whether `contentType` is the PEP 691 JSON media type.
    public static func isJSON(contentType: String?) -> Bool {
        guard let contentType else { return false }
        let mediaType = contentType.split(separator: ";", maxSplits: 1).first.map(String.init) ?? ""
        return mediaType.trimmingCharacters(in: " ").lowercased() == jsonContentType
    }

    /// Files with equal names after the first are dropped. Pages rarely list a name twice:
    /// the list is only copied when one does.
    static func deduplicated(_ files: [SimpleFile]) -> [SimpleFile] {
        var seen = Set<String>(minimumCapacity: files.count)
        guard let first = files.indices.first(where: { !seen.insert(files[$0].filename).inserted }) else { return files }
        var kept = Array(files[..<first])
        for file in files[(first + 1)...] where seen.insert(file.filename).inserted { kept.append(file) }
        return kept
    }

    /// PEP 629: a client must refuse a page whose major API version is above the one it knows.
    static func checkAPIVersion(_ version: String?) throws(SimpleAPIError) {
        guard let version else { return }
        let major = version.split(separator: ".", maxSplits: 1).first.flatMap { Int($0) }
        guard let major else { throw .invalidAPIVersion(version) }
        guard major <= 1 else { throw .unsupportedAPIVersion(version) }
    }
}
