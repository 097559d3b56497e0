#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import PackagingTypes

/// What an uninstall removed.
public struct UninstallResult: Sendable, Equatable {
    public var fileCount: Int
    public var directoryCount: Int

    public init(fileCount: Int = 0, directoryCount: Int = 0) {
        self.fileCount = fileCount
        self.directoryCount = directoryCount
    }
}

/// Removes installed distributions: by `RECORD` for `.dist-info`, by `top_level.txt` for legacy
/// `.egg-info`, and by the plan of the wheel it came from for a `.dist-info` whose install was
/// interrupted before `RECORD` was written.
public enum WheelUninstaller {
    /// Removes the distribution whose `.dist-info` folder is `distInfo`, as uv does: every file
    /// `RECORD` lists (skipping entries outside the scheme's folders and files another installed
    /// distribution's `RECORD` also lists), then `__pycache__` folders and folders left empty in
    /// site-packages, then what is left of the `.dist-info` folder.
    ///
    /// With a `stash`, what would be deleted is moved into it instead, so that it can be put back.
    ///
    /// - Throws: ``InstallerError/missingRecord(path:)`` without `RECORD` (see
    ///   ``uninstallBroken(distInfo:wheel:scheme:)``).
    public static func uninstall(
        distInfo: String, scheme: InstallScheme, stash: UninstallStash? = nil
    ) throws(InstallerError) -> UninstallResult {
        let recordPath = distInfo + "/RECORD"
        guard let bytes = try FileSystem.readIfPresent(recordPath) else { throw .missingRecord(path: recordPath) }
        let entries: [RecordEntry]
        do {
            entries = try RecordFile.parse(String(decoding: bytes, as: UTF8.self))
        } catch {
            throw .invalidRecord(path: recordPath, reason: error.description)
        }
        let sitePackages = PathArithmetic.parent(distInfo)
        let shared = try sharedPaths(sitePackages: sitePackages, excluding: distInfo)
        return try remove(entries.map { PathArithmetic.join(sitePackages, $0.path) }, distInfo: distInfo, scheme: scheme, shared: shared,
                          disposal: Disposal(stash: stash))
    }

    /// Removes a `.dist-info` left without `RECORD` by an interrupted install of `wheel`: every
    /// destination the wheel's install plan names (files another distribution's `RECORD` lists
    /// are kept), then empty folders and the `.dist-info` folder.
    public static func uninstallBroken(distInfo: String, wheel: UnpackedWheel, scheme: InstallScheme) throws -> UninstallResult {
        let files = try FileSystem.walkFiles(wheel.path)
        let wheelDistInfo = try WheelInstaller.findDistInfo(in: wheel.path, files: files, package: wheel.filename.name)
        let info = try WheelInstaller.readInfo(wheel.path, distInfo: wheelDistInfo)
        let entryPoints = try WheelInstaller.readEntryPoints(wheel.path, distInfo: wheelDistInfo, pythonMinor: scheme.pythonMinor)
        let plan = try InstallPlan.make(
            files: files, distInfo: wheelDistInfo, name: wheel.filename.name.normalized,
            rootIsPurelib: info.rootIsPurelib, entryPoints: entryPoints, scheme: scheme
        )
        let sitePackages = PathArithmetic.parent(distInfo)
        let shared = try sharedPaths(sitePackages: sitePackages, excluding: distInfo)
        let paths = plan.items.map(\.destination) + plan.scripts.map(\.destination)
        return try remove(paths, distInfo: distInfo, scheme: scheme, shared: shared, disposal: Disposal(stash: nil))
    }

