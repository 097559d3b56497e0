import SuvBasics

extension SimpleProjectPage {
    /// Parses a PEP 691 JSON project page (`application/vnd.pypi.simple.v1+json`).
    ///
    /// - Parameters:
    ///   - url: the page's URL (after redirects); file URLs are resolved against it.
    ///   - name: the project asked for, used when the page has no `name`.
    ///
    /// `filename` and `url` are required for every file; optional fields of the wrong type are
    /// ignored. Hashes keep every algorithm given. An unparseable `requires-python` is kept as
    /// text (see ``RequiresPython``).
    public init(json bytes: [UInt8], url: String, name: PackageName? = nil) throws(SimpleAPIError) {
        let read: SimpleJSONPageReader.Document
        do {
            var reader = SimpleJSONPageReader(bytes)
            read = try reader.read()
        } catch {
            throw .invalidJSON(reason: error.reason, offset: error.offset)
        }
        guard read.isObject else { throw .invalidField(path: "", expected: "an object") }
        let document = JSONValue.object(read.members)
        let apiVersion = document["meta"]?["api-version"]?.stringValue
        try Self.checkAPIVersion(apiVersion)
        let pageName: PackageName
        if let written = document["name"]?.stringValue {
            pageName = PackageName(written)
        } else if let name {
            pageName = name
        } else {
            throw .invalidField(path: "name", expected: "a string")
        }
        guard let entries = read.files ?? nil else {
            throw .invalidField(path: "files", expected: "an array")
        }
        var files: [SimpleFile] = []
        files.reserveCapacity(entries.count)
        for (position, entry) in entries.enumerated() {
            files.append(try Self.jsonFile(entry, position: position, pageURL: url, projectName: pageName))
        }
        var status: ProjectStatus?
        if let value = document["project-status"]?["status"]?.stringValue {
            status = ProjectStatus(status: value, reason: document["project-status"]?["reason"]?.stringValue)
        }
        self.init(
            name: pageName,
            files: Self.deduplicated(files),
            apiVersion: apiVersion,
            projectStatus: status,
            versions: document["versions"]?.arrayValue?.compactMap(\.stringValue)
        )
    }

    private static func jsonFile(
        _ entry: SimpleJSONPageReader.FileFields, position: Int, pageURL: String, projectName: PackageName
    ) throws(SimpleAPIError) -> SimpleFile {
        guard let filename = entry.filename?.stringValue else {
            throw .invalidField(path: "files[\(position)].filename", expected: "a string")
        }
        guard let href = entry.url?.stringValue else {
            throw .invalidField(path: "files[\(position)].url", expected: "a string")
        }
        let hashes = HashDigest.normalized(
            (entry.hashes?.objectValue ?? []).compactMap { member in
                member.value.stringValue.map { HashDigest(algorithm: HashAlgorithm(member.key), value: $0) }
            }
        )
        let yanked: Yanked
        switch entry.yanked {
        case .bool(true): yanked = .yanked(reason: nil)
        case .string(let reason): yanked = .yanked(reason: reason.isEmpty ? nil : reason)
        default: yanked = .notYanked
        }
        let metadataField = entry.coreMetadata ?? entry.distInfoMetadata ?? entry.dataDistInfoMetadata
        let coreMetadata: CoreMetadataAvailability
        switch metadataField {
        case .bool(true):
            coreMetadata = .available(hashes: [])
        case .object(let members):
            coreMetadata = .available(hashes: HashDigest.normalized(members.compactMap { member in
                member.value.stringValue.map { HashDigest(algorithm: HashAlgorithm(member.key), value: $0) }
            }))
        default:
            coreMetadata = .unavailable
        }
        let resolved = URLReference.splitFragment(URLReference.resolve(href, against: pageURL)).url
        return SimpleFile(
            filename: filename,
            url: resolved,
            hashes: hashes,
            requiresPython: entry.requiresPython?.stringValue.map(RequiresPython.init),
            yanked: yanked,
            coreMetadata: coreMetadata,
            size: entry.size?.unsignedValue,
            uploadTime: entry.uploadTime?.stringValue,
            distribution: DistributionFilename(parsing: filename, packageName: projectName)
        )
    }
}
