/// The words of a common command line read without the argument parser: global options, and a
/// command's own switches and single-value options from a short list.
///
/// Building a command's argument set through the argument parser (reflection over every
/// property wrapper of ninety-odd options) is most of what a no-op `suv run` or `suv tree` does
/// besides starting the process. ``QuickRun`` and ``QuickTree`` take the lines people type most
/// through this reader and leave everything else to the full parse: a word not on the lists, an
/// option written as `--name=value`, a repeated option (but the counted `-q`/`-v`), a value that
/// looks like an option, or `-q` with `-v` on one side of the command. Their tests check that
/// every line read here means what the full parse makes of it.
struct QuickLine {
    /// The global options before the command word and after it.
    var leading = GlobalFlags()
    var trailing = GlobalFlags()
    /// The command's switches given, by canonical spelling.
    var switches: Set<String> = []
    /// The command's single-value options given, by canonical spelling.
    var values: [String: String] = [:]
    /// Everything from the first positional word on (only for commands that take one).
    var tail: [String] = []

    /// The words a command accepts here: each spelling mapped to its canonical one.
    struct Vocabulary {
        var switches: [String: String]
        var valued: [String: String]
        /// Whether global options may come before the command word (`suv -q run …`).
        var globalsBefore: Bool
        /// Whether the first positional word starts a verbatim tail (`suv run CMD ARGS…`);
        /// otherwise a positional word sends the line to the full parse.
        var takesTail: Bool
    }

    /// Global options that are switches or counts.
    static let globalSwitches: Set<String> = [
        "-q", "--quiet", "-v", "--verbose", "--no-color", "--system-certs", "--native-tls", "--offline",
        "--no-progress", "--no-config", "-n", "--no-cache",
    ]

    /// Global options that take a path.
    static let globalValued: Set<String> = ["--cache-dir", "--directory", "--project", "--config-file"]

    /// Reads `arguments` (the line after `suv`) for `command`, or `nil` when the line is not one
    /// this reader vouches for.
    init?(_ arguments: [String], command: String, vocabulary: Vocabulary) {
        guard let commandIndex = vocabulary.globalsBefore ? arguments.firstIndex(of: command) : (arguments.first == command ? 0 : nil)
        else { return nil }
        var seen: Set<String> = []
        var index = 0
        while index < commandIndex {
            guard let next = Self.readGlobal(arguments, at: index, into: &leading, seen: &seen), next <= commandIndex
            else { return nil }
            index = next
        }
        guard leading.quiet == 0 || leading.verbose == 0 else { return nil }

        seen = []
        index = commandIndex + 1
        while index < arguments.count {
            let word = arguments[index]
            guard word.hasPrefix("-") else {
                guard vocabulary.takesTail else { return nil }
                break
            }
            if let next = Self.readGlobal(arguments, at: index, into: &trailing, seen: &seen) {
                index = next
            } else if let name = vocabulary.switches[word], seen.insert(name).inserted {
                switches.insert(name)
                index += 1
            } else if let name = vocabulary.valued[word], seen.insert(name).inserted, let value = Self.value(arguments, after: index) {
                values[name] = value
                index += 2
            } else {
                return nil
            }
        }
        guard trailing.quiet == 0 || trailing.verbose == 0 else { return nil }
        tail = Array(arguments[index...])
    }

    /// Whether the switch with this canonical spelling was given.
    func has(_ name: String) -> Bool { switches.contains(name) }

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
            guard globalSwitches.contains(option) || globalValued.contains(option),
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
}
