import PackagingTypes
import Testing

@Suite struct URLReferenceTests {
    /// RFC 3986 §5.4.1 and §5.4.2 against `http://a/b/c/d;p?q`.
    @Test(arguments: [
        ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"),
        ("/g", "http://a/g"), ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"),
        ("#s", "http://a/b/c/d;p?q#s"), ("g#s", "http://a/b/c/g#s"), ("g?y#s", "http://a/b/c/g?y#s"),
        (";x", "http://a/b/c/;x"), ("g;x", "http://a/b/c/g;x"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"),
        ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../", "http://a/b/"), ("../g", "http://a/b/g"),
        ("../..", "http://a/"), ("../../", "http://a/"), ("../../g", "http://a/g"), ("../../../g", "http://a/g"),
        ("../../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."),
        (".g", "http://a/b/c/.g"), ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"),
        ("./g/.", "http://a/b/c/g/"), ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"),
    ])
    func resolvesRFC3986Examples(reference: String, expected: String) {
        #expect(URLReference.resolve(reference, against: "http://a/b/c/d;p?q") == expected)
    }

    @Test func resolvesIndexLinks() {
        let page = "https://index.example/simple/alpha/"
        #expect(URLReference.resolve("../../files/alpha-1.0.tar.gz", against: page) == "https://index.example/files/alpha-1.0.tar.gz")
        #expect(URLReference.resolve("https://files.example/a.whl#sha256=00", against: page) == "https://files.example/a.whl#sha256=00")
        #expect(URLReference.resolve("/whl/a.whl", against: page) == "https://index.example/whl/a.whl")
        #expect(URLReference.resolve("a.whl", against: "file:///srv/wheels/index.html") == "file:///srv/wheels/a.whl")
    }

    /// Absolute references are returned untouched only when resolving could not change them.
    @Test(arguments: [
        ("https://files.example/packages/ab/a-1.0.whl#sha256=00", "https://files.example/packages/ab/a-1.0.whl#sha256=00"),
        ("https://files.example/a/./b/../c.whl", "https://files.example/a/c.whl"),
        ("https://files.example/a/.hidden/b.whl", "https://files.example/a/.hidden/b.whl"),
        ("HTTP+unix://h/x", "HTTP+unix://h/x"),
        ("1http://h/./x", "http://a/b/c/1http://h/x"),
    ])
    func absoluteReferencesKeepTheirSpelling(reference: String, expected: String) {
        #expect(URLReference.resolve(reference, against: "http://a/b/c/d;p?q") == expected)
    }

    @Test func splitsFragmentsAndFileNames() {
        #expect(URLReference.splitFragment("x.whl#sha256=ab#c") == ("x.whl", "sha256=ab#c"))
        #expect(URLReference.lastPathSegment("https://h/p/Foo%2BBar-1.0.tar.gz?x=1#sha256=0") == "Foo+Bar-1.0.tar.gz")
        #expect(URLReference.lastPathSegment("https://h/p/") == "")
        #expect(URLReference.percentDecoded("a%20b%zz%") == "a b%zz%")
    }

    @Test func buildsFileURLs() {
        #expect(URLReference.fileURL(path: "/tmp/my wheels/a+b-1.0.whl") == "file:///tmp/my%20wheels/a+b-1.0.whl")
        #expect(URLReference.fileURL(path: "/t/é#?%") == "file:///t/%C3%A9%23%3F%25")
    }
}
