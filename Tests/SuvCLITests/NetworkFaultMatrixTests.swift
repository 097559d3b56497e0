import Foundation
import SuvTestSupport
import Testing

/// Each network fault of the loopback index (`fixtures/index-server/serve.py`), met by `lock`,
/// `add`, `sync` and `run`: a clear error that names the index without its credentials, a
/// non-zero exit, and `pyproject.toml`, `uv.lock` and the environment exactly as they were
/// (every file's contents compared before and after).
///
/// The project is locked and synced against the healthy index first. `lock` and `add` then ask
/// the faulty index directly; `sync` and `run` reinstall `beta` with `--frozen` through the
/// faulty index declared as the lock's mirror (`SUV_INDEX_MIRRORS`), each with an empty cache,
/// so the fault is met on the way to the index. The `tls` row serves the same index over HTTPS
/// with a self-signed certificate nobody told suv to trust (`TLSTrustTests` shows the same server
/// working once it is trusted).
@Suite struct NetworkFaultMatrixTests {
    let tree: TemporaryTree

    init() throws {
        tree = try TemporaryTree(prefix: "suv-faults")
    }

    enum Command: String, CaseIterable, Sendable {
        case lock, add, sync, run
    }

    /// The faults, as `/_fault/<spec>/` paths; `nil` for a port nothing listens on, `tls` for a
    /// second server speaking HTTPS with an untrusted (self-signed) certificate.
    static let faults: [String?] = [
        nil, "status=500", "status=503", "status=429,retry-after=1", "status=404", "drop", "truncate", "stall",
        "wrong-bytes", "redirect-loop", "tls",
    ]

    static var cases: [(String?, Command)] {
        faults.flatMap { fault in Command.allCases.map { (fault, $0) } }
    }

    /// The contents of every file below `root` (symlinks by target, folders by name).
    func snapshot(_ root: String) throws -> [String: String] {
        var result: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return result }
        while let relative = walker.nextObject() as? String {
            let path = root + "/" + relative
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if attributes[.type] as? FileAttributeType == .typeSymbolicLink {
                result[relative] = "-> " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))
            } else if attributes[.type] as? FileAttributeType == .typeRegular {
                let data = try Data(contentsOf: URL(fileURLWithPath: path))
                result[relative] = "\(data.hashValue) \(data.count)"
            } else {
                result[relative + "/"] = "folder"
            }
        }
        return result
    }

    @Test(arguments: cases)
    func aFaultLeavesTheProjectAsItWas(fault: String?, command: Command) async throws {
        let server = try LocalIndexServer(root: try FixtureIndex.url().path)
        let healthy = server.url("/simple/")
        let untrusted = fault == "tls" ? try LocalIndexServer(root: server.root, tls: true) : nil
        let faultyRoot = switch (fault, untrusted) {
        case (_, let untrusted?): "https://fault-user:s3cret-token@127.0.0.1:\(untrusted.port)/"
        case (let fault?, nil): "http://fault-user:s3cret-token@127.0.0.1:\(server.port)/_fault/\(fault)/"
        case (nil, nil): "http://fault-user:s3cret-token@127.0.0.1:9/"
        }
        let faulty = faultyRoot + "simple/"
        _ = try tree.write("app/pyproject.toml", """
            [project]
            name = "app"
            version = "0.1.0"
            requires-python = ">=3.10"
            dependencies = ["beta"]
            """)
        let directory = tree.path("app")
        var environment = projectEnvironment(tree)
        let prepared = await runSuv(["sync", "--directory", directory, "--index-url", healthy, "--python", "3.12"], environment: environment)
        #expect(prepared.status == 0, "\(prepared.stderr)")
        let before = try snapshot(directory)

        // An empty cache, no retries, a short timeout: the fault is met at once.
        environment["UV_CACHE_DIR"] = tree.path("empty-cache")
        environment["UV_HTTP_RETRIES"] = "0"
        environment["UV_HTTP_TIMEOUT"] = "2"
        var arguments = [command.rawValue, "--directory", directory, "--python", "3.12"]
        switch command {
        case .lock:
            arguments += ["--index-url", faulty]
        case .add:
            arguments += ["gamma", "--index-url", faulty]
        case .sync:
            environment["SUV_INDEX_MIRRORS"] = "\(server.url("/"))=\(faultyRoot)"
            arguments += ["--frozen", "--reinstall-package", "beta"]
        case .run:
            environment["SUV_INDEX_MIRRORS"] = "\(server.url("/"))=\(faultyRoot)"
            arguments += ["--frozen", "--reinstall-package", "beta", "python", "-c", "pass"]
        }
        let failed = await runSuv(arguments, environment: environment)
        let label = "\(fault ?? "refused") × \(command): "
        #expect((1...2).contains(failed.status), "\(label)exit \(failed.status)\n\(failed.stderr)")
        #expect(failed.stderr.contains("error:"), "\(label)\(failed.stderr)")
        // The index is named (a 404 for a page means the package is not there, as uv reads it:
        // the package is named instead), its credentials are not.
        if fault == "status=404", command == .lock || command == .add {
            #expect(failed.stderr.contains("beta was not found") || failed.stderr.contains("gamma was not found"), "\(label)\(failed.stderr)")
        } else {
            #expect(failed.stderr.contains("127.0.0.1:"), "\(label)\(failed.stderr)")
        }
        #expect(!failed.stderr.contains("s3cret") && !failed.stdout.contains("s3cret"), "\(label)\(failed.stderr)")
        #expect(try snapshot(directory) == before, "\(label)the project changed\n\(failed.stderr)")
    }
}
