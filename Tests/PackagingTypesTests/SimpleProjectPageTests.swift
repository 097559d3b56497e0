import PackagingTypes
import SuvBasics
import Testing

@Suite struct SimpleProjectPageTests {
    let pageURL = "https://index.example/simple/example/"

    @Test func parsesJSONPages() throws {
        let json = """
        {"meta": {"api-version": "1.4", "_last-serial": 7}, "name": "Example_Pkg",
         "project-status": {"status": "Archived", "reason": "moved"},
         "versions": ["1.0", "2.0"],
         "files": [
          {"filename": "example_pkg-1.0-py3-none-any.whl", "url": "../../files/example_pkg-1.0-py3-none-any.whl#sha256=ff",
           "hashes": {"sha256": "ABCD", "md5": "1234", "sha512": "ef01"}, "requires-python": ">=3.8",
           "yanked": false, "size": 1024, "upload-time": "2024-01-02T03:04:05.123456Z",
           "core-metadata": {"sha256": "beef"}, "dist-info-metadata": {"sha256": "dead"}},
          {"filename": "example_pkg-1.0.tar.gz", "url": "https://files.example/e/example_pkg-1.0.tar.gz",
           "hashes": {}, "requires-python": null, "yanked": "broken", "dist-info-metadata": true},
          {"filename": "example_pkg-2.0.tar.gz", "url": "x/example_pkg-2.0.tar.gz", "hashes": {"sha256": "00"},
           "requires-python": ">=3.8.*", "yanked": true, "data-dist-info-metadata": false, "size": "big"},
          {"filename": "example_pkg-1.0.tar.gz", "url": "duplicate", "hashes": {}},
          {"filename": "README.txt", "url": "README.txt", "hashes": {}}
         ]}
        """
        let page = try SimpleProjectPage(json: Array(json.utf8), url: pageURL)
        #expect(page.name == PackageName("example-pkg"))
        #expect(page.apiVersion == "1.4")
        #expect(page.projectStatus == ProjectStatus(status: "archived", reason: "moved"))
        #expect(page.versions == ["1.0", "2.0"])
        #expect(page.files.map(\.filename) == [
            "example_pkg-1.0-py3-none-any.whl", "example_pkg-1.0.tar.gz", "example_pkg-2.0.tar.gz", "README.txt",
        ])
        let wheel = page.files[0]
        #expect(wheel.url == "https://index.example/files/example_pkg-1.0-py3-none-any.whl")
        #expect(wheel.hashes.map(\.description) == ["sha512:ef01", "sha256:abcd", "md5:1234"])
        #expect(wheel.strongestHash?.algorithm == .sha512)
        #expect(wheel.requiresPython?.raw == ">=3.8")
        #expect(wheel.requiresPython?.specifiers?.description == ">=3.8")
        #expect(wheel.yanked == .notYanked)
        #expect(wheel.coreMetadata == .available(hashes: [HashDigest(algorithm: .sha256, value: "beef")]))
        #expect(wheel.size == 1024)
        #expect(wheel.uploadTime == "2024-01-02T03:04:05.123456Z")
        #expect(wheel.distribution?.wheel?.version.description == "1.0")
        #expect(wheel.metadataURL == wheel.url + ".metadata")

        let sdist = page.files[1]
        #expect(sdist.url == "https://files.example/e/example_pkg-1.0.tar.gz")
        #expect(sdist.hashes.isEmpty)
        #expect(sdist.requiresPython == nil)
        #expect(sdist.yanked == .yanked(reason: "broken"))
        #expect(sdist.coreMetadata == .available(hashes: []))
        #expect(sdist.distribution?.sdist?.name == PackageName("example-pkg"))

        let invalid = page.files[2]
        #expect(invalid.requiresPython?.raw == ">=3.8.*")
        #expect(invalid.requiresPython?.specifiers == nil, "an invalid requires-python does not fail the page")
        #expect(invalid.yanked == .yanked(reason: nil))
        #expect(invalid.coreMetadata == .unavailable)
        #expect(invalid.size == nil)
        #expect(page.files[3].distribution == nil)
    }

    @Test func rejectsBrokenJSONPages() {
        #expect(throws: SimpleAPIError.invalidField(path: "files", expected: "an array")) {
            try SimpleProjectPage(json: Array(#"{"name": "a", "meta": {"api-version": "1.0"}}"#.utf8), url: pageURL)
        }
        #expect(throws: SimpleAPIError.invalidField(path: "files[0].url", expected: "a string")) {
            try SimpleProjectPage(json: Array(#"{"name": "a", "files": [{"filename": "a-1.tar.gz"}]}"#.utf8), url: pageURL)
        }
        #expect(throws: SimpleAPIError.unsupportedAPIVersion("2.0")) {
            try SimpleProjectPage(json: Array(#"{"meta": {"api-version": "2.0"}, "name": "a", "files": []}"#.utf8), url: pageURL)
        }
        #expect(throws: SimpleAPIError.self) { try SimpleProjectPage(json: Array("<html>".utf8), url: pageURL) }
        #expect(throws: SimpleAPIError.invalidField(path: "name", expected: "a string")) {
            try SimpleProjectPage(json: Array(#"{"files": []}"#.utf8), url: pageURL)
        }
        let named = try? SimpleProjectPage(json: Array(#"{"files": []}"#.utf8), url: pageURL, name: PackageName("a"))
        #expect(named?.name == PackageName("a"))
    }

    @Test func parsesHTMLPages() throws {
        let html = """
        <!DOCTYPE html>
        <HTML><HEAD>
          <META NAME="pypi:repository-version" CONTENT="1.4">
          <meta name="pypi:project-status" content="quarantined"><meta name="pypi:project-status-reason" content="malware &amp; more">
          <base href="https://mirror.example/root/sub/">
        </HEAD><BODY>
          <h1>Links for example</h1>
          <A HREF="../files/Example-1.0-py3-none-any.whl#sha256=AbC" DATA-REQUIRES-PYTHON="&gt;=3.8,&lt;4"
             data-dist-info-metadata="sha256=11" data-core-metadata="sha256=22">Example-1.0-py3-none-any.whl</A><br/>
          <a href='/abs/example-1.0.tar.gz#md5=99' data-yanked>example-1.0.tar.gz</a>
          <a href=example-2.0.tar.gz data-yanked="bad &quot;release&quot;" data-core-metadata=true>example-2.0.tar.gz</a>
          <a href="example-2.0.tar.gz#sha256=dup">again</a>
          <a href="https://other.example/dl/example-3.0.zip?token=x#egg=example&amp;sha256=33" data-core-metadata="false">3.0</a>
          <a href="example%2Blocal-4.0.tar.gz" data-core-metadata="nonsense">4.0</a>
          <a>no href</a><a href="">empty</a><a href="../">parent</a>
          <base href="https://ignored.example/">
        </BODY></HTML>
        """
        let page = try SimpleProjectPage(html: Array(html.utf8), url: pageURL, name: PackageName("example"))
        #expect(page.name == PackageName("example"))
        #expect(page.apiVersion == "1.4")
        #expect(page.projectStatus == ProjectStatus(status: "quarantined", reason: "malware & more"))
        #expect(page.versions == nil)
        #expect(page.files.map(\.filename) == [
            "Example-1.0-py3-none-any.whl", "example-1.0.tar.gz", "example-2.0.tar.gz", "example-3.0.zip",
            "example+local-4.0.tar.gz",
        ])
        let wheel = page.files[0]
        #expect(wheel.url == "https://mirror.example/root/files/Example-1.0-py3-none-any.whl")
        #expect(wheel.hashes == [HashDigest(algorithm: .sha256, value: "abc")])
        #expect(wheel.requiresPython?.raw == ">=3.8,<4")
        #expect(wheel.requiresPython?.specifiers != nil)
        #expect(wheel.coreMetadata == .available(hashes: [HashDigest(algorithm: .sha256, value: "22")]), "data-core-metadata wins")
        #expect(wheel.yanked == .notYanked)
        #expect(wheel.size == nil && wheel.uploadTime == nil)
        #expect(wheel.distribution?.wheel?.name == PackageName("example"))

        #expect(page.files[1].url == "https://mirror.example/abs/example-1.0.tar.gz")
        #expect(page.files[1].hashes == [HashDigest(algorithm: .md5, value: "99")])
        #expect(page.files[1].yanked == .yanked(reason: nil))
        #expect(page.files[2].url == "https://mirror.example/root/sub/example-2.0.tar.gz")
        #expect(page.files[2].yanked == .yanked(reason: "bad \"release\""))
        #expect(page.files[2].coreMetadata == .available(hashes: []))
        #expect(page.files[2].hashes.isEmpty, "the first of two links with one name is kept")
        #expect(page.files[3].url == "https://other.example/dl/example-3.0.zip?token=x")
        #expect(page.files[3].hashes == [HashDigest(algorithm: .sha256, value: "33")])
        #expect(page.files[3].coreMetadata == .unavailable)
        #expect(page.files[4].coreMetadata == .unavailable)
        #expect(page.files[4].url == "https://mirror.example/root/sub/example%2Blocal-4.0.tar.gz")
    }

    @Test func htmlBaseAfterTheFirstLinkIsIgnored() throws {
        let html = #"<a href="a-1.0.tar.gz">a</a><base href="https://elsewhere.example/">"#
        let page = try SimpleProjectPage(html: Array(html.utf8), url: pageURL, name: PackageName("a"))
        #expect(page.files.first?.url == "https://index.example/simple/example/a-1.0.tar.gz")
    }

    @Test func htmlPagesCheckTheAPIVersion() {
        let html = #"<meta name="pypi:repository-version" content="2.1"><a href="a-1.0.tar.gz">a</a>"#
        #expect(throws: SimpleAPIError.unsupportedAPIVersion("2.1")) {
            try SimpleProjectPage(html: Array(html.utf8), url: pageURL, name: PackageName("a"))
        }
    }

    @Test func knownNameSplitsAmbiguousSdists() throws {
        let html = #"<a href="a-1-1.zip">a-1-1.zip</a>"#
        let page = try SimpleProjectPage(html: Array(html.utf8), url: pageURL, name: PackageName("a"))
        #expect(page.files.first?.distribution?.sdist?.version.description == "1.post1")
    }

    @Test func parsesProjectLists() throws {
        let html = """
        <html><body><a href="/simple/alpha/">Alpha</a><br/>
        <a href="beta_pkg/"> beta_pkg </a><a href="x/"></a></body></html>
        """
        let list = try SimpleProjectList(html: Array(html.utf8), url: "https://index.example/simple/")
        #expect(list.projects == [
            .init(name: "Alpha", url: "https://index.example/simple/alpha/"),
            .init(name: "beta_pkg", url: "https://index.example/simple/beta_pkg/"),
        ])
        let json = #"{"meta": {"api-version": "1.1"}, "projects": [{"name": "Alpha"}, {"name": "beta_pkg"}]}"#
        let fromJSON = try SimpleProjectList(json: Array(json.utf8), url: "https://index.example/simple")
        #expect(fromJSON.apiVersion == "1.1")
        #expect(fromJSON.projects.map(\.url) == ["https://index.example/simple/alpha/", "https://index.example/simple/beta-pkg/"])
        #expect(fromJSON.projects.map(\.packageName) == list.projects.map(\.packageName))
    }

    @Test func choosesTheFormatByContentType() throws {
        let json = Array(#"{"name": "a", "files": [{"filename": "a-1.0.tar.gz", "url": "a-1.0.tar.gz", "hashes": {}}]}"#.utf8)
        let html = Array(#"<a href="a-1.0.tar.gz">a-1.0.tar.gz</a>"#.utf8)
        let fromJSON = try SimpleProjectPage(
            bytes: json, contentType: "Application/VND.pypi.simple.v1+json; charset=utf-8", url: pageURL, name: PackageName("a")
        )
        let fromHTML = try SimpleProjectPage(bytes: html, contentType: "text/html", url: pageURL, name: PackageName("a"))
        #expect(fromJSON.files == fromHTML.files)
        #expect(!SimpleProjectPage.isJSON(contentType: nil))
        #expect(!SimpleProjectPage.isJSON(contentType: SimpleProjectPage.htmlContentType))
    }

    @Test func hashFragments() {
        #expect(HashDigest.parseFragment("sha256=AB&md5=cd&egg=x&sha256=ef&sha384=") == [
            HashDigest(algorithm: .sha256, value: "ab"), HashDigest(algorithm: .md5, value: "cd"),
        ])
        #expect(HashDigest.parseFragment("egg=foo").isEmpty)
        #expect(HashAlgorithm.blake2b > .sha512 && HashAlgorithm.sha256 > .md5 && HashAlgorithm("crc") < .md5)
    }
}

