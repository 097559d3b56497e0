#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How files get from the unpacked wheel in the cache into an environment (`--link-mode`,
/// `UV_LINK_MODE`).
public enum LinkMode: String, Sendable, CaseIterable {
    /// Copy-on-write clones (`ioctl(FICLONE)`); where the filesystem cannot, hard links, then
    /// copies. The default on macOS, as in uv.
    case clone
    /// Full copies.
    case copy
    /// Hard links; copies where the filesystem cannot link (another device). The default on
    /// Linux, as in uv.
    case hardlink
    /// Symbolic links to the cache (the environment breaks when the cache is cleaned).
    case symlink

    /// `clone`, `copy`, `hardlink` or `symlink`; `reflink` is accepted for `clone`, as uv does.
    public init?(argument: String) {
        if argument == "reflink" { self = .clone; return }
        self.init(rawValue: argument)
    }

    /// `clone` on macOS, `hardlink` elsewhere, as uv.
    public static let `default`: LinkMode = {
        #if os(macOS)
        .clone
        #else
        .hardlink
        #endif
    }()
}

/// What a ``Linker`` fell back to, to be reported once as uv warns.
public enum LinkFallback: Sendable, Equatable {
    /// Clones failed; hard links were used (silently in uv).
    case cloneToHardlink
    /// Hard links (or clones) failed; files were copied.
    case hardlinkToCopy
    /// Symbolic links failed; files were copied.
    case symlinkToCopy

    /// uv's warning for this fallback, or `nil` when uv says nothing.
    public var warning: String? {
        switch self {
        case .cloneToHardlink: nil
        case .hardlinkToCopy:
            "Failed to hardlink files; falling back to full copy. This may lead to degraded performance.\n         If the cache and target directories are on different filesystems, hardlinking may not be supported.\n         If this is intentional, set `export UV_LINK_MODE=copy` or use `--link-mode=copy` to suppress this warning."
        case .symlinkToCopy:
            "Failed to symlink files; falling back to full copy. This may lead to degraded performance.\n         If the cache and target directories are on different filesystems, symlinking may not be supported.\n         If this is intentional, set `export UV_LINK_MODE=copy` or use `--link-mode=copy` to suppress this warning."
        }
    }
}

/// Places files using one ``LinkMode`` for one wheel, falling back as uv does: a clone that the
/// filesystem refuses switches to hard links; a hard link (or symbolic link) that fails on the
/// first file switches to copies. Later failures in a working mode are errors.
///
/// Every file is created under a temporary name in its destination folder and renamed into
/// place, so an existing file is replaced atomically and a reader never sees half a file.
struct Linker {
    private(set) var mode: LinkMode
    private var proven = false
    private(set) var fallbacks: [LinkFallback] = []

    init(mode: LinkMode) {
        self.mode = mode
    }

    /// Records that a file was linked in this linker's mode by the caller (the hard-link fast
    /// path of ``LayoutTransaction``): later failures are errors, not fallbacks.
    mutating func noteLinked() {
        proven = true
    }

    /// Places `source` (a file or symbolic link in the cache) at `destination`.
    mutating func place(_ source: String, at destination: String) throws(InstallerError) {
        // Hard links need no metadata: one `link` per file (a link to a symbolic link is a
        // symbolic link with the same target). A failure takes the general path below.
        if mode == .hardlink, try Self.replace(destination, tolerate: true, { link(source, $0) == 0 ? 0 : errno }) == 0 {
            proven = true
            return
        }
        guard let info = try FileSystem.lstatIfPresent(source) else {
            throw FileSystem.failure("read metadata of", source, code: ENOENT)
        }
        if FileSystem.isSymlink(info) {
            let target = try FileSystem.readLink(source)
            try Self.replace(destination) { temporary in symlink(target, temporary) == 0 ? 0 : errno }
            return
        }
        while true {
            let code: Int32
            switch mode {
            case .clone:
                code = try Self.replace(destination, tolerate: true) { temporary in Self.clone(source, to: temporary, mode: info.st_mode) }
            case .hardlink:
                code = try Self.replace(destination, tolerate: true) { temporary in link(source, temporary) == 0 ? 0 : errno }
            case .symlink:
                code = try Self.replace(destination, tolerate: true) { temporary in symlink(source, temporary) == 0 ? 0 : errno }
            case .copy:
                try Self.copy(source, to: destination, mode: info.st_mode)
                code = 0
            }
            if code == 0 {
                proven = true
                return
            }
            if proven { throw FileSystem.failure("\(mode.rawValue) `\(source)` to", destination, code: code) }
            switch mode {
            case .clone:
                mode = .hardlink
                fallbacks.append(.cloneToHardlink)
            case .hardlink:
                mode = .copy
                fallbacks.append(.hardlinkToCopy)
            case .symlink:
                mode = .copy
                fallbacks.append(.symlinkToCopy)
            case .copy:
                throw FileSystem.failure("copy `\(source)` to", destination, code: code)
            }
        }
    }

    /// Copies `source` to `destination` (a new file, renamed into place) with `mode`'s
    /// permission bits.
    static func copy(_ source: String, to destination: String, mode: mode_t) throws(InstallerError) {
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw FileSystem.failure("read", source) }
        defer { close(input) }
        let temporary = FileSystem.temporaryName(beside: destination)
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode & 0o777)
        guard output >= 0 else { throw FileSystem.failure("create", temporary) }
        var buffer = [UInt8](repeating: 0, count: 1 << 17)
        var failure: InstallerError?
        while failure == nil {
            let count = buffer.withUnsafeMutableBytes { systemRead(input, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                failure = FileSystem.failure("read", source)
                break
            }
            if count == 0 { break }
            failure = buffer.withUnsafeBytes { all -> InstallerError? in
                do throws(InstallerError) {
                    try FileSystem.writeAll(output, UnsafeRawBufferPointer(rebasing: all[0..<count]), path: temporary)
                    return nil
                } catch {
                    return error
                }
            }
        }
        if let failure {
            close(output)
            unlink(temporary)
            throw failure
        }
        _ = fchmod(output, mode & 0o777)
        close(output)
        try FileSystem.rename(temporary, destination)
    }

    /// A copy-on-write clone of `source` at the new path `temporary`; `0` or the `errno`.
    static func clone(_ source: String, to temporary: String, mode: mode_t) -> Int32 {
        #if os(Linux)
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return errno }
        defer { close(input) }
        let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode & 0o777)
        guard output >= 0 else { return errno }
        // FICLONE = _IOW(0x94, 9, int)
        let ficlone: UInt = 0x4004_9409
        if ioctl(output, ficlone, input) != 0 {
            let code = errno
            close(output)
            unlink(temporary)
            return code
        }
        _ = fchmod(output, mode & 0o777)
        close(output)
        return 0
        #else
        return ENOTSUP
        #endif
    }

    /// Runs `make` to create `destination`; when something is already there, creates the new
    /// entry at a temporary name beside it and renames it over (an atomic replacement). Returns
    /// `make`'s `errno` when it fails (and `tolerate` is set) instead of throwing.
    @discardableResult
    static func replace(
        _ destination: String, tolerate: Bool = false, _ make: (String) -> Int32
    ) throws(InstallerError) -> Int32 {
        var code = make(destination)
        if code == EEXIST {
            let temporary = FileSystem.temporaryName(beside: destination)
            code = make(temporary)
            if code == 0 {
                do {
                    try FileSystem.rename(temporary, destination)
                } catch {
                    unlink(temporary)
                    throw error
                }
                return 0
            }
        }
        if code != 0 && !tolerate { throw FileSystem.failure("create", destination, code: code) }
        return code
    }
}
