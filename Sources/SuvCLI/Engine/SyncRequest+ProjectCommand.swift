import Installer

extension SyncRequest {
    /// The sync another project command runs (`add`, `remove`, `run`, `upgrade`, `version`):
    /// its own index, resolver, installer, cache and Python settings, everything else as a plain
    /// `suv sync` would have it unless given.
    static func forProjectCommand(
        mode: LockMode, index: IndexSettings, resolver: ResolverSettings, installer: InstallerSettings,
        refresh: RefreshSettings, python: PythonSettings, exact: Bool = false,
        extras: ExtraSelection = ExtraSelection(), groups: DependencyGroupSelection = DependencyGroupSelection(),
        packages: [String] = [], allPackages: Bool = false, active: Bool = false, noEditable: Bool = false,
        noInstallProject: Bool = false, noInstallWorkspace: Bool = false, noInstallLocal: Bool = false,
        pythonPlatform: String? = nil
    ) -> SyncRequest {
        SyncRequest(
            mode: mode, extras: extras, groups: groups, exact: exact, noEditable: noEditable,
            noInstallProject: noInstallProject, noInstallWorkspace: noInstallWorkspace, noInstallLocal: noInstallLocal,
            noInstallPackages: [], active: active, dryRun: false, check: false, packages: packages, allPackages: allPackages,
            script: nil, pythonPlatform: pythonPlatform, outputFormat: .text, index: index, resolver: resolver,
            installer: installer, refresh: refresh, python: python, warnings: [])
    }
}

extension InstallerSettings {
    /// `--link-mode` for the installer, else the platform's default (as uv).
    var installerLinkMode: Installer.LinkMode {
        linkMode.flatMap { Installer.LinkMode(rawValue: $0.rawValue) } ?? .default
    }
}