/// The one-pass JSON page reader against the generic JSON value tree it replaced, on pages
/// that exercise its edges: keys written with escapes, duplicated keys (the first counts),
/// unknown keys and values of every kind, files listed before the name, elements that are not
/// objects, and documents that are not pages at all.
@Suite struct JSONPageReaderEquivalenceTests {
    static let url = "https://index.example/simple/a/"

    /// The page as the generic tree gives it: every key looked up with `JSONValue`'s subscript.
    static func expected(_ text: String) throws -> SimpleProjectPage {
        let document = try JSONValue.parse(Array(text.utf8))
        let name = PackageName(try #require(document["name"]?.stringValue))
        let files = try #require(document["files"]?.arrayValue).map { entry in
            let hashes = HashDigest.normalized((entry["hashes"]?.objectValue ?? []).compactMap { member in
                member.value.stringValue.map { HashDigest(algorithm: HashAlgorithm(member.key), value: $0) }
            })
            let yanked: Yanked = switch entry["yanked"] {
            case .bool(true): .yanked(reason: nil)
            case .string(let reason): .yanked(reason: reason.isEmpty ? nil : reason)
            default: .notYanked
            }
            let metadata: CoreMetadataAvailability = switch entry["core-metadata"] ?? entry["dist-info-metadata"] ?? entry["data-dist-info-metadata"] {
            case .bool(true): .available(hashes: [])
            case .object(let members): .available(hashes: HashDigest.normalized(members.compactMap { member in
                member.value.stringValue.map { HashDigest(algorithm: HashAlgorithm(member.key), value: $0) }
            }))
            default: .unavailable
            }
            let filename = entry["filename"]?.stringValue ?? ""
            return SimpleFile(
                filename: filename,
                url: URLReference.splitFragment(URLReference.resolve(entry["url"]?.stringValue ?? "", against: url)).url,
                hashes: hashes, requiresPython: entry["requires-python"]?.stringValue.map(RequiresPython.init),
                yanked: yanked, coreMetadata: metadata, size: entry["size"]?.unsignedValue,
                uploadTime: entry["upload-time"]?.stringValue,
                distribution: DistributionFilename(parsing: filename, packageName: name))
        }
        var seen = Set<String>()
        return SimpleProjectPage(
            name: name, files: files.filter { seen.insert($0.filename).inserted },
            apiVersion: document["meta"]?["api-version"]?.stringValue,
            projectStatus: document["project-status"]?["status"]?.stringValue.map {
                ProjectStatus(status: $0, reason: document["project-status"]?["reason"]?.stringValue)
            },
            versions: document["versions"]?.arrayValue?.compactMap(\.stringValue))
    }