    /// Removes a legacy `.egg-info` distribution as uv does: each `top_level.txt` name (not in
    /// `namespace_packages.txt`) as a folder, or as `<name>.py`, `.pyc` or `.pyo`; then the
    /// `.egg-info` itself (a folder or a file). With a `stash`, what would be deleted is moved into it.
    public static func uninstallEgg(eggInfo: String, stash: UninstallStash? = nil) throws(InstallerError) -> UninstallResult {
        let disposal = Disposal(stash: stash)
        var result = UninstallResult()
        let location = PathArithmetic.parent(eggInfo)
        func lines(_ name: String) throws(InstallerError) -> [String]? {
            guard let bytes = try FileSystem.readIfPresent(eggInfo + "/" + name) else { return nil }
            return String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
                .map { $0.trimmingPrefix(while: \.isWhitespace) }
                .map { String($0).trimmingCharacters(in: " \t") }
                .filter { !$0.isEmpty }
        }
        let namespaces = Set(try lines("namespace_packages.txt") ?? [])
        guard let topLevel = try lines("top_level.txt") else { throw .missingTopLevel(path: eggInfo + "/top_level.txt") }
        for name in topLevel where !namespaces.contains(name) {
            guard name != ".", name != "..", !name.contains("/"), !name.contains("\\") else { continue }
            let path = location + "/" + name
            if FileSystem.isDirectory(path) {
                try disposal.removeTree(path)
                result.directoryCount += 1
                continue
            }
            for suffix in [".py", ".pyc", ".pyo"] where try disposal.removeFile(path + suffix) {
                result.fileCount += 1
                break
            }
        }
        if FileSystem.exists(eggInfo) {
            try disposal.removeTree(eggInfo)
            result.directoryCount += 1
        }
        return result
    }

    /// Every path (absolute, normalized) that the `RECORD` of another `.dist-info` in
    /// `sitePackages` lists; unreadable records are skipped.
    static func sharedPaths(sitePackages: String, excluding distInfo: String) throws(InstallerError) -> Set<String> {
        var shared: Set<String> = []
        for name in try FileSystem.entries(sitePackages) where name.hasSuffix(".dist-info") {
            let other = sitePackages + "/" + name
            guard PathArithmetic.normalize(other) != PathArithmetic.normalize(distInfo),
                  let bytes = try? FileSystem.readIfPresent(other + "/RECORD"),
                  let entries = try? RecordFile.parse(String(decoding: bytes, as: UTF8.self)) else { continue }
            for entry in entries { shared.insert(PathArithmetic.join(sitePackages, entry.path)) }
        }
        return shared
    }

    /// How an uninstall gets rid of what it removes: deleted, or moved into a stash.
    private struct Disposal {
        let stash: UninstallStash?

        func removeTree(_ path: String) throws(InstallerError) {
            if let stash { try stash.take(path) } else { try FileSystem.removeTree(path) }
        }

        /// `true` when there was something to remove.
        func removeFile(_ path: String) throws(InstallerError) -> Bool {
            guard let stash else { return try FileSystem.removeFile(path) }
            guard try FileSystem.lstatIfPresent(path) != nil else { return false }
            try stash.take(path)
            return true
        }

        func removeEmptyFolder(_ path: String) throws(InstallerError) {
            if let stash { try stash.removeEmptyFolder(path); return }
            guard rmdir(path) == 0 else { throw FileSystem.failure("remove directory", path) }
        }
    }

    private static func remove(
        _ paths: [String], distInfo: String, scheme: InstallScheme, shared: Set<String>, disposal: Disposal
    ) throws(InstallerError) -> UninstallResult {
        var result = UninstallResult()
        let sitePackages = PathArithmetic.normalize(PathArithmetic.parent(distInfo))
        var visited: Set<String> = []
        for path in paths {
            let path = PathArithmetic.normalize(path)
            guard scheme.roots.contains(where: { PathArithmetic.isInside(path, $0) }), !shared.contains(path) else { continue }
            guard let info = try FileSystem.lstatIfPresent(path) else { continue }
            if FileSystem.isDirectory(info) {
                try disposal.removeTree(path)
                result.directoryCount += 1
            } else {
                _ = try disposal.removeFile(path)
                result.fileCount += 1
            }
            visited.insert(PathArithmetic.parent(path))
        }
        for folder in visited.sorted(by: >) where PathArithmetic.isInside(folder, sitePackages) {
            var current = folder
            while current != sitePackages, PathArithmetic.isInside(current, sitePackages) {
                let cache = current + "/__pycache__"
                if FileSystem.isDirectory(cache) {
                    try disposal.removeTree(cache)
                    result.directoryCount += 1
                }
                guard FileSystem.exists(current) else {
                    current = PathArithmetic.parent(current)
                    continue
                }
                guard try FileSystem.entries(current).isEmpty else { break }
                try disposal.removeEmptyFolder(current)
                result.directoryCount += 1
                current = PathArithmetic.parent(current)
            }
        }
        if FileSystem.exists(distInfo) {
            try disposal.removeTree(distInfo)
            result.directoryCount += 1
        }
        return result
    }
}
