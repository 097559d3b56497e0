import Cache
import PEP440
import Project
import Python
import SuvBasics

/// The interpreter a project command asks for and where that request came from (uv's
/// `PythonRequestSource`). uv looks for what was asked — `--python`/`UV_PYTHON`, else the
/// nearest `.python-version` — without regard to `requires-python`, and only then checks the
/// interpreter against it, failing with a message that names the request's origin; without a
/// request it looks for an interpreter `requires-python` allows.
struct ProjectPythonRequest {
    enum Source: Equatable {
        /// `--python` / `UV_PYTHON`.
        case commandLine
        /// A `.python-version` file, as displayed (relative to the working directory).
        case versionFile(String)
        /// Nothing asked: the project's `requires-python` is the request.
        case requiresPython
    }

    let request: InterpreterRequest?
    let source: Source

    /// The request in uv's precedence (see ``InterpreterSelection/request(explicit:directory:stopAt:noConfig:environment:)``).
    /// The global `.python-version` (in the user's configuration folder) is passed over when the
    /// version it asks for and `requiresPython` have nothing in common, as uv passes over it.
    static func resolve(explicit: String?, directory: String, stopAt: String?, noConfig: Bool,
                        environment: [String: String], requiresPython: VersionSpecifiers) throws -> ProjectPythonRequest {
        if let explicit { return ProjectPythonRequest(request: try InterpreterRequest.parse(explicit), source: .commandLine) }
        let userConfigDirectory = PythonVersionFile.userConfigDirectory(environment: environment)
        if !noConfig, let file = PythonVersionFile.discover(from: directory, stopAt: stopAt, userConfigDirectory: userConfigDirectory),
           let first = file.first {
            let request = try InterpreterRequest.parse(first)
            let isGlobal = userConfigDirectory.map { file.path.hasPrefix($0 + "/") } ?? false
            if !isGlobal || Self.intersects(request, requiresPython) {
                return ProjectPythonRequest(request: request, source: .versionFile(PathDisplay.user(file.path, currentDirectory: directory)))
            }
        }
        return ProjectPythonRequest(request: nil, source: .requiresPython)
    }

    /// Whether some version `request` accepts is one `requiresPython` allows (true when the
    /// request names no version).
    static func intersects(_ request: InterpreterRequest, _ requiresPython: VersionSpecifiers) -> Bool {
        guard !requiresPython.isEmpty, let version = request.versionRequest else { return true }
        let asked: VersionSpecifiers?
        switch version.kind {
        case .exact(let numbers):
            let text = numbers.map(String.init).joined(separator: ".")
            asked = try? VersionSpecifiers(parsing: numbers.count >= 3 ? "==" + text : "==" + text + ".*")
        case .range(let specifiers):
            asked = specifiers
        }
        guard let asked else { return true }
        return !asked.ranges.isDisjoint(with: requiresPython.ranges)
    }

    /// What the finder filters candidates by: `requires-python` only when nothing was asked.
    func searchFilter(_ requiresPython: VersionSpecifiers) -> VersionSpecifiers? {
        request == nil ? requiresPython : nil
    }

    /// Throws uv's error when `info` is outside the workspace's `requires-python`.
    func validate(_ info: InterpreterInfo, workspace: WorkspaceInputs) throws {
        let requiresPython = workspace.requiresPython
        guard !requiresPython.isEmpty, !requiresPython.satisfied(by: info.fullVersion) else { return }
        let conflicts = workspace.members
            .filter { !$0.requiresPython.isEmpty && !$0.requiresPython.satisfied(by: info.fullVersion) }
            .sorted { $0.name.normalized.utf8Precedes($1.name.normalized) }
        throw IncompatibleProjectPython(
            version: info.fullVersion.description, requiresPython: workspace.lockRequiresPython, source: source,
            conflicts: conflicts.map { (name: $0.name.description, specifiers: $0.requiresPython.description) },
            workspaceHasSeveralMembers: workspace.members.count > 1)
    }
}

/// An interpreter outside the project's `requires-python`, in uv's words.
struct IncompatibleProjectPython: SuvError {
    let version: String
    let requiresPython: String
    let source: ProjectPythonRequest.Source
    let conflicts: [(name: String, specifiers: String)]
    let workspaceHasSeveralMembers: Bool

    var message: String {
        let origin = sources
        switch source {
        case .commandLine:
            return "The requested interpreter resolved to Python \(version), which is incompatible with the project's Python requirement: `\(requiresPython)`\(origin)"
        case .versionFile(let file):
            return "The Python request from `\(file)` resolved to Python \(version), which is incompatible with the project's Python requirement: `\(requiresPython)`\(origin)\nUse `uv python pin` to update the `.python-version` file to a compatible version"
        case .requiresPython:
            return "The resolved Python interpreter (Python \(version)) is incompatible with the project's Python requirement: `\(requiresPython)`\(origin)"
        }
    }

    /// uv's `format_optional_requires_python_sources`.
    private var sources: String {
        if conflicts.count > 1 {
            return ".\nThe following `requires-python` declarations do not permit this version:\n"
                + conflicts.map { "- \($0.name): \($0.specifiers)" }.joined(separator: "\n")
        }
        guard let only = conflicts.first else { return "" }
        return workspaceHasSeveralMembers ? " (from workspace member `\(only.name)`'s `project.requires-python`)." : " (from `project.requires-python`)"
    }
}
