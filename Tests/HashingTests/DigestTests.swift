import Hashing
import Testing

@Suite struct DigestTests {
    @Test(arguments: [
        (DigestAlgorithm.md5, "900150983cd24fb0d6963f7d28e17f72"),
        (.sha256, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (.sha384, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
        (.sha512, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"),
    ])
    func abcUnderEveryAlgorithm(algorithm: DigestAlgorithm, hex: String) {
        let bytes = Array("abc".utf8)
        #expect(DigestHasher.hash(bytes, using: algorithm).hex == hex)
        var hasher = DigestHasher(algorithm)
        hasher.update(Array(bytes[..<1]))
        hasher.update(Array(bytes[1...]))
        #expect(hasher.finalize().hex == hex)
        #expect(hasher.finalize().bytes.count == algorithm.digestLength)
    }

    @Test func prefixedFormsParse() throws {
        let hex = SHA256.hash(utf8: "abc").hex
        let colon = try #require(Digest(prefixed: "sha256:\(hex)"))
        let equals = try #require(Digest(prefixed: "SHA256=\(hex)"))
        #expect(colon == equals)
        #expect(colon.description == "sha256:\(hex)")
        #expect(colon.sha256 == SHA256.hash(utf8: "abc"))
        #expect(Digest(prefixed: "sha1:\(hex)") == nil)
        #expect(Digest(prefixed: "sha512:\(hex)") == nil)
        #expect(Digest(prefixed: hex) == nil)
    }

    @Test func sha256DigestConverts() {
        let digest = SHA256.hash(utf8: "x")
        #expect(Digest(digest).sha256 == digest)
        #expect(Digest(digest).algorithm == .sha256)
    }
}
