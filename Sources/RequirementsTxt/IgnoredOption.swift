/// A pip option uv accepts in requirements files but ignores with a warning
/// (`--prefer-binary`, `--trusted-host`, `--use-feature`).
public struct IgnoredOption: Sendable, Hashable {
    /// The option as spelled, e.g. `--trusted-host`.
    public var name: String
    /// Where it was written.
    public var origin: RequirementOrigin

    /// Whether uv suggests passing the option on the command line instead
    /// (`Ignoring unsupported option in `…`: `--trusted-host` (hint: pass … on the command line instead)`).
    public var isAvailableOnCommandLine: Bool { name == "--trusted-host" }

    /// Creates an ignored option record.
    public init(name: String, origin: RequirementOrigin) {
        self.name = name
        self.origin = origin
    }
}
