import Hashing
import Testing

@Suite struct SHA256HasherTests {
    /// A deterministic 1 MiB buffer: byte i is (31 i + 7) mod 256.
    static let megabyte: [UInt8] = (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
    static let megabyteHex = "06b7bbfb7824aa03382051691630eb26de85102d1b08a81e907ec0744cd8a286"

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func knownVectors(input: String, hex: String) {
        #expect(SHA256.hash(utf8: input).hex == hex)
        var hasher = SHA256Hasher()
        hasher.update(utf8: input)
        #expect(hasher.finalize().hex == hex)
    }

    @Test func oneMegabyteOneShot() {
        #expect(SHA256.hash(Self.megabyte).hex == Self.megabyteHex)
    }

    @Test(arguments: [1, 7, 64, 1000, 65536, 1 << 20])
    func streamingInChunksEqualsOneShot(chunkSize: Int) {
        var hasher = SHA256Hasher()
        var offset = 0
        while offset < Self.megabyte.count {
            let end = min(offset + chunkSize, Self.megabyte.count)
            Self.megabyte[offset..<end].withUnsafeBytes { hasher.update($0) }
            offset = end
        }
        #expect(hasher.finalize() == SHA256.hash(Self.megabyte))
    }

    @Test func finalizeLeavesHasherUsable() {
        var hasher = SHA256Hasher()
        hasher.update(utf8: "ab")
        #expect(hasher.finalize() == SHA256.hash(utf8: "ab"))
        hasher.update(utf8: "c")
        #expect(hasher.finalize() == SHA256.hash(utf8: "abc"))
    }

    @Test func copiesForkIndependently() {
        var prefix = SHA256Hasher()
        prefix.update(utf8: "hello ")
        var left = prefix
        var right = prefix
        left.update(utf8: "world")
        right.update(utf8: "there")
        #expect(left.finalize() == SHA256.hash(utf8: "hello world"))
        #expect(right.finalize() == SHA256.hash(utf8: "hello there"))
        #expect(prefix.finalize() == SHA256.hash(utf8: "hello "))
    }

    @Test func hashersAreUsableAcrossTasks() async {
        let digests = await withTaskGroup(of: SHA256Digest.self) { group in
            for index in 0..<8 {
                group.addTask {
                    var hasher = SHA256Hasher()
                    hasher.update(Array(Self.megabyte[(index * 1000)..<(index * 1000 + 5000)]))
                    return hasher.finalize()
                }
            }
            return await group.reduce(into: Set<SHA256Digest>()) { $0.insert($1) }
        }
        #expect(digests.count == 8)
    }
}
