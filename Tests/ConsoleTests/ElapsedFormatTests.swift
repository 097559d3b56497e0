import Console
import Testing

@Suite struct ElapsedFormatTests {
    @Test(arguments: [
        (Duration.seconds(65), "1m 05s"),
        (Duration.seconds(60), "1m 00s"),
        (Duration.seconds(3725), "62m 05s"),
        (Duration.milliseconds(6719), "6.71s"),
        (Duration.seconds(1), "1.00s"),
        (Duration.milliseconds(59_999), "59.99s"),
        (Duration.microseconds(196_900), "196ms"),
        (Duration.milliseconds(1), "1ms"),
        (Duration.microseconds(880), "0.88ms"),
        (Duration.microseconds(260), "0.26ms"),
        (Duration.nanoseconds(5_000), "0.00ms"),
        (Duration.zero, "0.00ms"),
    ])
    func formatsLikeUv(_ duration: Duration, _ expected: String) {
        #expect(ElapsedFormat.format(duration) == expected)
    }

    @Test func negativeDurationsFormatAsZero() {
        #expect(ElapsedFormat.format(.milliseconds(-5)) == "0.00ms")
    }
}
