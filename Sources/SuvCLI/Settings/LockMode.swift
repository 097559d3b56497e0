/// How a project command treats `uv.lock`.
package enum LockMode: Equatable, Sendable {
    /// Relock when the lockfile is missing or out of date (the default).
    case write
    /// Use the lockfile as it is, without checking it (`--frozen`, `UV_FROZEN`).
    /// `source` names what asked for it, as uv's messages do: `--frozen` or `UV_FROZEN=1`.
    case frozen(source: String)
    /// Fail unless the lockfile is up to date (`--locked`, `UV_LOCKED`).
    case locked(source: String)

    /// Whether this is ``frozen(source:)``.
    package var isFrozen: Bool {
        if case .frozen = self { return true }
        return false
    }

    /// Whether this is ``locked(source:)``.
    package var isLocked: Bool {
        if case .locked = self { return true }
        return false
    }
}

/// A lock mode and the warnings its resolution produced.
package struct LockModeResolution: Equatable, Sendable {
    package var mode: LockMode
    package var warnings: [String]

    package init(mode: LockMode, warnings: [String] = []) {
        self.mode = mode
        self.warnings = warnings
    }
}

/// Combines `--frozen`/`--locked` (and their `--no-` forms) with `UV_FROZEN`/`UV_LOCKED` the
/// way uv 0.13.9 does:
///
/// - a flag on the command line beats both variables; if the *other* variable is set, uv warns
///   ``Ignoring `UV_LOCKED` because `--frozen` was provided``;
/// - `--no-frozen`/`--no-locked` switch the corresponding variable off for one call;
/// - both variables set (and no flag) is an error: ``the argument `UV_LOCKED` (environment
///   variable) cannot be used with `UV_FROZEN` (environment variable)``.
///
/// Both flags together are rejected earlier, as a usage error of the parser.
package enum LockModeResolver {
    /// Resolves the lock mode.
    ///
    /// - Parameters:
    ///   - frozen: `true` for `--frozen`, `false` for `--no-frozen`, `nil` when neither was given.
    ///   - locked: likewise for `--locked`/`--no-locked`.
    ///   - frozenFlag: the spelling that means frozen for this command (`--check-exists` for
    ///     `lock`).
    ///   - lockedFlag: the spelling that means locked for this command (`--check` for `lock`).
    ///   - environment: the process environment.
    package static func resolve(
        frozen: Bool?,
        locked: Bool?,
        frozenFlag: String = "--frozen",
        lockedFlag: String = "--locked",
        environment: EnvironmentReader
    ) throws(UsageError) -> LockModeResolution {
        let cliFrozen = frozen == true
        let cliLocked = locked == true
        if cliFrozen && cliLocked {
            throw UsageError("the argument '\(frozenFlag)' cannot be used with '\(lockedFlag)'")
        }
        let envFrozen = frozen == nil ? try environment.bool("UV_FROZEN", option: frozenFlag) ?? false : false
        let envLocked = locked == nil ? try environment.bool("UV_LOCKED", option: lockedFlag) ?? false : false

        if cliFrozen {
            let warnings = envLocked ? ["Ignoring `UV_LOCKED` because `\(frozenFlag)` was provided"] : []
            return LockModeResolution(mode: .frozen(source: frozenFlag), warnings: warnings)
        }
        if cliLocked {
            let warnings = envFrozen ? ["Ignoring `UV_FROZEN` because `\(lockedFlag)` was provided"] : []
            return LockModeResolution(mode: .locked(source: lockedFlag), warnings: warnings)
        }
        if envFrozen && envLocked {
            throw UsageError.conflictingVariables("UV_LOCKED", "UV_FROZEN")
        }
        if envFrozen {
            return LockModeResolution(mode: .frozen(source: "UV_FROZEN=\(environment.raw("UV_FROZEN") ?? "1")"))
        }
        if envLocked {
            return LockModeResolution(mode: .locked(source: "UV_LOCKED=\(environment.raw("UV_LOCKED") ?? "1")"))
        }
        return LockModeResolution(mode: .write)
    }
}
