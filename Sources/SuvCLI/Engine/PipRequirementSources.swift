import Glibc
import PEP508
import Python
import RequirementsTxt
import SuvBasics

/// A requirement on a local source tree: `-e ./proj`, `./proj`, `proj @ file:///…/proj`.
struct LocalTreeRequirement: Sendable, Hashable {
    /// The folder, absolute and normalized.
    var path: String
    /// Extras asked for (`./proj[dev]`).
    var extras: [String]
    var editable: Bool

    /// `file:///…`, as direct URLs and change lists spell the folder.
    var url: String { EnvironmentSync.fileURL(path) }
}

/// What `suv pip install`, `pip sync` and `pip uninstall` were asked for: the requirements from
/// the command line and the requirement files, with the index options those files carry.
struct PipRequirementSpec: Sendable {
    /// Named requirements served by indexes, in order.
    var requirements: [Requirement] = []
    /// Local source trees to build and install.
    var localTrees: [LocalTreeRequirement] = []
    var constraints: [Requirement] = []
    var overrides: [Requirement] = []
    var indexURL: String?
    var extraIndexURLs: [String] = []
    var findLinks: [String] = []
    var noIndex = false
    var pre = false
    var noBinary: [String] = []
    var onlyBinary: [String] = []
    /// uv's warnings about what was read (`Requirements file `x` does not contain any
    /// dependencies`).
    var warnings: [String] = []
    /// The command's environment (`HOME` for `~/` paths).
    private var environment: [String: String] = [:]

    /// How many requirements were given (uv's count for `Checked N packages`).
    var count: Int { requirements.count + localTrees.count }

    /// Reads `packages` (command-line requirements), `files` (`-r`), `editables` (`-e`),
    /// `constraintFiles` (`-c`) and `overrideFiles`; paths are relative to `workingDirectory`.
    static func read(packages: [String], files: [String], editables: [String], constraintFiles: [String] = [],
                     overrideFiles: [String] = [], workingDirectory: String,
                     environment: [String: String]) throws -> PipRequirementSpec {
        var spec = PipRequirementSpec()
        spec.environment = environment
        for path in files + constraintFiles + overrideFiles {
            let absolute = ExecutablePath.absolute(path, relativeTo: workingDirectory)
            if path != "-", access(absolute, F_OK) != 0 { throw InputFileNotFound(path: path) }
        }
        for package in packages {
            try spec.add(commandLine: package, editable: false, workingDirectory: workingDirectory)
        }
        for editable in editables {
            try spec.add(commandLine: editable, editable: true, workingDirectory: workingDirectory)
        }
        for path in files {
            let base = path.split(separator: "/").last.map(String.init) ?? path
            if ["pyproject.toml", "setup.cfg", "setup.py"].contains(base) || base.hasSuffix(".toml") {
                throw NotImplementedError(command: "suv pip with `-r \(base)`")
            }
            let file = try parse(path, workingDirectory: workingDirectory, environment: environment)
            if file.requirements.isEmpty && file.editables.isEmpty && file.constraints.isEmpty {
                spec.warnings.append("Requirements file `\(path)` does not contain any dependencies")
            }
            for entry in file.requirements {
                try spec.add(entry.requirement, editable: false, workingDirectory: workingDirectory)
            }
            for entry in file.editables {
                try spec.add(entry.requirement, editable: true, workingDirectory: workingDirectory)
            }
            spec.constraints += try named(file.constraints, source: path)
            if spec.indexURL == nil { spec.indexURL = file.indexURL }
            spec.extraIndexURLs += file.extraIndexURLs
            spec.findLinks += file.findLinks
            spec.noIndex = spec.noIndex || file.noIndex
            spec.pre = spec.pre || file.pre
            spec.noBinary += file.noBinary.map(\.description)
            spec.onlyBinary += file.onlyBinary.map(\.description)
        }
        for path in constraintFiles {
            let file = try parse(path, workingDirectory: workingDirectory, environment: environment)
            spec.constraints += try named(file.requirements + file.constraints, source: path)
        }
        for path in overrideFiles {
            let file = try parse(path, workingDirectory: workingDirectory, environment: environment)
            spec.overrides += try named(file.requirements, source: path)
        }
        return spec
    }

    private static func parse(_ path: String, workingDirectory: String, environment: [String: String]) throws -> RequirementsFile {
        let absolute = ExecutablePath.absolute(path, relativeTo: workingDirectory)
        return try RequirementsFile.parse(path: path.hasPrefix("/") ? path : absolute,
                                          loader: POSIXRequirementsLoader(), environment: environment)
    }

