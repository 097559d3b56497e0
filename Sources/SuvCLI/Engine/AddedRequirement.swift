import Glibc
import Cache
import PEP508
import PackagingTypes
import PyProject
import SuvBasics
import TOML

/// One requirement as `suv add` writes it, following uv: the normalized name, extras, the
/// user's specifier as typed and a normalized marker; a local path, URL or Git repository goes
/// to `[tool.uv.sources]` and the dependency is written bare.
struct AddedRequirement {
    /// The package.
    let name: PackageName
    /// The text written into the dependency list.
    let written: String
    /// The `[tool.uv.sources]` entry as an inline table, for non-registry requirements.
    let source: String?
    /// Whether a bound from the locked version replaces the text once locked.
    let wantsBound: Bool
    private let extrasText: String
    private let markerText: String?

    init(
        _ text: String, marker: String?, extras: [String], editable: Bool, raw: Bool, gitReference: GitReference?,
        projectDirectory: String, workingDirectory: String
    ) throws {
        let trimmed = String(text.drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
        var requirement: Requirement
        var source: String?
        if Self.looksLikePath(trimmed) {
            let path = trimmed.hasPrefix("file://") ? String(trimmed.dropFirst("file://".count)) : trimmed
            let absolute = WorkspacePaths.normalize(WorkspacePaths.join(workingDirectory, Self.expandHome(path)))
            requirement = Requirement(name: try Self.projectName(at: absolute, given: trimmed), extras: [], specifiers: .init([]), url: nil, marker: nil)
            let relative = WorkspacePaths.relative(absolute, to: projectDirectory)
            source = "{ path = \(TOMLSerializer.renderString(relative))\(editable ? ", editable = true" : "") }"
        } else {
            do {
                requirement = try Requirement(parsing: trimmed)
            } catch {
                // A bare URL: the name comes from the file it points at.
                guard trimmed.contains("://"), let name = Self.nameFromArchive(String(trimmed.split(separator: "/").last ?? "")) else {
                    throw AddRequirementError.invalid(text: trimmed, reason: error.message)
                }
                requirement = Requirement(name: name, extras: [], specifiers: .init([]), url: trimmed, marker: nil)
            }
            if let url = requirement.url, !raw {
                source = Self.sourceTable(url: url, gitReference: gitReference)
            }
        }
        requirement.extras = Array(Set(requirement.extras + extras)).sorted()
        if let marker {
            let added = try MarkerTree(parsing: marker)
            requirement.marker = requirement.marker.map { MarkerTree.and([$0, added]) } ?? added
        }
        name = requirement.packageName
        self.source = source
        extrasText = requirement.extras.isEmpty ? "" : "[" + requirement.extras.joined(separator: ",") + "]"
        markerText = requirement.marker.flatMap { NormalizedMarker($0).uvDescription }
        let specifier = requirement.specifiers.specifiers.map(\.description).joined(separator: ",")
        if raw {
            written = trimmed
            wantsBound = false
        } else if source != nil {
            written = Self.render(name.description, extrasText, "", markerText)
            wantsBound = false
        } else {
            written = Self.render(name.description, extrasText, specifier, markerText)
            wantsBound = specifier.isEmpty
        }
    }

    /// The requirement with `specifier` in place of none.
    func written(withSpecifier specifier: String) -> String {
        Self.render(name.description, extrasText, specifier, markerText)
    }

    static func render(_ name: String, _ extras: String, _ specifier: String, _ marker: String?) -> String {
        name + extras + specifier + (marker.map { " ; " + $0 } ?? "")
    }

    static func looksLikePath(_ text: String) -> Bool {
        text == "." || text == ".." || text.hasPrefix("./") || text.hasPrefix("../") || text.hasPrefix("/")
            || text.hasPrefix("~/") || text.hasPrefix("file://")
    }

    static func expandHome(_ path: String) -> String {
        guard path.hasPrefix("~/"), let home = getenv("HOME").map({ String(cString: $0) }) else { return path }
        return home + path.dropFirst(1)
    }

    /// The project name of a local directory (its `pyproject.toml`), wheel or source archive.
    static func projectName(at path: String, given: String) throws -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { throw AddRequirementError.missingPath(given) }
        if info.st_mode & S_IFMT == S_IFDIR {
            guard let text = try FileContents.contents(of: path + "/pyproject.toml") else {
                throw AddRequirementError.noProject(given)
            }
            let pyproject = try PyProjectToml(parsing: String(decoding: text, as: UTF8.self), fileName: given + "/pyproject.toml")
            guard let name = pyproject.project?.name else { throw AddRequirementError.noProject(given) }
            return name
        }
        guard let name = nameFromArchive(String(path.split(separator: "/").last ?? "")) else {
            throw AddRequirementError.invalid(text: given, reason: "not a directory, wheel or source distribution")
        }
        return name
    }

    /// The distribution name in a wheel or source archive filename.
    static func nameFromArchive(_ filename: String) -> String? {
        if filename.hasSuffix(".whl") { return (try? WheelFilename(parsing: filename))?.name.description }
        for suffix in [".tar.gz", ".zip", ".tar.bz2", ".tgz"] where filename.hasSuffix(suffix) {
            let stem = filename.dropLast(suffix.count)
            guard let dash = stem.lastIndex(of: "-") else { return nil }
            return String(stem[..<dash])
        }
        return nil
    }

    /// `{ url = "..." }`, or `{ git = "...", rev|tag|branch = "..." }` for `git+` URLs.
    static func sourceTable(url: String, gitReference: GitReference?) -> String {
        guard url.hasPrefix("git+") else { return "{ url = \(TOMLSerializer.renderString(url)) }" }
        var repository = String(url.dropFirst("git+".count))
        var reference = gitReference
        // `https://host/org/repo@v1`: the part after the last `@` that follows the host and
        // holds no `/` is the revision (an `@` inside the host part is a credential).
        let afterScheme = repository.firstIndex(of: ":").map { repository.index($0, offsetBy: 3, limitedBy: repository.endIndex) ?? repository.endIndex }
            ?? repository.startIndex
        if let firstSlash = repository[afterScheme...].firstIndex(of: "/"),
           let at = repository[firstSlash...].lastIndex(of: "@"), repository[at...].firstIndex(of: "/") == nil {
            if reference == nil { reference = .rev(String(repository[repository.index(after: at)...])) }
            repository = String(repository[..<at])
        }
        var table = "{ git = \(TOMLSerializer.renderString(repository))"
        switch reference {
        case .rev(let value): table += ", rev = \(TOMLSerializer.renderString(value))"
        case .tag(let value): table += ", tag = \(TOMLSerializer.renderString(value))"
        case .branch(let value): table += ", branch = \(TOMLSerializer.renderString(value))"
        case nil: break
        }
        return table + " }"
    }
}

/// A requirement `suv add` cannot take.
enum AddRequirementError: SuvError, Equatable {
    case invalid(text: String, reason: String)
    case missingPath(String)
    case noProject(String)

    var message: String {
        switch self {
        case .invalid(let text, let reason): "Failed to parse: `\(text)`: \(reason)"
        case .missingPath(let path): "Distribution not found at: `\(path)`"
        case .noProject(let path): "`\(path)` does not contain a `pyproject.toml` with a `[project]` table"
        }
    }

    var kind: ErrorKind { .failure }
}
