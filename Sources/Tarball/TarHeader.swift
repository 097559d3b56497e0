/// The fields of one 512-byte tar header block (ustar, GNU or v7 layout).
struct TarHeader {
    /// The block size of the tar format.
    static let blockSize = 512

    /// `name`, prefixed by the ustar `prefix` field when the header is POSIX ustar.
    var name: String
    var linkName: String
    var typeFlag: UInt8
    var size: UInt64

    /// Parses `block` (512 bytes), verifying its checksum; `offset` locates it for errors.
    init(block: [UInt8], offset: UInt64, archive: String) throws(TarballError) {
        let recorded: UInt64
        do throws(TarNumberError) {
            recorded = try TarNumber.parse(block[148..<156])
        } catch {
            throw .invalidHeader(archive: archive, offset: offset, reason: "the checksum field \(error.description)")
        }
        let computed = Self.checksum(block)
        guard recorded == computed || Int64(bitPattern: recorded) == Self.signedChecksum(block) else {
            throw .badChecksum(archive: archive, offset: offset, recorded: recorded, computed: computed)
        }
        typeFlag = block[156]
        do throws(TarNumberError) {
            size = try TarNumber.parse(block[124..<136])
        } catch {
            throw .invalidHeader(archive: archive, offset: offset, reason: "the size field \(error.description)")
        }
        let ownName = Self.string(block[0..<100])
        linkName = Self.string(block[157..<257])
        // POSIX ustar ("ustar\0" + "00") has a 155-byte prefix; GNU ("ustar  \0") uses those
        // bytes for other fields.
        let isPOSIX = block[257..<263].elementsEqual(Array("ustar".utf8) + [0])
        let prefix = isPOSIX ? Self.string(block[345..<500]) : ""
        name = prefix.isEmpty ? ownName : prefix + "/" + ownName
    }

    /// Whether every byte of `block` is zero (an end-of-archive marker).
    static func isZero(_ block: [UInt8]) -> Bool {
        block.allSatisfy { $0 == 0 }
    }

    /// The unsigned sum of the header's bytes with the checksum field read as spaces.
    private static func checksum(_ block: [UInt8]) -> UInt64 {
        var sum: UInt64 = 0
        for (index, byte) in block.enumerated() {
            sum += (148..<156).contains(index) ? 32 : UInt64(byte)
        }
        return sum
    }

    /// The historical signed-byte sum some old writers recorded.
    private static func signedChecksum(_ block: [UInt8]) -> Int64 {
        var sum: Int64 = 0
        for (index, byte) in block.enumerated() {
            sum += (148..<156).contains(index) ? 32 : Int64(Int8(bitPattern: byte))
        }
        return sum
    }

    /// A NUL-terminated field as UTF-8 (invalid sequences replaced).
    static func string(_ field: ArraySlice<UInt8>) -> String {
        let end = field.firstIndex(of: 0) ?? field.endIndex
        return String(decoding: field[field.startIndex..<end], as: UTF8.self)
    }
}