    /// One command-line argument: a path (`./proj`, `/abs/proj[extra]`) or a PEP 508
    /// requirement.
    private mutating func add(commandLine text: String, editable: Bool, workingDirectory: String) throws {
        if editable || Self.looksLikePath(text) {
            try addLocal(text, editable: editable, workingDirectory: workingDirectory)
            return
        }
        let requirement: Requirement
        do {
            requirement = try Requirement(parsing: text)
        } catch {
            throw PipRequirementCause(error).context("Failed to parse: `\(text)`")
        }
        try add(named: requirement, editable: false, workingDirectory: workingDirectory)
    }

    private mutating func add(_ requirement: RequirementsTxtRequirement, editable: Bool, workingDirectory: String) throws {
        switch requirement {
        case .named(let named): try add(named: named, editable: editable, workingDirectory: workingDirectory)
        case .unnamed(let unnamed): try addLocal(unnamed.expanded, editable: editable, workingDirectory: workingDirectory)
        }
    }

    private mutating func add(named requirement: Requirement, editable: Bool, workingDirectory: String) throws {
        guard let url = requirement.url else {
            requirements.append(requirement)
            return
        }
        guard url.hasPrefix("file://") else {
            throw NotImplementedError(command: "suv pip install with URL requirements (`\(requirement)`)")
        }
        let path = PercentEncoding.decode(String(url.dropFirst("file://".count)))
        try addLocal(path, extras: requirement.extras, editable: editable, workingDirectory: workingDirectory)
    }

    /// A path with optional `[extras]`: a folder to build, or an error naming it.
    private mutating func addLocal(_ text: String, extras: [String] = [], editable: Bool, workingDirectory: String) throws {
        let home = environment["HOME"]
        var location = text.trimming(" \t")
        var extras = extras
        if location.hasSuffix("]"), let open = location.lastIndex(of: "[") {
            extras += location[location.index(after: open)..<location.index(before: location.endIndex)]
                .split(separator: ",").map { $0.trimming(" ") }.filter { !$0.isEmpty }
            location = String(location[..<open])
        }
        if location.hasPrefix("file://") { location = PercentEncoding.decode(String(location.dropFirst("file://".count))) }
        if location.hasPrefix("~/"), let home {
            location = home + location.dropFirst()
        }
        if location.contains("://") {
            throw NotImplementedError(command: "suv pip install with URL requirements (`\(text)`)")
        }
        let path = WorkspacePaths.normalize(ExecutablePath.absolute(location, relativeTo: workingDirectory))
        var status = stat()
        guard stat(path, &status) == 0 else { throw PipLocalTreeError.notFound(url: EnvironmentSync.fileURL(path)) }
        guard (status.st_mode & S_IFMT) == S_IFDIR else {
            throw NotImplementedError(command: "suv pip install of local archives (`\(text)`)")
        }
        let tree = LocalTreeRequirement(path: path, extras: extras, editable: editable)
        if !localTrees.contains(tree) { localTrees.append(tree) }
    }

    /// uv's test for a command-line argument that is a path rather than a requirement.
    static func looksLikePath(_ text: String) -> Bool {
        guard let first = text.first else { return false }
        if first == "/" || first == "." || first == "~" { return true }
        let head = text.split(separator: " ", maxSplits: 1).first.map(String.init) ?? text
        if head.contains("://") { return true }
        return head.contains("/") && !head.contains("@")
    }

    private static func named(_ entries: [RequirementEntry], source: String) throws -> [Requirement] {
        try entries.map { entry in
            guard let requirement = entry.requirement.named, requirement.url == nil else {
                throw NotImplementedError(command: "suv pip with unnamed constraints (`\(entry.requirement)` in `\(source)`)")
            }
            return requirement
        }
    }
}

/// A PEP 508 parse failure shown with its input and pointer, as uv prints the cause.
struct PipRequirementCause: SuvError {
    let error: RequirementParseError

    init(_ error: RequirementParseError) {
        self.error = error
    }

    var message: String { error.reason + "\n" + error.annotatedInput }
}

/// A local requirement that cannot be used.
enum PipLocalTreeError: SuvError, Equatable {
    case notFound(url: String)

    var message: String {
        switch self {
        case .notFound(let url): "Distribution not found at: \(url)"
        }
    }

    var kind: ErrorKind { .failure }
}
