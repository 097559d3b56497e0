import Cache
import Foundation
import SuvBasics
import Testing

@Suite struct HTTPCacheEntryTests {
    private let url = "https://mirror.example/simple/flask/"

    private func record(_ response: [String], storedAt: Int64 = t0) -> CachedResponse {
        CachedResponse(
            policy: makePolicy(response, requestTime: storedAt, responseTime: storedAt, date: storedAt),
            sha256: String(repeating: "ab", count: 32), size: 2
        )
    }

    @Test func recordsSitBesideThePayload() {
        let entry = HTTPCacheEntry(payload: "/c/simple-v0/idx/flask.json")
        #expect(entry.record == "/c/simple-v0/idx/flask.json.http.json")
        #expect(entry.lockFile == "/c/simple-v0/idx/flask.json.lock")
    }

    @Test func storesAndReadsBack() throws {
        let directory = TestDirectory()
        let entry = HTTPCacheEntry(payload: directory.at("simple-v0/idx/flask.json"))
        #expect(entry.readRecord() == nil)
        #expect(try entry.readPayload() == nil)
        let stored = record(["Cache-Control: max-age=600", "ETag: \"x\""])
        try entry.store(payload: Array("{}".utf8), response: stored)
        #expect(try entry.readPayload() == Array("{}".utf8))
        #expect(entry.readRecord() == stored)
        entry.remove()
        #expect(entry.readRecord() == nil)
    }

    @Test func storesADownloadedFile() throws {
        let directory = TestDirectory()
        let download = directory.write("download.tmp", "wheel bytes")
        let entry = HTTPCacheEntry(payload: directory.at("wheels-v0/idx/six/six.whl"))
        try entry.store(payloadFile: download, response: record(["Cache-Control: max-age=600"]))
        #expect(readText(entry.payload) == "wheel bytes")
        #expect(!FileManager.default.fileExists(atPath: download))
    }

    @Test func aCorruptOrForeignRecordIsAMiss() throws {
        let directory = TestDirectory()
        let entry = HTTPCacheEntry(payload: directory.write("p", "payload"))
        directory.write("p.http.json", "not json")
        #expect(entry.readRecord() == nil)
        var future = record(["Cache-Control: max-age=600"])
        future.format = CachedResponse.currentFormat + 1
        try AtomicFile.write(future.encoded(), to: entry.record)
        #expect(entry.readRecord() == nil)
        #expect(try entry.lookup(url: url, mode: HTTPCacheMode(), now: t0) == .miss)
    }

    @Test func recordFormatIsJSONWithThePolicyAndDigest() throws {
        let stored = record(["Cache-Control: max-age=600"])
        let json = String(decoding: stored.encoded(), as: UTF8.self)
        #expect(json.hasPrefix(#"{"format":1,"policy":{"#))
        #expect(json.contains(#""sha256":"abab"#))
        #expect(json.contains(#""url":"https://mirror.example/simple/flask/""#))
        #expect(CachedResponse.decode(stored.encoded()) == stored)
    }

