#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The executable behind a pyenv shim (`$PYENV_ROOT/shims/python3`), found the way pyenv finds
/// it but without running pyenv's shell scripts, which cost tens of milliseconds per call.
///
/// The version names come from `PYENV_VERSION` (`:`-separated), else the nearest
/// `.python-version` from the working directory up, else `$PYENV_ROOT/version`; the first
/// name whose `versions/<name>/bin/<command>` is executable wins, as in `pyenv which`.
/// Anything pyenv would resolve differently (`system`, a version prefix such as `3.12`, no
/// match) gives `nil`, and the caller runs the shim itself.
public enum PyenvShim {
    /// The resolved executable, or `nil` when `executable` is no shim or pyenv's answer is not
    /// a plain installed version.
    public static func resolve(_ executable: String, environment: [String: String], workingDirectory: String) -> String? {
        guard let slash = executable.lastIndex(of: "/") else { return nil }
        let command = String(executable[executable.index(after: slash)...])
        let shims = String(executable[..<slash])
        guard shims.hasSuffix("/shims") else { return nil }
        let root = String(shims.dropLast("/shims".count))
        guard access(root + "/versions", F_OK) == 0 else { return nil }
        for name in versionNames(root: root, environment: environment, workingDirectory: workingDirectory) {
            guard name != "system", !name.contains("/"), name != ".", name != ".." else { return nil }
            let candidate = root + "/versions/" + name + "/bin/" + command
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }

    /// The selected version names, in pyenv's order of precedence.
    static func versionNames(root: String, environment: [String: String], workingDirectory: String) -> [String] {
        if let variable = environment["PYENV_VERSION"], !variable.isEmpty {
            return variable.split(separator: ":").map(String.init)
        }
        var directory = workingDirectory
        while true {
            if let names = readVersionFile(directory + "/.python-version") { return names }
            guard let slash = directory.lastIndex(of: "/"), !directory.isEmpty, directory != "/" else { break }
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
        return readVersionFile(root + "/version") ?? []
    }

    /// The names in a version file (one per word; `#` comment lines skipped), or `nil` when
    /// the file is missing or names nothing.
    static func readVersionFile(_ path: String) -> [String]? {
        guard let text = try? LocalFileSystem().readFile(atPath: path) else { return nil }
        var names: [String] = []
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.hasPrefix("#") { continue }
            names += trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        }
        return names.isEmpty ? nil : names
    }
}
