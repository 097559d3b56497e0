import PackagingTypes
import PEP440
import PEP508
import SuvBasics
import Testing

@Suite struct CoreMetadataTests {
    static let flask = """
    Metadata-Version: 2.1
    Name: Flask
    Version: 3.0.3
    Summary: A simple framework for building complex web applications.
    Maintainer-email: Pallets <contact@palletsprojects.com>
    Requires-Python: >=3.8
    Description-Content-Type: text/markdown
    Classifier: Development Status :: 5 - Production/Stable
    Classifier: Framework :: Flask
    Requires-Dist: Werkzeug>=3.0.0
    Requires-Dist: Jinja2>=3.1.2
    Requires-Dist: itsdangerous>=2.1.2
    Requires-Dist: click>=8.1.3
    Requires-Dist: blinker>=1.6.2
    Requires-Dist: importlib-metadata>=3.6.0; python_version < '3.10'
    Requires-Dist: asgiref>=3.2 ; extra == "async"
    Requires-Dist: python-dotenv ; extra == "dotenv"
    Project-URL: Changes, https://flask.palletsprojects.com/changes/
    Provides-Extra: async
    Provides-Extra: dotenv

    # Flask

    Flask is a lightweight [WSGI][] web application framework.

    """

    @Test func parsesFlaskLikeMetadata() throws {
        let metadata = try CoreMetadata(parsing: Array(Self.flask.utf8))
        #expect(metadata.metadataVersion == "2.1")
        #expect(metadata.name == PackageName("flask"))
        #expect(metadata.name.original == "Flask")
        #expect(metadata.version == Version("3.0.3"))
        #expect(metadata.summary == "A simple framework for building complex web applications.")
        #expect(metadata.requiresPython?.description == ">=3.8")
        #expect(metadata.requiresDist.count == 8)
        #expect(metadata.requiresDist.map(\.name) == [
            "Werkzeug", "Jinja2", "itsdangerous", "click", "blinker", "importlib-metadata", "asgiref", "python-dotenv",
        ])
        #expect(metadata.requiresDist[5].marker?.description == "python_version < \"3.10\"")
        #expect(metadata.requiresDist[6].marker?.description == "extra == \"async\"")
        #expect(metadata.providesExtra == ["async", "dotenv"])
        #expect(metadata.dynamic.isEmpty)
        #expect(metadata.description?.hasPrefix("# Flask\n") == true)
        #expect(metadata.headers.values("classifier").count == 2)
        #expect(metadata.headers.value("project-url") == "Changes, https://flask.palletsprojects.com/changes/")
    }

    @Test func acceptsCRLFAndContinuationLines() throws {
        let text = "Metadata-Version: 2.1\r\nName: pkg\r\nVersion: 1.0\r\nSummary: one\r\n  two\r\n"
            + "Requires-Dist: a>=1;\r\n\tpython_version >= \"3.8\"\r\n\r\nBody\r\n"
        let metadata = try CoreMetadata(parsing: Array(text.utf8))
        #expect(metadata.summary == "one  two")
        #expect(metadata.requiresDist.first?.marker?.description == "python_version >= \"3.8\"")
        #expect(metadata.description == "Body\r\n")
    }

    @Test func readsMetadata10Files() throws {
        let text = """
        Metadata-Version: 1.0
        Name: oldpkg
        Version: 0.1
        Summary: An old package
        Home-page: http://example.invalid/
        Author: Someone
        License: UNKNOWN
        Description: First line
                |  second line
        Platform: UNKNOWN

        """
        let metadata = try CoreMetadata(parsing: Array(text.utf8))
        #expect(metadata.metadataVersion == "1.0")
        #expect(metadata.requiresDist.isEmpty)
        #expect(metadata.requiresPython == nil)
        #expect(metadata.providesExtra.isEmpty)
        #expect(metadata.description == "First line        |  second line")
        #expect(metadata.headers.value("platform") == "UNKNOWN")
    }

    @Test func readsDynamicFieldsAndNormalizesExtras() throws {
        let text = """
        Metadata-Version: 2.4
        Name: modern_pkg
        Version: 2.0.0rc1
        Dynamic: Requires-Dist
        Dynamic: license-file
        License-Expression: MIT OR Apache-2.0
        Provides-Extra: Dev_Tools
        Provides-Extra: dev-tools
        Provides-Extra: -invalid-
        Provides-Extra: Docs.Extra

        """
        let metadata = try CoreMetadata(parsing: Array(text.utf8))
        #expect(metadata.dynamic == ["Requires-Dist", "license-file"])
        #expect(metadata.isDynamic("requires-dist"))
        #expect(metadata.isDynamic("License-File"))
        #expect(!metadata.isDynamic("Version"))
        #expect(metadata.providesExtra == ["dev-tools", "docs-extra"])
        #expect(metadata.version.isPrerelease)
        #expect(metadata.description == nil)
        #expect(metadata.headers.value("License-Expression") == "MIT OR Apache-2.0")
    }

    @Test func reportsTheBadRequirementWithPackageAndLine() throws {
        let text = "Metadata-Version: 2.1\nName: broken-pkg\nVersion: 1.0\nRequires-Dist: good>=1\nRequires-Dist: bad >= = 2\n"
        do {
            _ = try CoreMetadata(parsing: Array(text.utf8))
            Issue.record("expected an error")
        } catch {
            guard case .invalidRequiresDist(let package, let line, let cause) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(package == "broken-pkg")
            #expect(line == "bad >= = 2")
            #expect(cause.input == "bad >= = 2")
            #expect(error.message == "The metadata of `broken-pkg` has an invalid `Requires-Dist` entry: `bad >= = 2`")
            let chain = ErrorChain(error)
            #expect(chain.messages.count == 2)
        }
    }

    @Test(arguments: [
        ("Version: 1.0\n", CoreMetadataError.missingField("Name")),
        ("Name: a\n", CoreMetadataError.missingField("Version")),
        ("Name: -a-\nVersion: 1\n", CoreMetadataError.invalidName("-a-")),
        ("Name: a\nVersion: one\n", CoreMetadataError.invalidVersion(package: "a", version: "one")),
    ])
    func rejectsMissingOrInvalidFields(text: String, expected: CoreMetadataError) {
        #expect(throws: expected) { try CoreMetadata(parsing: Array(text.utf8)) }
    }

    @Test func rejectsInvalidRequiresPython() {
        #expect(throws: CoreMetadataError.self) {
            try CoreMetadata(parsing: Array("Name: a\nVersion: 1\nRequires-Python: >>3\n".utf8))
        }
    }

    @Test func rejectsNonUTF8Bytes() {
        let bytes = Array("Name: caf".utf8) + [0xE9] + Array("\nVersion: 1\n".utf8)
        #expect(throws: CoreMetadataError.invalidUTF8(offset: 9)) { try CoreMetadata(parsing: bytes) }
        #expect(CoreMetadataError.invalidUTF8(offset: 9).message == "The metadata is not valid UTF-8 (invalid byte at offset 9)")
        let bom = [0xEF, 0xBB, 0xBF] + Array("Name: a\nVersion: 1\n".utf8)
        #expect((try? CoreMetadata(parsing: bom))?.name == PackageName("a"))
    }

    @Test func pkgInfoNeedsMetadata22AndStaticFields() throws {
        let base = "Name: a\nVersion: 1.0\n"
        #expect(throws: CoreMetadataError.missingField("Metadata-Version")) { try CoreMetadata(pkgInfo: Array(base.utf8)) }
        #expect(throws: CoreMetadataError.unsupportedMetadataVersion("2.1")) {
            try CoreMetadata(pkgInfo: Array(("Metadata-Version: 2.1\n" + base).utf8))
        }
        #expect(throws: CoreMetadataError.unsupportedMetadataVersion("3.0")) {
            try CoreMetadata(pkgInfo: Array(("Metadata-Version: 3.0\n" + base).utf8))
        }
        #expect(throws: CoreMetadataError.invalidMetadataVersion("2.x")) {
            try CoreMetadata(pkgInfo: Array(("Metadata-Version: 2.x\n" + base).utf8))
        }
        #expect(throws: CoreMetadataError.dynamicField("Requires-Dist")) {
            try CoreMetadata(pkgInfo: Array(("Metadata-Version: 2.2\n" + base + "Dynamic: Requires-Dist\n").utf8))
        }
        let dynamicVersion = try CoreMetadata(pkgInfo: Array(("Metadata-Version: 2.2\n" + base + "Dynamic: Version\n").utf8))
        #expect(dynamicVersion.isDynamic("Version"))
    }

    @Test func headersEndAtAnyNonHeaderLine() {
        let headers = MetadataHeaders(parsing: "A: 1\nB:2\n  more\nnot a header\nC: 3\n")
        #expect(headers.fields.map(\.name) == ["A", "B"])
        #expect(headers.value("b") == "2  more")
        #expect(headers.body == "not a header\nC: 3\n")
        #expect(MetadataHeaders(parsing: "A: 1").body == nil)
    }
}
