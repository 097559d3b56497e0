import Testing
import SuvBasics
@testable import RequirementsTxt

/// Editables and global options.
@Suite struct OptionTests {
    @Test func editables() throws {
        let file = try parse("""
            -e ./local/project
            --editable=../other[extra]
            -e file:///abs/project#egg=abs
            -e named @ file:///abs/named
            -e plain-dir
            """)
        #expect(file.requirements.isEmpty)
        #expect(file.editables.map(\.text) == [
            "./local/project", "../other[extra]", "file:///abs/project#egg=abs", "named @ file:///abs/named", "plain-dir",
        ])
        #expect(file.editables[3].requirement.named?.name == "named")
        #expect(file.editables[4].requirement.unnamed != nil)
        #expect(file.editables.map(\.origin.line) == [1, 2, 3, 4, 5])
    }

    @Test func registryEditablesAreRefused() {
        let error = #expect(throws: RequirementsTxtError.self) { try parse("x\n-e foo>=1.0\n") }
        #expect(error?.message == "Unsupported editable requirement in `requirements.txt` at line 2: `foo>=1.0`")
        #expect(error?.hints == ["Editable requirements must refer to a local directory"])
    }

    @Test func indexOptions() throws {
        let file = try parse("""
            -i https://pypi.example/simple
            --extra-index-url https://extra.one/simple
            --extra-index-url=https://extra.two/simple
            -f ./wheels
            --find-links https://example.com/links/
            --no-index
            --require-hashes
            --pre
            pkg
            """)
        #expect(file.indexURL == "https://pypi.example/simple")
        #expect(file.extraIndexURLs == ["https://extra.one/simple", "https://extra.two/simple"])
        #expect(file.findLinks == ["./wheels", "https://example.com/links/"])
        #expect(file.noIndex && file.requireHashes && file.pre)
        #expect(file.requirements.map(\.text) == ["pkg"])
    }

    @Test func longIndexURLSpelling() throws {
        #expect(try parse("--index-url=https://a/simple # comment").indexURL == "https://a/simple")
    }

    @Test func binaryOptions() throws {
        let file = try parse("--no-binary :all:\n--only-binary=Foo_Bar\n--no-binary :none:\n")
        #expect(file.noBinary == [.all, .none])
        #expect(file.onlyBinary == [.package(PackageName("foo-bar"))])
    }

    @Test func invalidBinarySpecifier() {
        let error = #expect(throws: RequirementsTxtError.self) { try parse("--only-binary foo,bar") }
        #expect(error?.message == "Invalid specifier for `--only-binary` in `requirements.txt`: foo,bar")
    }

    @Test func ignoredOptionsAreRecorded() throws {
        let file = try parse("--trusted-host example.com\n--prefer-binary\n--use-feature=fast-deps\npkg\n")
        #expect(file.ignoredOptions.map(\.name) == ["--trusted-host", "--prefer-binary", "--use-feature"])
        #expect(file.ignoredOptions.map(\.origin.line) == [1, 2, 3])
        #expect(file.requirements.map(\.text) == ["pkg"])
        #expect(!file.pre)
    }

    @Test func nestedOptionsMerge() throws {
        let file = try parse(
            "--index-url https://a/simple\n-r sub.txt\n",
            files: ["sub.txt": "--index-url https://a/simple\n--extra-index-url https://b/simple\n--no-index\n"])
        #expect(file.indexURL == "https://a/simple")
        #expect(file.extraIndexURLs == ["https://b/simple"])
        #expect(file.noIndex)
        #expect(try parse("-r sub.txt\n", files: ["sub.txt": "-i https://sub/simple\n"]).indexURL == "https://sub/simple")
    }

    @Test func conflictingIndexURLs() {
        let nested = #expect(throws: RequirementsTxtError.self) {
            try parse("-i https://a/simple\n-r sub.txt\n", files: ["sub.txt": "-i https://b/simple\n"])
        }
        #expect(nested?.message == "Nested `requirements` file contains conflicting `--index-url` at requirements.txt:2:11")
        let twice = #expect(throws: RequirementsTxtError.self) { try parse("-i https://a\n-i https://b\n") }
        #expect(twice?.message == "Multiple `--index-url` values provided at requirements.txt:2:13")
    }
}
