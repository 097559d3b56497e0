/// `[options]`: resolver settings that differ from their defaults, so a change invalidates the lock.
public struct LockOptions: Sendable, Equatable {
    /// `resolution-mode`: `lowest` or `lowest-direct`; `nil` for the default `highest`.
    public var resolutionMode: String?
    /// `prerelease-mode`: `allow`, `disallow`, `explicit`; `nil` for the default `if-necessary`.
    public var prereleaseMode: String?
    /// `fork-strategy`: `fewest`; `nil` for the default `requires-python`.
    public var forkStrategy: String?
    /// `exclude-newer`: an RFC 3339 timestamp (a placeholder when ``excludeNewerSpan`` is set).
    public var excludeNewer: String?
    /// `exclude-newer-span`: the ISO 8601 duration of a relative cut-off (`P30D`).
    public var excludeNewerSpan: String?
    /// `[options.exclude-newer-package]`: per-package cut-offs, in the order given.
    public var excludeNewerPackage: [(name: String, value: String)]

    /// The comment uv appends to the placeholder `exclude-newer` of a relative cut-off.
    public static let relativeExcludeNewerComment =
        "# This has no effect and is included for backwards compatibility when using relative exclude-newer values."

    public init(
        resolutionMode: String? = nil,
        prereleaseMode: String? = nil,
        forkStrategy: String? = nil,
        excludeNewer: String? = nil,
        excludeNewerSpan: String? = nil,
        excludeNewerPackage: [(name: String, value: String)] = []
    ) {
        self.resolutionMode = resolutionMode
        self.prereleaseMode = prereleaseMode
        self.forkStrategy = forkStrategy
        self.excludeNewer = excludeNewer
        self.excludeNewerSpan = excludeNewerSpan
        self.excludeNewerPackage = excludeNewerPackage
    }

    /// Every option in one line (`resolution-mode=lowest|…`), for keys of remembered verdicts.
    public var stateText: String {
        [resolutionMode, prereleaseMode, forkStrategy, excludeNewer, excludeNewerSpan].map { $0 ?? "-" }.joined(separator: "|")
            + "|" + excludeNewerPackage.map { "\($0.name)=\($0.value)" }.joined(separator: ",")
    }

    /// Whether nothing differs from the defaults (no `[options]` table is written).
    public var isEmpty: Bool {
        resolutionMode == nil && prereleaseMode == nil && forkStrategy == nil && excludeNewer == nil
            && excludeNewerSpan == nil && excludeNewerPackage.isEmpty
    }

    public static func == (lhs: LockOptions, rhs: LockOptions) -> Bool {
        lhs.resolutionMode == rhs.resolutionMode && lhs.prereleaseMode == rhs.prereleaseMode
            && lhs.forkStrategy == rhs.forkStrategy && lhs.excludeNewer == rhs.excludeNewer
            && lhs.excludeNewerSpan == rhs.excludeNewerSpan
            && lhs.excludeNewerPackage.map(\.name) == rhs.excludeNewerPackage.map(\.name)
            && lhs.excludeNewerPackage.map(\.value) == rhs.excludeNewerPackage.map(\.value)
    }
}
