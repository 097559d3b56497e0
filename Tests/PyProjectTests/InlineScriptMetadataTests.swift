import PyProject
import Testing

/// PEP 723 blocks: found, read as TOML, and refused when doubled.
@Suite struct InlineScriptMetadataTests {
    @Test func readsTheScriptBlock() throws {
        let source = """
            #!/usr/bin/env python3
            # /// script
            # requires-python = ">=3.11"
            # dependencies = [
            #   "requests<3",
            #   "rich",
            # ]
            #
            # [tool.uv]
            # prerelease = "allow"
            # ///
            import requests
            """
        let metadata = try #require(try InlineScriptMetadata(scriptSource: source, fileName: "s.py"))
        #expect(metadata.dependencies == ["requests<3", "rich"])
        #expect(metadata.requiresPython == ">=3.11")
        #expect(metadata.toolUv != nil)
    }

    @Test func noBlockIsNoMetadata() throws {
        #expect(try InlineScriptMetadata(scriptSource: "print(1)\n# /// pyproject\n# x = 1\n# ///\n", fileName: "s.py") == nil)
        // A block interrupted by code is not a block.
        #expect(try InlineScriptMetadata(scriptSource: "# /// script\nx = 1\n# ///\n", fileName: "s.py") == nil)
    }

    @Test func twoBlocksAreAnError() {
        let source = "# /// script\n# dependencies = []\n# ///\n# /// script\n# dependencies = []\n# ///\n"
        #expect(throws: PyProjectError.self) { try InlineScriptMetadata(scriptSource: source, fileName: "s.py") }
    }

    @Test func badTOMLNamesTheScript() {
        do {
            _ = try InlineScriptMetadata(scriptSource: "# /// script\n# dependencies = [\n# ///\n", fileName: "tool.py")
            Issue.record("expected an error")
        } catch {
            #expect(error.message.contains("tool.py"))
        }
    }
}
