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

    /// Long inputs go through four lanes: every byte still counts, and so does which lane and
    /// block a word sits in.
    @Test func longInputsAreSensitiveToEveryByteAndPosition() {
        let base = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        let digest = StateDigest.hex(base)
        var seen: Set<String> = [digest]
        for index in base.indices {
            var changed = base
            changed[index] ^= 0x80
            seen.insert(StateDigest.hex(changed))
        }
        #expect(seen.count == base.count + 1)
        var swappedLanes = base
        swappedLanes.swapAt(0, 8)
        #expect(StateDigest.hex(swappedLanes) != digest)
        var swappedBlocks = base
        for offset in 0..<32 { swappedBlocks.swapAt(offset, 32 + offset) }
        #expect(StateDigest.hex(swappedBlocks) != digest)
    }
}
