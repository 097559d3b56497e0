#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Folders that appear all at once (an unpacked wheel, a built source tree): built in a
/// temporary folder beside the destination, then renamed into place.
public enum AtomicDirectory {
    /// What ``install(_:at:ifExists:)`` does when the destination is already there.
    public enum ExistingPolicy: Sendable, Equatable {
        /// Keep the existing folder and discard the new one. Right for content-addressed
        /// entries, where a concurrent process produced the same thing.
        case keepExisting
        /// Move the existing folder aside, put the new one in place, then delete the old one.
        case replace
    }

    /// What ``install(_:at:ifExists:)`` did.
    public enum Outcome: Sendable, Equatable {
        /// The new folder is now at the destination.
        case installed
        /// The destination already existed and was kept; the new folder was removed.
        case keptExisting
    }

    /// Creates an empty temporary folder inside `parent` (creating `parent` if needed), named
    /// with ``AtomicFile/temporaryPrefix`` so that `suv cache prune` can clear leftovers.
    ///
    /// - Returns: the new folder's path.
    public static func makeTemporary(in parent: String) throws(CacheError) -> String {
        try POSIX.createDirectories(parent)
        var attempts = 0
        while true {
            let candidate = Path.join(parent, AtomicFile.temporaryPrefix + POSIX.randomSuffix())
            if mkdir(candidate, 0o777) == 0 { return candidate }
            attempts += 1
            if errno != EEXIST || attempts > 16 { throw POSIX.failure("create a temporary directory in", parent) }
        }
    }

    /// Renames the finished folder `temporary` to `destination` (creating its parent folder).
    ///
    /// `temporary` must be on the same filesystem, ideally from ``makeTemporary(in:)`` in the
    /// destination's parent. On failure `temporary` is left for the caller to remove.
    @discardableResult
    public static func install(
        _ temporary: String,
        at destination: String,
        ifExists policy: ExistingPolicy = .keepExisting
    ) throws(CacheError) -> Outcome {
        let parent = Path.parent(destination)
        try POSIX.createDirectories(parent)
        if tryRename(temporary, destination) {
            POSIX.syncDirectory(parent)
            return .installed
        }
        let code = errno
        guard code == EEXIST || code == ENOTEMPTY else {
            throw POSIX.failure("move `\(temporary)` to", destination, code: code)
        }
        switch policy {
        case .keepExisting:
            var remover = TreeRemover()
            try remover.remove(temporary)
            return .keptExisting
        case .replace:
            let aside = Path.join(parent, AtomicFile.temporaryPrefix + POSIX.randomSuffix())
            try POSIX.rename(destination, aside)
            do {
                try POSIX.rename(temporary, destination)
            } catch {
                _ = tryRename(aside, destination)
                throw error
            }
            var remover = TreeRemover()
            try remover.remove(aside)
            POSIX.syncDirectory(parent)
            return .installed
        }
    }

    private static func tryRename(_ source: String, _ destination: String) -> Bool {
        #if canImport(Darwin)
        Darwin.rename(source, destination) == 0
        #elseif canImport(Glibc)
        Glibc.rename(source, destination) == 0
        #else
        Musl.rename(source, destination) == 0
        #endif
    }
}
