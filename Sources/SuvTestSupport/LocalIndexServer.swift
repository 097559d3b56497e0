import Foundation
import Synchronization

/// `fixtures/index-server/serve.py` running on 127.0.0.1 for the life of this object.
///
/// Starts the machine's `python3` on port 0 serving `root`, waits for its `PORT <n>` line, and
/// stops it on ``stop()`` or when released (the server also exits by itself when this process
/// dies, as its stdin closes). See the script's docstring for fault URLs
/// (`/_fault/status=503,fail-times=1/files/a.whl`) and the stats it keeps.
///
/// ```swift
/// let server = try LocalIndexServer(root: tree.path)
/// let page = try await client.get(HTTPRequest(url: server.url("/simple/foo/")))
/// #expect(try server.stats().requests(for: "/simple/foo/") == 1)
/// ```
public final class LocalIndexServer: @unchecked Sendable {
    // Safety: `process` and the pipes are only used under `stopped`'s lock after init.

    /// The port the server listens on.
    public let port: Int
    /// The directory it serves.
    public let root: String
    /// Whether it speaks HTTPS with the self-signed ``certificatePath`` certificate.
    public let tls: Bool
    private let process: Process
    private let input: Pipe
    private let stopped = Mutex(false)

    /// `http://127.0.0.1:<port>` (`https://` with TLS), without a trailing slash.
    public var baseURL: String { (tls ? "https" : "http") + "://127.0.0.1:\(port)" }

    /// The self-signed certificate a TLS server presents (valid for 127.0.0.1 and localhost):
    /// what `SSL_CERT_FILE` names for a client that should trust it.
    public static var certificatePath: String {
        RepositoryPaths.fixtures.appendingPathComponent("index-server/tls/cert.pem").path
    }

    /// The absolute URL of a path (`/simple/foo/`).
    public func url(_ path: String) -> String {
        baseURL + (path.hasPrefix("/") ? path : "/" + path)
    }

    /// The URL of `path` behind a fault spec: `/_fault/<spec><path>`.
    public func url(_ path: String, fault spec: String) -> String {
        url("/_fault/" + spec + (path.hasPrefix("/") ? path : "/" + path))
    }

    /// Launches the server (HTTPS when `tls`); throws when Python is missing or it does not
    /// report a port in time. ``stats()`` and ``reset()`` speak plain HTTP: not for TLS servers.
    public init(root: String, tls: Bool = false, timeout: Duration = .seconds(15)) throws {
        self.root = root
        self.tls = tls
        let script = RepositoryPaths.fixtures.appendingPathComponent("index-server/serve.py").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--root", root, "--host", "127.0.0.1", "--port", "0"] + (tls ? ["--tls"] : [])
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.standardError
        try process.run()
        self.process = process
        self.input = input
        do {
            port = try Self.readPort(from: output.fileHandleForReading.fileDescriptor, timeout: timeout)
        } catch {
            process.terminate()
            process.waitUntilExit()
            throw error
        }
    }

    deinit { stop() }

    /// Stops the server and waits for it to exit. Safe to call more than once.
    public func stop() {
        let first = stopped.withLock { stopped in
            defer { stopped = true }
            return !stopped
        }
        guard first else { return }
        try? input.fileHandleForWriting.close()
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }

    /// The server's counters.
    public func stats() throws -> IndexServerStats {
        let body = try LoopbackHTTP.request(method: "GET", port: port, path: "/_stats")
        return try JSONDecoder().decode(IndexServerStats.self, from: Data(body))
    }

    /// Clears the counters and the fault state (`fail-times`).
    public func reset() throws {
        _ = try LoopbackHTTP.request(method: "POST", port: port, path: "/_reset")
    }

    private static func readPort(from descriptor: Int32, timeout: Duration) throws -> Int {
        let deadline = ContinuousClock.now + timeout
        var line: [UInt8] = []
        while true {
            let left = deadline - ContinuousClock.now
            guard left > .zero else { throw IndexServerError.noPort(String(decoding: line, as: UTF8.self)) }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let (seconds, attoseconds) = left.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000)
            guard poll(&poller, 1, max(1, milliseconds)) >= 0 else { continue }
            guard poller.revents != 0 else { continue }
            var byte: UInt8 = 0
            let count = read(descriptor, &byte, 1)
            guard count == 1 else { throw IndexServerError.noPort(String(decoding: line, as: UTF8.self)) }
            if byte == UInt8(ascii: "\n") { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        guard text.hasPrefix("PORT "), let port = Int(text.dropFirst(5)) else { throw IndexServerError.noPort(text) }
        return port
    }
}

/// What `GET /_stats` reports.
public struct IndexServerStats: Decodable, Sendable, Equatable {
    /// Requests per path (fault prefixes included, query strings excluded).
    public var requests: [String: Int]
    /// `304 Not Modified` answers.
    public var notModified: Int
    /// All requests except `/_stats` and `/_reset`.
    public var total: Int
    /// Requests being answered right now.
    public var inFlight: Int
    /// The most requests ever answered at once.
    public var maxInFlight: Int
    /// Responses cut short because the client went away (stalls, cancellations).
    public var disconnects: Int

    enum CodingKeys: String, CodingKey {
        case requests, total, disconnects
        case notModified = "not_modified"
        case inFlight = "in_flight"
        case maxInFlight = "max_in_flight"
    }

    /// The number of requests for `path`.
    public func requests(for path: String) -> Int { requests[path] ?? 0 }
}

/// Why a ``LocalIndexServer`` could not be used.
public enum IndexServerError: Error, CustomStringConvertible {
    case noPort(String)
    case request(String)

    public var description: String {
        switch self {
        case .noPort(let output): "serve.py did not report `PORT <n>` (got `\(output)`); is python3 on PATH?"
        case .request(let reason): "request to the index server failed: \(reason)"
        }
    }
}
