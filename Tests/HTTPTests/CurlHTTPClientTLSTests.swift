import HTTP
import SuvTestSupport
import Testing

/// HTTPS against the loopback server's self-signed certificate: refused as a certificate
/// problem at once (no retry can fix it), accepted once trusted by CA file or as an insecure
/// host, and, when trusted, the same bytes as over plain HTTP.
@Suite struct CurlHTTPClientTLSTests {
    let fixture: IndexFixture
    let tls: LocalIndexServer

    init() throws {
        fixture = try IndexFixture()
        tls = try LocalIndexServer(root: fixture.tree.path, tls: true)
    }

    var url: String { tls.url("/files/small.txt") }

    @Test func anUntrustedCertificateFailsWithoutRetrying() async throws {
        let client = IndexFixture.client { $0.maxRetries = 3 }
        let error = await httpError { () async throws(HTTPError) in try await client.get(HTTPRequest(url: url)) }
        // A retried failure would come wrapped in `.retriesExhausted(retries: 3, …)`.
        guard case .tls(let failed, let reason)? = error else {
            Issue.record("expected a TLS error, got \(String(describing: error))")
            return
        }
        #expect(failed == url)
        #expect(reason.contains("certificate"), "\(reason)")
        #expect(error?.hints.contains { $0.contains("SSL_CERT_FILE") } == true)
    }

    @Test func theCertificateAsCAFileIsTrusted() async throws {
        let client = IndexFixture.client { $0.tls.caFile = LocalIndexServer.certificatePath }
        let response = try await client.get(HTTPRequest(url: url))
        #expect(response.status == 200)
        #expect(response.text == IndexFixture.small)

        let download = fixture.downloads.path("foo.tar.gz")
        _ = try await client.download(HTTPRequest(url: tls.url("/files/foo-1.0.tar.gz")), to: download,
                                      expectedSHA256: IndexFixture.archiveDigest)
        #expect(try fixture.downloads.read("foo.tar.gz") == IndexFixture.archive)
    }

    @Test(arguments: ["127.0.0.1", "https://127.0.0.1/simple/"])
    func anInsecureHostIsNotVerified(entry: String) async throws {
        let client = IndexFixture.client { $0.tls.insecureHosts = [entry] }
        #expect(try await client.get(HTTPRequest(url: url)).text == IndexFixture.small)
    }

    @Test func anInsecureHostOnAnotherPortIsStillVerified() async throws {
        let client = IndexFixture.client {
            $0.tls.insecureHosts = ["127.0.0.1:\(tls.port == 1 ? 2 : 1)", "localhost"]
            $0.maxRetries = 0
        }
        let error = await httpError { () async throws(HTTPError) in try await client.get(HTTPRequest(url: url)) }
        guard case .tls? = error else {
            Issue.record("expected a TLS error, got \(String(describing: error))")
            return
        }
    }
}
