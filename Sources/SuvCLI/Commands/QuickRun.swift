/// A `suv run` line made only of the options runs are usually given, read without the argument
/// parser.
///
/// `suv run python -c pass` is a command people type many times a minute, and its own work is a
/// few milliseconds when the environment is up to date; the argument parser building `run`'s
/// ninety options (reflection over every property wrapper) took about a quarter of it. A line is
/// taken here only when every option before the command is in ``globalFlagOptions``,
/// ``globalValueOptions`` or ``runOptions``, written as its own word (`--python 3.12`, not
/// `--python=3.12`), given once (except the counted `-q`/`-v`), with no conflict on either side
/// of `run`; anything else (help, `-V`, `--`, other options, a missing value) goes to the full
/// parse, so errors and help read as ever. `CommandLineParseTests` checks that every line taken
/// here gives the same global options and the same ``RunRequest`` as the full parse, in several
/// environments.
package struct QuickRun: CommandInvocation {
    /// The global options before `run` and after it (merged as ``Run/globalFlags`` merges them).
    package var leading = GlobalFlags()
    package var trailing = GlobalFlags()
    package var frozen: Bool?
    package var locked: Bool?
    package var noSync = false
    package var isolated = false
    package var noProject = false
    package var active = false
    package var exact = false
    package var python: String?
    /// The command to run and its arguments, verbatim.
    package var command: [String] = []

    /// Global options that are switches or counts, as written after `suv` or after `run`.
    static let globalFlagOptions: Set<String> = [
        "-q", "--quiet", "-v", "--verbose", "--no-color", "--system-certs", "--native-tls", "--offline",
        "--no-progress", "--no-config", "-n", "--no-cache",
    ]

    /// Global options that take a path.
    static let globalValueOptions: Set<String> = ["--cache-dir", "--directory", "--project", "--config-file"]

    /// `run`'s own options taken here.
    static let runOptions: Set<String> = [
        "--frozen", "--locked", "--no-sync", "--isolated", "--no-project", "--active", "--exact", "-p", "--python",
    ]

    /// Reads `arguments` (the command line after `suv`), or returns `nil` when the line is not
    /// one this reader takes.
    package init?(arguments: [String]) {
        guard let runIndex = arguments.firstIndex(of: "run") else { return nil }
        var leading = GlobalFlags()
        var seen: Set<String> = []
        var index = 0
        while index < runIndex {
            guard let next = Self.readGlobal(arguments, at: index, into: &leading, seen: &seen), next <= runIndex
            else { return nil }
            index = next
        }
        guard leading.quiet == 0 || leading.verbose == 0 else { return nil }
        self.leading = leading

        seen = []
        index = runIndex + 1
        while index < arguments.count, arguments[index].hasPrefix("-") {
            if let next = Self.readGlobal(arguments, at: index, into: &trailing, seen: &seen) {
                index = next
                continue
            }
            let option = arguments[index]
            guard Self.runOptions.contains(option), seen.insert(option == "-p" ? "--python" : option).inserted else {
                return nil
            }
            switch option {
            case "-p", "--python":
                guard let value = Self.value(arguments, after: index) else { return nil }
                python = value
                index += 1
            case "--frozen": frozen = true
            case "--locked": locked = true
            case "--no-sync": noSync = true
            case "--isolated": isolated = true
            case "--no-project": noProject = true
            case "--active": active = true
            default: exact = true
            }
            index += 1
        }
        guard index < arguments.count, trailing.quiet == 0 || trailing.verbose == 0,
              frozen == nil || locked == nil
        else { return nil }
        command = Array(arguments[index...])
    }

    /// Reads the global option at `index` into `flags`; returns the index after it, or `nil`
    /// when the word is not a global option taken here, is repeated, or lacks its value.
    private static func readGlobal(
        _ arguments: [String], at index: Int, into flags: inout GlobalFlags, seen: inout Set<String>
    ) -> Int? {
        let option = arguments[index]
        switch option {
        case "-q", "--quiet": flags.quiet += 1
        case "-v", "--verbose": flags.verbose += 1
        default:
            guard globalFlagOptions.contains(option) || globalValueOptions.contains(option),
                  seen.insert(option == "-n" ? "--no-cache" : option).inserted
            else { return nil }
            switch option {
            case "--no-color": flags.noColor = true
            case "--system-certs": flags.systemCerts = true
            case "--native-tls": flags.nativeTLS = true
            case "--offline": flags.offline = true
            case "--no-progress": flags.noProgress = true
            case "--no-config": flags.noConfig = true
            case "-n", "--no-cache": flags.noCache = true
            default:
                guard let value = value(arguments, after: index) else { return nil }
                switch option {
                case "--cache-dir": flags.cacheDir = value
                case "--directory": flags.directory = value
                case "--project": flags.project = value
                default: flags.configFile = value
                }
                return index + 2
            }
        }
        return index + 1
    }

    /// The word after `index` when it can be an option's value (present, not an option).
    private static func value(_ arguments: [String], after index: Int) -> String? {
        guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("-") else { return nil }
        return arguments[index + 1]
    }

    package var globalFlags: GlobalFlags { leading.merged(with: trailing) }

    /// The request the full parse of the same line would build.
    package func request(environment: [String: String]) throws(UsageError) -> RunRequest {
        try RunRequest.resolve(
            command: command,
            groups: try DependencyGroupOptions.selection(environment: environment),
            exact: exact, isolated: isolated, active: active, noSync: noSync, frozen: frozen, locked: locked,
            noProject: noProject,
            index: try IndexOptions.settings(environment: environment),
            resolver: try ResolverOptions.settings(environment: environment),
            installer: try InstallerOptions.settings(environment: environment),
            python: try PythonOptions.settings(python: python, environment: environment),
            environment: environment
        )
    }

    package func run(context: CommandContext) async throws {
        try await Run.perform(try request(environment: context.environment), global: globalFlags, context: context)
    }
}
