import Testing
@testable import Settings

@Suite struct CredentialRedactionTests {
    @Test(arguments: [
        ("https://user:pass@host.example/simple", "https://user:****@host.example/simple"),
        ("https://token@host.example/simple", "https://****@host.example/simple"),
        ("https://:pass@host.example/simple", "https://:****@host.example/simple"),
        ("https://user:@host.example/simple", "https://****@host.example/simple"),
        ("https://user:p%40ss@host.example:8443/a?b=c#frag", "https://user:****@host.example:8443/a?b=c#frag"),
        ("ssh://git@github.com/org/repo", "ssh://git@github.com/org/repo"),
        ("git+ssh://git@github.com/org/repo", "git+ssh://git@github.com/org/repo"),
        ("git+https://git@github.com/org/repo", "git+https://git@github.com/org/repo"),
        ("git+https://git:tok@github.com/org/repo", "git+https://git:****@github.com/org/repo"),
        ("https://git@host.example/simple", "https://****@host.example/simple"),
        ("https://host.example/simple", "https://host.example/simple"),
        ("https://bucket.example/f.whl?X-Amz-Credential=AKIA%2F2024&X-Amz-Signature=abc&keep=1&x-amz-security-token=t",
         "https://bucket.example/f.whl?X-Amz-Credential=****&X-Amz-Signature=****&keep=1&x-amz-security-token=****"),
        ("https://u:p@host.example:99999/x", "https://u:****@host.example:99999/x"),
        ("https://tok@host.example:bad/x", "https://****@host.example:bad/x"),
        ("not a url", "not a url"),
    ])
    func redactsEveryCredentialForm(url: String, expected: String) {
        #expect(CredentialRedaction.redacted(url) == expected)
    }

    @Test func redactsURLsInsideText() {
        let text = "Failed to fetch `https://alice:s3cret@pkgs.example/simple/flask/` (from https://tok@other.example/x): 401; see https://docs.example/auth"
        #expect(CredentialRedaction.redactingURLs(in: text)
            == "Failed to fetch `https://alice:****@pkgs.example/simple/flask/` (from https://****@other.example/x): 401; see https://docs.example/auth")
        #expect(CredentialRedaction.redactingURLs(in: "plain :// text") == "plain :// text")
        #expect(CredentialRedaction.redactingURLs(in: "") == "")
    }

    @Test func leavesURLsWithoutSecretsExactlyAsWritten() {
        let text = "see HTTPS://Host.Example/Path/ and https://h.example:443/x"
        #expect(CredentialRedaction.redactingURLs(in: text) == text)
    }

    @Test func withoutCredentials() {
        #expect(CredentialRedaction.withoutCredentials("https://u:p@Host.example:443/simple") == "https://host.example/simple")
        #expect(CredentialRedaction.withoutCredentials("ssh://git@github.com/a/b") == "ssh://git@github.com/a/b")
        #expect(CredentialRedaction.withoutCredentials("nonsense") == "nonsense")
    }

    @Test func credentialsPrintRedacted() {
        #expect("\(IndexCredentials(username: "u", password: "p"))" == "u:****")
        #expect("\(IndexCredentials(username: "tok", password: nil))" == "****")
        #expect("\(IndexCredentials(username: nil, password: "p"))" == ":****")
    }
}
