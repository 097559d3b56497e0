import Foundation
import SuvBasics
import Testing

/// ``Swift/String/utf8Precedes(_:)`` is the byte order of the UTF-8 text, as the generic
/// comparison it replaces gives, for native and bridged strings alike.
@Suite struct ByteOrderTests {
    static let alphabet: [String] = ["a", "b", "A", "/", ".", "-", "_", "0", "é", "e\u{301}", "ß", "日", "🐍", "\u{0}"]

    static func randomText(using generator: inout some RandomNumberGenerator) -> String {
        (0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? "" }.joined()
    }

    @Test func agreesWithTheGenericComparisonOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<5_000 {
            let lhs = Self.randomText(using: &generator), rhs = Self.randomText(using: &generator)
            #expect(lhs.utf8Precedes(rhs) == lhs.utf8.lexicographicallyPrecedes(rhs.utf8), "\(lhs.debugDescription) \(rhs.debugDescription)")
        }
    }

    @Test func ordersBytesNotCharacters() {
        // `String`'s own `<` treats canonically equivalent text as equal; bytes do not.
        #expect("e\u{301}".utf8Precedes("é"))
        #expect(!"é".utf8Precedes("e\u{301}"))
        #expect("../../../bin/x".utf8Precedes("a/b"))
        #expect("a".utf8Precedes("ab"))
        #expect(!"ab".utf8Precedes("a"))
        #expect(!"".utf8Precedes(""))
        #expect("Z".utf8Precedes("a"))
    }

    @Test func bridgedStringsCompareTheSame() {
        let bridged = NSString(string: "caf\u{e9}/x") as String
        #expect(bridged.utf8Precedes("caf\u{e9}/y"))
        #expect(!"caf\u{e9}/y".utf8Precedes(bridged))
    }
}
