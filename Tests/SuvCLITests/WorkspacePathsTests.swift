@testable import SuvCLI
import Testing

/// Paths as uv records them for workspace members and path sources.
@Suite struct WorkspacePathsTests {
    @Test(arguments: [
        ("/w/packages/app", "/w", "packages/app"),
        ("/w", "/w", "."),
        ("/deps/x", "/w/root", "../../deps/x"),
        ("/w/a/b", "/w/a/c", "../b"),
    ])
    func relativeToTheRoot(_ target: String, _ base: String, _ expected: String) {
        #expect(WorkspacePaths.relative(target, to: base) == expected)
    }

    @Test func joinFoldsDotsAndSlashes() {
        #expect(WorkspacePaths.join("/w/packages/app", "../../deps//x/") == "/w/deps/x")
        #expect(WorkspacePaths.join("/w", "./lib") == "/w/lib")
        #expect(WorkspacePaths.join("/w", "/abs/x") == "/abs/x")
        #expect(WorkspacePaths.join("/", "..") == "/")
    }

    @Test func globsMatchOneComponentPerStar() {
        #expect(WorkspacePaths.matches(pattern: "packages/*", path: "packages/app"))
        #expect(WorkspacePaths.matches(pattern: "./packages/*/", path: "packages/app"))
        #expect(!WorkspacePaths.matches(pattern: "packages/*", path: "packages/app/sub"))
        #expect(!WorkspacePaths.matches(pattern: "libs/*", path: "packages/app"))
        #expect(WorkspacePaths.matches(pattern: "packages/[ab]*", path: "packages/app"))
    }
}