    @Test func lookupDecisions() throws {
        let online = HTTPCacheMode()
        let fresh = record(["Cache-Control: max-age=600", "ETag: \"x\""])
        #expect(try HTTPCacheLookup.decide(record: nil, url: url, mode: online, now: t0) == .miss)
        #expect(try HTTPCacheLookup.decide(record: fresh, url: url, mode: online, now: t0 + 10) == .fresh(fresh))
        #expect(try HTTPCacheLookup.decide(record: fresh, url: url, mode: online, now: t0 + 600)
            == .revalidate(fresh, headers: [ConditionalHeader(name: "If-None-Match", value: "\"x\"")]))
        #expect(try HTTPCacheLookup.decide(record: fresh, url: "https://other/", mode: online, now: t0) == .miss)
        let unstorable = record(["Cache-Control: no-store"])
        #expect(try HTTPCacheLookup.decide(record: unstorable, url: url, mode: online, now: t0) == .miss)
    }

    @Test func refreshRevalidatesWhatWasStoredBeforeTheRunStarted() throws {
        let old = record(["Cache-Control: max-age=600"], storedAt: t0)
        let new = record(["Cache-Control: max-age=600"], storedAt: t0 + 5)
        let refresh = HTTPCacheMode(refresh: .all(since: t0 + 1))
        #expect(try HTTPCacheLookup.decide(record: old, url: url, mode: refresh, now: t0 + 10) == .revalidate(old, headers: []))
        #expect(try HTTPCacheLookup.decide(record: new, url: url, mode: refresh, now: t0 + 10) == .fresh(new))
        let immutable = record(["Cache-Control: max-age=600, immutable"], storedAt: t0)
        #expect(try HTTPCacheLookup.decide(record: immutable, url: url, mode: refresh, now: t0 + 10) == .fresh(immutable))
    }

    @Test func refreshPackageOnlyAffectsThosePackages() throws {
        let old = record(["Cache-Control: max-age=600"], storedAt: t0)
        let mode = HTTPCacheMode(refresh: .packages([PackageName("Flask")], since: t0 + 1))
        #expect(try HTTPCacheLookup.decide(record: old, url: url, package: PackageName("flask"), mode: mode, now: t0 + 10)
            == .revalidate(old, headers: []))
        #expect(try HTTPCacheLookup.decide(record: old, url: url, package: PackageName("six"), mode: mode, now: t0 + 10) == .fresh(old))
        #expect(try HTTPCacheLookup.decide(record: old, url: url, mode: mode, now: t0 + 10) == .fresh(old))
        #expect(!Refresh.none.requiresRevalidation(package: nil, storedAt: 0))
    }

    @Test func offlineServesStaleEntries() throws {
        let stale = record(["Cache-Control: max-age=1, must-revalidate"])
        let offline = HTTPCacheMode(offline: true)
        #expect(try HTTPCacheLookup.decide(record: stale, url: url, mode: offline, now: t0 + 100_000) == .fresh(stale))
    }

    @Test func offlineMissIsATypedError() throws {
        let offline = HTTPCacheMode(offline: true)
        #expect(throws: CacheError.offlineMiss(url: url)) {
            try HTTPCacheLookup.decide(record: nil, url: url, mode: offline, now: t0)
        }
        let directory = TestDirectory()
        let entry = HTTPCacheEntry(payload: directory.at("simple-v0/idx/flask.json"))
        // A record whose payload is gone is a miss too.
        try AtomicFile.write(record(["Cache-Control: max-age=600"]).encoded(), to: entry.record)
        #expect(throws: CacheError.offlineMiss(url: url)) {
            try entry.lookup(url: url, mode: offline, now: t0)
        }
        let error = CacheError.offlineMiss(url: url)
        #expect(error.message == "Network connectivity is disabled, but the requested data wasn't found in the cache for: `\(url)`")
        #expect(error.kind == .error)
    }
}

@Suite struct TemporaryCacheDirectoryTests {
    @Test func isRemovedWhenTheScopeEnds() async throws {
        let directory = TestDirectory()
        let environment = ["TMPDIR": directory.path + "/"]
        let used = try await withTemporaryCache(environment: environment) { temporary in
            #expect(temporary.path.hasPrefix(directory.path + "/suv-cache-"))
            #expect(temporary.root.source == .temporary)
            try temporary.store.initialize()
            try AtomicFile.write("x", to: temporary.store.shard(.simple, "idx", "a.json"))
            return temporary.path
        }
        #expect(!FileManager.default.fileExists(atPath: used))
    }

    @Test func isRemovedWhenTheBodyThrows() async throws {
        struct Boom: Error {}
        let directory = TestDirectory()
        var seen = ""
        await #expect(throws: Boom.self) {
            try await withTemporaryCache(environment: ["TMPDIR": directory.path]) { temporary in
                seen = temporary.path
                throw Boom()
            }
        }
        #expect(!seen.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: seen))
    }

    @Test func isRemovedWithItsLastReference() throws {
        let directory = TestDirectory()
        var path = ""
        do {
            let temporary = try TemporaryCacheDirectory(environment: ["TMPDIR": directory.path])
            path = temporary.path
            #expect(FileManager.default.fileExists(atPath: path))
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
