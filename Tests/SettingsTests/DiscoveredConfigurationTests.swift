import PyProject
import Testing
@testable import Settings

@Suite struct DiscoveredConfigurationTests {
    func file(_ level: ConfigurationLevel, _ text: String) throws -> ConfigurationFile {
        ConfigurationFile(path: "/\(level.rawValue)/uv.toml", level: level, kind: .uvToml, settings: try UvToml(parsing: text).settings)
    }

    @Test func scalarsFromTheFirstFileArraysConcatenated() throws {
        let configuration = DiscoveredConfiguration(files: [
            try file(.project, "resolution = \"lowest\"\nfind-links = [\"p\"]\n[[index]]\nurl = \"https://p.example\"\n"),
            try file(.user, "resolution = \"highest\"\noffline = true\nfind-links = [\"u\"]\n[[index]]\nurl = \"https://u.example\"\n"),
            try file(.system, "offline = false\nconcurrent-downloads = 2\n[[index]]\nurl = \"https://s.example\"\n[pip]\nsystem = true\n"),
        ])
        #expect(configuration.value(\.resolution)?.value == .lowest)
        #expect(configuration.value(\.resolution)?.file.level == .project)
        #expect(configuration.value(\.offline)?.value == true)
        #expect(configuration.value(\.offline)?.file.level == .user)
        #expect(configuration.value(\.prerelease) == nil)
        #expect(configuration.values(\.findLinks).map(\.value) == ["p", "u"])
        let merged = configuration.merged
        #expect(merged.index.map(\.url) == ["https://p.example", "https://u.example", "https://s.example"])
        #expect(merged.resolution == .lowest)
        #expect(merged.offline == true)
        #expect(merged.concurrentDownloads == 2)
        #expect(merged.findLinks == ["p", "u"])
        #expect(merged.pip?["system"] == .boolean(true))
        #expect(configuration.file(at: .user)?.path == "/user/uv.toml")
        #expect(configuration.file(at: .explicitFile) == nil)
    }

    @Test func originDescriptions() throws {
        let project = ConfigurationFile(path: "/p/pyproject.toml", displayPath: "pyproject.toml", level: .project, kind: .pyprojectToml, settings: .init())
        #expect(project.originDescription == "`pyproject.toml` at pyproject.toml")
        #expect(project.directory == "/p")
        #expect(IndexOrigin.configuration(path: "/etc/uv/uv.toml", kind: .uvToml, level: .system).description == "from `uv.toml` at /etc/uv/uv.toml")
        #expect(IndexOrigin.pipConfiguration(path: "/etc/pip.conf").description == "from pip.conf at /etc/pip.conf")
        #expect(IndexOrigin.pipEnvironment(variable: "PIP_INDEX_URL").description == "from `PIP_INDEX_URL`")
        #expect(IndexOrigin.environment(variable: "UV_INDEX").description == "from `UV_INDEX`")
        #expect(IndexOrigin.commandLine(flag: "--index").isCommandLineOrEnvironment)
        #expect(!IndexOrigin.pipEnvironment(variable: "PIP_INDEX_URL").isCommandLineOrEnvironment)
    }
}
