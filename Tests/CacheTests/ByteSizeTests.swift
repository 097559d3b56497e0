import Cache
import Testing

@Suite struct ByteSizeTests {
    @Test(arguments: [
        (UInt64(0), "0B"),
        (1, "1B"),
        (1000, "1000B"),
        (1023, "1023B"),
        (1024, "1.0KiB"),
        (4096, "4.0KiB"),
        (12288, "12.0KiB"),
        (1536, "1.5KiB"),
        (1_500_000, "1.4MiB"),
        (56_623_104, "54.0MiB"),
        (663_552, "648.0KiB"),
        (1_048_575, "1.0MiB"),
        (1_048_576, "1.0MiB"),
        (1_073_741_824, "1.0GiB"),
        (1_099_511_627_776, "1.0TiB"),
    ])
    func formatsLikeUv(_ bytes: UInt64, _ expected: String) {
        #expect(ByteSize.humanReadable(bytes) == expected)
    }

    @Test func roundsHalfToEvenOnExactTies() {
        // 1.25 KiB and 1.75 KiB are exact in binary; Rust's `{:.1}` gives 1.2 and 1.8.
        #expect(ByteSize.humanReadable(1280) == "1.2KiB")
        #expect(ByteSize.humanReadable(1792) == "1.8KiB")
    }
}

@Suite struct RemovalSummaryTests {
    @Test(arguments: [
        (0, 0, UInt64(0), "No cache entries found"),
        (0, 1, 0, "Removed 1 directory (0B)"),
        (0, 3, 0, "Removed 3 directories (0B)"),
        (1, 0, 4096, "Removed 1 file (4.0KiB)"),
        (1, 5, 0, "Removed 1 file (0B)"),
        (2127, 40, 56_623_104, "Removed 2127 files (54.0MiB)"),
    ])
    func summaryLines(_ files: Int, _ directories: Int, _ bytes: UInt64, _ expected: String) {
        let summary = RemovalSummary(files: files, directories: directories, bytes: bytes)
        #expect(summary.summaryLine(emptyMessage: "No cache entries found") == expected)
    }

    @Test func addsUp() {
        var total = RemovalSummary(files: 1, directories: 2, bytes: 3)
        total += RemovalSummary(files: 10, directories: 20, bytes: 30)
        #expect(total == RemovalSummary(files: 11, directories: 22, bytes: 33))
        #expect(!total.isEmpty)
        #expect(RemovalSummary().isEmpty)
    }
}
