import SuvBasics

/// Writes a ``Lock`` in uv 0.13.9's canonical `uv.lock` layout (uv-reference §1.12): top-level
/// keys, `[options]`, `[manifest]`, then one `[[package]]` per distribution; one blank line
/// before every header, LF line endings, one final newline.
///
/// The writer applies uv's ordering rules itself and writes an edge's `version` and `source`
/// only when the lock holds more than one package of that name.
public struct LockWriter: Sendable {
    let lock: Lock
    /// How many packages the lock holds per name, for the edge rule.
    let countByName: [PackageName: Int]

    public init(_ lock: Lock) {
        self.lock = lock
        var counts: [PackageName: Int] = [:]
        for package in lock.packages { counts[package.name, default: 0] += 1 }
        self.countByName = counts
    }

    /// The lock's text.
    public func text() -> String {
        var lines = TextLines()
        writeTopLevel(&lines)
        writeOptions(&lines)
        writeManifest(&lines)
        for package in lock.packages.sorted(by: LockOrdering.packages) {
            writePackage(package, &lines)
        }
        return lines.text
    }

    private func writeTopLevel(_ lines: inout TextLines) {
        lines.key("version", String(lock.version))
        if lock.revision > 0 { lines.key("revision", String(lock.revision)) }
        lines.key("requires-python", TOMLText.string(lock.requiresPython))
        lines.markers("resolution-markers", lock.resolutionMarkers)
        lines.markers("supported-markers", lock.supportedMarkers)
        lines.markers("required-markers", lock.requiredMarkers)
        if !lock.conflicts.isEmpty {
            let sets = lock.conflicts.map { set in
                TOMLText.multiLineArray(set.sorted(by: LockOrdering.conflictItems).map(Self.conflictItem))
            }
            lines.key("conflicts", TOMLText.singleLineArray(sets))
        }
    }

    static func conflictItem(_ item: ConflictItem) -> String {
        var entries = [("package", TOMLText.string(item.package.normalized))]
        switch item.kind {
        case .project: break
        case .extra(let name): entries.append(("extra", TOMLText.string(name)))
        case .group(let name): entries.append(("group", TOMLText.string(name)))
        }
        return TOMLText.inlineTable(entries)
    }

    private func writeOptions(_ lines: inout TextLines) {
        let options = lock.options
        guard !options.isEmpty else { return }
        lines.header("[options]")
        if let mode = options.resolutionMode { lines.key("resolution-mode", TOMLText.string(mode)) }
        if let mode = options.prereleaseMode { lines.key("prerelease-mode", TOMLText.string(mode)) }
        if let strategy = options.forkStrategy { lines.key("fork-strategy", TOMLText.string(strategy)) }
        if let cutoff = options.excludeNewer {
            let comment = options.excludeNewerSpan == nil ? "" : " " + LockOptions.relativeExcludeNewerComment
            lines.key("exclude-newer", TOMLText.string(cutoff) + comment)
        }
        if let span = options.excludeNewerSpan { lines.key("exclude-newer-span", TOMLText.string(span)) }
        if !options.excludeNewerPackage.isEmpty {
            lines.header("[options.exclude-newer-package]")
            for (name, value) in options.excludeNewerPackage { lines.key(name, TOMLText.string(value)) }
        }
    }

    private func writeManifest(_ lines: inout TextLines) {
        let manifest = lock.manifest
        guard !manifest.isEmpty else { return }
        lines.header("[manifest]")
        if !manifest.members.isEmpty {
            let names = manifest.members.map(\.normalized).sorted(by: LockOrdering.bytes)
            lines.key("members", TOMLText.multiLineArray(names.map(TOMLText.string)))
        }
        lines.requirements("requirements", manifest.requirements)
        lines.requirements("constraints", manifest.constraints)
        lines.requirements("overrides", manifest.overrides)
        if !manifest.excludes.isEmpty {
            lines.key("excludes", TOMLText.compactArray(manifest.excludes.map(TOMLText.string)))
        }
        lines.requirements("build-constraints", manifest.buildConstraints)
        if !manifest.dependencyGroups.isEmpty {
            lines.header("[manifest.dependency-groups]")
            for group in manifest.dependencyGroups.sorted(by: { LockOrdering.bytes($0.name, $1.name) }) {
                lines.requirements(group.name, group.requirements, skipEmpty: false)
            }
        }
        for metadata in manifest.dependencyMetadata {
            lines.header("[[manifest.dependency-metadata]]")
            lines.key("name", TOMLText.string(metadata.name.normalized))
            if let version = metadata.version { lines.key("version", TOMLText.string(version)) }
            if !metadata.requiresDist.isEmpty { lines.key("requires-dist", TOMLText.stringArray(metadata.requiresDist)) }
            if let python = metadata.requiresPython { lines.key("requires-python", TOMLText.string(python)) }
            if !metadata.providesExtras.isEmpty { lines.key("provides-extras", TOMLText.stringArray(metadata.providesExtras)) }
        }
    }
}

extension Lock {
    /// The lock as uv 0.13.9 writes it (see ``LockWriter``).
    public func serialized() -> String {
        LockWriter(self).text()
    }
}
