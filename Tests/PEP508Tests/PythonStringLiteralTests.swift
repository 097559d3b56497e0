import Testing
@testable import PEP508

/// The decoding of quoted marker strings, checked against `ast.literal_eval`.
@Suite struct PythonStringLiteralTests {
    static func decode(_ quoted: String) -> String? {
        PythonStringLiteral.decode(ArraySlice(Array(quoted.unicodeScalars)))
    }

    @Test func escapesAreDecoded() {
        #expect(Self.decode(#"'plain'"#) == "plain")
        #expect(Self.decode(#""a\tb\n\\""#) == "a\tb\n\\")
        #expect(Self.decode(#"'\x41\101\u00e9\U0001F600'"#) == "AA\u{E9}\u{1F600}")
        #expect(Self.decode(#"'\N{bullet}'"#) == "\u{2022}")
        #expect(Self.decode(#"'\0\1x'"#) == "\u{0}\u{1}x")
        #expect(Self.decode("'a\\\nb'") == "ab")
        #expect(Self.decode(#"'\d\q'"#) == #"\d\q"#)
        #expect(Self.decode(#"'\"'"#) == "\"")
    }

    @Test func literalsPythonRejectsAreNil() {
        for bad in [#"'a\'"#, "'a\nb'", "'a\rb'", "'a\u{0}'", #"'\x4'"#, #"'\u12'"#, #"'\ud800'"#, #"'\U00110000'"#, #"'\N{NO SUCH NAME}'"#, #"'\N{}'"#] {
            #expect(Self.decode(bad) == nil, "\(bad.debugDescription)")
        }
    }
}
