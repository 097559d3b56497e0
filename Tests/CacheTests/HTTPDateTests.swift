import Cache
import Testing

@Suite struct HTTPDateTests {
    /// 1994-11-06 08:49:37 UTC, the RFC's example.
    private let example: Int64 = 784_111_777

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        "  Sun, 06 Nov 1994 08:49:37 GMT ",
        "sun, 06 nov 1994 08:49:37 GMT",
    ])
    func parsesTheThreeForms(_ text: String) {
        #expect(HTTPDate.parse(text) == example)
    }

    @Test(arguments: [
        "", "0", "-1", "yesterday", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 25:00:00 GMT",
        "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 94 08:49:37 GMT",
    ])
    func rejectsOtherText(_ text: String) {
        #expect(HTTPDate.parse(text) == nil)
    }

    @Test func formatsIMFFixdate() {
        #expect(HTTPDate.format(example) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(951_782_400) == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(HTTPDate.format(4_102_444_799) == "Thu, 31 Dec 2099 23:59:59 GMT")
    }

    @Test func roundTrips() {
        for timestamp in stride(from: Int64(0), to: 4_000_000_000, by: 86_399 * 37) {
            #expect(HTTPDate.parse(HTTPDate.format(timestamp)) == timestamp)
        }
    }

    @Test func twoDigitYears() {
        #expect(HTTPDate.parse("Thursday, 01-Jan-70 00:00:00 GMT") == 0)
        #expect(HTTPDate.parse("Saturday, 01-Jan-00 00:00:00 GMT") == 946_684_800)
    }
}
