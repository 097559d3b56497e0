import Testing
import SuvBasics

@Suite struct PercentEncodingTests {
    @Test(arguments: [
        ("a%20b", "a b"), ("%C3%A9t%c3%a9", "été"), ("p%40ss%3Aw", "p@ss:w"),
        ("a%zz%", "a%zz%"), ("100%", "100%"), ("%2", "%2"), ("plain", "plain"),
        ("bad%FFutf8", "bad%FFutf8"),
    ])
    func decodes(text: String, expected: String) {
        #expect(PercentEncoding.decode(text) == expected)
    }

    @Test func encodesWhatAPathCannotHold() {
        #expect(PercentEncoding.encodePath("/tmp/my wheels/a+b-1.0.whl") == "/tmp/my%20wheels/a+b-1.0.whl")
        #expect(PercentEncoding.encodePath("/t/é#?%") == "/t/%C3%A9%23%3F%25")
        #expect(PercentEncoding.encodePath("C:/x~y_z.w;a=b,c@d!$&'()*") == "C:/x~y_z.w;a=b,c@d!$&'()*")
    }

    @Test func roundTripsEncodedPaths() {
        for path in ["/a b/c%d/é/[x]", "/plain/path", "/\u{1F600}/\"q\""] {
            #expect(PercentEncoding.decode(PercentEncoding.encodePath(path)) == path)
        }
    }
}
