import Glibc
import Cache
import Console
import PyProject
import Python
import Scaffold
import SuvBasics

extension Init {
    /// Creates a project as `uv init` does: `pyproject.toml` and the layout's files, a Git
    /// repository with a `.gitignore`, `.python-version`, and membership of the workspace above.
    /// Everything is decided before the first file is written; a failure while writing removes
    /// what was written. `--flask` creates a Flask application (``FlaskTemplate``) in a new or
    /// empty directory, then locks it and exports `requirements.txt` (``InitLock``) unless
    /// `--no-lock`.
    package func run(context: CommandContext) async throws {
        let request = try request(environment: context.environment)
        context.warn(request.warnings)
        guard context.settings.project == nil else { throw InitError.projectOption(hasPath: request.path != nil) }
        let workingDirectory = CacheCommandSupport.currentDirectory(settings: context.settings)
        if request.kind == .script, let path = request.path {
            try await InitScript(request: request, global: global, context: context, workingDirectory: workingDirectory).run(path: path)
            return
        }
        try await InitRunner(request: request, global: global, pythonOptions: python, context: context,
                             workingDirectory: workingDirectory).run()
    }
}

/// One `suv init` of a project.
struct InitRunner {
    let request: InitRequest
    let global: GlobalOptions
    /// The Python options as given, for the lock after `--flask`.
    let pythonOptions: PythonOptions
    let context: CommandContext
    let workingDirectory: String

    /// The project directory as uv prints it (absolute, `..` and a trailing slash kept).
    var target: String {
        request.path.map { InitPaths.absolute($0, relativeTo: workingDirectory) } ?? workingDirectory
    }

    func run() async throws {
        let target = target
        let directory = WorkspacePaths.normalize(target)
        let choices = InitChoices(request)
        if choices.flask, let entries = DirectoryListing.entries(directory), !entries.isEmpty {
            throw InitError.notEmpty(target)
        }
        guard access(target + "/pyproject.toml", F_OK) != 0 else { throw InitError.alreadyInitialized(target) }
        let name = try projectName(of: target)
        let template = try Self.template(choices, name: name)

        let workspace: InitWorkspace?
        do {
            let found = try InitWorkspace.discover(project: directory, displayFrom: workingDirectory)
            workspace = request.noWorkspace ? nil : found
        } catch {
            guard request.noWorkspace else {
                throw error.context("Failed to discover parent workspace; use `uv init --no-workspace` to ignore")
            }
            workspace = nil
        }

        let interpreters = try InterpreterSelection(context: context, global: global.flags, workingDirectory: workingDirectory,
                                                    preference: .onlySystem, python: request.python)
        let python = try await InitPython.determine(
            request: request.python.request, project: directory, workspace: workspace, pin: choices.pinPython,
            finder: interpreters.finder, noConfig: context.settings.noConfig)

        let git = GitRepository(environment: context.environment)
        let initializesGit = try await Self.initializesGit(vcs: choices.vcs, git: git, directory: directory)
        let membership = try workspace.map { try Self.membership(in: $0, directory: directory, name: name) }
        let pin = python.pin.flatMap { Self.pinToWrite($0, directory: directory, workspace: workspace) }

        let writer = ScaffoldWriter()
        do {
            try writer.createDirectories(target)
            if initializesGit {
                let existed = access(directory + "/.git", F_OK) == 0
                try await git.initialize(directory)
                if !existed { writer.adoptDirectory(directory + "/.git") }
                try writer.createFile(directory + "/.gitignore", contents: template.gitIgnore)
            }
            let author = choices.authorFrom == .none ? nil : await git.author(in: directory)
            let project = NewProject(
                name: name, requiresPython: python.requiresPython, description: choices.description, readme: choices.readme,
                author: author.flatMap { ProjectAuthor(name: $0.name, email: $0.email) })
            for file in template.files(for: project) {
                let path = directory + "/" + file.path
                if let parent = LoadedProject.parent(of: path), parent != directory { try writer.createDirectories(parent) }
                try writer.createFile(path, contents: file.contents, isPrivate: file.isPrivate)
            }
            if let edit = membership?.edit {
                try writer.replaceFile(edit.path, contents: edit.text, original: Array(edit.original.utf8))
            }
            if let pin {
                let path = directory + "/" + PythonVersionFile.fileName
                let text = PythonVersionFile.render([pin])
                if let existing = try FileContents.contents(of: path) {
                    try writer.replaceFile(path, contents: text, original: existing)
                } else {
                    try writer.createFile(path, contents: text)
                }
            }
        } catch {
            writer.rollBack()
            throw error
        }

        let paint = context.printer.stderrPaint
        if let membership { context.printer.info(membership.message(paint)) }
        if request.path == nil {
            context.printer.info("Initialized project `\(paint.cyan(name.normalized))`")
        } else {
            context.printer.info("Initialized project `\(paint.cyan(name.normalized))` at `\(paint.cyan(target))`")
        }
        if choices.flask && !request.noLock {
            try await InitLock(global: global, python: pythonOptions, context: context, directory: directory).run()
        }
    }

    /// uv's layout, or a Flask application with a new random secret key when its package may
    /// take the project's import name.
    static func template(_ choices: InitChoices, name: PackageName) throws -> any ProjectTemplate {
        guard choices.flask else { return choices.template }
        let module = NewProject(name: name, requiresPython: "").moduleName
        if let conflict = FlaskTemplate.moduleConflict(module) {
            throw InitError.moduleConflict(module: module, shadowed: conflict)
        }
        return FlaskTemplate(secretKey: try InitSecretKey.generate())
    }

