import Testing
import SuvTestSupport
@testable import RequirementsTxt

/// The default loader against real files.
@Suite struct POSIXRequirementsLoaderTests {
    @Test func readsFilesAndIncludes() throws {
        let tree = try TemporaryTree()
        try tree.write("reqs/main.txt", "\u{FEFF}-r sub/extra.txt\nmain==1\n")
        try tree.write("reqs/sub/extra.txt", "extra>=2\n")
        let file = try RequirementsFile.parse(path: tree.path("reqs/main.txt"), loader: POSIXRequirementsLoader())
        #expect(file.requirements.map(\.text) == ["extra>=2", "main==1"])
        #expect(file.requirements.first?.origin.path == tree.path("reqs/sub/extra.txt"))
    }

    @Test func missingFileReportsTheOperatingSystemReason() throws {
        let tree = try TemporaryTree()
        let error = #expect(throws: RequirementsLoadError.self) {
            try POSIXRequirementsLoader().load(path: tree.path("absent.txt"))
        }
        #expect(error?.reason == "No such file or directory (os error 2)")
    }
}
