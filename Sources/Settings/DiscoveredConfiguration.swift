import TOML
import PyProject

/// The configuration files that apply, highest precedence first, and how their keys merge:
/// the first file that sets a scalar wins; arrays are concatenated in file order (so indexes
/// from every level accumulate, project first).
public struct DiscoveredConfiguration: Sendable, Equatable {
    /// The files, highest precedence first (`explicitFile` alone, or project, user, system).
    public var files: [ConfigurationFile]
    /// Warnings to show the user (without the `warning: ` prefix).
    public var warnings: [String]
    /// How the files were chosen.
    public var mode: Mode
    /// Whether `UV_NO_SYSTEM_CONFIG` turned the system level off.
    public var systemLevelDisabled: Bool

    /// How configuration files were chosen.
    public enum Mode: Sendable, Equatable {
        /// Searched for (project, user, system).
        case discovered
        /// Given with `--config-file` / `UV_CONFIG_FILE`: no other file is read.
        case explicitFile
        /// `--no-config` / `UV_NO_CONFIG`: no file is read.
        case disabled
    }

    public init(files: [ConfigurationFile] = [], warnings: [String] = [], mode: Mode = .discovered, systemLevelDisabled: Bool = false) {
        self.files = files
        self.warnings = warnings
        self.mode = mode
        self.systemLevelDisabled = systemLevelDisabled
    }

    /// Whether other configuration files (pip's included) may be read.
    public var readsOtherFiles: Bool { mode == .discovered }

    /// The file at `level`, if one was read.
    public func file(at level: ConfigurationLevel) -> ConfigurationFile? {
        files.first { $0.level == level }
    }

    /// A scalar setting: the value from the highest-precedence file that sets it, and that file.
    public func value<Value>(_ key: KeyPath<UvSettings, Value?>) -> (value: Value, file: ConfigurationFile)? {
        for file in files {
            if let value = file.settings[keyPath: key] { return (value, file) }
        }
        return nil
    }

    /// An array setting: every file's items, highest-precedence file first, each with its file.
    public func values<Element>(_ key: KeyPath<UvSettings, [Element]>) -> [(value: Element, file: ConfigurationFile)] {
        files.flatMap { file in file.settings[keyPath: key].map { (value: $0, file: file) } }
    }

    /// The merged settings as one value (scalars from the first file that sets them, arrays
    /// concatenated, `[pip]` from the first file that has one).
    public var merged: UvSettings {
        var result = UvSettings()
        result.index = values(\.index).map(\.value)
        result.indexURL = value(\.indexURL)?.value
        result.extraIndexURL = values(\.extraIndexURL).map(\.value)
        result.findLinks = values(\.findLinks).map(\.value)
        result.noIndex = value(\.noIndex)?.value
        result.indexStrategy = value(\.indexStrategy)?.value
        result.prerelease = value(\.prerelease)?.value
        result.resolution = value(\.resolution)?.value
        result.forkStrategy = value(\.forkStrategy)?.value
        result.excludeNewer = value(\.excludeNewer)?.value
        result.linkMode = value(\.linkMode)?.value
        result.compileBytecode = value(\.compileBytecode)?.value
        result.cacheDir = value(\.cacheDir)?.value
        result.noCache = value(\.noCache)?.value
        result.offline = value(\.offline)?.value
        result.nativeTLS = value(\.nativeTLS)?.value
        result.allowInsecureHost = values(\.allowInsecureHost).map(\.value)
        result.concurrentDownloads = value(\.concurrentDownloads)?.value
        result.addBounds = value(\.addBounds)?.value
        result.requiredVersion = value(\.requiredVersion)?.value
        result.pythonPreference = value(\.pythonPreference)?.value
        result.pythonDownloads = value(\.pythonDownloads)?.value
        result.pip = value(\.pip)?.value
        return result
    }
}
