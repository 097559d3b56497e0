#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Python
import SuvBasics

/// What to do when something already exists at the target path.
public enum ExistingEnvironmentPolicy: Sendable, Hashable {
    /// Refuse, as `uv venv` does by default.
    case fail
    /// `--clear`: remove an existing virtual environment first (any directory with `force`).
    case clear(force: Bool)
    /// `--allow-existing`: write over what is there.
    case allowExisting
    /// A project command's creation after it found no usable environment: an environment
    /// identical to the one planned (made meanwhile by a concurrent `suv sync` of the same
    /// project) is used as it is; any other environment is replaced.
    case reuseIdentical
}

/// Writes a ``VirtualEnvironmentPlan`` to disk. No interpreter runs: everything comes from the
/// facts already known about the base interpreter.
public enum VirtualEnvironmentCreator {
    /// Creates the environment the plan describes, handling an existing target as `policy` says.
    @discardableResult
    public static func create(_ plan: VirtualEnvironmentPlan, existing policy: ExistingEnvironmentPolicy,
                              displayPath: String) throws(VirtualEnvironmentError) -> VirtualEnvironment {
        let root = plan.options.root
        switch FileSystem.kind(root) {
        case .missing:
            break
        case .file:
            throw .fileExists(displayPath)
        case .directory:
            let isEnvironment = FileSystem.kind(root + "/pyvenv.cfg") == .file
            let isEmpty = FileSystem.entries(root).isEmpty
            switch policy {
            case .allowExisting:
                break
            case .fail:
                if isEnvironment { throw .environmentExists(displayPath) }
                if !isEmpty { throw .directoryExists(displayPath) }
            case .clear(let force):
                if isEnvironment || force {
                    try FileSystem.removeTree(root)
                } else if !isEmpty {
                    throw .notAnEnvironment(displayPath)
                }
            case .reuseIdentical:
                if isEnvironment, Self.isSameEnvironment(at: root, as: plan) {
                    return VirtualEnvironment(root: root, sitePackages: root + "/" + plan.sitePackages)
                }
                if isEnvironment {
                    try FileSystem.removeTree(root)
                } else if !isEmpty {
                    throw .notAnEnvironment(displayPath)
                }
            }
        }
        // A new environment is built beside its place and renamed into it, so an interrupted
        // creation leaves no half-made `.venv` behind (an empty folder there is replaced).
        let building = FileSystem.kind(root) == .directory && !FileSystem.entries(root).isEmpty
            ? root
            : Self.siblingTemporaryPath(of: root)
        do throws(VirtualEnvironmentError) {
            try FileSystem.makeDirectories(building)
            for directory in plan.directories {
                try FileSystem.makeDirectories(building + "/" + directory)
            }
            for file in plan.files {
                try FileSystem.write(file.contents, to: building + "/" + file.path)
            }
            for link in plan.links {
                try FileSystem.symlink(link.target, at: building + "/" + link.path)
            }
            if building != root, rename(building, root) != 0 {
                let failure = errno
                // Another process (a second `suv sync` of the same project) moved the same
                // environment into place first: use it.
                if failure == ENOTEMPTY || failure == EEXIST, Self.isSameEnvironment(at: root, as: plan) {
                    try? FileSystem.removeTree(building)
                    return VirtualEnvironment(root: root, sitePackages: root + "/" + plan.sitePackages)
                }
                throw VirtualEnvironmentError.io(path: root, operation: "move into place", reason: String(cString: strerror(failure)))
            }
        } catch {
            if building != root { try? FileSystem.removeTree(building) }
            throw error
        }
        return VirtualEnvironment(root: root, sitePackages: root + "/" + plan.sitePackages)
    }

    /// Whether `root` holds an environment with the `pyvenv.cfg` `plan` writes (same base
    /// interpreter, version and options).
    static func isSameEnvironment(at root: String, as plan: VirtualEnvironmentPlan) -> Bool {
        guard let expected = plan.files.first(where: { $0.path == "pyvenv.cfg" })?.contents,
              let existing = FileSystem.readText(root + "/pyvenv.cfg") else { return false }
        return existing == expected
    }

    /// `<parent>/.<name>.suv-tmp-<random>`, beside `root` (same file system, for `rename`).
    static func siblingTemporaryPath(of root: String) -> String {
        let trimmed = root.hasSuffix("/") ? String(root.dropLast()) : root
        guard let slash = trimmed.lastIndex(of: "/") else { return ".\(trimmed).suv-tmp-\(RandomName.suffix())" }
        let parent = trimmed[..<slash]
        let name = trimmed[trimmed.index(after: slash)...]
        return "\(parent)/.\(name).suv-tmp-\(RandomName.suffix())"
    }

