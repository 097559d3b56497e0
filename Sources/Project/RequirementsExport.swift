import Lockfile
import PEP508
import SuvBasics

/// What `uv export --format requirements.txt` writes for a lock: every package the selected
/// projects, extras and groups reach (universally, whatever the platform), with the marker
/// under which it is reached, its hashes and the packages that require it; editables first,
/// then other local paths, then everything else in package order.
///
/// ```swift
/// let export = try RequirementsExport(lock: lock, options: .init(target: .project(name)))
/// print(export.text(), terminator: "")   // without the header, which names the command
/// ```
public struct RequirementsExport: Sendable, Equatable {
    /// Whose requirements are exported (uv's install targets).
    public enum Target: Sendable, Equatable {
        /// One workspace project: the project the command runs in, or `--package`.
        case project(PackageName)
        /// Several `--package` projects.
        case projects([PackageName])
        /// Every member (`--all-packages` in a workspace whose root is a project).
        case workspace
        /// Every member of a workspace whose root has no `[project]`, and the root's groups.
        case nonProjectWorkspace
    }

    public struct Options: Sendable {
        public var target: Target
        /// The extras of the target projects (`--extra`, `--all-extras`, `--no-extra`).
        public var extras: LockInstallPlan.Selection.ExtrasSelection
        /// Dependency groups to include (normalized).
        public var groups: Set<String>
        /// Groups the command line names (`--group`, `--only-group`, `--only-dev`): a
        /// workspace root's groups apply to a member only when named.
        public var requestedGroups: Set<String>
        /// `--all-groups`.
        public var allGroups: Bool
        /// Whether the projects and their own dependencies are included (not for `--only-group`).
        public var production: Bool
        public var prune: Set<PackageName>
        /// Write `# via` comments (not for `--no-annotate`).
        public var annotate: Bool
        /// Write `--hash` lines (not for `--no-hashes`).
        public var hashes: Bool
        /// Write editable sources as `-e path` (not for `--no-editable`).
        public var editable: Bool
        public var noEmitProject: Bool
        public var noEmitWorkspace: Bool
        public var noEmitLocal: Bool
        public var noEmitPackages: Set<PackageName>

        public init(target: Target, extras: LockInstallPlan.Selection.ExtrasSelection = .some([]), groups: Set<String> = ["dev"],
                    requestedGroups: Set<String> = [], allGroups: Bool = false, production: Bool = true, prune: Set<PackageName> = [],
                    annotate: Bool = true, hashes: Bool = true, editable: Bool = true, noEmitProject: Bool = false,
                    noEmitWorkspace: Bool = false, noEmitLocal: Bool = false, noEmitPackages: Set<PackageName> = []) {
            self.target = target
            self.extras = extras
            self.groups = groups
            self.requestedGroups = requestedGroups
            self.allGroups = allGroups
            self.production = production
            self.prune = prune
            self.annotate = annotate
            self.hashes = hashes
            self.editable = editable
            self.noEmitProject = noEmitProject
            self.noEmitWorkspace = noEmitWorkspace
            self.noEmitLocal = noEmitLocal
            self.noEmitPackages = noEmitPackages
        }
    }

    /// One exported requirement.
    public struct Entry: Sendable, Equatable {
        public var package: LockedPackage
        /// The marker under which the package is reached (`nil`: always).
        public var marker: String?
        /// The packages requiring it, by name, without repetition (empty without annotations).
        public var dependents: [PackageName]
    }

    /// In uv's order: editables by path, other local paths by path, then packages.
    public let entries: [Entry]
    /// Write `--hash` lines.
    public let hashes: Bool
    /// Write editables as `-e path`.
    public let editable: Bool

    public init(entries: [Entry], hashes: Bool = true, editable: Bool = true) {
        self.entries = entries
        self.hashes = hashes
        self.editable = editable
    }

    /// Walks `lock` as uv's `ExportableRequirements::from_lock` does.
    public init(lock: Lock, options: Options) throws(LockGraphError) {
        let graph = try ExportGraph(lock: lock, options: options)
        entries = try graph.entries().sorted { Self.precedes($0.package, $1.package) }
        hashes = options.hashes
        editable = options.editable
    }

