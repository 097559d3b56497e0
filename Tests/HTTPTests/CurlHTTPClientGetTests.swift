import Foundation
import HTTP
import SuvTestSupport
import Testing

/// `get` against the loopback index server: negotiation, revalidation, decoding, ranges,
/// redirects, authentication and proxies.
@Suite struct CurlHTTPClientGetTests {
    static let simpleAccept = "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html;q=0.2, text/html;q=0.01"

    @Test func negotiatesJSONOrHTML() async throws {
        try await withIndex { index async throws in
            let client = IndexFixture.client()
            let json = try await client.get(HTTPRequest(url: index.url("/simple/foo/"), headers: ["Accept": Self.simpleAccept]))
            #expect(json.status == 200)
            #expect(json.headers["Content-Type"] == "application/vnd.pypi.simple.v1+json")
            #expect(json.text == IndexFixture.json)
            #expect(json.headers["Cache-Control"] == "max-age=600")

            let html = try await client.get(HTTPRequest(url: index.url("/simple/foo/"), headers: ["Accept": "text/html"]))
            #expect(html.headers["Content-Type"] == "text/html")
            #expect(html.text == IndexFixture.html)

            let htmlOnly = try await client.get(
                HTTPRequest(url: index.url("/simple/foo/", fault: "html-only"), headers: ["Accept": Self.simpleAccept])
            )
            #expect(htmlOnly.text == IndexFixture.html)

            let noJSON = try await client.get(HTTPRequest(url: index.url("/simple/bar/"), headers: ["Accept": Self.simpleAccept]))
            #expect(noJSON.headers["Content-Type"] == "text/html")
        }
    }

    @Test func revalidatesWithETagAndLastModified() async throws {
        try await withIndex { index async throws in
            let client = IndexFixture.client()
            let url = index.url("/files/small.txt")
            let first = try await client.get(HTTPRequest(url: url))
            let etag = try #require(first.headers["ETag"])
            let lastModified = try #require(first.headers["Last-Modified"])
            #expect(first.headers["Cache-Control"] == "max-age=365000000, immutable")

            let byTag = try await client.get(HTTPRequest(url: url, headers: ["If-None-Match": etag]))
            #expect(byTag.isNotModified)
            #expect(byTag.body.isEmpty)
            #expect(byTag.headers["ETag"] == etag)

            let byDate = try await client.get(HTTPRequest(url: url, headers: ["If-Modified-Since": lastModified]))
            #expect(byDate.status == 304)

            let changed = try await client.get(HTTPRequest(url: url, headers: ["If-None-Match": "\"other\""]))
            #expect(changed.status == 200)
            #expect(try index.stats().notModified == 2)
        }
    }

    @Test func decodesGzipPages() async throws {
        try await withIndex { index async throws in
            let client = IndexFixture.client()
            let page = try await client.get(HTTPRequest(url: index.url("/simple/foo/"), headers: ["Accept": "text/html"]))
            #expect(page.headers["Content-Encoding"] == "gzip")
            #expect(page.text == IndexFixture.html)

            let echoed = try await client.get(HTTPRequest(url: index.url("/_headers")))
            let sent = try JSONDecoder().decode([String: String].self, from: Data(echoed.body))
            let encodings = try #require(sent["Accept-Encoding"])
            #expect(encodings.contains("gzip") && encodings.contains("deflate"))
            #expect(sent["User-Agent"] == "suv/test")
        }
    }

    @Test func servesByteRanges() async throws {
        try await withIndex { index async throws in
            let client = IndexFixture.client()
            let url = index.url("/files/foo-1.0.tar.gz")
            let total = IndexFixture.archive.count
            let middle = try await client.get(HTTPRequest(url: url, headers: ["Range": "bytes=100-199"]))
            #expect(middle.status == 206)
            #expect(middle.body == Array(IndexFixture.archive[100..<200]))
            #expect(middle.headers["Content-Range"] == "bytes 100-199/\(total)")

            let tail = try await client.get(HTTPRequest(url: url, headers: ["Range": "bytes=-22"]))
            #expect(tail.status == 206)
            #expect(tail.body == Array(IndexFixture.archive[(total - 22)...]))

            let ignored = try await client.get(HTTPRequest(url: index.url("/files/foo-1.0.tar.gz", fault: "no-range"), headers: ["Range": "bytes=0-9"]))
            #expect(ignored.status == 200)
            #expect(ignored.body.count == total)
        }
    }

