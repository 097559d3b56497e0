import Testing
@testable import Settings

@Suite struct PathTextTests {
    @Test func normalizeAndJoin() {
        #expect(PathText.normalize("/a//b/./c/../d/") == "/a/b/d")
        #expect(PathText.normalize("/../a") == "/a")
        #expect(PathText.normalize("a/../../b") == "../b")
        #expect(PathText.normalize("") == ".")
        #expect(PathText.join("/a", "b") == "/a/b")
        #expect(PathText.join("/a/", "/b") == "/b")
        #expect(PathText.absolute("../x", in: "/home/alice/proj") == "/home/alice/x")
    }

    @Test func parentsAndAncestors() {
        #expect(PathText.parent("/a/b") == "/a")
        #expect(PathText.parent("/a") == "/")
        #expect(PathText.parent("/") == nil)
        #expect(PathText.ancestors(of: "/a/b") == ["/a/b", "/a", "/"])
        #expect(PathText.lastComponent("/a/uv.toml") == "uv.toml")
    }

    @Test func displayRelativeToTheWorkingDirectory() {
        #expect(PathText.display("/home/alice/proj/uv.toml", relativeTo: "/home/alice/proj") == "uv.toml")
        #expect(PathText.display("/home/alice/uv.toml", relativeTo: "/home/alice/proj") == "/home/alice/uv.toml")
        #expect(PathText.display("/home/alice/proj", relativeTo: "/home/alice/proj") == ".")
        #expect(PathText.display("/x", relativeTo: "/") == "x")
    }

    @Test func tildeExpansion() {
        #expect(PathText.expandingTilde("~/a", home: "/h") == "/h/a")
        #expect(PathText.expandingTilde("~", home: "/h") == "/h")
        #expect(PathText.expandingTilde("~bob/a", home: "/h") == "~bob/a")
        #expect(PathText.expandingTilde("~/a", home: nil) == "~/a")
    }
}
