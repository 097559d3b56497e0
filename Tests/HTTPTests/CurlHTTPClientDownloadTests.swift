import HTTP
import Hashing
import SuvTestSupport
import Testing

/// `download`: streaming to disk with the hash checked on the fly, retries of broken bodies,
/// and never a partial file left behind.
@Suite struct CurlHTTPClientDownloadTests {
    @Test func writesTheFileWhenTheHashMatches() async throws {
        try await withIndex { index async throws in
            let destination = index.downloads.path("foo-1.0.tar.gz")
            let result = try await IndexFixture.client().download(
                HTTPRequest(url: index.url("/files/foo-1.0.tar.gz")), to: destination, expectedSHA256: IndexFixture.archiveDigest
            )
            #expect(result.path == destination)
            #expect(result.size == Int64(IndexFixture.archive.count))
            #expect(result.sha256 == IndexFixture.archiveDigest)
            #expect(result.status == 200)
            #expect(index.downloads.read("foo-1.0.tar.gz") == IndexFixture.archive)
            #expect(index.downloads.list() == ["foo-1.0.tar.gz"])
        }
    }

    @Test func hashesWithoutAnExpectedDigestAndReplacesExistingFiles() async throws {
        try await withIndex { index async throws in
            try index.downloads.write("small.txt", "stale")
            let result = try await IndexFixture.client().download(
                HTTPRequest(url: index.url("/files/small.txt")), to: index.downloads.path("small.txt"), expectedSHA256: nil
            )
            #expect(result.sha256 == SHA256.hash(utf8: IndexFixture.small))
            #expect(index.downloads.read("small.txt") == Array(IndexFixture.small.utf8))
        }
    }

    @Test func rejectsAWrongHashAndLeavesNoFile() async throws {
        try await withIndex { index async throws in
            let url = index.url("/files/foo-1.0.tar.gz")
            let wrong = SHA256.hash(utf8: "something else")
            let error = await httpError { () async throws(HTTPError) in
                try await IndexFixture.client().download(HTTPRequest(url: url), to: index.downloads.path("f.tar.gz"), expectedSHA256: wrong)
            }
            #expect(error == .hashMismatch(url: url, expected: wrong, actual: IndexFixture.archiveDigest))
            #expect(index.downloads.list().isEmpty)
        }
    }

    @Test func corruptedBytesFailTheHashWithoutRetrying() async throws {
        try await withIndex { index async throws in
            let url = index.url("/files/foo-1.0.tar.gz", fault: "wrong-bytes")
            let error = await httpError { () async throws(HTTPError) in
                try await IndexFixture.client().download(
                    HTTPRequest(url: url), to: index.downloads.path("f.tar.gz"), expectedSHA256: IndexFixture.archiveDigest
                )
            }
            guard case .hashMismatch(let failedURL, let expected, let actual) = error else {
                Issue.record("expected a hash mismatch, got \(String(describing: error))")
                return
            }
            #expect(failedURL == url && expected == IndexFixture.archiveDigest && actual != expected)
            #expect(index.downloads.list().isEmpty)
            #expect(try index.stats().requests(for: "/_fault/wrong-bytes/files/foo-1.0.tar.gz") == 1)
        }
    }

    @Test(arguments: ["truncate", "drop"])
    func brokenBodiesAreRetried(fault: String) async throws {
        try await withIndex { index async throws in
            let url = index.url("/files/foo-1.0.tar.gz", fault: "\(fault),fail-times=1")
            let result = try await IndexFixture.client().download(
                HTTPRequest(url: url), to: index.downloads.path("f.tar.gz"), expectedSHA256: IndexFixture.archiveDigest
            )
            #expect(result.size == Int64(IndexFixture.archive.count))
            #expect(index.downloads.list() == ["f.tar.gz"])
            #expect(try index.stats().requests(for: "/_fault/\(fault),fail-times=1/files/foo-1.0.tar.gz") == 2)
        }
    }

    @Test func permanentlyTruncatedBodiesFailClearly() async throws {
        try await withIndex { index async throws in
            let url = index.url("/files/foo-1.0.tar.gz", fault: "truncate")
            let client = IndexFixture.client { $0.maxRetries = 2 }
            let error = await httpError { () async throws(HTTPError) in
                try await client.download(HTTPRequest(url: url), to: index.downloads.path("f.tar.gz"), expectedSHA256: nil)
            }
            let total = Int64(IndexFixture.archive.count)
            #expect(error == .retriesExhausted(retries: 2, last: .truncated(url: url, expected: total, received: total / 2)))
            #expect(index.downloads.list().isEmpty)
            #expect(try index.stats().requests(for: "/_fault/truncate/files/foo-1.0.tar.gz") == 3)

            let dropped = index.url("/files/foo-1.0.tar.gz", fault: "drop")
            let dropError = await httpError { () async throws(HTTPError) in
                try await client.download(HTTPRequest(url: dropped, maxRetries: 0), to: index.downloads.path("f.tar.gz"), expectedSHA256: nil)
            }
            guard case .truncated(dropped, nil, _)? = dropError else {
                Issue.record("expected a truncated chunked body, got \(String(describing: dropError))")
                return
            }
        }
    }

    @Test func errorStatusesWriteNothing() async throws {
        try await withIndex { index async throws in
            let url = index.url("/files/missing.whl")
            let error = await httpError { () async throws(HTTPError) in
                try await IndexFixture.client().download(HTTPRequest(url: url), to: index.downloads.path("m.whl"), expectedSHA256: nil)
            }
            #expect(error == .status(url: url, code: 404))
            #expect(index.downloads.list().isEmpty)
        }
    }

    @Test func missingDestinationDirectoryIsAFileSystemError() async throws {
        try await withIndex { index async throws in
            let error = await httpError { () async throws(HTTPError) in
                try await IndexFixture.client().download(
                    HTTPRequest(url: index.url("/files/small.txt")), to: index.downloads.path("no/such/dir/s.txt"), expectedSHA256: nil
                )
            }
            guard case .fileSystem(_, "create", _)? = error else {
                Issue.record("expected a file-system error, got \(String(describing: error))")
                return
            }
        }
    }
}
