// Placeholder: the lossless TOML engine is being written.
public struct TOMLDocument: Sendable {}
