import SuvBasics

/// A dependency edge of a locked package: `{ name = "x", extra = ["e"], marker = "..." }`.
///
/// `version` and `source` identify the target; uv writes them only when the lock holds more
/// than one package of that name. The reader fills them in from the target package, so edges
/// read from a file always carry them (unless the target has no version).
public struct LockEdge: Sendable, Equatable, Hashable {
    public var name: PackageName
    public var version: String?
    public var source: LockSource?
    /// Extras of the target this edge activates (written as `extra = [...]`, sorted).
    public var extras: [String]
    /// The simplified marker under which the edge applies; `nil` when always true.
    public var marker: String?

    public init(name: PackageName, version: String? = nil, source: LockSource? = nil, extras: [String] = [], marker: String? = nil) {
        self.name = name
        self.version = version
        self.source = source
        self.extras = extras
        self.marker = marker
    }
}

/// A named list of edges: the edges of one extra or one dependency group.
public struct NamedEdges: Sendable, Equatable {
    /// The extra or group name (normalized).
    public var name: String
    public var edges: [LockEdge]

    public init(_ name: String, _ edges: [LockEdge]) {
        self.name = name
        self.edges = edges
    }
}
