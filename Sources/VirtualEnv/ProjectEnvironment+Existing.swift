import PEP440
import Python

extension ProjectEnvironment {
    /// The facts of the project environment's interpreter when the environment exists and its
    /// interpreter is what was asked for (`request`, `requiresPython`); `nil` otherwise. Nothing
    /// is created or changed: for commands that only read the project (`tree`, `export`), which
    /// use the environment's interpreter silently, as uv does, and otherwise find one.
    public static func existingInterpreter(workspaceRoot: String, request: InterpreterRequest?, requiresPython: VersionSpecifiers,
                                           finder: InterpreterFinder) async -> InterpreterInfo? {
        let root = path(workspaceRoot: workspaceRoot, environment: finder.environment)
        guard VirtualEnvironment.exists(at: root),
              let info = try? await finder.cache.query(executable: root + "/bin/python"),
              (try? await satisfies(info, request: request, requiresPython: requiresPython, finder: finder)) == true
        else { return nil }
        return info
    }
}
