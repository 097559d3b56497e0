import SuvBasics
import TOML

/// `[[package]]` entries: identity, edges, artifacts and sub-tables.
extension LockReader {
    /// A package and the byte offsets of its edges (main, then extras, then groups, in list order).
    func readPackage(_ table: TOMLTableView, _ node: TOMLNode) throws(TOMLError) -> (LockedPackage, [Int]) {
        let name = PackageName(try fields.requiredString(table, "name", in: node))
        guard let sourceNode = table["source"] else { throw fields.missingField("source", in: node) }
        var package = LockedPackage(
            name: name,
            version: try fields.optionalString(table, "version"),
            source: try readSource(sourceNode)
        )
        var locations: [Int] = []
        package.resolutionMarkers = try fields.optionalStrings(table, "resolution-markers")
        if let deps = table["dependencies"] {
            package.dependencies = try readEdges(deps, &locations)
        }
        if scope == .everything, let sdist = table["sdist"] { package.sdist = try readArtifact(sdist) }
        if scope == .everything, let wheels = table["wheels"] {
            let items = try fields.array(wheels)
            package.wheels.reserveCapacity(items.count)
            for item in items { package.wheels.append(try readArtifact(item)) }
        }
        package.optionalDependencies = try readEdgeTable(table["optional-dependencies"], &locations)
        package.devDependencies = try readEdgeTable(table["dev-dependencies"], &locations)
        if let metadata = table["metadata"] { package.metadata = try readMetadata(try fields.table(metadata)) }
        return (package, locations)
    }

    /// `{ registry = "..." }` and the other variants.
    func readSource(_ node: TOMLNode) throws(TOMLError) -> LockSource {
        let table = try fields.table(node)
        if let value = try fields.optionalString(table, "registry") { return .registry(value) }
        if let value = try fields.optionalString(table, "git") { return .git(value) }
        if let value = try fields.optionalString(table, "url") {
            return .url(value, subdirectory: try fields.optionalString(table, "subdirectory"))
        }
        if let value = try fields.optionalString(table, "path") { return .path(value) }
        if let value = try fields.optionalString(table, "directory") { return .directory(value) }
        if let value = try fields.optionalString(table, "editable") { return .editable(value) }
        if let value = try fields.optionalString(table, "virtual") { return .virtual(value) }
        throw fields.error("data did not match any variant of untagged enum SourceWire", at: node)
    }

    private func readEdges(_ node: TOMLNode, _ locations: inout [Int]) throws(TOMLError) -> [LockEdge] {
        let items = try fields.array(node)
        var edges: [LockEdge] = []
        edges.reserveCapacity(items.count)
        for item in items {
            let table = try fields.table(item)
            edges.append(LockEdge(
                name: PackageName(try fields.requiredString(table, "name", in: item)),
                version: try fields.optionalString(table, "version"),
                source: try table["source"].map { source throws(TOMLError) in try readSource(source) },
                extras: try fields.optionalStrings(table, "extra"),
                marker: try fields.optionalString(table, "marker")
            ))
            locations.append(item.offset)
        }
        return edges
    }

    private func readEdgeTable(_ node: TOMLNode?, _ locations: inout [Int]) throws(TOMLError) -> [NamedEdges] {
        guard let node else { return [] }
        var lists: [NamedEdges] = []
        for (key, value) in try fields.table(node).entries {
            lists.append(NamedEdges(key, try readEdges(value, &locations)))
        }
        return lists
    }

    private func readArtifact(_ node: TOMLNode) throws(TOMLError) -> LockArtifact {
        let table = try fields.table(node)
        let location: LockArtifact.Location
        if let url = try fields.optionalString(table, "url") {
            location = .url(url)
        } else if let path = try fields.optionalString(table, "path") {
            location = .path(path)
        } else if let name = try fields.optionalString(table, "filename") {
            location = .filename(name)
        } else {
            location = .none
        }
        var artifact = LockArtifact(
            location: location,
            hash: try fields.optionalString(table, "hash"),
            size: try table["size"].map { size throws(TOMLError) in try fields.unsigned(size) },
            uploadTime: try table["upload-time"].map { time throws(TOMLError) in try uploadTime(time) }
        )
        if let zstd = table["zstd"] {
            let inner = try fields.table(zstd)
            artifact.zstd = LockArtifact.Zstd(
                hash: try fields.optionalString(inner, "hash"),
                size: try inner["size"].map { size throws(TOMLError) in try fields.unsigned(size) }
            )
        }
        return artifact
    }

    /// uv writes upload times as strings; a TOML date-time is accepted too.
    private func uploadTime(_ node: TOMLNode) throws(TOMLError) -> String {
        if let datetime = node.datetime { return datetime.description }
        return try fields.string(node)
    }
}
