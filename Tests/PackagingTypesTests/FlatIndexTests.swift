import PackagingTypes
import SuvBasics
import Testing

@Suite struct FlatIndexTests {
    @Test func keepsOnlyDistributionLinks() {
        let html = """
        <html><body>
        <a href="../">Parent directory</a>
        <a href="./pkg_a-1.0-py3-none-any.whl#sha256=aa">pkg_a-1.0-py3-none-any.whl</a>
        <a href="pkg_a-1.0.tar.gz" data-requires-python="&gt;=3.9">pkg_a-1.0.tar.gz</a>
        <a href="notes.txt">notes</a><a href="broken-.whl">broken</a>
        <a href="sub/pkg_b-2.0-cp312-cp312-manylinux_2_17_x86_64.whl">b</a>
        <a href="./pkg_a-1.0-py3-none-any.whl">duplicate</a>
        </body></html>
        """
        let files = FlatIndex.files(html: Array(html.utf8), url: "https://host.example/wheels/index.html")
        #expect(files.map(\.filename) == [
            "pkg_a-1.0-py3-none-any.whl", "pkg_a-1.0.tar.gz", "pkg_b-2.0-cp312-cp312-manylinux_2_17_x86_64.whl",
        ])
        #expect(files[0].url == "https://host.example/wheels/pkg_a-1.0-py3-none-any.whl")
        #expect(files[0].hashes.first?.value == "aa")
        #expect(files[1].requiresPython?.raw == ">=3.9")
        #expect(files[2].url == "https://host.example/wheels/sub/pkg_b-2.0-cp312-cp312-manylinux_2_17_x86_64.whl")
        #expect(files[2].distribution?.name == PackageName("pkg-b"))
    }

    @Test func listsADirectory() {
        let files = FlatIndex.files(
            inDirectory: "/srv/my wheels",
            filenames: ["zz-1.0.tar.gz", "README.md", "aa-2.0-py3-none-any.whl", "sub", "aa-2.0-py3-none-any.whl.metadata"]
        )
        #expect(files.map(\.filename) == ["aa-2.0-py3-none-any.whl", "zz-1.0.tar.gz"])
        #expect(files[0].url == "file:///srv/my%20wheels/aa-2.0-py3-none-any.whl")
        #expect(files[0].hashes.isEmpty)
        #expect(files[1].distribution?.sdist?.version.description == "1.0")
    }
}
