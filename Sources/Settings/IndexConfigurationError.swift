import SuvBasics

/// An index setting that cannot be used, or no index at all.
public enum IndexConfigurationError: SuvError, Equatable {
    /// A URL or path that does not parse, with where it was configured.
    case invalidURL(IndexURLError, origin: IndexOrigin)
    /// A `name=URL` value whose name breaks uv's rules (`reason` is uv's sentence).
    case invalidName(reason: String, origin: IndexOrigin)
    /// A variable with an unusable value (`UV_NO_INDEX=maybe`, `UV_INDEX_STRATEGY=fastest`).
    case environment(EnvironmentVariableError)
    /// Nothing configured a default index and the interpreter's pip did not name one.
    /// `interpreterProblem` says why the interpreter could not answer, when it was asked.
    case noIndexConfigured(interpreterProblem: PipDefaultIndexError?)

    public var message: String {
        switch self {
        case .invalidURL(let error, let origin): "\(error.message) (\(origin))"
        case .invalidName(let reason, let origin): "\(reason) (\(origin))"
        case .environment(let error): error.message
        case .noIndexConfigured: "No package index is configured"
        }
    }

    public var cause: (any Error)? {
        if case .noIndexConfigured(let problem?) = self { return problem }
        return nil
    }

    public var hints: [String] {
        guard case .noIndexConfigured = self else { return [] }
        return [
            """
            Configure a default index in `uv.toml` (`~/.config/uv/uv.toml` for all projects):

                [[index]]
                url = "https://<your-index>/simple"
                default = true

            or set `UV_DEFAULT_INDEX=https://<your-index>/simple`, or set `index-url` in pip's \
            configuration (`~/.config/pip/pip.conf`, section `[global]`); pass `--no-index` to use \
            only `--find-links` locations
            """,
        ]
    }
}
