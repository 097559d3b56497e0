import Foundation

/// Locates the repository, its `fixtures/` folder and the shared oracle data beside it.
///
/// Paths are found by walking up from this source file to the folder holding `Package.swift`,
/// so tests need no resource bundling and run from any working directory.
public enum RepositoryPaths {
    /// The repository root (the folder holding `Package.swift`).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
            url = url.deletingLastPathComponent()
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// `fixtures/` in the repository.
    public static var fixtures: URL { root.appendingPathComponent("fixtures") }

    /// The shared folder beside the repository (`../shared`).
    public static var shared: URL {
        root.deletingLastPathComponent().appendingPathComponent("shared")
    }

    /// The oracle vectors: `$SUV_VECTORS` when set (a held-out set with the same layout),
    /// else `../shared/vectors`. Fails loudly when the folder is missing.
    public static func vectors() throws -> URL {
        let url: URL
        if let override = ProcessInfo.processInfo.environment["SUV_VECTORS"], !override.isEmpty {
            url = URL(fileURLWithPath: override)
        } else {
            url = shared.appendingPathComponent("vectors")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw MissingVectors(path: url.path)
        }
        return url
    }
}

/// Thrown when the shared oracle vectors are not where the tests expect them.
public struct MissingVectors: Error, CustomStringConvertible {
    public let path: String
    public var description: String {
        "The oracle vectors are missing at \(path): check out ../shared beside the repository or set SUV_VECTORS"
    }
}
