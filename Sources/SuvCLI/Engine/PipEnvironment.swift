import Glibc
import Cache
import VirtualEnv
import Console
import Installer
import Python
import SuvBasics

/// The environment a `suv pip` command reads or changes, found as uv's pip interface finds it:
/// `--python` (a path, or a request searched for in environments then system interpreters);
/// with `--system`, the first system interpreter; otherwise the active virtual environment
/// (`VIRTUAL_ENV`), the active conda environment (`CONDA_PREFIX`, unless it is the base
/// environment), then `.venv` in the working directory or a parent. Commands that only read an
/// environment fall back to a system interpreter; commands that change one refuse to, unless
/// `--system` or `--python` names it.
struct PipEnvironment: Sendable {
    /// Whether the command changes the environment.
    enum Access: Sendable {
        case readOnly
        case mutating
    }

    /// The facts of the environment's interpreter; `prefix` is the environment's root.
    let interpreter: InterpreterInfo

    /// `sys.prefix`: the environment's root.
    var root: String { interpreter.prefix }

    /// The folders holding installed distributions: purelib, then platlib when it differs.
    var sitePackages: [String] {
        let paths = interpreter.paths
        return paths.platlib == paths.purelib ? [paths.purelib] : [paths.purelib, paths.platlib]
    }

    /// Where wheels install.
    var scheme: InstallScheme { InstallScheme(interpreter: interpreter) }

