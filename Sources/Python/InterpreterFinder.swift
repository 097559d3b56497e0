#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PEP440
import SuvBasics

/// Finds the interpreter a request asks for, in uv's search order, asking each candidate for its
/// facts through the ``InterpreterInfoCache``.
///
/// **Order.** A path request is that file (or the `bin/python` of that directory); an executable
/// name is looked up along `PATH`. Anything else is searched for in:
///
/// 1. virtual environments (unless ``Preference/onlySystem``): the active one (`VIRTUAL_ENV`),
///    then the first `.venv` in the working directory or above it;
/// 2. uv-managed installations (`UV_PYTHON_INSTALL_DIR`, else `$XDG_DATA_HOME/uv/python`, else
///    `~/.local/share/uv/python`), newest first;
/// 3. `PATH`: in each directory (each directory once, however it is spelled) the request's names
///    (`python3.12`, `python3`, `python`), then every `python3.X` when the request leaves the
///    minor version open;
/// 4. pyenv's installations (`$PYENV_ROOT/versions/*` or `~/.pyenv/versions/*`), newest first.
///    uv does not look there; suv does, so that a pyenv user's other versions are found without
///    a shim for each of them.
///
/// A candidate that cannot be queried (a pyenv shim for a version that is not active, a broken
/// link) is skipped with a debug message, where uv stops with an error.
public struct InterpreterFinder: Sendable {
    /// Which kinds of interpreter may be chosen.
    public enum Preference: Sendable, Hashable {
        /// Virtual environments first, then system interpreters (`uv python find`, project commands).
        case any
        /// Only interpreters outside virtual environments (`uv venv`, `uv python list`).
        case onlySystem
    }

    /// Where a candidate was found.
    public enum Source: Sendable, Hashable {
        case providedPath
        case activeEnvironment
        case discoveredEnvironment
        case managed
        case searchPath
        case pyenv
    }

    /// A candidate that satisfied the request.
    public struct Found: Sendable {
        /// The path the interpreter was found at (not resolved: a shim or a symlink stays as is).
        public var path: String
        /// Its facts.
        public var info: InterpreterInfo
        /// Where it was found.
        public var source: Source
    }

    public var cache: InterpreterInfoCache
    public var environment: [String: String]
    public var workingDirectory: String
    public var preference: Preference
    /// Whether uv-managed installations are searched (`--no-managed-python` turns them off).
    public var includeManaged: Bool
    /// Debug messages (`-v`): skipped candidates and why.
    public var debug: @Sendable (String) -> Void

    /// A finder over `environment` (`PATH`, `VIRTUAL_ENV`, `HOME`, …) from `workingDirectory`.
    public init(
        cache: InterpreterInfoCache, environment: [String: String], workingDirectory: String,
        preference: Preference = .any, includeManaged: Bool = true, debug: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.cache = cache
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.preference = preference
        self.includeManaged = includeManaged
        self.debug = debug
    }

    /// The first interpreter satisfying `request` (any interpreter when `nil`) and, when given,
    /// `requiresPython`.
    public func find(_ request: InterpreterRequest?, requiresPython: VersionSpecifiers? = nil) async throws(PythonDiscoveryError) -> Found {
        let request = request ?? .any
        if case .path(let path) = request {
            let executable = try Self.executable(forPath: path, relativeTo: workingDirectory, home: environment["HOME"])
            do {
                let info = try await cache.query(executable: executable)
                return Found(path: executable, info: info, source: .providedPath)
            } catch {
                throw .queryFailed(path: executable, error)
            }
        }
        var seen = Set<String>()
        for candidate in candidates(for: request) where seen.insert(candidate.path).inserted {
            guard let found = await query(candidate) else { continue }
            if accepts(found, request: request, requiresPython: requiresPython) { return found }
        }
        throw .notFound(request: Self.describe(request, requiresPython: requiresPython), includesEnvironments: preference == .any)
    }

