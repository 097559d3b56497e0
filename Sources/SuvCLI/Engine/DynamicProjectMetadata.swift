import Glibc
import Build
import Installer
import PackagingTypes
import PEP508
import Project
import Python
import SuvBasics

/// Local projects whose `dependencies` or `optional-dependencies` are `dynamic`: built (PEP 517)
/// when a resolution needs them, and their requirements taken from the built wheel's
/// `METADATA`, split back into dependencies and extras, as uv reads them.
struct DynamicProjectMetadata {
    let session: IndexSession
    let context: CommandContext
    let interpreter: InterpreterInfo

    /// Fills in the requirements of every member and path dependency that declares them dynamic.
    func fill(_ workspace: inout WorkspaceInputs) async throws {
        for index in workspace.members.indices where workspace.members[index].dynamicDependencies {
            try await fill(&workspace.members[index])
        }
        for index in workspace.pathDependencies.indices where workspace.pathDependencies[index].dynamicDependencies {
            try await fill(&workspace.pathDependencies[index])
        }
    }

    private func fill(_ project: inout ProjectInputs) async throws {
        guard let directory = project.sourceDirectory else { return }
        let output = try EnvironmentSync.temporaryFolder(in: session.cache.bucket(.builds))
        defer { _ = DirectoryListing.removeTree(output) }
        let builder = SourceBuilder(
            interpreter: interpreter, installer: IndexBuildRequirementsInstaller(session: session),
            scratch: session.cache.bucket(.builds), creator: .init(name: "suv", version: SuvVersion.current),
            environment: context.environment)
        let wheel: String
        do {
            wheel = try await builder.build(directory: directory, target: .wheel, outputDirectory: output)
        } catch {
            throw error.context("Failed to build `\(project.name) @ \(EnvironmentSync.fileURL(directory))`",
                                hints: ["Build failures usually indicate a problem with the package or the build environment"])
        }
        let metadata = try await DirectSources.metadata(ofWheel: wheel, cache: WheelCache(store: session.cache))
        let split = Self.split(metadata.requiresDist, extras: metadata.providesExtra)
        project.dependencies = split.dependencies
        project.optionalDependencies = split.optional
    }

    /// Core metadata's `Requires-Dist` (extras as `extra == '…'` markers) as `[project]`
    /// declares it: the requirements of no extra, and per extra the ones it adds, with the
    /// extra taken out of their markers.
    static func split(_ requiresDist: [Requirement], extras: [String]) -> (dependencies: [Requirement], optional: [(extra: String, requirements: [Requirement])]) {
        var dependencies: [Requirement] = []
        var optional: [(extra: String, requirements: [Requirement])] = extras.map { ($0, []) }
        for requirement in requiresDist {
            guard let marker = requirement.marker else {
                dependencies.append(requirement)
                continue
            }
            let normalized = NormalizedMarker(marker)
            let withoutExtras = normalized.assigningExtras([])
            if withoutExtras == normalized {
                dependencies.append(requirement)
                continue
            }
            if !withoutExtras.isAlwaysFalse { dependencies.append(with(requirement, withoutExtras)) }
            for index in optional.indices {
                let active = normalized.assigningExtras([PackageName.normalize(optional[index].extra)])
                if !active.isAlwaysFalse, active != withoutExtras { optional[index].requirements.append(with(requirement, active)) }
            }
        }
        return (dependencies, optional.filter { !$0.requirements.isEmpty })
    }

    private static func with(_ requirement: Requirement, _ marker: NormalizedMarker) -> Requirement {
        var copy = requirement
        copy.marker = marker.uvDescription.flatMap { try? MarkerTree(parsing: $0) }
        return copy
    }
}
