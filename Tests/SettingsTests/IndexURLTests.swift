import Testing
@testable import Settings

@Suite struct IndexURLTests {
    @Test(arguments: [
        ("https://Pkgs.Example/simple", "https://pkgs.example/simple", "https://pkgs.example/simple"),
        ("HTTPS://pkgs.example/simple/", "https://pkgs.example/simple/", "https://pkgs.example/simple"),
        ("https://pkgs.example", "https://pkgs.example/", "https://pkgs.example"),
        ("https://pkgs.example:443/simple", "https://pkgs.example/simple", "https://pkgs.example/simple"),
        ("http://pkgs.example:80/simple", "http://pkgs.example/simple", "http://pkgs.example/simple"),
        ("https://pkgs.example:8443/simple", "https://pkgs.example:8443/simple", "https://pkgs.example:8443/simple"),
        ("http://[::1]:8000/simple", "http://[::1]:8000/simple", "http://[::1]:8000/simple"),
        ("  https://pkgs.example/simple  ", "https://pkgs.example/simple", "https://pkgs.example/simple"),
        ("file:///srv/wheels/", "file:///srv/wheels/", "file:///srv/wheels"),
    ])
    func normalization(input: String, string: String, canonical: String) throws {
        let url = try IndexURL(input)
        #expect(url.string == string)
        #expect(url.canonical == canonical)
    }

    @Test func packageURLHasExactlyOneTrailingSlash() throws {
        #expect(try IndexURL("https://pkgs.example/simple").packageURL("flask") == "https://pkgs.example/simple/flask/")
        #expect(try IndexURL("https://pkgs.example/simple/").packageURL("flask") == "https://pkgs.example/simple/flask/")
        #expect(try IndexURL("https://pkgs.example").packageURL("flask") == "https://pkgs.example/flask/")
    }

    @Test func credentialsAreSplitOff() throws {
        let (url, credentials) = try IndexURL.parse("https://al%20ice:p%3Ass@pkgs.example/simple", relativeTo: "/")
        #expect(url.string == "https://pkgs.example/simple")
        #expect(credentials == IndexCredentials(username: "al ice", password: "p:ss"))
        #expect(try IndexURL.parse("https://pkgs.example/simple", relativeTo: "/").credentials == nil)
        #expect(try IndexURL.parse("https://tok@pkgs.example/simple", relativeTo: "/").credentials
            == IndexCredentials(username: "tok", password: nil))
    }

    @Test func pathsBecomeFileURLs() throws {
        #expect(try IndexURL.parse("wheels", relativeTo: "/home/alice/proj").url.string == "file:///home/alice/proj/wheels")
        #expect(try IndexURL.parse("../x/./y", relativeTo: "/home/alice/proj").url.string == "file:///home/alice/x/y")
        #expect(try IndexURL.parse("/srv/my wheels", relativeTo: "/").url.string == "file:///srv/my%20wheels")
        #expect(try IndexURL.parse("~/w", relativeTo: "/", home: "/home/alice").url.string == "file:///home/alice/w")
        #expect(try IndexURL.parse("/srv/w", relativeTo: "/").url.isFile)
    }

    @Test func realmsAndContainment() throws {
        let index = try IndexURL("https://pkgs.example/simple/")
        #expect(index.realm == CredentialRealm(scheme: "https", host: "pkgs.example", port: 443))
        #expect(index.realm.description == "https://pkgs.example")
        #expect(CredentialRealm(url: "http://h.example:8080/x")?.description == "http://h.example:8080")
        #expect(index.contains("https://pkgs.example/simple/flask/"))
        #expect(index.contains("https://pkgs.example/simple"))
        #expect(!index.contains("https://pkgs.example/simpler/"))
        #expect(!index.contains("http://pkgs.example/simple/flask/"))
        #expect(!index.contains("https://pkgs.example:8443/simple/flask/"))
    }

    @Test(arguments: [
        ("", "Invalid URL ``: empty URL"),
        ("https://", "Invalid URL `https://`: empty host"),
        ("https://host:port/x", "Invalid URL `https://host:port/x`: invalid port number"),
        ("https://[::1/x", "Invalid URL `https://[::1/x`: invalid IPv6 address"),
        ("https://a b/x", "Invalid URL `https://a b/x`: invalid international domain name"),
    ])
    func invalid(text: String, message: String) {
        #expect(throws: IndexURLError.invalid(text: text, reason: String(message.split(separator: ": ").last ?? ""))) {
            try IndexURL.parse(text, relativeTo: "/")
        }
        #expect((try? IndexURL.parse(text, relativeTo: "/")) == nil)
        do {
            _ = try IndexURL.parse(text, relativeTo: "/")
        } catch {
            #expect(error.message == message)
        }
    }

    @Test func literalInitializerRejectsPaths() {
        #expect(throws: IndexURLError.self) { try IndexURL("relative/path") }
    }
}