    /// The interpreter an environment's `bin/python` should link to: the interpreter itself,
    /// or, when it is inside an environment, the base interpreter recorded in that
    /// environment's `pyvenv.cfg` (`home`).
    public static func baseExecutable(of info: InterpreterInfo) -> String {
        guard info.isVirtualenv,
              let config = PyvenvConfig(path: info.prefix + "/pyvenv.cfg"),
              let home = config["home"] else { return info.executable }
        let major = info.versionInfo.major, minor = info.versionInfo.minor
        for name in ["python\(major).\(minor)", "python\(major)", "python"] {
            let candidate = home + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return info.executable
    }

    /// The options for an environment at `root` over `info`'s interpreter.
    public static func options(
        root: String, interpreter info: InterpreterInfo, prompt: String?, systemSitePackages: Bool = false,
        relocatable: Bool = false, seed: Bool = false, creator: VirtualEnvironmentPlan.Creator
    ) -> VirtualEnvironmentPlan.Options {
        VirtualEnvironmentPlan.Options(
            root: root,
            baseExecutable: baseExecutable(of: info),
            version: info.versionInfo,
            implementation: info.implementation,
            freethreaded: info.tags.gilDisabled ?? false,
            linksLib64: info.pointerSize == 64 && info.markers.sysPlatform != "darwin" && info.markers.osName == "posix",
            prompt: prompt,
            systemSitePackages: systemSitePackages,
            relocatable: relocatable,
            seed: seed,
            creator: creator
        )
    }
}

/// Why an environment could not be created; each is the cause under
/// `Failed to create virtual environment`, worded as uv words it.
public enum VirtualEnvironmentError: SuvError, Equatable {
    case environmentExists(String)
    case directoryExists(String)
    case notAnEnvironment(String)
    case fileExists(String)
    case io(path: String, operation: String, reason: String)

    public var message: String {
        switch self {
        case .environmentExists(let path): "A virtual environment already exists at: \(path)"
        case .directoryExists(let path): "A directory already exists at: \(path)"
        case .notAnEnvironment: "suv will not clear a directory that is not a virtual environment"
        case .fileExists(let path): "File exists at `\(path)`"
        case .io(let path, let operation, let reason): "Failed to \(operation) `\(path)`: \(reason)"
        }
    }

    public var hints: [String] {
        switch self {
        case .environmentExists:
            ["Use the `--clear` flag or set `UV_VENV_CLEAR=1` to replace the existing virtual environment"]
        case .directoryExists:
            ["Use the `--clear` flag or set `UV_VENV_CLEAR=1` to replace the existing directory"]
        case .notAnEnvironment:
            ["Use the `--force` flag to remove the existing directory anyway"]
        case .fileExists, .io:
            []
        }
    }
}

/// The few POSIX file operations environment creation needs.
enum FileSystem {
    /// A small text file's contents, or `nil` when it cannot be read.
    static func readText(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { return String(decoding: bytes, as: UTF8.self) }
            bytes += buffer[0..<count]
        }
    }

    enum Kind: Equatable {
        case missing, file, directory
    }

    /// What is at `path`, following symlinks.
    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    static func entries(_ directory: String) -> [String] {
        DirectoryListing.entries(directory)?.map(\.name) ?? []
    }

    static func failure(_ path: String, _ operation: String) -> VirtualEnvironmentError {
        .io(path: path, operation: operation, reason: String(cString: strerror(errno)))
    }

    static func makeDirectories(_ path: String) throws(VirtualEnvironmentError) {
        if kind(path) == .directory { return }
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeDirectories(String(path[..<slash]))
        }
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw failure(path, "create directory") }
    }

    static func write(_ text: String, to path: String) throws(VirtualEnvironmentError) {
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path, "write") }
        defer { close(descriptor) }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { raw in
                Glibc.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw failure(path, "write")
            }
            offset += written
        }
    }

    static func symlink(_ target: String, at path: String) throws(VirtualEnvironmentError) {
        unlink(path)
        if Glibc.symlink(target, path) != 0 { throw failure(path, "create symlink") }
    }

    /// Removes `path` and everything below it, without following symlinks.
    static func removeTree(_ path: String) throws(VirtualEnvironmentError) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            for name in entries(path) { try removeTree(path + "/" + name) }
            if rmdir(path) != 0 { throw failure(path, "remove") }
        } else if unlink(path) != 0 {
            throw failure(path, "remove")
        }
    }
}
