/// `[[package]]` entries: identity, edges, artifacts, then the sub-tables.
extension LockWriter {
    func writePackage(_ package: LockedPackage, _ lines: inout TextLines) {
        lines.header("[[package]]")
        lines.key("name", TOMLText.string(package.name.normalized))
        if let version = package.version { lines.key("version", TOMLText.string(version)) }
        lines.key("source", Self.source(package.source))
        lines.markers("resolution-markers", package.resolutionMarkers)
        if !package.dependencies.isEmpty {
            lines.key("dependencies", edgeArray(package.dependencies))
        }
        if let sdist = package.sdist { lines.key("sdist", Self.artifact(sdist)) }
        if !package.wheels.isEmpty {
            // Each file name worked out once, not at every comparison of the sort.
            let wheels = package.wheels.map { (name: $0.filename, wheel: $0) }.sorted { LockOrdering.bytes($0.name, $1.name) }
            lines.key("wheels", TOMLText.multiLineArray(wheels.map { Self.artifact($0.wheel) }))
        }
        writeEdgeTable("[package.optional-dependencies]", package.optionalDependencies, &lines)
        writeEdgeTable("[package.dev-dependencies]", package.devDependencies, &lines)
        if let metadata = package.metadata, !metadata.isEmpty {
            writeMetadata(metadata, &lines)
        }
    }

    private func writeEdgeTable(_ header: String, _ lists: [NamedEdges], _ lines: inout TextLines) {
        let nonEmpty = lists.filter { !$0.edges.isEmpty }.sorted { LockOrdering.bytes($0.name, $1.name) }
        guard !nonEmpty.isEmpty else { return }
        lines.header(header)
        for list in nonEmpty { lines.key(list.name, edgeArray(list.edges)) }
    }

    private func writeMetadata(_ metadata: LockMetadata, _ lines: inout TextLines) {
        lines.header("[package.metadata]")
        lines.requirements("requires-dist", metadata.requiresDist)
        if let extras = metadata.providesExtras, !extras.isEmpty {
            lines.key("provides-extras", TOMLText.stringArray(extras))
        }
        if !metadata.requiresDev.isEmpty {
            lines.header("[package.metadata.requires-dev]")
            for group in metadata.requiresDev.sorted(by: { LockOrdering.bytes($0.name, $1.name) }) {
                lines.requirements(group.name, group.requirements, skipEmpty: false)
            }
        }
    }

    private func edgeArray(_ edges: [LockEdge]) -> String {
        TOMLText.multiLineArray(edges.sorted(by: LockOrdering.edges).map(edge))
    }

    /// An edge; `version` and `source` only when the name is locked more than once.
    func edge(_ edge: LockEdge) -> String {
        var entries = [("name", TOMLText.string(edge.name.normalized))]
        if countByName[edge.name, default: 0] > 1 {
            if let version = edge.version { entries.append(("version", TOMLText.string(version))) }
            if let source = edge.source { entries.append(("source", Self.source(source))) }
        }
        if !edge.extras.isEmpty {
            entries.append(("extra", TOMLText.stringArray(edge.extras.sorted(by: LockOrdering.bytes))))
        }
        if let marker = edge.marker { entries.append(("marker", TOMLText.string(marker))) }
        return TOMLText.inlineTable(entries)
    }

    /// `{ registry = "..." }`, `{ url = "...", subdirectory = "..." }`, ...
    static func source(_ source: LockSource) -> String {
        var entries = [(source.key, TOMLText.string(source.value))]
        if case .url(_, let subdirectory?) = source { entries.append(("subdirectory", TOMLText.string(subdirectory))) }
        return TOMLText.inlineTable(entries)
    }

    /// `{ url = "...", hash = "...", size = 1, upload-time = "..." }`.
    static func artifact(_ artifact: LockArtifact) -> String {
        var entries: [(String, String)] = []
        switch artifact.location {
        case .url(let url): entries.append(("url", TOMLText.string(url)))
        case .path(let path): entries.append(("path", TOMLText.string(path)))
        case .filename(let name): entries.append(("filename", TOMLText.string(name)))
        case .none: break
        }
        if let hash = artifact.hash { entries.append(("hash", TOMLText.string(hash))) }
        if let size = artifact.size { entries.append(("size", String(size))) }
        if let time = artifact.uploadTime { entries.append(("upload-time", TOMLText.string(time))) }
        if let zstd = artifact.zstd {
            var inner: [(String, String)] = []
            if let hash = zstd.hash { inner.append(("hash", TOMLText.string(hash))) }
            if let size = zstd.size { inner.append(("size", String(size))) }
            entries.append(("zstd", TOMLText.inlineTable(inner)))
        }
        return TOMLText.inlineTable(entries)
    }

    /// `{ name = "x", extras = [...], groups = [...], marker = "...", specifier = "..." }`.
    static func requirement(_ requirement: LockRequirement) -> String {
        var entries = [("name", TOMLText.string(requirement.name.normalized))]
        if !requirement.extras.isEmpty { entries.append(("extras", TOMLText.stringArray(requirement.extras))) }
        if !requirement.groups.isEmpty { entries.append(("groups", TOMLText.stringArray(requirement.groups))) }
        if let marker = requirement.marker { entries.append(("marker", TOMLText.string(marker))) }
        entries += requirement.source.fields.map { ($0.0, TOMLText.string($0.1)) }
        return TOMLText.inlineTable(entries)
    }
}
