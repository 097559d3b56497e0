import Foundation
import SuvTestSupport
import Testing

/// An index served over HTTPS on loopback with a self-signed certificate
/// (`fixtures/index-server/tls/`): refused until the user trusts it, through `SSL_CERT_FILE`
/// (the certificate as a CA file) or `--allow-insecure-host` / `UV_INSECURE_HOST` /
/// `allow-insecure-host`, then used
/// for the whole lock and sync. The refusal itself is a row of `NetworkFaultMatrixTests`
/// (every command leaves the project as it was); here it is read for its words.
@Suite struct TLSTrustTests {
    let tree: TemporaryTree
    let server: LocalIndexServer

    init() throws {
        tree = try TemporaryTree(prefix: "suv-tls")
        server = try LocalIndexServer(root: try FixtureIndex.url().path, tls: true)
        _ = try tree.write("app/pyproject.toml", """
            [project]
            name = "app"
            version = "0.1.0"
            requires-python = ">=3.10"
            dependencies = ["beta"]
            """)
    }

    var index: String { server.url("/simple/") }

    func lock(_ extra: [String] = [], environment extraEnvironment: [String: String] = [:]) async -> CLIResult {
        var environment = projectEnvironment(tree)
        environment.merge(extraEnvironment) { $1 }
        return await runSuv(["lock", "--directory", tree.path("app"), "--index-url", index, "--python", "3.12"] + extra,
                            environment: environment)
    }

    @Test func anUntrustedCertificateIsRefusedWithAHint() async throws {
        let result = await lock(environment: ["UV_HTTP_RETRIES": "0"])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("TLS error for `\(server.baseURL)/simple/beta/`"), "\(result.stderr)")
        #expect(result.stderr.lowercased().contains("certificate"), "\(result.stderr)")
        #expect(result.stderr.contains("SSL_CERT_FILE"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tree.path("app/uv.lock")))
    }

    @Test func trustingTheCertificateFileLocksAndSyncsOverTLS() async throws {
        let trusted = ["SSL_CERT_FILE": LocalIndexServer.certificatePath]
        let locked = await lock(environment: trusted)
        #expect(locked.status == 0, "\(locked.stderr)")
        let lockText = try String(contentsOfFile: tree.path("app/uv.lock"), encoding: .utf8)
        #expect(lockText.contains("source = { registry = \"\(index)\" }"), "\(lockText)")
        #expect(lockText.contains("url = \"\(server.baseURL)/files/beta-"), "\(lockText)")

        var environment = projectEnvironment(tree)
        environment.merge(trusted) { $1 }
        let synced = await runSuv(["sync", "--frozen", "--directory", tree.path("app"), "--python", "3.12"], environment: environment)
        #expect(synced.status == 0, "\(synced.stderr)")
        #expect(synced.stderr.contains(" + beta=="), "\(synced.stderr)")
    }

    @Test func anInsecureHostSkipsVerificationForThatHostOnly() async throws {
        let allowed = await lock(["--allow-insecure-host", "127.0.0.1:\(server.port)"])
        #expect(allowed.status == 0, "\(allowed.stderr)")

        try FileManager.default.removeItem(atPath: tree.path("app/uv.lock"))
        let fromEnvironment = await lock(environment: ["UV_INSECURE_HOST": "127.0.0.1"])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")

        try FileManager.default.removeItem(atPath: tree.path("app/uv.lock"))
        _ = try tree.write("app/uv.toml", "allow-insecure-host = [\"127.0.0.1:\(server.port)\"]\n")
        let fromConfiguration = await lock()
        #expect(fromConfiguration.status == 0, "\(fromConfiguration.stderr)")
        try FileManager.default.removeItem(atPath: tree.path("app/uv.toml"))

        try FileManager.default.removeItem(atPath: tree.path("app/uv.lock"))
        // (A cache of its own: the pages fetched above would answer without a request.)
        let otherHost = await lock(environment: [
            "UV_INSECURE_HOST": "localhost", "UV_HTTP_RETRIES": "0", "UV_CACHE_DIR": tree.path("other-cache"),
        ])
        #expect(otherHost.status == 2, "\(otherHost.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tree.path("app/uv.lock")))
    }
}
