import ArgumentParser

/// Usage checks for arguments that exclude each other, worded as clap words them so the message
/// matches uv's: `the argument '--frozen' cannot be used with '--locked'`.
package enum Conflicts {
    /// Throws when both arguments were given.
    ///
    /// Each argument is its synopsis as uv prints it (`--group <GROUP>` for an option with a
    /// value, `--frozen` for a flag) and whether it was given.
    package static func exclusive(_ first: (String, Bool), _ second: (String, Bool)) throws {
        if first.1 && second.1 {
            throw ValidationError("the argument '\(first.0)' cannot be used with '\(second.0)'")
        }
    }

    /// Throws when `first` was given together with any of `others`.
    package static func exclusive(_ first: (String, Bool), with others: [(String, Bool)]) throws {
        for other in others {
            try exclusive(first, other)
        }
    }
}
