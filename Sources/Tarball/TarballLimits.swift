/// The bounds that keep a hostile archive from exhausting memory.
public enum TarballLimits {
    /// The default cap on decompressed output and on a member read into memory: 256 MiB.
    public static let defaultSizeLimit: UInt64 = 256 << 20
    /// The cap on a GNU long-name record or a pax extended header: 1 MiB.
    public static let maxExtendedHeaderSize: UInt64 = 1 << 20
}
