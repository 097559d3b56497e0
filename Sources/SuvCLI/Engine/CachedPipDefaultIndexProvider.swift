import Glibc
import Cache
import Settings

/// Remembers pip's default index per interpreter in the cache, so that the last fallback of
/// index configuration costs one `stat` instead of starting Python and importing pip (about
/// 180 ms) on every command.
///
/// An entry is keyed by the interpreter found on `PATH`, its size and modification time; for a
/// pyenv shim also by `PYENV_VERSION` and the modification time of pyenv's global `version`
/// file, since a shim's target changes without the shim changing.
struct CachedPipDefaultIndexProvider: PipDefaultIndexProvider {
    let inner: InterpreterPipDefaultIndexProvider
    /// The file holding the remembered answers.
    let file: String

    func pipDefaultIndex() async throws(PipDefaultIndexError) -> PipDefaultIndex {
        guard let key = cacheKey() else { return try await inner.pipDefaultIndex() }
        if let known = lookup(key) { return PipDefaultIndex(url: known, interpreter: inner.interpreter) }
        let answer = try await inner.pipDefaultIndex()
        store(key, answer.url)
        return answer
    }

    private func cacheKey() -> String? {
        guard let found = ExecutableLookup.first(inner.interpreter, path: inner.environment["PATH"]) else { return nil }
        // A pyenv shim resolved to its interpreter is keyed by that interpreter.
        if let resolved = PyenvShim.resolve(found, environment: inner.environment,
                                            workingDirectory: InterpreterPipDefaultIndexProvider.currentDirectory()) {
            return [resolved, Self.stamp(resolved)].joined(separator: "|")
        }
        let executable = found
        var parts = [executable, Self.stamp(executable)]
        if executable.contains("/shims/") {
            let root = inner.environment["PYENV_ROOT"] ?? ((inner.environment["HOME"] ?? "") + "/.pyenv")
            parts += [inner.environment["PYENV_VERSION"] ?? "", Self.stamp(root + "/version")]
        }
        return parts.joined(separator: "|")
    }

    private func lookup(_ key: String) -> String? {
        guard let bytes = try? FileContents.contents(of: file) else { return nil }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
            if fields.count == 2, fields[0] == key { return fields[1] }
        }
        return nil
    }

    private func store(_ key: String, _ url: String) {
        var lines = (try? FileContents.contents(of: file)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        lines += "\(key)\t\(url)\n"
        let directory = String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)])
        _ = mkdir(directory, 0o755)
        try? AtomicFile.write(Array(lines.utf8), to: file, durable: false)
    }

    /// `size:seconds.nanoseconds` of a file's status, or `-` when it does not exist.
    private static func stamp(_ path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "-" }
        return "\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }
}
