import Cache
import Testing

@Suite struct CacheBucketTests {
    @Test func folderNamesCarryTheirVersion() {
        #expect(CacheBucket.allCases.map(\.folderName) == [
            "simple-v0", "wheels-v0", "archive-v0", "interpreter-v0", "sdists-v0", "builds-v0", "environments-v0",
            "locks-v0", "git-v0",
        ])
    }

    @Test(arguments: [
        ("simple-v0", CacheBucket.simple, 0),
        ("wheels-v12", .wheels, 12),
        ("environments-v2", .environments, 2),
    ])
    func parsesVersionedNames(_ name: String, _ bucket: CacheBucket, _ version: Int) throws {
        let parsed = try #require(CacheBucket.parse(folderName: name))
        #expect(parsed.bucket == bucket)
        #expect(parsed.version == version)
    }

    @Test(arguments: ["simple", "simple-v", "simple-vx", "git-2", "flat-index-v4", "simple-v1a", "-v0", "simple-v-1"])
    func rejectsOtherNames(_ name: String) {
        #expect(CacheBucket.parse(folderName: name) == nil)
    }

    @Test func packageKeyedBuckets() {
        #expect(CacheBucket.allCases.filter(\.isKeyedByPackage) == [.simple, .wheels, .sdists])
    }
}
