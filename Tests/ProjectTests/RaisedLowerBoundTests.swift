import PEP440
import Project
import Testing

@Suite struct RaisedLowerBoundTests {
    func raise(_ text: String, _ version: String) throws -> String? {
        RaisedLowerBound.raise(text, to: try #require(Version(version)))
    }

    @Test func raisesOnlyTheLowerBoundKeepingTheRest() throws {
        #expect(try raise("flask>=3.0", "3.1.3") == "flask>=3.1.3")
        #expect(try raise("Flask[async] >= 2.2, <4 ; python_version >= '3.9'", "3.1.3") == "Flask[async] >= 3.1.3, <4 ; python_version >= '3.9'")
        #expect(try raise("requests>=2.31.0,!=2.32.0", "2.34.2") == "requests>=2.34.2,!=2.32.0")
    }

    @Test func leavesWhatItCannotOrNeedNotRaise() throws {
        #expect(try raise("flask>=3.1.3", "3.1.3") == nil)
        #expect(try raise("flask>=3.2", "3.1.3") == nil)
        #expect(try raise("flask", "3.1.3") == nil)
        #expect(try raise("flask==3.0", "3.1.3") == nil)
        #expect(try raise("flask<4", "3.1.3") == nil)
        // A `>=` inside the marker is not a version clause.
        #expect(try raise("tomli ; python_version >= '3.8'", "2.0") == nil)
    }
}