    /// Whether an exact sync keeps `pip`, `setuptools`, `wheel` and `uv`: always, unless uv (or
    /// suv) made the environment without `--seed`.
    var keepsSeedPackages: Bool {
        guard let config = VirtualEnvironment(root: root, sitePackages: interpreter.paths.purelib).config else { return true }
        let keys = Dictionary(config.entries.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        guard keys["uv"] != nil || keys["suv"] != nil else { return true }
        return keys["seed"] == "true"
    }

    /// `Python 3.12.1`.
    var versionText: String {
        let version = interpreter.versionInfo
        return "\(version.major).\(version.minor).\(version.micro)"
    }

    /// Finds the environment for `request` (`--python`), `system` (`--system`) and `access`.
    static func find(request: String?, system: Bool, access: Access, finder: InterpreterFinder) async throws -> PipEnvironment {
        var finder = finder
        if let request {
            let parsed = try InterpreterRequest.parse(request)
            if system { finder.preference = .onlySystem }
            return PipEnvironment(interpreter: try await finder.find(parsed).info)
        }
        if system {
            finder.preference = .onlySystem
            finder.includeManaged = false
            return PipEnvironment(interpreter: try await finder.find(nil).info)
        }
        for root in environmentRoots(environment: finder.environment, workingDirectory: finder.workingDirectory) {
            let executable = root + "/bin/python"
            guard Glibc.access(executable, X_OK) == 0 else { continue }
            do {
                return PipEnvironment(interpreter: try await finder.cache.query(executable: executable))
            } catch {
                throw PythonDiscoveryError.queryFailed(path: executable, error)
            }
        }
        guard case .readOnly = access else { throw PipEnvironmentError.noVirtualEnvironment }
        finder.preference = .onlySystem
        return PipEnvironment(interpreter: try await finder.find(nil).info)
    }

    /// The environments to look in, best first: `VIRTUAL_ENV`, `CONDA_PREFIX` (not the base
    /// environment), then the nearest `.venv` from the working directory up.
    static func environmentRoots(environment: [String: String], workingDirectory: String) -> [String] {
        var roots: [String] = []
        if let active = environment["VIRTUAL_ENV"], !active.isEmpty {
            roots.append(ExecutablePath.absolute(active, relativeTo: workingDirectory))
        }
        if let conda = environment["CONDA_PREFIX"], !conda.isEmpty, environment["CONDA_DEFAULT_ENV"] != "base" {
            roots.append(ExecutablePath.absolute(conda, relativeTo: workingDirectory))
        }
        var current = ExecutablePath.absolute(".", relativeTo: workingDirectory)
        while true {
            let candidate = (current == "/" ? "" : current) + "/.venv"
            if Glibc.access(candidate + "/pyvenv.cfg", F_OK) == 0 || Glibc.access(candidate + "/bin/python", X_OK) == 0 {
                roots.append(candidate)
                break
            }
            guard current != "/", let slash = current.lastIndex(of: "/") else { break }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
        return roots
    }

    /// Prints `Using Python 3.12.1 environment at: <root>` unless the environment is the
    /// working directory's `.venv` or lives in the cache, as uv does.
    func report(printer: Printer, workingDirectory: String, cacheRoot: String?) {
        let root = ExecutablePath.absolute(self.root, relativeTo: workingDirectory)
        if root == ExecutablePath.absolute(".venv", relativeTo: workingDirectory) { return }
        if let cacheRoot, root == cacheRoot || root.hasPrefix(cacheRoot + "/") { return }
        let shown = DisplayPath.user(root, workingDirectory: workingDirectory)
        printer.info(printer.stderrPaint.dimmed("Using Python \(versionText) environment at: \(shown.isEmpty ? "." : shown)"))
    }

    /// Refuses an `EXTERNALLY-MANAGED` installation (PEP 668) unless `--break-system-packages`;
    /// `wording` is the command's (`pip install` hints, `pip sync` and `pip uninstall` do not).
    func checkExternallyManaged(breakSystemPackages: Bool, wording: PipEnvironmentError.Wording, workingDirectory: String) throws {
        guard !interpreter.isVirtualenv, !breakSystemPackages else { return }
        let version = interpreter.versionInfo
        let marker = "\(interpreter.basePrefix)/lib/python\(version.major).\(version.minor)/EXTERNALLY-MANAGED"
        guard let bytes = try? FileContents.contents(of: marker) else { return }
        let shown = DisplayPath.user(root, workingDirectory: workingDirectory)
        throw PipEnvironmentError.externallyManaged(
            root: shown.isEmpty ? "." : shown, reason: Self.externallyManagedError(String(decoding: bytes, as: UTF8.self)),
            wording: wording)
    }

    /// The `Error` value of the `[externally-managed]` section, continuation lines joined.
    static func externallyManagedError(_ text: String) -> String? {
        var inSection = false
        var value: [String]?
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            let trimmed = line.trimming(" \t")
            if trimmed.hasPrefix("[") && trimmed.hasSuffix("]") {
                if value != nil { break }
                inSection = trimmed == "[externally-managed]"
                continue
            }
            guard inSection else { continue }
            if value != nil {
                if line.first == " " || line.first == "\t" {
                    value?.append(trimmed)
                    continue
                }
                if trimmed.isEmpty { value?.append(""); continue }
                break
            }
            if let equals = trimmed.firstIndex(where: { $0 == "=" || $0 == ":" }),
               trimmed[..<equals].trimming(" \t") == "Error" {
                value = [trimmed[trimmed.index(after: equals)...].trimming(" \t")]
            }
        }
        guard var lines = value else { return nil }
        while lines.last == "" { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}

/// Why a `suv pip` command has no environment to act on.
enum PipEnvironmentError: SuvError, Equatable {
    /// How a command words an externally managed refusal.
    enum Wording: Sendable, Equatable {
        /// `pip install`: a hint after the message (about `--system` when it was given).
        case install(system: Bool)
        /// `pip sync` and `pip uninstall`: the advice is part of the message.
        case inline
    }

    case noVirtualEnvironment
    case externallyManaged(root: String, reason: String?, wording: Wording)

    var message: String {
        switch self {
        case .noVirtualEnvironment:
            return "No virtual environment found; run `uv venv` to create an environment, or pass `--system` to install into a non-virtual environment"
        case .externallyManaged(let root, let reason?, let wording):
            let indented = reason.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
            let text = "The interpreter at `\(root)` is externally managed, and indicates the following:\n\n\(indented)\n"
            return wording == .inline ? text + "\nConsider creating a virtual environment with `uv venv`." : text
        case .externallyManaged(let root, nil, let wording):
            return wording == .inline
                ? "The interpreter at `\(root)` is externally managed. Instead, create a virtual environment with `uv venv`."
                : "The interpreter at `\(root)` is externally managed and cannot be modified."
        }
    }

    var hints: [String] {
        guard case .externallyManaged(_, _, .install(let system)) = self else { return [] }
        return [system ? "Virtual environments were not considered due to the `--system` flag"
                       : "Consider creating a virtual environment, e.g., with `uv venv`"]
    }
}

extension Substring {
    /// The text without leading and trailing characters from `set`.
    func trimming(_ set: String) -> String {
        var slice = self
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}

extension String {
    /// The text without leading and trailing characters from `set`.
    func trimming(_ set: String) -> String {
        Substring(self).trimming(set)
    }
}

extension PipEnvironment {
    /// Holds the environment exclusively while a command reads and changes it, as uv does: a
    /// virtual environment's `<root>/.lock` (the file `suv sync` holds too), else a lock file in
    /// the temporary folder (`TMPDIR`, else `/tmp`) named for the interpreter.
    func lock(environment: [String: String]) async throws -> CacheLock {
        let temporary = environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        let path = interpreter.isVirtualenv
            ? root + "/.lock"
            : temporary + "/suv-" + StateDigest.hex(Array(interpreter.executable.utf8)) + ".lock"
        return try await CacheLock.acquire(path, mode: .exclusive)
    }
}
