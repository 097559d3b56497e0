import Foundation
import HTTP
import Hashing
import SuvTestSupport
import Testing

/// A small index tree served by a fresh loopback server, and a client tuned for fast tests.
///
/// Tree: `/simple/foo/` with `index.html` and `index.json`, `/simple/bar/` with HTML only,
/// `/files/foo-1.0.tar.gz` (200 KiB of deterministic bytes) and `/files/small.txt`.
final class IndexFixture: Sendable {
    let tree: TemporaryTree
    let server: LocalIndexServer
    /// A scratch directory for downloads.
    let downloads: TemporaryTree

    static let html = "<!DOCTYPE html><html><body><a href=\"../../files/foo-1.0.tar.gz\">foo-1.0.tar.gz</a></body></html>\n"
    static let json = #"{"meta":{"api-version":"1.1"},"name":"foo","files":[]}"# + "\n"
    static let archive: [UInt8] = (0..<(200 * 1024)).map { UInt8(truncatingIfNeeded: ($0 &* 7919) >> 3 ^ $0) }
    static let archiveDigest = SHA256.hash(archive)
    static let small = "0123456789abcdefghijklmnopqrstuvwxyz\n"

    init() throws {
        tree = try TemporaryTree(prefix: "suv-http-index")
        downloads = try TemporaryTree(prefix: "suv-http-downloads")
        try tree.write("simple/foo/index.html", Self.html)
        try tree.write("simple/foo/index.json", Self.json)
        try tree.write("simple/bar/index.html", "<html>bar</html>\n")
        try tree.write("files/foo-1.0.tar.gz", bytes: Self.archive)
        try tree.write("files/small.txt", Self.small)
        server = try LocalIndexServer(root: tree.path)
    }

    func url(_ path: String) -> String { server.url(path) }
    func url(_ path: String, fault: String) -> String { server.url(path, fault: fault) }

    /// The same URL with `user:secret@` in its authority.
    func urlWithSecret(_ path: String, fault: String? = nil) -> String {
        let plain = fault.map { url(path, fault: $0) } ?? url(path)
        return plain.replacingOccurrences(of: "http://", with: "http://user:secret@")
    }

    func stats() throws -> IndexServerStats { try server.stats() }

    /// A client with millisecond backoff and short timeouts, adjusted by `modify`.
    static func client(_ modify: (inout HTTPClientConfiguration) -> Void = { _ in }) -> CurlHTTPClient {
        var configuration = HTTPClientConfiguration(userAgent: "suv/test")
        configuration.retryBaseDelay = .milliseconds(10)
        configuration.retryMaxDelay = .milliseconds(40)
        configuration.connectTimeout = .seconds(2)
        configuration.readTimeout = .seconds(5)
        modify(&configuration)
        return CurlHTTPClient(configuration: configuration)
    }
}

/// Runs `body` with a fresh served tree, stopping the server afterwards.
func withIndex(_ body: (IndexFixture) async throws -> Void) async throws {
    let fixture = try IndexFixture()
    defer { fixture.server.stop() }
    try await body(fixture)
}

/// The error `body` throws, which must be an ``HTTPError``.
func httpError<T>(_ body: () async throws(HTTPError) -> T) async -> HTTPError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

/// A loopback port with nothing listening (bound, then closed).
func closedLoopbackPort() throws -> Int {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    address.sin_addr = in_addr(s_addr: UInt32(0x7F00_0001).bigEndian)
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { pointer in
            bind(descriptor, pointer, length) == 0 && getsockname(descriptor, pointer, &length) == 0
        }
    }
    try #require(bound)
    return Int(UInt16(bigEndian: address.sin_port))
}
