import HTTP
import Testing

@Suite struct URLRedactionTests {
    @Test(arguments: [
        ("https://user:pass@host.example/simple/", "https://user:****@host.example/simple/"),
        ("https://token@host.example/simple/", "https://****@host.example/simple/"),
        ("https://:pass@host.example", "https://:****@host.example"),
        ("https://user:@host.example/", "https://****@host.example/"),
        ("ssh://git@github.example/org/repo", "ssh://git@github.example/org/repo"),
        ("git+ssh://git@github.example/org/repo", "git+ssh://git@github.example/org/repo"),
        ("https://git@github.example/org/repo", "https://****@github.example/org/repo"),
        ("http://127.0.0.1:8080/x", "http://127.0.0.1:8080/x"),
        ("https://u:p@[::1]:8443/x?y=1#frag", "https://u:****@[::1]:8443/x?y=1#frag"),
        ("https://user:p@ss@host.example/", "https://user:****@host.example/"),
        (
            "https://bucket.example/f.whl?X-Amz-Algorithm=AWS4&X-Amz-Credential=AKIA%2F1&X-Amz-Signature=abc&x-amz-security-token=t#sha256=00",
            "https://bucket.example/f.whl?X-Amz-Algorithm=AWS4&X-Amz-Credential=****&X-Amz-Signature=****&x-amz-security-token=****#sha256=00"
        ),
        ("https://host.example/path/with@sign", "https://host.example/path/with@sign"),
        ("not a url", "not a url"),
    ])
    func redactsCredentialsAndSignedQueryValues(url: String, expected: String) {
        #expect(redacted(url) == expected)
        #expect(RedactedURL(url).description == expected)
    }

    @Test func passwordNeverSurvives() {
        for url in ["https://alice:hunter2@h/", "https://alice:hunter2@h:1/p?q=hunter2x", "http://:hunter2@h"] {
            #expect(!redacted(url).contains("hunter2@"))
            #expect(!redacted(url).contains(":hunter2"))
        }
    }
}
