import SuvBasics

/// A requirements file that could not be read, with the operating system's reason.
public struct RequirementsLoadError: SuvError, Equatable {
    /// The path that was read.
    public let path: String
    /// The reason in Rust's `io::Error` shape, e.g. `No such file or directory (os error 2)`.
    public let reason: String

    /// Creates the error for `path`.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var message: String { reason }
}