    static let pages: [String] = [
        #"{"files": [{"filename": "a-1.0.tar.gz", "url": "a-1.0.tar.gz", "hashes": {"sha256": "AA"}}], "name": "A", "meta": {"api-version": "1.1"}}"#,
        #"{"name": "a", "files": [{"file\u006eame": "a-1.0.tar.gz", "u\u0072l": "x", "yan\u006bed": "gone"}]}"#,
        #"{"name": "a", "files": [{"filename": "a-1.0.tar.gz", "filename": "a-2.0.tar.gz", "url": "1", "url": "2", "size": 5, "size": 6}]}"#,
        #"{"name": "a", "files": [{"filename": "a-1.0-py3-none-any.whl", "url": "https://f.example/a.whl#sha256=00", "gpg-sig": false, "extra": {"deep": [1, {"x": null}]}, "dist-info-metadata": {"sha256": "bb"}, "core-metadata": true, "requires-python": ">=3.9", "upload-time": "2024-01-01T00:00:00Z"}]}"#,
        #"{"name": "a", "files": [{"filename": "a-1.0.tar.gz", "url": "u", "data-dist-info-metadata": {"sha256": "cc", "md5": "dd"}, "yanked": true, "hashes": {"sha256": 5, "md5": "ee"}}], "versions": ["1.0", 2], "project-status": {"status": "Quarantined"}}"#,
        #"{"name": "a", "files": [], "files": [{"filename": "ignored", "url": "x"}]}"#,
        #"{"name": "a", "files": [{"filename": "a-1.0.tar.gz", "url": "a"}, {"filename": "a-1.0.tar.gz", "url": "b"}, {"filename": "a-1.0.zip", "url": "c", "size": -1}]}"#,
    ]

