import Glibc
import PackagingTypes
import PEP508
import PyProject
import SuvBasics

extension Remove {
    /// Removes dependencies from `pyproject.toml` as `uv remove` does (every entry of the name,
    /// any specifier, and its `[tool.uv.sources]` entry when nothing else uses it), then locks
    /// and syncs exactly. When locking or syncing fails, `pyproject.toml` and `uv.lock` are put
    /// back byte for byte.
    package func run(context: CommandContext) async throws {
        let request = try request(environment: context.environment)
        context.warn(request.warnings)
        if request.script != nil { throw NotImplementedError(command: "suv remove --script") }
        let cwd = CacheCommandSupport.currentDirectory(settings: context.settings)
        let start = context.settings.project.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? cwd
        let project = try LoadedProject.find(from: start)
        let pyprojectPath = try LoadedProject.targetProjectFile(from: start, member: request.member)
        let transaction = try ProjectFileTransaction(pyprojectPath: pyprojectPath, lockPath: project.lockPath)
        let pyproject = try PyProjectToml(parsing: transaction.pyprojectText)
        var editor = try PyProjectEditor(parsing: transaction.pyprojectText)
        for name in request.packages {
            try Self.remove(name, target: request.target, pyproject: pyproject, from: &editor)
            if !Self.stillDeclared(PackageName(name), in: editor) { try editor.removeSource(for: name) }
        }
        try transaction.writePyProject(editor.text)
        if case .frozen = request.mode { return }
        let sync = SyncRequest.forProjectCommand(
            mode: request.mode, index: request.index, resolver: request.resolver, installer: request.installer,
            refresh: request.refresh, python: request.python, exact: true,
            packages: request.member.map { [$0] } ?? [], active: request.active)
        do {
            try await Sync.perform(sync, global: global.flags, context: context, installs: !request.noSync)
        } catch {
            transaction.restore()
            throw error
        }
    }

    /// Removes `name` from the target list (for `--dev`, the `dev` group or the legacy
    /// `tool.uv.dev-dependencies`); the error names where else it is declared.
    static func remove(_ name: String, target: DependencyTarget, pyproject: PyProjectToml, from editor: inout PyProjectEditor) throws {
        let candidates: [PyProjectEditor.DependencyTarget] = switch target {
        case .dev: [.group("dev"), .devDependencies]
        default: [target.editorTarget(in: pyproject)]
        }
        for candidate in candidates {
            var attempt = editor
            if (try? attempt.removeDependency(named: name, from: candidate)) != nil {
                editor = attempt
                return
            }
        }
        let table: String = switch target {
        case .project: "project.dependencies"
        case .optional: "project.optional-dependencies"
        case .group: "dependency-groups"
        case .dev: "tool.uv.dev-dependencies` or `tool.uv.dependency-groups.dev"
        }
        let elsewhere = declaredElsewhere(PackageName(name), pyproject: pyproject, except: target)
        throw DependencyNotDeclared(
            name: name, table: table,
            hints: elsewhere.map { place in
                // uv's words: no command to try for a production dependency.
                place.flag.isEmpty ? ["`\(name)` is \(place.description)"]
                    : ["`\(name)` is \(place.description) (try: `uv remove \(name)\(place.flag)`)"]
            } ?? [])
    }

    /// Where else `name` is declared, for the hint uv gives.
    static func declaredElsewhere(_ name: PackageName, pyproject: PyProjectToml, except target: DependencyTarget) -> (description: String, flag: String)? {
        let project = pyproject.project
        if target != .project, project?.dependencies.contains(where: { Self.declaredName($0) == name }) == true {
            return ("a production dependency", "")
        }
        for (extra, requirements) in project?.optionalDependencies ?? [] where target != .optional(extra: extra) {
            if requirements.contains(where: { Self.declaredName($0) == name }) {
                return ("an optional dependency (extra: \(extra))", " --optional \(extra)")
            }
        }
        for (group, entries) in pyproject.dependencyGroups?.groups ?? [] {
            let isTarget = target == .group(group) || (target == .dev && PackageName(group) == PackageName("dev"))
            if !isTarget, entries.contains(where: { Self.entryName($0) == name }) {
                return ("in the `\(group)` group", " --group \(group)")
            }
        }
        return nil
    }

    /// Whether any dependency list of the edited file still names `name`.
    static func stillDeclared(_ name: PackageName, in editor: PyProjectEditor) -> Bool {
        guard let pyproject = try? PyProjectToml(parsing: editor.text) else { return true }
        if pyproject.project?.dependencies.contains(where: { Self.declaredName($0) == name }) == true { return true }
        for (_, requirements) in pyproject.project?.optionalDependencies ?? [] where requirements.contains(where: { Self.declaredName($0) == name }) {
            return true
        }
        for (_, entries) in pyproject.dependencyGroups?.groups ?? [] where entries.contains(where: { Self.entryName($0) == name }) {
            return true
        }
        return pyproject.toolUv?.devDependencies?.contains { Self.declaredName($0) == name } ?? false
    }

    /// The package a requirement string names.
    static func declaredName(_ text: String) -> PackageName? {
        (try? Requirement(parsing: text))?.packageName
    }

    /// The package a dependency-group entry names (`nil` for an `include-group`).
    static func entryName(_ entry: DependencyGroups.Entry) -> PackageName? {
        if case .requirement(let text) = entry { return declaredName(text) }
        return nil
    }
}

/// `suv remove` of a package the chosen list does not declare (exit 2, as uv).
struct DependencyNotDeclared: SuvError, Equatable {
    let name: String
    let table: String
    let hints: [String]

    var message: String { "The dependency `\(name)` could not be found in `\(table)`" }
}
