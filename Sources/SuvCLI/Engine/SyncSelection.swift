import Project
import PyProject
import SuvBasics

/// The extras and groups a sync installs, from the command's flags and the project's
/// `tool.uv.default-groups`, as uv combines them: defaults (`dev` unless configured), plus
/// `--group`, minus `--no-group`/`--no-dev`; `--only-group`/`--only-dev` replace everything
/// and leave out the project's own dependencies; `--all-groups` takes every group.
enum SyncSelection {
    static func selection(extras: ExtraSelection, groups: DependencyGroupSelection, defaultGroups: ToolUv.DefaultGroups?,
                          declaredGroups: [String], projects: [PackageName], installProject: Bool) -> LockInstallPlan.Selection {
        let normalize = { (names: [String]) in Set(names.map(PackageName.normalize)) }
        let declared = normalize(declaredGroups)
        var chosen: Set<String>
        var onlyGroups = false
        if !groups.onlyGroups.isEmpty || groups.onlyDev {
            chosen = normalize(groups.onlyGroups + (groups.onlyDev ? ["dev"] : []))
            onlyGroups = true
        } else {
            switch defaultGroups {
            case .all?: chosen = declared
            case .names(let names)?: chosen = normalize(names)
            case nil: chosen = ["dev"]
            }
            if groups.noDefaultGroups { chosen = [] }
            if groups.allGroups { chosen = declared }
            chosen.formUnion(normalize(groups.groups))
        }
        chosen.subtract(normalize(groups.noGroups))
        if groups.noDev { chosen.remove("dev") }
        let extraSelection: LockInstallPlan.Selection.ExtrasSelection
        if extras.allExtras {
            extraSelection = extras.noExtras.isEmpty ? .all : .allExcept(normalize(extras.noExtras))
        } else {
            extraSelection = .some(normalize(extras.extras).subtracting(normalize(extras.noExtras)))
        }
        return LockInstallPlan.Selection(projects: projects, extras: extraSelection, groups: chosen, onlyGroups: onlyGroups,
                                     installProjects: installProject && !onlyGroups)
    }
}
