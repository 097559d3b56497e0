import PackagingTypes
import SuvBasics
import Testing

@Suite struct SdistFilenameTests {
    @Test(arguments: [
        ("foo-1.0.tar.gz", "foo", "1.0", SourceDistExtension.tarGz),
        ("Foo_Bar-2.0.post1.zip", "foo-bar", "2.0.post1", .zip),
        ("python-dateutil-2.8.2.tar.gz", "python-dateutil", "2.8.2", .tarGz),
        ("a-1-1.zip", "a-1", "1", .zip),
        ("foo-1.0-rc1.tar.bz2", "foo", "1.0rc1", .tarBz2),
        ("pytz-2024.1.TAR.gz", "pytz", "2024.1", .tarGz),
    ])
    func parsesWithoutKnowingTheName(filename: String, name: String, version: String, fileExtension: SourceDistExtension) throws {
        let parsed = try SdistFilename(parsing: filename)
        #expect(parsed.name.normalized == name)
        #expect(parsed.version.description == version)
        #expect(parsed.fileExtension == fileExtension)
    }

    @Test func knownNameResolvesAmbiguity() throws {
        let parsed = try SdistFilename(parsing: "a-1-1.zip", packageName: PackageName("a"))
        #expect(parsed.version.description == "1.post1")
        #expect(throws: SdistFilenameError.nameMismatch(filename: "b-1.2.3.zip", expected: PackageName("a"))) {
            try SdistFilename(parsing: "b-1.2.3.zip", packageName: PackageName("a"))
        }
        #expect(throws: SdistFilenameError.self) {
            try SdistFilename(parsing: "a-1.2.3-gamma.3.zip", packageName: PackageName("a"))
        }
        #expect(throws: SdistFilenameError.self) {
            try SdistFilename(parsing: "foo.zip", packageName: PackageName("foo-lib"))
        }
    }

    @Test(arguments: ["foo-1.0.whl", "foo-1.0.gz", "foo.tar.gz", "foo-bar.tar.gz", ".tar.gz", "-1.0.tar.gz"])
    func rejects(filename: String) {
        #expect(throws: SdistFilenameError.self) { try SdistFilename(parsing: filename) }
    }

    @Test func pep625Extensions() {
        #expect(SourceDistExtension.tarGz.isPEP625Compliant)
        #expect(SourceDistExtension.zip.isPEP625Compliant)
        #expect(!SourceDistExtension.tarXz.isPEP625Compliant)
        #expect(SourceDistExtension(filename: "x-1.tgz") == .tgz)
        #expect(SourceDistExtension(filename: "x-1.gz") == nil)
    }
}
