import Glibc
import Installer
import Lockfile
import Project
import Python
import SuvBasics
import VirtualEnv

/// What `suv version` does after writing a new version, as uv does: nothing with `--frozen`;
/// with `--no-sync`, lock (`--locked`: check) with the project environment's interpreter or the
/// one found; otherwise find or create the environment, lock, and sync it without removing
/// anything the lock does not name (uv's "sufficient" sync), installing the project and the
/// default groups.
struct VersionSync {
    let request: VersionRequest
    let global: GlobalFlags
    let context: CommandContext
    /// The changed project's folder.
    let projectDirectory: String
    let name: PackageName
    let workingDirectory: String

    func run() async throws {
        if request.mode.isFrozen { return }
        let sync = SyncRequest.forProjectCommand(
            mode: request.mode, index: request.index, resolver: request.resolver, installer: request.installer,
            refresh: request.refresh, python: request.python, packages: [name.description])
        var projectContext = context
        projectContext.settings.project = projectDirectory
        try await Sync.perform(sync, global: global, context: projectContext, installs: !request.noSync)
    }
}
