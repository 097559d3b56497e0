import Cache
import HTTP
import IndexClient
import Scaffold
import SuvBasics

/// After `suv init --flask`: `uv.lock`, then `requirements.txt` exported from it, as
/// `suv lock` and `suv export --no-dev -o requirements.txt` in the new project write them (the
/// file's header records that command, so it is regenerated the same way and never drifts
/// from the lock).
///
/// An index that cannot be reached leaves both out with a warning: the project is complete
/// without them, and `suv run` locks on first use. Any other failure is an error, reported
/// after the project was created (its files stay).
struct InitLock {
    let global: GlobalOptions
    let python: PythonOptions
    let context: CommandContext
    /// The new project's directory (absolute).
    let directory: String

    func run() async throws {
        var projectContext = context
        projectContext.settings.directory = directory
        do {
            var lock = try Lock.parse([])
            lock.global = global
            lock.python = python
            try await lock.run(context: projectContext)
        } catch {
            guard let reason = Self.unreachableReason(error) else {
                throw error.context("Failed to lock the new project", hints: [Self.retryHint])
            }
            context.printer.warn("""
                The package index could not be reached (\(reason)), so `uv.lock` and `requirements.txt` were not \
                written; run `suv lock` and `suv \(FlaskTemplate.exportArguments.joined(separator: " "))` in the project later
                """)
            return
        }

        var export = try Export.parse(Array(FlaskTemplate.exportArguments.dropFirst()))
        export.global = global
        export.python = python
        projectContext.arguments = FlaskTemplate.exportArguments
        let printer = context.printer
        // The text goes to the file only; the lock's lines were printed already.
        projectContext.printer = printer.with(quiet: max(printer.quiet, 1), verbose: printer.verbose, color: printer.color,
                                              environment: context.environment)
        do {
            try await export.run(context: projectContext)
        } catch {
            throw error.context("Failed to export `requirements.txt` from `uv.lock`", hints: [Self.retryHint])
        }
    }

    static let retryHint =
        "The project's files are in place: fix the cause, then run `suv lock` and `suv \(FlaskTemplate.exportArguments.joined(separator: " "))` in it"

    /// Why no index answered, when that is what `error` says: a connection that could not be
    /// made or timed out (after the retries), or an offline run without a cached copy; `nil`
    /// for any other failure.
    static func unreachableReason(_ error: any Error) -> String? {
        var current: (any Error)? = error
        var depth = 0
        while let next = current, depth < 64 {
            switch next {
            case let http as HTTPError:
                if let reason = unreachable(http) { return reason }
            case IndexError.transfer(let http) as IndexError:
                if let reason = unreachable(http) { return reason }
            case CacheError.offlineMiss as CacheError, IndexError.cache(.offlineMiss) as IndexError:
                return (next as? any SuvError)?.message
            default:
                break
            }
            current = (next as? any SuvError)?.cause
            depth += 1
        }
        return nil
    }

    private static func unreachable(_ error: HTTPError) -> String? {
        switch error.lastAttempt {
        case .connection, .timedOut: error.lastAttempt.message
        default: nil
        }
    }
}
