import PEP440
import Python
import SuvBasics
import VirtualEnv

/// The `requires-python` of a new project and the `.python-version` pin, chosen as uv's `init`
/// chooses them:
///
/// 1. a request (`--python`, `UV_PYTHON`, else the nearest `.python-version`): `3.12` gives
///    `>=3.12` and pins `3.12`, `3.12.1` gives `>=3.12.1`; a range is written as given (sorted)
///    and pins the minor version of the interpreter it finds; anything else (`3`, a path, a
///    name) finds an interpreter and uses its minor version;
/// 2. else an environment in the project's `.venv`;
/// 3. else the workspace's `requires-python`, pinning the interpreter it finds;
/// 4. else the first interpreter found.
///
/// Interpreters are found outside virtual environments. A version alone finds none.
struct InitPython: Equatable {
    /// `requires-python`, as written.
    var requiresPython: String
    /// What `.python-version` holds (`3.12`), or `nil` when not pinning.
    var pin: String?

    static func determine(request text: String?, project: String, workspace: InitWorkspace?, pin: Bool,
                          finder: InterpreterFinder, noConfig: Bool) async throws -> InitPython {
        let requestText = text ?? (noConfig ? nil : PythonVersionFile.discover(
            from: project, stopAt: workspace?.rootDirectory,
            userConfigDirectory: PythonVersionFile.userConfigDirectory(environment: finder.environment))?.first)
        var finder = finder
        finder.preference = .onlySystem
        if let requestText {
            // A version needs no interpreter, so none is refused for being too old (`3.5`).
            let request = try PythonVersionRequest(requestText.trimmingPythonWhitespace).map { .version($0) }
                ?? InterpreterRequest.parse(requestText)
            if let exact = exactVersion(request) {
                return InitPython(requiresPython: ">=" + exact.release, pin: pin ? exact.pin : nil)
            }
            if case .version(let version) = request, case .range(let specifiers) = version.kind {
                let found = pin ? try await finder.find(request) : nil
                return InitPython(requiresPython: sorted(specifiers),
                                  pin: found.map { minor(of: $0.info) + variant(version) })
            }
            let found = try await finder.find(request)
            return InitPython(requiresPython: ">=" + minor(of: found.info), pin: pin ? minor(of: found.info) : nil)
        }
        let environment = project + "/.venv"
        if VirtualEnvironment.exists(at: environment), let info = try? await finder.cache.query(executable: environment + "/bin/python") {
            return InitPython(requiresPython: ">=" + minor(of: info), pin: pin ? minor(of: info) : nil)
        }
        if let workspace, !workspace.requiresPython.isEmpty {
            let specifiers = try VersionSpecifiers(parsing: workspace.requiresPython)
            let found = pin ? try await finder.find(.version(PythonVersionRequest(specifiers: specifiers))) : nil
            return InitPython(requiresPython: workspace.requiresPython, pin: found.map { minor(of: $0.info) })
        }
        let found = try await finder.find(nil)
        return InitPython(requiresPython: ">=" + minor(of: found.info), pin: pin ? minor(of: found.info) : nil)
    }

    /// `3.12` and `3.12.1` (also spelled `==3.12`): the release written after `>=`, and the pin.
    static func exactVersion(_ request: InterpreterRequest) -> (release: String, pin: String)? {
        guard case .version(let version) = request else { return nil }
        let suffix = variant(version)
        switch version.kind {
        case .exact(let numbers) where numbers.count >= 2:
            let release = numbers.map(String.init).joined(separator: ".")
            return (release, release + suffix)
        case .range(let specifiers):
            guard specifiers.specifiers.count == 1, let only = specifiers.specifiers.first, only.op == .equal,
                  !only.isWildcard, let parsed = PythonVersionRequest(only.versionText),
                  case .exact(let numbers) = parsed.kind, numbers.count >= 2 else { return nil }
            let release = numbers.map(String.init).joined(separator: ".")
            return (release, release + suffix)
        default:
            return nil
        }
    }

    /// The clauses ordered by version (stable), joined by `, `, as uv prints a request's range.
    static func sorted(_ specifiers: VersionSpecifiers) -> String {
        specifiers.specifiers.enumerated().sorted { lhs, rhs in
            switch (lhs.element.version, rhs.element.version) {
            case (let left?, let right?) where left != right: left < right
            default: lhs.offset < rhs.offset
            }
        }.map(\.element.description).joined(separator: ", ")
    }

    /// How a pin spells the build asked for: `+freethreaded`, `+gil`, or nothing.
    static func variant(_ version: PythonVersionRequest) -> String {
        version.freethreaded ? "+freethreaded" : version.gil ? "+gil" : ""
    }

    static func minor(of info: InterpreterInfo) -> String {
        "\(info.versionInfo.major).\(info.versionInfo.minor)"
    }
}
