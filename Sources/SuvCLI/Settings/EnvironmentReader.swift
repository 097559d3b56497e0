import ArgumentParser

/// Reads `UV_*` variables the way clap reads an option's `env`: a variable fills the option only
/// when the flag was not given on the command line, booleans accept clap's "boolish" words, and a
/// present but unusable value is a usage error naming the option.
package struct EnvironmentReader: Sendable {
    package let environment: [String: String]

    package init(_ environment: [String: String]) {
        self.environment = environment
    }

    /// The raw value of `name`, if set (even when empty).
    package func raw(_ name: String) -> String? {
        environment[name]
    }

    /// A boolean variable: `nil` when unset; `1/0`, `true/false`, `yes/no`, `y/n`, `on/off`,
    /// `t/f` (any case) otherwise. Anything else, the empty string included, is an error naming
    /// `option` (the flag the variable stands for, e.g. `--offline`).
    package func bool(_ name: String, option: String) throws(UsageError) -> Bool? {
        guard let value = environment[name] else { return nil }
        switch value.lowercased() {
        case "1", "true", "yes", "y", "on", "t": return true
        case "0", "false", "no", "n", "off", "f": return false
        default: throw UsageError.notABoolean(value, option: option)
        }
    }

    /// A flag resolved against its variable: `true` when given on the command line, else the
    /// variable's value, else `false`.
    package func flag(_ cli: Bool, _ name: String, option: String) throws(UsageError) -> Bool {
        if cli { return true }
        return try bool(name, option: option) ?? false
    }

    /// A negatable flag (`--frozen`/`--no-frozen`): the command line's last word wins, else the
    /// variable, else `false`.
    package func flag(_ cli: Bool?, _ name: String, option: String) throws(UsageError) -> Bool {
        if let cli { return cli }
        return try bool(name, option: option) ?? false
    }

    /// A string variable: `nil` when unset, an error when set but empty (clap's behaviour).
    /// `option` is the option's synopsis, e.g. `--cache-dir <CACHE_DIR>`.
    package func string(_ name: String, option: String) throws(UsageError) -> String? {
        guard let value = environment[name] else { return nil }
        guard !value.isEmpty else { throw UsageError.missingValue(option: option) }
        return value
    }

    /// An option value resolved against its variable: the command line, else the variable.
    package func string(_ cli: String?, _ name: String, option: String) throws(UsageError) -> String? {
        if let cli { return cli }
        return try string(name, option: option)
    }

    /// A list option resolved against its variable: the command line's values if any were given,
    /// else the variable split on `separator` (empty pieces dropped).
    package func list(_ cli: [String], _ name: String, separator: Character) -> [String] {
        if !cli.isEmpty { return cli }
        guard let value = environment[name] else { return [] }
        return value.split(separator: separator).map(String.init).filter { !$0.isEmpty }
    }

    /// A closed-set option resolved against its variable: the command line, else the variable
    /// parsed as the option would parse it.
    package func value<Value: ExpressibleByArgument>(
        _ cli: Value?, _ name: String, option: String
    ) throws(UsageError) -> Value? {
        if let cli { return cli }
        guard let raw = environment[name] else { return nil }
        guard let value = Value(argument: raw) else {
            throw UsageError.invalidValue(raw, option: option, possible: Value.allValueStrings)
        }
        return value
    }
}
