import Lockfile
import Project
import SuvBasics

/// uv's checks of an export's selection against the lock: named extras and groups must exist
/// in the exported projects, and the selection must not enable two items of a declared
/// conflict.
struct ExportValidation {
    let lock: Lockfile.Lock
    let target: RequirementsExport.Target

    /// The exported projects' names.
    var rootNames: [PackageName] {
        switch target {
        case .project(let name): [name]
        case .projects(let names): names
        case .workspace:
            lock.manifest.members.isEmpty ? lock.packages.filter { Self.isRoot($0) }.map(\.name) : lock.manifest.members
        case .nonProjectWorkspace: lock.manifest.members
        }
    }

    /// `--extra`/`--no-extra` and `--group`/`--no-group`/`--only-group` names must be declared.
    func check(extras: ExtraSelection, groups: DependencyGroupSelection) throws(ExportError) {
        let roots = Set(rootNames)
        let singleProject: String?
        if case .project(let name) = target { singleProject = name.description } else { singleProject = nil }

        let namedExtras = extras.extras + extras.noExtras
        if !namedExtras.isEmpty {
            var known: Set<String> = []
            for package in lock.packages where roots.contains(package.name) {
                known.formUnion(package.metadata?.providesExtras ?? package.optionalDependencies.map(\.name))
            }
            if let missing = namedExtras.first(where: { !known.contains(PackageName.normalize($0)) }) {
                throw .missingExtra(missing, project: singleProject)
            }
        }

        let namedGroups = groups.groups + groups.noGroups + groups.onlyGroups
        if !namedGroups.isEmpty {
            var owners = roots
            if case .project = target, let root = lock.packages.first(where: Self.isRoot) { owners.insert(root.name) }
            var known = Set(lock.manifest.dependencyGroups.map(\.name))
            for package in lock.packages where owners.contains(package.name) {
                known.formUnion(package.devDependencies.map(\.name))
                known.formUnion(package.metadata?.requiresDev.map(\.name) ?? [])
            }
            if let missing = namedGroups.first(where: { !known.contains(PackageName.normalize($0)) }) {
                throw .missingGroup(missing, singleProject: singleProject != nil)
            }
        }
    }

    /// uv's `detect_conflicts`: at most one item of each declared conflict set may be enabled.
    func checkConflicts(extras: LockInstallPlan.Selection.ExtrasSelection, groups: Set<String>, production: Bool) throws(ExportError) {
        let roots = Set(rootNames)
        for set in lock.conflicts {
            let enabled = set.filter { item in
                guard roots.contains(item.package) else { return false }
                switch item.kind {
                case .project: return production
                case .extra(let extra):
                    switch extras {
                    case .all: return true
                    case .allExcept(let excluded): return !excluded.contains(extra)
                    case .some(let chosen): return chosen.contains(extra)
                    }
                case .group(let group): return groups.contains(group)
                }
            }
            guard enabled.count >= 2 else { continue }
            throw .conflict(Self.conflictMessage(set: set, enabled: enabled))
        }
    }

    /// uv's wording for an enabled conflict.
    static func conflictMessage(set: [ConflictItem], enabled: [ConflictItem]) -> String {
        let described = set.map { item in
            switch item.kind {
            case .project: item.package.description
            case .extra(let extra): "`\(item.package)[\(extra)]`"
            case .group(let group): "`\(item.package):\(group)`"
            }
        }.joined(separator: ", ")
        let names: [String]
        let lead: String
        if enabled.allSatisfy({ if case .extra = $0.kind { true } else { false } }) {
            lead = "Extras "
            names = enabled.map { if case .extra(let extra) = $0.kind { "`\(extra)`" } else { "" } }
            return lead + conjunction(names) + " are incompatible with the declared conflicts: {\(described)}"
        }
        if enabled.allSatisfy({ if case .group = $0.kind { true } else { false } }) {
            names = enabled.map { if case .group(let group) = $0.kind { "`\(group)`" } else { "" } }
            return "Groups " + conjunction(names) + " are incompatible with the conflicts: {\(described)}"
        }
        names = enabled.enumerated().map { index, item in
            let text: String
            switch item.kind {
            case .project: text = "package `\(item.package)`"
            case .extra(let extra): text = "extra `\(extra)`"
            case .group(let group): text = "group `\(group)`"
            }
            return index == 0 ? text.prefix(1).uppercased() + text.dropFirst() : text
        }
        return conjunction(names) + " are incompatible with the declared conflicts: {\(described)}"
    }

    /// `a and b`, `a, b, and c`.
    static func conjunction(_ names: [String]) -> String {
        switch names.count {
        case 0: ""
        case 1: names[0]
        case 2: names[0] + " and " + names[1]
        default: names.dropLast().joined(separator: ", ") + ", and " + (names.last ?? "")
        }
    }

    /// The workspace root's own package (editable or virtual at `.`).
    static func isRoot(_ package: LockedPackage) -> Bool {
        switch package.source {
        case .editable(let path), .virtual(let path): path == "."
        default: false
        }
    }
}
