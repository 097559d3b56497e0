import PackagingTypes
import SuvBasics

/// A distribution found in a site-packages folder.
public struct InstalledDistribution: Sendable, Hashable {
    /// How it was installed.
    public enum Kind: Sendable, Hashable {
        /// A `.dist-info` folder (wheels, PEP 376).
        case distInfo
        /// A legacy `.egg-info` folder or file (`setup.py install`, distutils).
        case eggInfo
    }

    public var name: PackageName
    /// The version as `METADATA` (or the folder name) gives it.
    public var version: String
    /// The `.dist-info` / `.egg-info` path.
    public var path: String
    public var kind: Kind
    /// Whether a `RECORD` exists (always `false` for egg-info).
    public var hasRecord: Bool
    /// The `INSTALLER` text, trimmed (`suv`, `uv`, `pip`), when present.
    public var installer: String?
    /// Whether `REQUESTED` exists.
    public var requested: Bool
    /// The raw `direct_url.json`, when present.
    public var directURL: String?

    /// A `.dist-info` without `RECORD`: an install that did not finish. It cannot be uninstalled
    /// by `RECORD`; reinstall it (see ``WheelUninstaller/uninstallBroken(distInfo:wheel:scheme:)``).
    public var isBroken: Bool { kind == .distInfo && !hasRecord }
}

/// The installed set of a site-packages folder, for a sync to diff against what it wants.
public enum InstalledDistributions {
    /// Every `*.dist-info` and `*.egg-info` in `sitePackages`, sorted by name then version.
    /// A missing folder is an empty environment.
    public static func scan(_ sitePackages: String) throws(InstallerError) -> [InstalledDistribution] {
        var found: [InstalledDistribution] = []
        for entry in try FileSystem.entries(sitePackages) {
            let path = sitePackages + "/" + entry
            if entry.hasSuffix(".dist-info"), FileSystem.isDirectory(path) {
                found.append(try distInfo(path, folder: String(entry.dropLast(".dist-info".count))))
            } else if entry.hasSuffix(".egg-info") {
                found.append(try eggInfo(path, folder: String(entry.dropLast(".egg-info".count))))
            }
        }
        return found.sorted { ($0.name.normalized, $0.version, $0.path) < ($1.name.normalized, $1.version, $1.path) }
    }

    private static func distInfo(_ path: String, folder: String) throws(InstallerError) -> InstalledDistribution {
        let metadata = try FileSystem.readIfPresent(path + "/METADATA")
        let (name, version) = nameAndVersion(metadata, folder: folder)
        let installer = try FileSystem.readIfPresent(path + "/INSTALLER").map {
            String(decoding: $0, as: UTF8.self).trimmingCharacters(in: " \t\r\n")
        }
        return InstalledDistribution(
            name: PackageName(name), version: version, path: path, kind: .distInfo,
            hasRecord: FileSystem.exists(path + "/RECORD") && metadata != nil,
            installer: installer, requested: FileSystem.exists(path + "/REQUESTED"),
            directURL: try FileSystem.readIfPresent(path + "/direct_url.json").map { String(decoding: $0, as: UTF8.self) }
        )
    }

    private static func eggInfo(_ path: String, folder: String) throws(InstallerError) -> InstalledDistribution {
        let metadata = FileSystem.isDirectory(path)
            ? try FileSystem.readIfPresent(path + "/PKG-INFO")
            : try FileSystem.readIfPresent(path)
        let (name, version) = nameAndVersion(metadata, folder: folder)
        return InstalledDistribution(
            name: PackageName(name), version: version, path: path, kind: .eggInfo, hasRecord: false,
            installer: nil, requested: false, directURL: nil
        )
    }

    /// `Name` and `Version` from metadata, else from `<name>-<version>[-pyX.Y]`.
    static func nameAndVersion(_ metadata: [UInt8]?, folder: String) -> (String, String) {
        let parts = folder.split(separator: "-", omittingEmptySubsequences: false)
        var name = parts.first.map(String.init) ?? folder
        var version = parts.count > 1 ? String(parts[1]) : ""
        if let metadata {
            let headers = MetadataHeaders(parsing: String(decoding: metadata, as: UTF8.self))
            if let value = headers.fields.first(where: { $0.name.lowercased() == "name" })?.value, !value.isEmpty { name = value }
            if let value = headers.fields.first(where: { $0.name.lowercased() == "version" })?.value, !value.isEmpty { version = value }
        }
        return (name, version)
    }
}
