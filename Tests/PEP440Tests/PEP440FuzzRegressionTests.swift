import Testing
import PEP440

/// Inputs the `pep440` fuzz harness found.
@Suite struct PEP440FuzzRegressionTests {
    /// `=== \u{35A}wv!=4.0.0,!=4.0.0a1`: printed with the space dropped, the combining mark
    /// followed `===` directly and, matched by characters, turned the operator into `==` with
    /// the version `=\u{35A}wv!=4.0.0`, which did not parse (found after 1.4 M executions, the
    /// same flaw as `PEP508FuzzRegressionTests.aCombiningMarkAfterTheOperatorStaysInTheVersion`).
    @Test func anArbitraryEqualityVersionStartingWithACombiningMarkRoundTrips() throws {
        let input: [UInt8] = [0x3D, 0x3D, 0x3D, 0x20, 0xCD, 0x9A, 0x77, 0x76, 0x21, 0x3D, 0x34, 0x2E, 0x30, 0x2E, 0x30, 0x2C,
                              0x21, 0x3D, 0x34, 0x2E, 0x30, 0x2E, 0x30, 0x61, 0x31]
        let specifiers = try VersionSpecifiers(parsing: String(decoding: input, as: UTF8.self))
        #expect(specifiers.description == "!=4.0.0a1,===\u{35A}wv!=4.0.0")
        #expect(try VersionSpecifiers(parsing: specifiers.description).description == specifiers.description)
    }

    /// Every operator is recognized by scalars, whatever follows it.
    @Test(arguments: ["===", "~=", "==", "!=", "<=", ">=", "<", ">"])
    func anOperatorBeforeACombiningMarkIsStillThatOperator(op: String) throws {
        let specifier = try? VersionSpecifier(parsing: op + "\u{35A}1.0")
        if op == "===" {
            #expect(specifier?.op.rawValue == "===")
        } else {
            // `\u{35A}1.0` is no version: an error, not a different operator.
            #expect(specifier == nil)
        }
    }
}