    @Test func headRequestsHaveNoBody() async throws {
        try await withIndex { index async throws in
            let response = try await IndexFixture.client().get(HTTPRequest(url: index.url("/files/small.txt"), method: .head))
            #expect(response.status == 200)
            #expect(response.body.isEmpty)
            #expect(response.headers["Content-Length"] == "\(IndexFixture.small.utf8.count)")
        }
    }

    @Test func followsRedirectChainsAndStopsLoops() async throws {
        try await withIndex { index async throws in
            let client = IndexFixture.client()
            let response = try await client.get(HTTPRequest(url: index.url("/files/small.txt", fault: "redirect=3")))
            #expect(response.status == 200)
            #expect(response.text == IndexFixture.small)
            #expect(response.url == index.url("/files/small.txt"))
            #expect(response.httpVersion == .http1_1)

            let loop = await httpError { () async throws(HTTPError) in
                try await client.get(HTTPRequest(url: index.url("/files/small.txt", fault: "redirect-loop")))
            }
            #expect(loop == .tooManyRedirects(url: index.url("/files/small.txt", fault: "redirect-loop"), limit: 10))
            #expect(try index.stats().requests(for: "/_fault/redirect-loop/files/small.txt") == 11)
        }
    }

    @Test func sendsBasicCredentials() async throws {
        try await withIndex { index async throws in
            let client = IndexFixture.client()
            let url = index.url("/simple/foo/", fault: "auth=alice:s3cret")
            let anonymous = await httpError { () async throws(HTTPError) in try await client.get(HTTPRequest(url: url)) }
            #expect(anonymous == .status(url: url, code: 401))

            let wrong = await httpError { () async throws(HTTPError) in
                try await client.get(HTTPRequest(url: url, credentials: HTTPCredentials(username: "alice", password: "nope")))
            }
            #expect(wrong == .status(url: url, code: 401))

            let good = try await client.get(HTTPRequest(url: url, credentials: HTTPCredentials(username: "alice", password: "s3cret")))
            #expect(good.status == 200)

            let inURL = try await client.get(HTTPRequest(url: url.replacingOccurrences(of: "http://", with: "http://alice:s3cret@")))
            #expect(inURL.status == 200)
            #expect(try index.stats().requests(for: "/_fault/auth=alice:s3cret/simple/foo/") == 4)
        }
    }

    @Test func honoursNoProxy() async throws {
        try await withIndex { index async throws in
            let proxy = "http://127.0.0.1:\(try closedLoopbackPort())"
            let url = index.url("/files/small.txt")

            let proxied = IndexFixture.client { $0 = try! HTTPClientConfiguration(environment: ["HTTP_PROXY": proxy, "UV_HTTP_RETRIES": "0"]) }
            let refused = await httpError { () async throws(HTTPError) in try await proxied.get(HTTPRequest(url: url)) }
            guard case .connection(let failedURL, _) = refused else {
                Issue.record("expected a connection error through the dead proxy, got \(String(describing: refused))")
                return
            }
            #expect(failedURL == url)

            for noProxy in ["127.0.0.1", "localhost,127.0.0.1", "*"] {
                let direct = IndexFixture.client {
                    $0 = try! HTTPClientConfiguration(environment: ["HTTP_PROXY": proxy, "NO_PROXY": noProxy, "UV_HTTP_RETRIES": "0"])
                }
                #expect(try await direct.get(HTTPRequest(url: url)).text == IndexFixture.small)
            }
            #expect(try index.stats().requests(for: "/files/small.txt") == 3)
        }
    }

    @Test func clientErrorsAreNotRetried() async throws {
        try await withIndex { index async throws in
            let url = index.url("/simple/missing/")
            let error = await httpError { () async throws(HTTPError) in try await IndexFixture.client().get(HTTPRequest(url: url)) }
            #expect(error == .status(url: url, code: 404))
            #expect(try index.stats().requests(for: "/simple/missing/") == 1)
        }
    }
}
