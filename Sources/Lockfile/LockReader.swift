import SuvBasics
import TOML

/// Reads a `uv.lock` into a ``Lock``: any revision, schema version 1 only. Bare edges (no
/// `version`/`source`) are resolved to the unique package of their name.
public struct LockReader {
    /// How much of each package to read.
    public enum Scope: Sendable {
        /// Everything the file records.
        case everything
        /// All but the artifacts (`sdist`, `wheels`), which are most of a lock's bytes: for
        /// commands that only walk the dependency graph (`suv tree`).
        case dependencyGraph
    }

    let fileName: String
    let document: TOMLDocument
    let fields: LockFieldReader
    let scope: Scope

    /// Parses `text`; `fileName` is used in messages (uv says `uv.lock`).
    public static func read(_ text: String, fileName: String = "uv.lock") throws(LockfileError) -> Lock {
        try read(bytes: Array(text.utf8), fileName: fileName)
    }

    /// Reads a lock from its file's bytes (no detour through `String`); a `.dependencyGraph`
    /// scope leaves every package's `sdist` and `wheels` empty.
    public static func read(bytes: [UInt8], fileName: String = "uv.lock", scope: Scope = .everything) throws(LockfileError) -> Lock {
        let document: TOMLDocument
        do {
            document = scope == .everything
                ? try TOMLDocument(parsing: bytes)
                : try TOMLDocument(parsing: bytes, skippingElementKeys: ["sdist", "wheels"])
        } catch {
            throw .invalid(file: fileName, error)
        }
        let reader = LockReader(fileName: fileName, document: document, fields: LockFieldReader(document: document), scope: scope)
        return try reader.read()
    }

    private func read() throws(LockfileError) -> Lock {
        let root = document.root
        if let node = root["version"], let version = node.integer, version != Int64(Lock.supportedVersion) {
            throw .unsupportedVersion(file: fileName, version: version)
        }
        var lock: Lock
        var edgeOffsets: [[Int]] = []
        do throws(TOMLError) {
            lock = try readTopLevel(root)
            if let node = root["package"] {
                let items = try fields.array(node)
                lock.packages.reserveCapacity(items.count)
                edgeOffsets.reserveCapacity(items.count)
                for item in items {
                    let (package, offsets) = try readPackage(try fields.table(item), item)
                    lock.packages.append(package)
                    edgeOffsets.append(offsets)
                }
            }
        } catch {
            throw .invalid(file: fileName, error)
        }
        do throws(LockfileInconsistency) {
            try EdgeResolver(packages: lock.packages).resolve(&lock.packages, offsets: edgeOffsets) { offset in
                document.location(ofOffset: offset)
            }
        } catch {
            throw .inconsistent(file: fileName, error)
        }
        return lock
    }

    private func readTopLevel(_ root: TOMLTableView) throws(TOMLError) -> Lock {
        guard let versionNode = root["version"] else { throw fields.missingField("version", in: nil) }
        let version = try fields.integer(versionNode)
        let revision = try root["revision"].map { node throws(TOMLError) in try fields.integer(node) } ?? 0
        guard let python = root["requires-python"] else { throw fields.missingField("requires-python", in: nil) }
        var lock = Lock(version: Int(version), revision: Int(revision), requiresPython: try fields.string(python))
        lock.resolutionMarkers = try fields.optionalStrings(root, "resolution-markers")
        lock.supportedMarkers = try fields.optionalStrings(root, "supported-markers")
        lock.requiredMarkers = try fields.optionalStrings(root, "required-markers")
        if let node = root["conflicts"] {
            for set in try fields.array(node) {
                var items: [ConflictItem] = []
                for (item, table) in try fields.tables(set) { items.append(try readConflictItem(table, item)) }
                lock.conflicts.append(items)
            }
        }
        if let node = root["options"] { lock.options = try readOptions(try fields.table(node)) }
        if let node = root["manifest"] { lock.manifest = try readManifest(try fields.table(node)) }
        return lock
    }

    private func readConflictItem(_ table: TOMLTableView, _ node: TOMLNode) throws(TOMLError) -> ConflictItem {
        let package = PackageName(try fields.requiredString(table, "package", in: node))
        if let extra = try fields.optionalString(table, "extra") { return ConflictItem(package: package, kind: .extra(extra)) }
        if let group = try fields.optionalString(table, "group") { return ConflictItem(package: package, kind: .group(group)) }
        return ConflictItem(package: package)
    }

    private func readOptions(_ table: TOMLTableView) throws(TOMLError) -> LockOptions {
        var options = LockOptions(
            resolutionMode: try fields.optionalString(table, "resolution-mode"),
            prereleaseMode: try fields.optionalString(table, "prerelease-mode"),
            forkStrategy: try fields.optionalString(table, "fork-strategy"),
            excludeNewer: try fields.optionalString(table, "exclude-newer"),
            excludeNewerSpan: try fields.optionalString(table, "exclude-newer-span")
        )
        if let node = table["exclude-newer-package"] {
            for (name, value) in try fields.table(node).entries {
                options.excludeNewerPackage.append((name, try fields.string(value)))
            }
        }
        return options
    }

    private func readManifest(_ table: TOMLTableView) throws(TOMLError) -> LockManifest {
        var manifest = LockManifest()
        manifest.members = try fields.optionalStrings(table, "members").map(PackageName.init)
        manifest.requirements = try requirements(table["requirements"])
        manifest.constraints = try requirements(table["constraints"])
        manifest.overrides = try requirements(table["overrides"])
        manifest.excludes = try fields.optionalStrings(table, "excludes")
        manifest.buildConstraints = try requirements(table["build-constraints"])
        manifest.dependencyGroups = try namedRequirements(table["dependency-groups"])
        if let node = table["dependency-metadata"] {
            for (item, entry) in try fields.tables(node) {
                manifest.dependencyMetadata.append(LockManifest.DependencyMetadata(
                    name: PackageName(try fields.requiredString(entry, "name", in: item)),
                    version: try fields.optionalString(entry, "version"),
                    requiresDist: try fields.optionalStrings(entry, "requires-dist"),
                    requiresPython: try fields.optionalString(entry, "requires-python"),
                    providesExtras: try fields.optionalStrings(entry, "provides-extras")
                ))
            }
        }
        return manifest
    }
}

extension Lock {
    /// Parses a `uv.lock` (see ``LockReader``).
    public init(parsing text: String, fileName: String = "uv.lock") throws(LockfileError) {
        self = try LockReader.read(text, fileName: fileName)
    }

    /// Parses a `uv.lock` from its bytes; see ``LockReader/Scope`` for `scope`.
    public init(parsing bytes: [UInt8], fileName: String = "uv.lock", scope: LockReader.Scope = .everything) throws(LockfileError) {
        self = try LockReader.read(bytes: bytes, fileName: fileName, scope: scope)
    }
}