    /// Every interpreter satisfying `request`, one per path, in search order.
    public func findAll(_ request: InterpreterRequest?) async -> [Found] {
        let request = request ?? .any
        if case .path = request { return (try? await find(request)).map { [$0] } ?? [] }
        var seen = Set<String>()
        var found: [Found] = []
        for candidate in candidates(for: request) where seen.insert(candidate.path).inserted {
            guard let result = await query(candidate) else { continue }
            if accepts(result, request: request, requiresPython: nil) { found.append(result) }
        }
        return found
    }

    private func accepts(_ found: Found, request: InterpreterRequest, requiresPython: VersionSpecifiers?) -> Bool {
        if preference == .onlySystem, found.info.isVirtualenv { return false }
        if !request.isSatisfied(by: found.info) {
            debug("Skipping interpreter at `\(found.path)`: \(found.info.displayName) does not satisfy \(request)")
            return false
        }
        if let requiresPython, !requiresPython.isEmpty, !requiresPython.satisfied(by: found.info.fullVersion) {
            debug("Skipping interpreter at `\(found.path)`: \(found.info.displayName) does not satisfy `requires-python` \(requiresPython)")
            return false
        }
        return true
    }

    private func query(_ candidate: Candidate) async -> Found? {
        do {
            let info = try await cache.query(executable: candidate.path)
            return Found(path: candidate.path, info: info, source: candidate.source)
        } catch {
            debug("Skipping interpreter at `\(candidate.path)`: \(error.message.split(separator: "\n").first ?? "")")
            return nil
        }
    }

    /// A place to look, before it is queried.
    struct Candidate: Sendable, Hashable {
        var path: String
        var source: Source
    }

    /// The candidates for `request`, in search order (paths may repeat; the caller skips repeats).
    func candidates(for request: InterpreterRequest) -> [Candidate] {
        let path = environment["PATH"]
        if case .executableName(let name) = request {
            return Self.searchDirectories(path).compactMap { directory in
                let file = directory + "/" + name
                return Self.isExecutable(file) ? Candidate(path: file, source: .searchPath) : nil
            }
        }
        var result: [Candidate] = []
        if preference == .any {
            if let active = environment["VIRTUAL_ENV"], !active.isEmpty {
                let executable = Self.environmentExecutable(ExecutablePath.absolute(active, relativeTo: workingDirectory))
                if Self.isExecutable(executable) { result.append(Candidate(path: executable, source: .activeEnvironment)) }
            }
            if let discovered = Self.nearestEnvironment(from: workingDirectory) {
                result.append(Candidate(path: discovered, source: .discoveredEnvironment))
            }
        }
        if includeManaged, let directory = Self.managedInstallDirectory(environment: environment) {
            for installation in Self.installations(in: directory, parse: Self.managedVersion) {
                if let executable = Self.bestExecutable(inBin: installation + "/bin", request: request) {
                    result.append(Candidate(path: executable, source: .managed))
                }
            }
        }
        for directory in Self.searchDirectories(path) {
            for name in request.executableNames {
                let file = directory + "/" + name
                if Self.isExecutable(file) { result.append(Candidate(path: file, source: .searchPath)) }
            }
            if request.scansMinorVersions {
                for name in Self.minorVersionNames(in: directory, request: request) {
                    result.append(Candidate(path: directory + "/" + name, source: .searchPath))
                }
            }
        }
        if let versions = Self.pyenvVersionsDirectory(environment: environment) {
            for installation in Self.installations(in: versions, parse: Self.pyenvVersion) {
                if let executable = Self.bestExecutable(inBin: installation + "/bin", request: request) {
                    result.append(Candidate(path: executable, source: .pyenv))
                }
            }
        }
        return result
    }

    // MARK: - Places

    /// `PATH`'s directories, each once: spellings that lead to the same directory (`/bin` and
    /// `/usr/bin` where one links to the other) count once, in first-seen order.
    static func searchDirectories(_ path: String?) -> [String] {
        var seen = Set<String>()
        var result: [String] = []
        for entry in (path ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":") where !entry.isEmpty {
            let directory = String(entry)
            let identity = ExecutableFile.resolvedPath(directory) ?? directory
            if seen.insert(identity).inserted { result.append(directory) }
        }
        return result
    }

