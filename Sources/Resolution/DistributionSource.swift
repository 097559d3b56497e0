import PackagingTypes
import SuvBasics

/// One file an index offers, with the position of the index that offered it (0 is searched
/// first).
public struct IndexedFile: Sendable, Hashable {
    public let file: SimpleFile
    /// Which listing the file came from, in search order.
    public let indexPosition: Int
    /// The index URL, for messages and output.
    public let indexURL: String

    public init(file: SimpleFile, indexPosition: Int, indexURL: String) {
        self.file = file
        self.indexPosition = indexPosition
        self.indexURL = indexURL
    }
}

/// Where distributions and their metadata come from. The resolver's only I/O: implementations
/// read index pages and metadata (and may cache and deduplicate concurrent requests).
public protocol DistributionSource: Sendable {
    /// Every file offered for `name` across the indexes to search; empty when no index knows it.
    func files(for name: PackageName) async throws -> [IndexedFile]

    /// The core metadata of one distribution file (a wheel's `METADATA`, or a source
    /// distribution's static `PKG-INFO`).
    func metadata(for file: IndexedFile, package: PackageName) async throws -> CoreMetadata
}