    /// The requirements text, one requirement per line with its ` ; marker`, ` \` and
    /// `    --hash=…` continuation lines, and `    # via …` comments; every line ends with a
    /// newline.
    ///
    /// - Parameter comment: styles each `# via` line (uv: green).
    public func text(comment: (String) -> String = { $0 }) -> String {
        var out = ""
        for entry in entries {
            guard let requirement = Self.requirement(entry.package, editable: editable) else { continue }
            out += requirement
            if let marker = entry.marker { out += " ; " + marker }
            if hashes {
                for hash in Self.hashes(of: entry.package) { out += " \\\n    --hash=" + hash }
            }
            out += "\n"
            switch entry.dependents.count {
            case 0: break
            case 1: out += comment("    # via \(entry.dependents[0])") + "\n"
            default:
                out += comment("    # via") + "\n"
                for dependent in entry.dependents { out += comment("    #   \(dependent)") + "\n" }
            }
        }
        return out
    }

    /// The requirement a package is written as; `nil` for a virtual project.
    static func requirement(_ package: LockedPackage, editable: Bool) -> String? {
        switch package.source {
        case .registry:
            return "\(package.name)==\(package.version ?? "")"
        case .git(let url):
            return "\(package.name) @ \(gitRequirementURL(url))"
        case .url(let url, let subdirectory):
            return "\(package.name) @ \(url)" + (subdirectory.map { "#subdirectory=\($0)" } ?? "")
        case .path(let path), .directory(let path):
            return localPath(path)
        case .editable(let path):
            return editable ? "-e " + anchored(path) : localPath(path)
        case .virtual:
            return nil
        }
    }

    /// A lock's Git source (`https://host/repo?rev=v1#<commit>`) as a PEP 508 URL pinned to
    /// the commit: `git+https://host/repo@<commit>`, with `#subdirectory=` when the source has one.
    public static func gitRequirementURL(_ source: String) -> String {
        var base = source
        var commit: String?
        if let hash = base.firstIndex(of: "#") {
            commit = String(base[base.index(after: hash)...])
            base = String(base[..<hash])
        }
        var subdirectory: String?
        if let question = base.firstIndex(of: "?") {
            for pair in base[base.index(after: question)...].split(separator: "&") where pair.hasPrefix("subdirectory=") {
                subdirectory = String(pair.dropFirst("subdirectory=".count))
            }
            base = String(base[..<question])
        }
        return "git+" + base + (commit.map { "@" + $0 } ?? "") + (subdirectory.map { "#subdirectory=" + $0 } ?? "")
    }

    /// A local path as uv writes it: absolute paths as `file://` URLs, relative ones anchored.
    static func localPath(_ path: String) -> String {
        path.hasPrefix("/") ? "file://" + PercentEncoding.encodePath(path) : anchored(path)
    }

    /// `./path` for a relative path that does not start with `.` or `..`; `.` for the root.
    static func anchored(_ path: String) -> String {
        if path.isEmpty || path == "." { return "." }
        let first = path.split(separator: "/", omittingEmptySubsequences: false).first ?? ""
        return first == "." || first == ".." ? path : "./" + path
    }

    /// Every artifact hash of a package (sdist, wheels, their zstd variants), sorted.
    static func hashes(of package: LockedPackage) -> [String] {
        var hashes: [String] = []
        if let hash = package.sdist?.hash { hashes.append(hash) }
        for wheel in package.wheels {
            if let hash = wheel.hash { hashes.append(hash) }
            if let hash = wheel.zstd?.hash { hashes.append(hash) }
        }
        return hashes.sorted { lhs, rhs in
            let (left, right) = (algorithmRank(lhs), algorithmRank(rhs))
            return left != right ? left < right : lhs.utf8Precedes(rhs)
        }
    }

    /// uv's order of hash algorithms.
    private static func algorithmRank(_ hash: String) -> Int {
        let algorithm = hash.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
        return ["md5", "sha256", "sha384", "sha512", "blake2b"].firstIndex(of: algorithm) ?? 99
    }

    /// uv's requirement order: editables by path, then other local paths by path, then
    /// packages by id.
    static func precedes(_ lhs: LockedPackage, _ rhs: LockedPackage) -> Bool {
        func group(_ package: LockedPackage) -> (Int, [Substring]) {
            switch package.source {
            case .editable(let path): (0, components(path))
            case .path(let path), .directory(let path): (1, components(path))
            default: (2, [])
            }
        }
        let (left, right) = (group(lhs), group(rhs))
        if left.0 != right.0 { return left.0 < right.0 }
        if left.0 < 2 {
            if left.1 != right.1 { return left.1.lexicographicallyPrecedes(right.1) { $0.utf8.lexicographicallyPrecedes($1.utf8) } }
        }
        return LockPackages.precedes(lhs, rhs)
    }

    /// A path's components as Rust's `Path` compares them: the root of an absolute path first
    /// (before any name), `.` and empty parts dropped.
    private static func components(_ path: String) -> [Substring] {
        (path.hasPrefix("/") ? [""] : []) + path.split(separator: "/").filter { $0 != "." }
    }
}
