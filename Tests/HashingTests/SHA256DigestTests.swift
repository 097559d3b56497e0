import Hashing
import Testing

@Suite struct SHA256DigestTests {
    let abc = SHA256.hash(utf8: "abc")

    @Test func hexRoundTripsInEitherCase() throws {
        let parsed = try #require(SHA256Digest(hex: abc.hex.uppercased()))
        #expect(parsed == abc)
        #expect(parsed.hex == abc.hex)
    }

    @Test(arguments: ["", "abc", String(repeating: "0", count: 63), String(repeating: "g", count: 64),
                      String(repeating: "0", count: 65)])
    func malformedHexIsRejected(text: String) {
        #expect(SHA256Digest(hex: text) == nil)
    }

    @Test func recordFormIsUnpaddedBase64URL() throws {
        #expect(abc.base64URLEncodedNoPadding == "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0")
        #expect(try #require(SHA256Digest(base64URLEncoded: abc.base64URLEncodedNoPadding)) == abc)
        #expect(SHA256Digest(base64URLEncoded: abc.base64URLEncodedNoPadding + "=") == abc)
        #expect(SHA256Digest(base64URLEncoded: "ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0") == nil)
    }

    @Test func bytesRoundTrip() throws {
        #expect(abc.bytes.count == 32)
        #expect(try #require(SHA256Digest(bytes: abc.bytes)) == abc)
        #expect(SHA256Digest(bytes: [1, 2, 3]) == nil)
    }

    @Test func descriptionIsHex() {
        #expect("\(abc)" == abc.hex)
    }
}
