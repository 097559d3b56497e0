import SuvBasics
import Testing

@Suite struct RandomNameTests {
    @Test(arguments: [1, 12, 13, 20, 40])
    func lengthAndAlphabet(_ length: Int) {
        let name = RandomName.suffix(length)
        #expect(name.count == length)
        #expect(name.utf8.allSatisfy { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) })
    }

    @Test func namesDiffer() {
        let names = Set((0..<1000).map { _ in RandomName.suffix() })
        #expect(names.count == 1000)
    }
}
