/// The records of a pax extended header (`x`): `"<length> <key>=<value>\n"`, repeated.
enum PaxRecords {
    /// The key/value pairs of `data`; a later record overrides an earlier one.
    static func parse(_ data: [UInt8]) throws(TarNumberError) -> [String: String] {
        var records: [String: String] = [:]
        var start = 0
        while start < data.count {
            // Trailing NUL padding after the last record is tolerated.
            if data[start...].allSatisfy({ $0 == 0 }) { break }
            var index = start
            var length = 0
            while index < data.count, (0x30...0x39).contains(data[index]) {
                length = length * 10 + Int(data[index] - 0x30)
                guard length <= data.count else { throw TarNumberError(description: "has a record longer than the header") }
                index += 1
            }
            guard index > start, index < data.count, data[index] == 0x20 else {
                throw TarNumberError(description: "has a malformed record length")
            }
            let end = start + length
            guard end <= data.count, end > index + 1, data[end - 1] == 0x0A else {
                throw TarNumberError(description: "has a record that does not end with a newline")
            }
            let body = data[(index + 1)..<(end - 1)]
            guard let equals = body.firstIndex(of: UInt8(ascii: "=")) else {
                throw TarNumberError(description: "has a record without `=`")
            }
            let key = String(decoding: body[body.startIndex..<equals], as: UTF8.self)
            records[key] = String(decoding: body[(equals + 1)...], as: UTF8.self)
            start = end
        }
        return records
    }
}