    @Test(arguments: pages)
    func readsWhatTheGenericTreeReads(text: String) throws {
        let page = try SimpleProjectPage(json: Array(text.utf8), url: Self.url)
        #expect(page == (try Self.expected(text)))
    }

    @Test(arguments: [
        (#"[1]"#, "an object"), (#"{"name": "a"}"#, "files"), (#"{"name": "a", "files": {}}"#, "files"),
        (#"{"name": "a", "files": [3]}"#, "files[0].filename"), (#"{"name": "a", "files": [{"filename": 1}]}"#, "files[0].filename"),
        (#"{"name": "a", "files": [{"filename": "x"}]}"#, "files[0].url"),
        (#"{"files": [{"filename": "x"}], "name": "a", "meta": {"api-version": "2.0"}}"#, "api"),
        (#"{"name": "a", "files": [{"filename": "x", "url": "y"}], }"#, "json"),
        (#"{"name": "a", "files": [{"filename": "x"}] "#, "json"),
    ])
    func reportsTheSameErrors(text: String, kind: String) {
        #expect(throws: SimpleAPIError.self) { try SimpleProjectPage(json: Array(text.utf8), url: Self.url) }
        do {
            _ = try SimpleProjectPage(json: Array(text.utf8), url: Self.url)
        } catch {
            switch (kind, error) {
            case ("json", .invalidJSON): break
            case ("an object", .invalidField(_, let expected)) where expected == "an object": break
            case ("api", _): break
            case (let path, .invalidField(let actual, _)) where actual == path: break
            default: Issue.record("\(text): expected \(kind), got \(error)")
            }
        }
    }
}
