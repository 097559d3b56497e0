import PackagingTypes
import PEP440
@testable import SuvCLI
import Testing

/// How `suv tree --outdated` picks the newest version an index offers, as uv's `LatestClient`.
@Suite struct LatestVersionsTests {
    func file(_ name: String, requiresPython: String? = nil, yanked: Bool = false, uploaded: String? = nil) -> SimpleFile {
        SimpleFile(filename: name, url: "https://index.example/files/" + name, requiresPython: requiresPython.map(RequiresPython.init),
                   yanked: yanked ? .yanked(reason: nil) : .notYanked, uploadTime: uploaded)
    }

    let python39 = (try? VersionSpecifiers(parsing: ">=3.9").ranges) ?? .empty

    @Test func newestFinalNotYankedAndForEveryLockedPython() {
        let files = [
            file("alpha-1.0-py3-none-any.whl"), file("alpha-1.1.tar.gz"), file("alpha-2.0a1-py3-none-any.whl"),
            file("alpha-1.2-py3-none-any.whl", yanked: true), file("alpha-1.3-py3-none-any.whl", requiresPython: ">=3.12"),
            file("alpha-1.1.post1-py3-none-any.whl", requiresPython: ">=3.8"), file("not-a-distribution.txt"),
        ]
        #expect(LatestVersions.newest(in: files, requiresPython: python39, allowsPrereleases: false) == Version("1.1.post1"))
        #expect(LatestVersions.newest(in: files, requiresPython: python39, allowsPrereleases: true) == Version("2.0a1"))
        #expect(LatestVersions.newest(in: files, requiresPython: (try? VersionSpecifiers(parsing: ">=3.12").ranges) ?? .empty,
                                      allowsPrereleases: false) == Version("1.3"))
        #expect(LatestVersions.newest(in: [], requiresPython: python39, allowsPrereleases: false) == nil)
    }

    @Test func excludeNewerDropsLaterUploads() {
        let files = [
            file("zeta-0.9-py3-none-any.whl", uploaded: "2024-01-01T02:00:00.002Z"),
            file("zeta-1.0-py3-none-any.whl", uploaded: "2024-01-01T12:00:00Z"),
            file("zeta-1.1-py3-none-any.whl"),
        ]
        let cutoff = LatestVersions.timestampKey("2024-01-01T12:00:00Z")
        #expect(LatestVersions.newest(in: Array(files.prefix(2)), requiresPython: python39, allowsPrereleases: false, excludeNewer: cutoff) == Version("0.9"))
        // A file without an upload time is kept, as uv keeps it (with a warning).
        #expect(LatestVersions.newest(in: files, requiresPython: python39, allowsPrereleases: false, excludeNewer: cutoff) == Version("1.1"))
    }

    @Test func timestampKeysSortAsInstants() {
        #expect(LatestVersions.timestampKey("2024-01-01T12:00:00Z") == "2024-01-01T12:00:00.000")
        #expect(LatestVersions.timestampKey("2024-01-01T02:00:00.002Z") == "2024-01-01T02:00:00.002")
        #expect(LatestVersions.timestampKey("2024-01-01T02:00:00.123456Z") == "2024-01-01T02:00:00.123")
        #expect(LatestVersions.timestampKey("2024-01-01") == nil)
        #expect(LatestVersions.timestampKey("2024-01-01T02:00:00+01:00") == nil)
        #expect(LatestVersions.timestampKey("2024-01-01T02:00:00.x1Z") == nil)
    }
}
