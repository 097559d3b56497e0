/// `sys.version_info`: the interpreter's language version.
public struct PythonVersionInfo: Codable, Sendable, Hashable, CustomStringConvertible {
    /// `sys.version_info.major`, e.g. 3.
    public var major: Int
    /// `sys.version_info.minor`, e.g. 12.
    public var minor: Int
    /// `sys.version_info.micro`, e.g. 1.
    public var micro: Int
    /// `alpha`, `beta`, `candidate` or `final`.
    public var releaseLevel: String
    /// The pre-release number (the `2` of `b2`); 0 for a final release.
    public var serial: Int

    /// A version; final release unless told otherwise.
    public init(major: Int, minor: Int, micro: Int, releaseLevel: String = "final", serial: Int = 0) {
        self.major = major
        self.minor = minor
        self.micro = micro
        self.releaseLevel = releaseLevel
        self.serial = serial
    }

    /// `3.13.0`, or `3.14.0a2` / `3.13.0rc1` for a pre-release (the form `packaging` prints).
    public var description: String {
        let base = "\(major).\(minor).\(micro)"
        guard releaseLevel != "final", let letter = releaseLevel.first else { return base }
        return "\(base)\(letter)\(serial)"
    }

    enum CodingKeys: String, CodingKey {
        case major, minor, micro, serial
        case releaseLevel = "releaselevel"
    }
}
