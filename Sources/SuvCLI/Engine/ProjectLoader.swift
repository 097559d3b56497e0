import Glibc
import Cache
import PEP440
import PEP508
import Project
import PyProject
import Settings
import SuvBasics

/// The project a project command works on: the nearest `pyproject.toml` with a `[project]`
/// table, from the working directory up.
struct LoadedProject {
    let root: String
    /// The `pyproject.toml` text as read.
    let text: String
    let pyproject: PyProjectToml
    let inputs: ProjectInputs

    static func find(from directory: String) throws -> LoadedProject {
        var current = directory
        while true {
            let path = current == "/" ? "/pyproject.toml" : current + "/pyproject.toml"
            if access(path, R_OK) == 0 {
                let text = try ProjectFileReader.read(path)
                let pyproject: PyProjectToml
                do {
                    pyproject = try PyProjectToml(parsing: text, fileName: "pyproject.toml")
                } catch {
                    throw error.context("Failed to parse: `\(PathDisplay.user(path, currentDirectory: directory))`")
                }
                if pyproject.project != nil {
                    return LoadedProject(root: current, text: text, pyproject: pyproject, inputs: try inputs(pyproject, path: path))
                }
            }
            guard current != "/", let slash = current.lastIndex(of: "/") else { break }
            current = slash == current.startIndex ? "/" : String(current[..<slash])
        }
        throw ProjectNotFound(directory: directory)
    }

    private static func inputs(_ pyproject: PyProjectToml, path: String) throws -> ProjectInputs {
        guard let project = pyproject.project else { throw ProjectNotFound(directory: path) }
        func parse(_ texts: [String]) throws -> [Requirement] {
            try texts.map { text in
                do {
                    return try Requirement(parsing: text)
                } catch {
                    throw ProjectFileError(path: path, reason: "invalid requirement `\(text)`: \((error as? any SuvError)?.message ?? "\(error)")")
                }
            }
        }
        var groups: [(group: String, requirements: [Requirement])] = []
        let declared = pyproject.effectiveDependencyGroups
        for (name, _) in declared.groups {
            groups.append((name, try parse(try declared.resolvedRequirements(of: name))))
        }
        var requiresPython = VersionSpecifiers([])
        if let text = project.requiresPython {
            requiresPython = try VersionSpecifiers(parsing: text)
        }
        return ProjectInputs(
            name: PackageName(project.name), version: project.version, isPackage: pyproject.isPackage,
            requiresPython: requiresPython, dependencies: try parse(project.dependencies),
            optionalDependencies: try project.optionalDependencies.map { ($0.extra, try parse($0.requirements)) },
            dependencyGroups: groups,
            constraints: try parse(pyproject.toolUv?.constraintDependencies ?? []),
            overrides: try parse(pyproject.toolUv?.overrideDependencies ?? []))
    }
}

/// No project from the working directory up.
struct ProjectNotFound: SuvError {
    let directory: String
    var message: String { "No `pyproject.toml` found in current directory or any parent directory" }
    var kind: ErrorKind { .error }
}
