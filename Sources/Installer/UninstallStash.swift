#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a sync puts what it uninstalls until the whole sync has succeeded.
///
/// Every file, link and folder an uninstall would delete is renamed into a hidden folder at the
/// environment's root instead (the same file system: nothing is copied and no space is needed),
/// and every empty folder it removes is remembered. A sync that fails later — a full disk, a
/// broken wheel, a signal — calls ``restore()`` and the environment has its old distributions
/// back, byte for byte; a sync that succeeds calls ``discard()``.
///
/// Used from one task at a time; not `Sendable`.
public final class UninstallStash {
    private enum Change {
        case moved(original: String, stashed: String)
        case removedFolder(path: String, mode: mode_t)
    }

    /// The hidden folder's name starts with this; a sync deletes any such folder it finds (see
    /// ``removeLeftovers(environmentRoot:)``) since only a killed sync leaves one.
    public static let folderPrefix = ".suv-uninstalled-"

    /// The folder what is uninstalled is moved into (created on first use).
    public let folder: String
    private var changes: [Change] = []
    private var folderExists = false
    /// Paths that could not be renamed into the stash (another file system) and were deleted:
    /// ``restore()`` cannot bring these back.
    public private(set) var unrecoverable: [String] = []

    /// A stash for the environment rooted at `environmentRoot`.
    public init(environmentRoot: String) {
        folder = environmentRoot + "/" + Self.folderPrefix + FileSystem.randomSuffix()
    }

    /// Whether anything was stashed.
    public var isEmpty: Bool { changes.isEmpty && unrecoverable.isEmpty }

    /// Moves `path` (a file, a link or a whole folder) out of the environment; missing is fine.
    public func take(_ path: String) throws(InstallerError) {
        if !folderExists {
            guard mkdir(folder, 0o700) == 0 || errno == EEXIST else { throw FileSystem.failure("create directory", folder) }
            folderExists = true
        }
        let stashed = folder + "/" + String(changes.count)
        let code = FileSystem.renameReportingError(path, stashed)
        switch code {
        case 0:
            changes.append(.moved(original: path, stashed: stashed))
        case ENOENT:
            return
        case EXDEV:
            try FileSystem.removeTree(path)
            unrecoverable.append(path)
        default:
            throw FileSystem.failure("move `\(path)` to", stashed, code: code)
        }
    }

    /// Removes the empty folder `path`, remembering it (and its mode) for ``restore()``.
    func removeEmptyFolder(_ path: String) throws(InstallerError) {
        guard let info = try FileSystem.lstatIfPresent(path) else { return }
        guard rmdir(path) == 0 else { throw FileSystem.failure("remove directory", path) }
        changes.append(.removedFolder(path: path, mode: info.st_mode & 0o7777))
    }

    /// Puts everything back where it was, newest change first, replacing whatever a failed
    /// install left at those paths; then deletes the stash folder.
    public func restore() throws(InstallerError) {
        while let change = changes.popLast() {
            switch change {
            case .removedFolder(let path, let mode):
                if mkdir(path, mode) != 0 && errno != EEXIST { throw FileSystem.failure("create directory", path) }
            case .moved(let original, let stashed):
                try FileSystem.createDirectories(PathArithmetic.parent(original))
                if try FileSystem.lstatIfPresent(original) != nil { try FileSystem.removeTree(original) }
                let code = FileSystem.renameReportingError(stashed, original)
                guard code == 0 else { throw FileSystem.failure("move `\(stashed)` back to", original, code: code) }
            }
        }
        discard()
    }

    /// Deletes what was stashed: the uninstalls become final.
    public func discard() {
        changes = []
        if folderExists {
            _ = try? FileSystem.removeTree(folder)
            folderExists = false
        }
    }

    /// Deletes the stash folders a killed sync left in the environment. Call it while holding
    /// the environment's lock, so that no running sync's stash is among them.
    public static func removeLeftovers(environmentRoot: String) {
        guard let names = try? FileSystem.entries(environmentRoot) else { return }
        for name in names where name.hasPrefix(folderPrefix) {
            _ = try? FileSystem.removeTree(environmentRoot + "/" + name)
        }
    }
}
