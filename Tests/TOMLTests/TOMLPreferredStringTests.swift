import Testing
import TOML

/// `renderPreferredString`: the string forms uv's TOML writer picks (checked against the
/// `authors` entries uv 0.13.9 writes for these `git config user.name` values).
@Suite struct TOMLPreferredStringTests {
    @Test(arguments: [
        ("Alice Example", #""Alice Example""#),
        (#"Tony "Iron Man" Stark"#, #"'Tony "Iron Man" Stark'"#),
        (#"back\slash"#, #"'back\slash'"#),
        ("O'Brien", #""O'Brien""#),
        (#"a"b'c"#, #""""a"b'c""""#),
        (#"It's "both""#, #""""It's "both"""""#),
        (#"a\b'c""#, #"'''a\b'c"'''"#),
        ("x'''y", #""x'''y""#),
        ("tab\tx", #""tab\tx""#),
        ("uni é", #""uni é""#),
        ("", #""""#),
    ])
    func formsMatchUv(text: String, expected: String) throws {
        let rendered = TOMLSerializer.renderPreferredString(text)
        #expect(rendered == expected)
        // Whatever the form, it reads back as the same string.
        let document = try TOMLDocument(parsing: "key = \(rendered)\n")
        #expect(document[["key"]]?.string == text)
    }

    @Test func controlCharactersAndLongQuoteRunsFallBackToEscapes() throws {
        for text in ["bell\u{07}", #"a\"""b'''c"#, "line\nbreak\u{01}"] {
            let rendered = TOMLSerializer.renderPreferredString(text)
            #expect(rendered.hasPrefix("\"") && !rendered.hasPrefix("\"\"\""), "\(rendered)")
            #expect(try TOMLDocument(parsing: "key = \(rendered)\n")[["key"]]?.string == text)
        }
    }

    @Test func multiLineFormsKeepALeadingLineBreak() throws {
        let text = "\nfirst \"line\""
        let rendered = TOMLSerializer.renderPreferredString(text)
        #expect(rendered.hasPrefix("\"\"\"\n\n"))
        #expect(try TOMLDocument(parsing: "key = \(rendered)\n")[["key"]]?.string == text)
    }
}