    /// `python3.X` (and `python3.Xt`) entries of `directory` that the request could accept,
    /// highest minor first.
    static func minorVersionNames(in directory: String, request: InterpreterRequest) -> [String] {
        let prefix = request.implementationName.flatMap { $0 == .cpython ? nil : $0.rawValue } ?? "python"
        var found: [(minor: Int, name: String)] = []
        for name in directoryEntries(directory) where name.hasPrefix(prefix + "3.") {
            var rest = name.dropFirst(prefix.count + 2)
            if rest.hasSuffix("t") { rest = rest.dropLast() }
            guard !rest.isEmpty, rest.allSatisfy(\.isNumber), let minor = Int(rest) else { continue }
            if let major = request.versionRequest?.major, major != 3 { continue }
            guard isExecutable(directory + "/" + name) else { continue }
            found.append((minor, name))
        }
        return found.sorted { $0.minor != $1.minor ? $0.minor > $1.minor : $0.name < $1.name }.map(\.name)
    }

    /// An environment's interpreter: `<root>/bin/python`.
    static func environmentExecutable(_ root: String) -> String {
        root + "/bin/python"
    }

    /// `.venv/bin/python` in `directory` or the nearest parent that has one.
    static func nearestEnvironment(from directory: String) -> String? {
        var current: String? = PythonVersionFile.normalized(directory)
        while let path = current {
            let root = path == "/" ? "/.venv" : path + "/.venv"
            if access(root + "/pyvenv.cfg", F_OK) == 0 || isDirectory(root) {
                let executable = environmentExecutable(root)
                if isExecutable(executable) { return executable }
            }
            current = PythonVersionFile.parentDirectory(path)
        }
        return nil
    }

    /// uv's managed-installation folder, if it exists.
    public static func managedInstallDirectory(environment: [String: String]) -> String? {
        let directory = managedInstallDirectoryPath(environment: environment)
        return directory.flatMap { isDirectory($0) ? $0 : nil }
    }

    /// Where uv installs managed Pythons: `UV_PYTHON_INSTALL_DIR`, else
    /// `$XDG_DATA_HOME/uv/python`, else `~/.local/share/uv/python`.
    public static func managedInstallDirectoryPath(environment: [String: String]) -> String? {
        if let explicit = environment["UV_PYTHON_INSTALL_DIR"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/uv/python" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/share/uv/python" }
        return nil
    }

