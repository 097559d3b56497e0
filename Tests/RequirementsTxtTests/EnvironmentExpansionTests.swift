import Testing
@testable import RequirementsTxt

/// `${VAR}` expansion from the injected environment.
@Suite struct EnvironmentExpansionTests {
    let environment = ["INDEX": "https://idx.example/simple", "SUB": "nested", "WHEELS": "/srv/wheels", "REF": "v1.2"]

    @Test func expandsInOptionsIncludesAndRequirements() throws {
        let file = try parse(
            """
            --index-url ${INDEX}
            --extra-index-url ${UNKNOWN}/simple
            -f ${WHEELS}
            -r ${SUB}/reqs.txt
            pkg @ git+https://example.com/pkg@${REF}
            ${WHEELS}/tool-1.0-py3-none-any.whl
            -e ${WHEELS}/../src
            """,
            files: ["nested/reqs.txt": "inner\n"],
            environment: environment)
        #expect(file.indexURL == "https://idx.example/simple")
        #expect(file.extraIndexURLs == ["${UNKNOWN}/simple"])
        #expect(file.findLinks == ["/srv/wheels"])
        #expect(file.requirements.map(\.text) == [
            "inner", "pkg @ git+https://example.com/pkg@v1.2", "/srv/wheels/tool-1.0-py3-none-any.whl",
        ])
        #expect(file.requirements[2].requirement.unnamed?.given == "${WHEELS}/tool-1.0-py3-none-any.whl")
        #expect(file.editables.map(\.text) == ["/srv/wheels/../src"])
    }

    @Test func onlyBracedUppercaseNamesExpand() {
        let expansion = EnvironmentExpansion(environment: ["A_1": "x", "lower": "y", "HOME": "/h"])
        #expect(expansion.expand("${A_1}/$HOME/${lower}/${}/${A_1") == "x/$HOME/${lower}/${}/${A_1")
        #expect(expansion.expand("${A_1}${A_1}") == "xx")
    }
}
