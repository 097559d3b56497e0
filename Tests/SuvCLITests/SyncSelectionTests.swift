import Project
import PyProject
@testable import SuvCLI
import SuvBasics
import Testing

/// How `suv sync`'s group and extra flags combine with `default-groups`, as uv combines them.
@Suite struct SyncSelectionTests {
    func select(extras: ExtraSelection = .init(), groups: DependencyGroupSelection = .init(),
                defaults: ToolUv.DefaultGroups? = nil, installProject: Bool = true) -> LockInstallPlan.Selection {
        SyncSelection.selection(extras: extras, groups: groups, defaultGroups: defaults,
                                declaredGroups: ["dev", "lint", "Docs"], projects: [], installProject: installProject)
    }

    @Test func devIsTheDefaultGroup() {
        #expect(select().groups == ["dev"])
        #expect(select().installProjects)
        #expect(!select().onlyGroups)
    }

    @Test func configuredDefaultsAndFlags() {
        #expect(select(defaults: .names(["lint"])).groups == ["lint"])
        #expect(select(defaults: .all).groups == ["dev", "lint", "docs"])
        #expect(select(groups: .init(noDev: true)).groups.isEmpty)
        #expect(select(groups: .init(groups: ["Docs"])).groups == ["dev", "docs"])
        #expect(select(groups: .init(groups: ["lint"], noGroups: ["dev"])).groups == ["lint"])
        #expect(select(groups: .init(noDefaultGroups: true)).groups.isEmpty)
        #expect(select(groups: .init(allGroups: true)).groups == ["dev", "lint", "docs"])
    }

    @Test func onlyFlagsLeaveTheProjectOut() {
        let onlyDev = select(groups: .init(onlyDev: true))
        #expect(onlyDev.groups == ["dev"])
        #expect(onlyDev.onlyGroups)
        #expect(!onlyDev.installProjects)
        #expect(select(groups: .init(onlyGroups: ["lint"])).groups == ["lint"])
    }

    @Test func extras() {
        #expect(select(extras: .init(extras: ["Fast", "docs"])).extras == .some(["fast", "docs"]))
        #expect(select(extras: .init(allExtras: true)).extras == .all)
        #expect(select(extras: .init(allExtras: true, noExtras: ["docs"])).extras == .allExcept(["docs"]))
        #expect(!select(installProject: false).installProjects)
    }
}
