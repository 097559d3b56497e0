import Glibc
import Cache
import PyProject
import SuvBasics

/// The files `suv add` and `suv remove` change, as they were before: if locking or syncing
/// fails, ``restore()`` puts `pyproject.toml` and `uv.lock` back byte for byte (and removes a
/// lock that did not exist).
struct ProjectFileTransaction {
    let pyprojectPath: String
    let lockPath: String
    let pyproject: [UInt8]
    let lock: [UInt8]?

    init(pyprojectPath: String, lockPath: String) throws {
        self.pyprojectPath = pyprojectPath
        self.lockPath = lockPath
        pyproject = try FileContents.contents(of: pyprojectPath) ?? []
        lock = try FileContents.contents(of: lockPath)
    }

    /// The original `pyproject.toml` text.
    var pyprojectText: String { String(decoding: pyproject, as: UTF8.self) }

    /// Replaces `pyproject.toml` atomically.
    func writePyProject(_ text: String) throws {
        try OutputFile.write(text, to: pyprojectPath, relativeTo: "/")
    }

    /// Puts both files back as they were.
    func restore() {
        try? OutputFile.write(String(decoding: pyproject, as: UTF8.self), to: pyprojectPath, relativeTo: "/")
        if let lock {
            if (try? FileContents.contents(of: lockPath)) != lock {
                try? OutputFile.write(String(decoding: lock, as: UTF8.self), to: lockPath, relativeTo: "/")
            }
        } else {
            unlink(lockPath)
        }
    }
}

extension DependencyTarget {
    /// The editor's list for this target: `--dev` goes to the legacy
    /// `tool.uv.dev-dependencies` when a project still has it and no `dependency-groups.dev`.
    func editorTarget(in pyproject: PyProjectToml) -> PyProjectEditor.DependencyTarget {
        switch self {
        case .project: .project
        case .optional(let extra): .optional(extra)
        case .group(let group): .group(group)
        case .dev:
            pyproject.toolUv?.devDependencies != nil
                && !(pyproject.dependencyGroups?.groups.contains { PackageName($0.name) == PackageName("dev") } ?? false)
                ? .devDependencies : .group("dev")
        }
    }
}
