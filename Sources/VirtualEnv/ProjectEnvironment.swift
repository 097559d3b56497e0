import PEP440
import Python
import SuvBasics

/// A project's environment (`.venv` at the workspace root, or `UV_PROJECT_ENVIRONMENT`), found,
/// created or replaced the way uv's project commands do before they install anything.
///
/// ```swift
/// let prepared = try await ProjectEnvironment.prepare(
///     workspaceRoot: root, request: request, requiresPython: requiresPython,
///     finder: finder, prompt: projectName, creator: .init(name: "suv", version: "0.1.0"),
///     report: { printer.info($0) })
/// // prepared.environment.sitePackages, prepared.environment.scripts, prepared.interpreter
/// ```
public enum ProjectEnvironment {
    /// What ``prepare(workspaceRoot:request:requiresPython:finder:prompt:creator:report:)`` found or made.
    public struct Prepared: Sendable {
        /// The environment.
        public var environment: VirtualEnvironment
        /// The facts of the environment's own `bin/python` (prefix = the environment).
        public var interpreter: InterpreterInfo
        /// Whether it was created by this call (first time, or replaced).
        public var created: Bool
    }

    /// The environment's absolute path: `UV_PROJECT_ENVIRONMENT` (relative to the workspace
    /// root unless absolute), else `<root>/.venv`.
    public static func path(workspaceRoot: String, environment: [String: String]) -> String {
        if let configured = environment["UV_PROJECT_ENVIRONMENT"], !configured.isEmpty {
            return ExecutablePath.absolute(configured, relativeTo: workspaceRoot)
        }
        return ExecutablePath.absolute(".venv", relativeTo: workspaceRoot)
    }

    /// Uses the project environment when its interpreter satisfies `request` and
    /// `requiresPython`; otherwise chooses an interpreter (outside any environment) and creates
    /// the environment, replacing an existing one. Prints, through `report`, what uv prints:
    /// `Using CPython 3.12.1 interpreter at: …`, `Removed virtual environment at: .venv`,
    /// `Creating virtual environment at: .venv`.
    public static func prepare(
        workspaceRoot: String, request: InterpreterRequest?, requiresPython: VersionSpecifiers,
        finder: InterpreterFinder, prompt: String?, creator: VirtualEnvironmentPlan.Creator,
        report: @Sendable (String) -> Void, validate: (InterpreterInfo) throws -> Void = { _ in }
    ) async throws -> Prepared {
        let root = path(workspaceRoot: workspaceRoot, environment: finder.environment)
        let display = DisplayPath.user(root, workingDirectory: finder.workingDirectory)
        let existed = VirtualEnvironment.exists(at: root)
        if existed {
            let python = root + "/bin/python"
            if let info = try? await finder.cache.query(executable: python),
               try await satisfies(info, request: request, requiresPython: requiresPython, finder: finder) {
                return Prepared(environment: VirtualEnvironment(root: root, interpreter: info), interpreter: info, created: false)
            }
        } else if FileSystem.kind(root) == .directory, !FileSystem.entries(root).isEmpty {
            throw ProjectEnvironmentError.notAnEnvironment(display)
        } else if FileSystem.kind(root) == .file {
            throw ProjectEnvironmentError.notAnEnvironment(display)
        }

        var systemFinder = finder
        systemFinder.preference = .onlySystem
        // What was asked is looked for as asked; `requires-python` chooses only when nothing
        // was, and `validate` judges the result (uv's order: it names the interpreter, then
        // refuses it).
        let base = try await systemFinder.find(request, requiresPython: request == nil ? requiresPython : nil)
        report("Using \(base.info.displayName) interpreter at: \(base.info.executable)")
        try validate(base.info)
        if existed {
            try FileSystem.removeTree(root)
            report("Removed virtual environment at: \(display)")
        }
        report("Creating virtual environment at: \(display)")
        let options = VirtualEnvironmentCreator.options(root: root, interpreter: base.info, prompt: prompt, creator: creator)
        let created = try VirtualEnvironmentCreator.create(VirtualEnvironmentPlan(options), existing: .reuseIdentical, displayPath: display)
        // The new environment's facts follow from its base interpreter's: no need to run it.
        let info = base.info.virtualEnvironmentFacts(root: root)
        try? finder.cache.store(info, for: created.python)
        return Prepared(environment: VirtualEnvironment(root: root, interpreter: info), interpreter: info, created: true)
    }

    /// Whether an environment's interpreter is what was asked for. Paths and executable names
    /// are compared by the interpreter they lead to (the environment's base interpreter).
    static func satisfies(_ info: InterpreterInfo, request: InterpreterRequest?, requiresPython: VersionSpecifiers,
                          finder: InterpreterFinder) async throws -> Bool {
        if !requiresPython.isEmpty, !requiresPython.satisfied(by: info.fullVersion) { return false }
        guard let request else { return true }
        switch request {
        case .path, .executableName:
            var systemFinder = finder
            systemFinder.preference = .onlySystem
            guard let wanted = try? await systemFinder.find(request) else { return false }
            let wantedBase = ExecutableFile.resolvedPath(VirtualEnvironmentCreator.baseExecutable(of: wanted.info))
            let actualBase = ExecutableFile.resolvedPath(VirtualEnvironmentCreator.baseExecutable(of: info))
            return wantedBase != nil && wantedBase == actualBase
        default:
            return request.isSatisfied(by: info)
        }
    }
}

/// The project environment's path is taken by something that is not an environment.
public enum ProjectEnvironmentError: SuvError {
    case notAnEnvironment(String)

    public var message: String {
        switch self {
        case .notAnEnvironment(let path):
            "Project virtual environment directory `\(path)` cannot be used because it is not a valid Python environment (no Python executable was found)"
        }
    }
}

/// Paths as uv shows them to users.
public enum DisplayPath {
    /// `path` relative to `workingDirectory` when it is inside it, else as given.
    public static func user(_ path: String, workingDirectory: String) -> String {
        let base = workingDirectory.hasSuffix("/") ? String(workingDirectory.dropLast()) : workingDirectory
        if path == base { return "" }
        if path.hasPrefix(base + "/") { return String(path.dropFirst(base.count + 1)) }
        return path
    }
}
