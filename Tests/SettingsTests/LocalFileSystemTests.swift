import Testing
@testable import Settings

@Suite struct LocalFileSystemTests {
    @Test func readsThroughTheRoot() throws {
        let root = FakeRoot()
        root.write("/etc/uv/uv.toml", "offline = true\n")
        let fileSystem = root.fileSystem
        #expect(fileSystem.hostPath("/etc/uv/uv.toml") == root.root + "/etc/uv/uv.toml")
        #expect(try fileSystem.readFile(atPath: "/etc/uv/uv.toml") == "offline = true\n")
        #expect(fileSystem.isFile(atPath: "/etc/uv/uv.toml"))
        #expect(!fileSystem.isFile(atPath: "/etc/uv"))
        #expect(try fileSystem.readFile(atPath: "/etc/missing.toml") == nil)
        #expect(try fileSystem.readFile(atPath: "/etc/uv/uv.toml/below") == nil)
        #expect(LocalFileSystem().hostPath("/x") == "/x")
    }

    @Test func directoriesAreNotReadable() {
        let root = FakeRoot()
        root.directory("/d")
        #expect(throws: FileReadError.self) { try root.fileSystem.readFile(atPath: "/d") }
    }
}

@Suite struct UnreadableUserConfigurationTests {
    /// A fake file system whose reads of one path fail.
    struct Failing: SettingsFileSystem {
        var path: String
        var error: FileReadError
        func readFile(atPath path: String) throws(FileReadError) -> String? {
            if path == self.path { throw error }
            return nil
        }
        func isFile(atPath path: String) -> Bool { false }
    }

    let user = "/home/alice/.config/uv/uv.toml"

    @Test func permissionDeniedUserFileIsSkippedLikeUv() throws {
        let fileSystem = Failing(path: user, error: FileReadError(path: user, reason: "Permission denied (os error 13)", isPermissionDenied: true))
        let environment = SettingsEnvironment(variables: ["HOME": "/home/alice"], workingDirectory: "/w", fileSystem: fileSystem)
        #expect(try ConfigurationDiscovery(environment: environment).discover().files.isEmpty)
    }

    @Test func otherReadErrorsAreReported() throws {
        let fileSystem = Failing(path: user, error: FileReadError(path: user, reason: "Input/output error (os error 5)"))
        let environment = SettingsEnvironment(variables: ["HOME": "/home/alice"], workingDirectory: "/w", fileSystem: fileSystem)
        let error = try #require(throws: ConfigurationError.self) { try ConfigurationDiscovery(environment: environment).discover() }
        #expect(error.message == "failed to read from file `\(user)`: Input/output error (os error 5)")
    }
}
