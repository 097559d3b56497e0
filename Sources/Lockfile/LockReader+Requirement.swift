import SuvBasics
import TOML

/// `[package.metadata]` and the requirement tables of `[manifest]`.
extension LockReader {
    func readMetadata(_ table: TOMLTableView) throws(TOMLError) -> LockMetadata {
        var metadata = LockMetadata()
        metadata.requiresDist = try requirements(table["requires-dist"])
        if let extras = table["provides-extras"] { metadata.providesExtras = try fields.strings(extras) }
        metadata.requiresDev = try namedRequirements(table["requires-dev"])
        return metadata
    }

    /// An array of requirement tables; empty when absent.
    func requirements(_ node: TOMLNode?) throws(TOMLError) -> [LockRequirement] {
        guard let node else { return [] }
        var result: [LockRequirement] = []
        for (item, table) in try fields.tables(node) { result.append(try requirement(table, item)) }
        return result
    }

    /// A table of requirement arrays (dependency groups).
    func namedRequirements(_ node: TOMLNode?) throws(TOMLError) -> [NamedRequirements] {
        guard let node else { return [] }
        var result: [NamedRequirements] = []
        for (key, value) in try fields.table(node).entries {
            result.append(NamedRequirements(key, try requirements(value)))
        }
        return result
    }

    private func requirement(_ table: TOMLTableView, _ node: TOMLNode) throws(TOMLError) -> LockRequirement {
        LockRequirement(
            name: PackageName(try fields.requiredString(table, "name", in: node)),
            extras: try fields.optionalStrings(table, "extras"),
            groups: try fields.optionalStrings(table, "groups"),
            marker: try fields.optionalString(table, "marker"),
            source: try requirementSource(table)
        )
    }

    private func requirementSource(_ table: TOMLTableView) throws(TOMLError) -> LockRequirement.Source {
        if let url = try fields.optionalString(table, "git") { return .git(url) }
        if let url = try fields.optionalString(table, "url") {
            return .url(url, subdirectory: try fields.optionalString(table, "subdirectory"))
        }
        if let path = try fields.optionalString(table, "path") { return .path(path) }
        if let path = try fields.optionalString(table, "directory") { return .directory(path) }
        if let path = try fields.optionalString(table, "editable") { return .editable(path) }
        if let path = try fields.optionalString(table, "virtual") { return .virtual(path) }
        let specifier = try fields.optionalString(table, "specifier")
        if let index = try fields.optionalString(table, "index") { return .index(index, specifier: specifier) }
        return .specifier(specifier)
    }
}