    /// Where uv links managed Pythons' executables: `UV_PYTHON_BIN_DIR`, else
    /// `$XDG_BIN_HOME`, else `$XDG_DATA_HOME/../bin`, else `~/.local/bin`.
    public static func managedBinDirectoryPath(environment: [String: String]) -> String? {
        if let explicit = environment["UV_PYTHON_BIN_DIR"], !explicit.isEmpty { return explicit }
        if let xdg = environment["XDG_BIN_HOME"], xdg.hasPrefix("/") { return xdg }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return PythonVersionFile.parentDirectory(PythonVersionFile.normalized(data)).map { $0 == "/" ? "/bin" : $0 + "/bin" }
        }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/bin" }
        return nil
    }

    /// `$PYENV_ROOT/versions`, else `~/.pyenv/versions`, if it exists.
    static func pyenvVersionsDirectory(environment: [String: String]) -> String? {
        let root = environment["PYENV_ROOT"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].flatMap { $0.isEmpty ? nil : $0 + "/.pyenv" }
        guard let versions = root.map({ $0 + "/versions" }), isDirectory(versions) else { return nil }
        return versions
    }

    /// The installations in `directory` whose names `parse` reads as a version, newest first.
    static func installations(in directory: String, parse: (String) -> Version?) -> [String] {
        let entries = directoryEntries(directory).compactMap { name -> (Version, String)? in
            guard !name.hasPrefix("."), let version = parse(name) else { return nil }
            return (version, name)
        }
        return entries.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }.map { directory + "/" + $0.1 }
    }

    /// `cpython-3.12.1-linux-x86_64-gnu` → 3.12.1.
    static func managedVersion(_ name: String) -> Version? {
        let parts = name.split(separator: "-")
        guard parts.count >= 2 else { return nil }
        return Version(String(parts[1]).replacingPlusSuffix())
    }

    /// `3.12.1` → 3.12.1 (pyenv names other builds `pypy3.10-7.3.12`, `miniconda3-…`: skipped).
    static func pyenvVersion(_ name: String) -> Version? {
        guard name.first?.isNumber == true else { return nil }
        return Version(name)
    }

    /// The executable to query in an installation's `bin`: `python3.X` (the real file) when the
    /// folder has one, else `python3`, else `python`.
    static func bestExecutable(inBin bin: String, request: InterpreterRequest) -> String? {
        let minor = minorVersionNames(in: bin, request: .any).filter { !$0.hasSuffix("t") }
        let names = (minor.first.map { [$0] } ?? []) + ["python3", "python"]
        return names.map { bin + "/" + $0 }.first(where: isExecutable)
    }

    /// The interpreter a path request names: the file itself, or the `bin/python` (then
    /// `bin/python3`) of a directory. `~` is the home directory.
    static func executable(forPath path: String, relativeTo directory: String, home: String?) throws(PythonDiscoveryError) -> String {
        var expanded = path
        if path == "~" || path.hasPrefix("~/"), let home { expanded = home + path.dropFirst() }
        let absolute = ExecutablePath.absolute(expanded, relativeTo: directory)
        if isDirectory(absolute) {
            for name in ["bin/python", "bin/python3"] where isExecutable(absolute + "/" + name) {
                return absolute + "/" + name
            }
            throw .pathNotFound(path)
        }
        guard access(absolute, F_OK) == 0 else { throw .pathNotFound(path) }
        return absolute
    }

    /// How a failed search names what it looked for: the request, else `requires-python` as a
    /// range, else nothing.
    static func describe(_ request: InterpreterRequest, requiresPython: VersionSpecifiers?) -> String? {
        if case .any = request {
            guard let requiresPython, !requiresPython.isEmpty else { return nil }
            return InterpreterRequest.version(PythonVersionRequest(specifiers: requiresPython)).description
        }
        return request.description
    }

    // MARK: - File system

    static func isExecutable(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG && access(path, X_OK) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func directoryEntries(_ directory: String) -> [String] {
        DirectoryListing.entries(directory).map { $0.map(\.name).sorted() } ?? []
    }
}

extension String {
    /// `3.13.0+freethreaded` → `3.13.0`.
    fileprivate func replacingPlusSuffix() -> String {
        guard let plus = firstIndex(of: "+") else { return self }
        return String(self[..<plus])
    }
}

/// Why no interpreter could be chosen, in uv's words.
public enum PythonDiscoveryError: SuvError {
    /// Nothing satisfied the request; `request` is how the request reads (`Python 3.7`), `nil`
    /// for "any".
    case notFound(request: String?, includesEnvironments: Bool)
    /// A path request that leads nowhere.
    case pathNotFound(String)
    /// A path request whose interpreter could not be queried.
    case queryFailed(path: String, InterpreterQueryError)

    public var message: String {
        switch self {
        case .notFound(let request, let includesEnvironments):
            let places = includesEnvironments
                ? "virtual environments, managed installations, or search path"
                : "managed installations or search path"
            return request.map { "No interpreter found for \($0) in \(places)" } ?? "No interpreter found in \(places)"
        case .pathNotFound(let path):
            return "No interpreter found at path `\(path)`"
        case .queryFailed(let path, _):
            return "Failed to inspect Python interpreter at `\(path)`"
        }
    }

    public var cause: (any Error)? {
        if case .queryFailed(_, let error) = self { return error }
        return nil
    }
}
