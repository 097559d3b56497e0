import Foundation
@testable import Settings

/// A temp directory standing in for `/`: files are written at their "virtual" absolute paths
/// (`/home/alice/.config/uv/uv.toml`), and ``environment(_:cwd:)`` builds a
/// ``SettingsEnvironment`` that reads through it, so every path in messages is fixed.
final class FakeRoot: @unchecked Sendable {
    let root: String

    init() {
        let base = FileManager.default.temporaryDirectory.path
        root = base + "/suv-settings-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: root)
    }

    /// Writes `contents` at the virtual absolute `path`, creating directories.
    func write(_ path: String, _ contents: String) {
        let host = root + path
        let directory = (host as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: host, contents: Data(contents.utf8))
    }

    /// Creates an empty directory at the virtual `path`.
    func directory(_ path: String) {
        try? FileManager.default.createDirectory(atPath: root + path, withIntermediateDirectories: true)
    }

    var fileSystem: LocalFileSystem { LocalFileSystem(root: root) }

    /// An environment with `HOME=/home/alice`, no XDG variables unless given, working in `cwd`.
    func environment(_ variables: [String: String] = [:], cwd: String = "/home/alice/proj") -> SettingsEnvironment {
        var all = ["HOME": "/home/alice"]
        for (key, value) in variables { all[key] = value }
        return SettingsEnvironment(variables: all, workingDirectory: cwd, fileSystem: fileSystem)
    }
}

/// A pip-default provider that always answers `url`, or always fails.
struct FakePipDefault: PipDefaultIndexProvider {
    var answer: Result<PipDefaultIndex, PipDefaultIndexError>

    static func answering(_ url: String = "https://index.example/simple") -> FakePipDefault {
        FakePipDefault(answer: .success(PipDefaultIndex(url: url, interpreter: "python3")))
    }

    static func failing(_ error: PipDefaultIndexError = .interpreterNotFound("python3")) -> FakePipDefault {
        FakePipDefault(answer: .failure(error))
    }

    func pipDefaultIndex() async throws(PipDefaultIndexError) -> PipDefaultIndex {
        try answer.get()
    }
}

/// A provider that records whether it was asked.
final class CountingPipDefault: PipDefaultIndexProvider, @unchecked Sendable {
    private(set) var calls = 0
    func pipDefaultIndex() async throws(PipDefaultIndexError) -> PipDefaultIndex {
        calls += 1
        return PipDefaultIndex(url: "https://index.example/simple", interpreter: "python3")
    }
}
