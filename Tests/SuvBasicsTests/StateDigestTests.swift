import SuvBasics
import Testing

@Suite struct StateDigestTests {
    @Test func isStableAndSensitiveToEveryByte() {
        let base = Array("pyproject and lock bytes".utf8)
        let digest = StateDigest.hex(base)
        #expect(digest.count == 32)
        #expect(digest.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(StateDigest.hex(base) == digest)
        var seen: Set<String> = [digest]
        for index in base.indices {
            var changed = base
            changed[index] ^= 1
            seen.insert(StateDigest.hex(changed))
        }
        #expect(seen.count == base.count + 1)
        #expect(StateDigest.hex([]) != StateDigest.hex([0]))
        #expect(StateDigest.hex(base) != StateDigest.hex(base + [0]))
    }

    @Test func noCollisionsAmongManySimilarInputs() {
        var seen: Set<String> = []
        for number in 0..<20_000 { seen.insert(StateDigest.hex(Array("lock-\(number)".utf8))) }
        #expect(seen.count == 20_000)
    }
}
