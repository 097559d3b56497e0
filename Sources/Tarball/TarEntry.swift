/// One member of a tar archive, as ``TarReader`` reports it.
public struct TarEntry: Sendable, Equatable {
    /// What a member is. Character and block devices, FIFOs and other special types are
    /// skipped by the reader and never reported.
    public enum Kind: Sendable, Equatable {
        /// A regular file (type `0`, NUL, or `7`).
        case file
        /// A directory (type `5`).
        case directory
        /// A symbolic link (type `2`) to ``TarEntry/linkTarget``.
        case symlink
        /// A hard link (type `1`) to the earlier member ``TarEntry/linkTarget``.
        case hardlink
    }

    /// The member's path as recorded: the pax `path`, else the GNU long name, else the ustar
    /// `prefix` and `name` fields joined by `/`. Not normalised (it may start with `./`).
    public var name: String
    /// The size of the member's data in bytes (zero for directories and links).
    public var size: UInt64
    /// The member's type.
    public var kind: Kind
    /// The link target for symbolic and hard links, else empty.
    public var linkTarget: String

    public init(name: String, size: UInt64, kind: Kind, linkTarget: String = "") {
        self.name = name
        self.size = size
        self.kind = kind
        self.linkTarget = linkTarget
    }
}
