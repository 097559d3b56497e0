import PEP440
import Project
import PyProject
import Testing

/// `AddedBound` against the bounds uv 0.13.9 writes (uv-reference.md §2.5 and observed runs).
@Suite struct AddedBoundTests {
    func bound(_ version: String, _ kind: AddBounds) throws -> String {
        AddedBound.specifier(for: try #require(Version(version)), bounds: kind)
    }

    @Test func lowerAndExact() throws {
        #expect(try bound("3.1.3", .lower) == ">=3.1.3")
        #expect(try bound("26.4", .exact) == "==26.4")
        #expect(try bound("1.0", .lower) == ">=1.0")
    }

    @Test func majorCountsTheFirstNonZeroPart() throws {
        #expect(try bound("26.1.0", .major) == ">=26.1.0,<27.0.0")
        #expect(try bound("1.0", .major) == ">=1.0,<2.0")
        #expect(try bound("0.17.6", .major) == ">=0.17.6,<0.18.0")
        #expect(try bound("0.0.3", .major) == ">=0.0.3,<0.0.4")
        #expect(try bound("7", .major) == ">=7,<8")
    }

    @Test func minorBumpsTheSecondPart() throws {
        #expect(try bound("26.1.0", .minor) == ">=26.1.0,<26.2.0")
        #expect(try bound("1.0", .minor) == ">=1.0,<1.1")
        #expect(try bound("2026.10.19.post1", .minor) == ">=2026.10.19.post1,<2026.11.0")
        #expect(try bound("7", .minor) == ">=7,<7.1")
    }
}
