import Cache
import PEP440
import Python
import SuvBasics

/// What project-aware commands share to pick an interpreter: the finder over the command's
/// environment and working directory (facts cached in the cache's interpreter bucket), and the
/// request in uv's precedence: `--python`/`UV_PYTHON`, else the nearest `.python-version`, else
/// the project's `requires-python`.
struct InterpreterSelection {
    let finder: InterpreterFinder
    /// Kept alive for `--no-cache`: the facts go to a directory removed afterwards.
    private let temporary: TemporaryCacheDirectory?

    init(context: CommandContext, global: GlobalFlags, workingDirectory: String,
         preference: InterpreterFinder.Preference = .any, python: PythonSettings = PythonSettings()) throws {
        let root: CacheRoot
        if context.settings.noCache {
            let directory = try TemporaryCacheDirectory(environment: context.environment)
            temporary = directory
            root = directory.root
        } else {
            temporary = nil
            root = try CacheCommandSupport.root(global: global, context: context)
        }
        let store = CacheStore(root: root.absolutePath(relativeTo: workingDirectory))
        let printer = context.printer
        finder = InterpreterFinder(
            cache: InterpreterInfoCache(directory: store.bucket(.interpreter)),
            environment: context.environment,
            workingDirectory: workingDirectory,
            preference: preference,
            includeManaged: !python.noManagedPython,
            debug: { printer.debug($0) }
        )
    }

    /// The request: `explicit` (already `--python`/`UV_PYTHON` or a positional request), else the
    /// first line of the nearest version file (`.python-version` between `directory` and
    /// `stopAt`, then the global one), unless `noConfig`.
    /// (``ProjectPythonRequest/resolve(explicit:directory:stopAt:noConfig:environment:requiresPython:)``
    /// without a `requires-python`, keeping only the request.)
    static func request(explicit: String?, directory: String, stopAt: String?, noConfig: Bool,
                        environment: [String: String]) throws -> InterpreterRequest? {
        try ProjectPythonRequest.resolve(explicit: explicit, directory: directory, stopAt: stopAt, noConfig: noConfig,
                                         environment: environment, requiresPython: VersionSpecifiers([])).request
    }
}
