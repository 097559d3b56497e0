import Testing
import PEP440
@testable import PEP508

/// `Requirement(parsing:)`, `description` and equality on hand-picked inputs whose expected
/// values come from packaging 26.2.
@Suite struct RequirementTests {
    @Test func partsAreKeptAsWritten() throws {
        let requirement = try Requirement(parsing: #"Pkg_Name[b,A,b] (>=1.0, <2) ; python_version > "3.8""#)
        #expect(requirement.name == "Pkg_Name")
        #expect(requirement.packageName.normalized == "pkg-name")
        #expect(requirement.extras == ["b", "A"])
        #expect(requirement.specifierDescription == "<2,>=1.0")
        #expect(requirement.url == nil)
        #expect(requirement.marker?.description == #"python_version > "3.8""#)
        #expect(requirement.description == #"Pkg_Name[A,b]<2,>=1.0; python_version > "3.8""#)
    }

    @Test func urlRequirements() throws {
        let spaced = try Requirement(parsing: #"pkg[b] @ https://example.com/x ; extra == "X_Y""#)
        #expect(spaced.url == "https://example.com/x")
        #expect(spaced.description == #"pkg[b] @ https://example.com/x ; extra == "x-y""#)
        let glued = try Requirement(parsing: #"pkg@https://example.com/x;extra=="a""#)
        #expect(glued.url == #"https://example.com/x;extra=="a""#)
        #expect(glued.marker == nil)
        #expect(throws: RequirementParseError.self) {
            try Requirement(parsing: "pkg @ https://example.com/pkg.whl; python_version >= '3.8'")
        }
    }

    @Test func namesFollowTheWordBoundaryRule() throws {
        #expect(try Requirement(parsing: "a_").name == "a_")
        #expect(try Requirement(parsing: "a..b").name == "a..b")
        for invalid in ["a-", "_a", "-a", "café", "pkg[x,]", "pkg~=1", "pkg>=1.0 <2.0"] {
            #expect(throws: RequirementParseError.self, "\(invalid)") { try Requirement(parsing: invalid) }
        }
        #expect(try Requirement(parsing: "pkg[]") == Requirement(parsing: "pkg"))
        #expect(try Requirement(parsing: "\tpkg\n").description == "pkg")
    }

    @Test func equalityIsPackagings() throws {
        #expect(try Requirement(parsing: "Foo.Bar[b,a]==1.0") == Requirement(parsing: "foo_bar[a,b]==1.0.0"))
        #expect(try Requirement(parsing: "foo; (os_name == 'nt')") == Requirement(parsing: "foo; os_name == 'nt'"))
        #expect(try Requirement(parsing: "foo~=1.0") != Requirement(parsing: "foo~=1.0.0"))
        #expect(try Requirement(parsing: "foo>=1") != Requirement(parsing: "foo>1"))
    }

    @Test func specifierSetsPrintSortedThenDeduplicated() throws {
        #expect(try Requirement(parsing: "pkg ==1!1.0 , !=1.0rev , != 1.0r").specifierDescription == "!=1.0r,==1!1.0")
        #expect(try Requirement(parsing: "pkg>=1.0,<2,>=1.0.0").description == "pkg<2,>=1.0")
        #expect(try Requirement(parsing: "pkg>=1.0, ").description == "pkg>=1.0")
    }

    @Test func errorsSayWhatWasExpectedAndWhere() {
        let cases: [(String, String, Range<Int>)] = [
            ("pkg; os_name = 'nt'", "Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in", 13..<13),
            ("pkg[x", "Expected matching RIGHT_BRACKET for LEFT_BRACKET, after extras", 3..<5),
            ("pkg (>=1.0", "Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after version specifier", 4..<10),
            ("pkg<=1.*", ".* suffix can only be used with `==` or `!=` operators", 3..<7),
            ("pkg>=1.0+local", "Local version label can only be used with `==` or `!=` operators", 3..<8),
            ("A1 !=1!~1.0", "Expected comma (within version specifier), semicolon (after version specifier) or end", 3..<6),
        ]
        for (input, reason, span) in cases {
            #expect(throws: RequirementParseError(input: input, reason: reason, span: span)) { try Requirement(parsing: input) }
        }
    }
}
