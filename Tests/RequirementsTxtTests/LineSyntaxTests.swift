import Testing
import PEP508
@testable import RequirementsTxt

/// Comments, blank lines, continuations, line endings and requirement lines.
@Suite struct LineSyntaxTests {
    @Test func commentsAndBlankLinesAreSkipped() throws {
        let file = try parse("""
            # a comment

            requests>=2.0  # trailing comment
               \t
            flask[async] ; python_version >= "3.8"
            #another
            numpy
            """)
        #expect(file.requirements.map(\.text) == ["requests>=2.0", #"flask[async]; python_version >= "3.8""#, "numpy"])
        #expect(file.requirements.map(\.origin.line) == [3, 5, 7])
        #expect(file.requirements.allSatisfy { $0.origin.path == "requirements.txt" && $0.hashes.isEmpty })
    }

    @Test func hashWithoutWhitespaceIsNotAComment() {
        #expect(throws: RequirementsTxtError.self) { try parse("numpy#egg") }
    }

    @Test func crlfAndLoneCarriageReturnsEndLines() throws {
        let file = try parse("a==1\r\n# c\r\nb==2\rc==3\r\n")
        #expect(file.requirements.map(\.text) == ["a==1", "b==2", "c==3"])
        #expect(file.requirements.map(\.origin.line) == [1, 3, 4])
    }

    @Test func continuationLinesJoinARequirement() throws {
        let file = try parse("""
            foo \\
                >=1.0 \\
                ; python_version >= "3.8"
            bar==2 \\

            baz
            """)
        #expect(file.requirements.map(\.text) == [#"foo>=1.0; python_version >= "3.8""#, "bar==2", "baz"])
        #expect(file.requirements.map(\.origin.line) == [1, 4, 6])
    }

    @Test func continuationLinesWithCRLF() throws {
        let file = try parse("foo \\\r\n  ==1.0\r\nbar\r\n")
        #expect(file.requirements.map(\.text) == ["foo==1.0", "bar"])
        #expect(file.requirements.map(\.origin.line) == [1, 3])
    }

    @Test func hashesAreCollectedPerRequirement() throws {
        let file = try parse("""
            anyio==4.0.0 \\
                --hash=sha256:aaaa \\
                --hash sha256:bbbb
                # via -r requirements.in
            idna==3.4 --hash=sha256:cccc
            sniffio==1.3.0
            """)
        #expect(file.requirements.map(\.text) == ["anyio==4.0.0", "idna==3.4", "sniffio==1.3.0"])
        #expect(file.requirements.map(\.hashes) == [["sha256:aaaa", "sha256:bbbb"], ["sha256:cccc"], []])
    }

    @Test func configSettingsAreIgnored() throws {
        let file = try parse("""
            pkg==1.0 --config-settings=editable_mode=compat --hash=sha256:abcd
            other --config-settings key=value
            """)
        #expect(file.requirements.map(\.text) == ["pkg==1.0", "other"])
        #expect(file.requirements.map(\.hashes) == [["sha256:abcd"], []])
    }

    @Test func urlRequirementsAreNamed() throws {
        let file = try parse("pkg @ https://example.com/pkg-1.0.tar.gz ; sys_platform == \"linux\"")
        let requirement = try #require(file.requirements.first?.requirement.named)
        #expect(requirement.name == "pkg")
        #expect(requirement.url == "https://example.com/pkg-1.0.tar.gz")
        #expect(requirement.marker != nil)
    }

    @Test func bareURLsAndPathsAreUnnamed() throws {
        let file = try parse("""
            ./dist/pkg-1.0-py3-none-any.whl
            https://example.com/pkg-2.0.tar.gz
            /abs/path/to/project
            ../sibling[extra]
            pkg-3.0.tar.gz
            file:///tmp/thing.whl
            sub/dir
            """)
        #expect(file.requirements.compactMap(\.requirement.unnamed?.given) == [
            "./dist/pkg-1.0-py3-none-any.whl", "https://example.com/pkg-2.0.tar.gz", "/abs/path/to/project",
            "../sibling[extra]", "pkg-3.0.tar.gz", "file:///tmp/thing.whl", "sub/dir",
        ])
        #expect(file.requirements.allSatisfy { $0.requirement.named == nil })
    }

    @Test func emptyFile() throws {
        #expect(try parse("") == RequirementsFile())
        #expect(try parse("\n\n  # only comments\r\n") == RequirementsFile())
    }
}