    /// `--name`, else the directory's name with surrounding whitespace trimmed and spaces made
    /// dashes.
    func projectName(of target: String) throws -> PackageName {
        if let name = request.name { return PackageName(name) }
        guard let directoryName = InitPaths.fileName(target) else { throw InitError.missingDirectoryName }
        let candidate = String(directoryName.trimmingPythonWhitespace.map { $0 == " " ? "-" : $0 })
        guard PackageName.isValid(candidate) else {
            throw InitError.invalidDirectoryName(directoryName, explicit: request.path != nil)
        }
        return PackageName(candidate)
    }

    /// Whether to run `git init`: asked for (`--vcs git`) or by default, unless the directory is
    /// already in a work tree; by default also not when git is missing or misbehaves.
    static func initializesGit(vcs: VersionControl?, git: GitRepository, directory: String) async throws -> Bool {
        if vcs == VersionControl.none { return false }
        var existing = directory
        while access(existing, F_OK) != 0, let parent = LoadedProject.parent(of: existing) { existing = parent }
        let discovery = await git.discover(in: existing)
        switch (vcs, discovery) {
        case (_, .repository): return false
        case (nil, .noRepository): return true
        case (nil, _): return false
        case (_, .noGit): throw GitError.notInstalled
        default: return true
        }
    }

    /// What joining `workspace` means: nothing to do when its globs already name (or exclude)
    /// the directory, else the root's `pyproject.toml` with the member added.
    static func membership(in workspace: InitWorkspace, directory: String, name: PackageName) throws -> WorkspaceMembership {
        let root = workspace.rootDirectory
        if workspace.excludes(directory) { return WorkspaceMembership(kind: .excluded, name: name, root: root, edit: nil) }
        if workspace.includes(directory) { return WorkspaceMembership(kind: .alreadyMember, name: name, root: root, edit: nil) }
        var editor = try PyProjectEditor(parsing: workspace.root.text)
        try editor.addWorkspaceMember(WorkspacePaths.relative(directory, to: root))
        return WorkspaceMembership(kind: .added, name: name, root: root,
                                   edit: (path: workspace.root.path, text: editor.text, original: workspace.root.text))
    }

    /// The pin to write, unless the one in force already says it: in a workspace, a
    /// `.python-version` with the same request in the project or at the root; elsewhere, any
    /// `.python-version` in the project directory.
    static func pinToWrite(_ pin: String, directory: String, workspace: InitWorkspace?) -> String? {
        let nearest = PythonVersionFile.discover(from: directory)
        let folder = nearest.flatMap { LoadedProject.parent(of: $0.path) }
        if let workspace {
            let same = nearest?.first.flatMap { try? InterpreterRequest.parse($0) } == (try? InterpreterRequest.parse(pin))
            return same && (folder == workspace.rootDirectory || folder == directory) ? nil : pin
        }
        return nearest?.first != nil && folder == directory ? nil : pin
    }
}

/// How a new project relates to the workspace above it.
struct WorkspaceMembership {
    enum Kind {
        case added
        case alreadyMember
        case excluded
    }

    let kind: Kind
    let name: PackageName
    let root: String
    /// The root's `pyproject.toml` with the member added.
    let edit: (path: String, text: String, original: String)?

    func message(_ paint: Paint) -> String {
        let name = paint.cyan(name.normalized)
        let root = paint.cyan(root)
        return switch kind {
        case .added: "Adding `\(name)` as member of workspace `\(root)`"
        case .alreadyMember: "Project `\(name)` is already a member of workspace `\(root)`"
        case .excluded: "Project `\(name)` is excluded by workspace `\(root)`"
        }
    }
}

/// Why `suv init` cannot create the project, in uv's words.
enum InitError: SuvError, Equatable {
    case projectOption(hasPath: Bool)
    case alreadyInitialized(String)
    case missingDirectoryName
    case invalidDirectoryName(String, explicit: Bool)
    /// `--flask` into a directory that has something in it.
    case notEmpty(String)
    /// `--flask` for a project whose package would hide a module the application needs.
    case moduleConflict(module: String, shadowed: String)

    var message: String {
        switch self {
        case .projectOption(let hasPath):
            "The `--project` option cannot be used in `uv init`. Use `--directory`\(hasPath ? "" : " or a positional path") instead."
        case .alreadyInitialized(let path):
            "Cannot initialize a project in `\(path)` because `pyproject.toml` already exists"
        case .missingDirectoryName:
            "Missing directory name"
        case .invalidDirectoryName(let name, let explicit):
            "The \(explicit ? "target directory" : "current directory") (`\(name)`) is not a valid package name. Please provide a package name with `--name`."
        case .notEmpty(let path):
            "Cannot create a Flask application in `\(path)` because the directory is not empty"
        case .moduleConflict(let module, let shadowed):
            "The application's package `\(module)` would hide \(shadowed)"
        }
    }

    var hints: [String] {
        switch self {
        case .notEmpty: ["`suv init --flask` creates a new project: give it a new or empty directory, as in `suv init --flask <PATH>`"]
        case .moduleConflict: ["Choose another project name with `--name`"]
        default: []
        }
    }
}
