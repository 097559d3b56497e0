extension Parser {
    /// Integers, floats (including `inf` and `nan`), and the four date-time kinds.
    mutating func numberOrDateTime() throws(TOMLError) -> ValueID {
        let start = pos
        if isDigit(at: pos) {
            if isDigit(at: pos + 1), isDigit(at: pos + 2), isDigit(at: pos + 3), byte(at: pos + 4) == UInt8(ascii: "-") {
                let value = try dateTime()
                return tree.addDateTime(value, range: start..<pos)
            }
            if isDigit(at: pos + 1), byte(at: pos + 2) == UInt8(ascii: ":") {
                let time = try self.time()
                return tree.addDateTime(TOMLDateTime(time: time), range: start..<pos)
            }
        }
        var negative = false
        var signed = false
        if bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") {
            negative = bytes[pos] == UInt8(ascii: "-")
            signed = true
            pos += 1
        }
        if startsWith("inf") {
            pos += 3
            return tree.addValue(.float(negative ? -.infinity : .infinity), range: start..<pos)
        }
        if startsWith("nan") {
            pos += 3
            return tree.addValue(.float(negative ? -.nan : .nan), range: start..<pos)
        }
        guard isDigit(at: pos) else { throw error("expected a value", at: start) }
        if bytes[pos] == UInt8(ascii: "0"), let radix = radix(of: byte(at: pos + 1)) {
            if signed { throw error("a \(radix.name) integer cannot have a sign", at: start) }
            pos += 2
            return try radixInteger(radix: radix.value, start: start)
        }
        return try decimalNumber(start: start, negative: negative)
    }

    private func radix(of byte: UInt8?) -> (value: Int64, name: String)? {
        switch byte {
        case UInt8(ascii: "x"): (16, "hexadecimal")
        case UInt8(ascii: "o"): (8, "octal")
        case UInt8(ascii: "b"): (2, "binary")
        default: nil
        }
    }

    private mutating func radixInteger(radix: Int64, start: Int) throws(TOMLError) -> ValueID {
        var value: Int64 = 0
        var sawDigit = false
        var previousWasUnderscore = false
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "_") {
                guard sawDigit, !previousWasUnderscore else { throw error("misplaced `_` in a number", at: pos) }
                previousWasUnderscore = true
                pos += 1
                continue
            }
            guard let digit = Parser.hexValue(byte), Int64(digit) < radix else { break }
            let (product, overflowMultiply) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflowAdd) = product.addingReportingOverflow(Int64(digit))
            if overflowMultiply || overflowAdd { throw error("integer does not fit in 64 bits", at: start) }
            value = sum
            sawDigit = true
            previousWasUnderscore = false
            pos += 1
        }
        guard sawDigit, !previousWasUnderscore else { throw error("expected digits in an integer", at: pos) }
        return tree.addValue(.integer(value), range: start..<pos)
    }

    private mutating func decimalNumber(start: Int, negative: Bool) throws(TOMLError) -> ValueID {
        var text: [UInt8] = negative ? [UInt8(ascii: "-")] : []
        let integerStart = pos
        try digitRun(into: &text)
        let integerDigits = text.count - (negative ? 1 : 0)
        if bytes[integerStart] == UInt8(ascii: "0"), integerDigits > 1 {
            throw error("leading zeros are not allowed in a number", at: integerStart)
        }
        var isFloat = false
        if byte(at: pos) == UInt8(ascii: ".") {
            pos += 1
            guard isDigit(at: pos) else { throw error("expected digits after the decimal point", at: pos) }
            text.append(UInt8(ascii: "."))
            try digitRun(into: &text)
            isFloat = true
        }
        if byte(at: pos) == UInt8(ascii: "e") || byte(at: pos) == UInt8(ascii: "E") {
            pos += 1
            text.append(UInt8(ascii: "e"))
            if byte(at: pos) == UInt8(ascii: "+") || byte(at: pos) == UInt8(ascii: "-") {
                text.append(bytes[pos])
                pos += 1
            }
            guard isDigit(at: pos) else { throw error("expected digits in the exponent", at: pos) }
            try digitRun(into: &text)
            isFloat = true
        }
        let literal = String(decoding: text, as: UTF8.self)
        if isFloat {
            guard let number = Double(literal) else { throw error("invalid float", at: start) }
            return tree.addValue(.float(number), range: start..<pos)
        }
        guard let number = Int64(literal) else { throw error("integer does not fit in 64 bits", at: start) }
        return tree.addValue(.integer(number), range: start..<pos)
    }

    /// Digits with single underscores between them, appended to `text` without the underscores.
    private mutating func digitRun(into text: inout [UInt8]) throws(TOMLError) {
        guard isDigit(at: pos) else { throw error("expected a digit", at: pos) }
        while pos < bytes.count {
            let byte = bytes[pos]
            if isDigit(at: pos) {
                text.append(byte)
                pos += 1
            } else if byte == UInt8(ascii: "_") {
                guard isDigit(at: pos - 1), isDigit(at: pos + 1) else {
                    throw error("an underscore in a number must be between digits", at: pos)
                }
                pos += 1
            } else {
                return
            }
        }
    }

    // MARK: Date and time

    private mutating func dateTime() throws(TOMLError) -> TOMLDateTime {
        let start = pos
        let year = try fixedDigits(4)
        try expectByte(UInt8(ascii: "-"), "expected `-` in a date")
        let month = try fixedDigits(2)
        try expectByte(UInt8(ascii: "-"), "expected `-` in a date")
        let day = try fixedDigits(2)
        guard (1...12).contains(month) else { throw error("month out of range", at: start) }
        guard (1...Parser.daysIn(month: month, year: year)).contains(day) else {
            throw error("day out of range for the month", at: start)
        }
        var result = TOMLDateTime(date: .init(year: year, month: month, day: day))
        let separator = byte(at: pos)
        let hasTime = separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
            || (separator == UInt8(ascii: " ") && isDigit(at: pos + 1))
        guard hasTime else { return result }
        pos += 1
        result.time = try time()
        switch byte(at: pos) {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            pos += 1
            result.offsetMinutes = 0
            result.offsetIsZulu = true
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let negative = bytes[pos] == UInt8(ascii: "-")
            let offsetStart = pos
            pos += 1
            let hours = try fixedDigits(2)
            try expectByte(UInt8(ascii: ":"), "expected `:` in a time offset")
            let minutes = try fixedDigits(2)
            guard hours <= 23, minutes <= 59 else { throw error("time offset out of range", at: offsetStart) }
            result.offsetMinutes = (negative ? -1 : 1) * (hours * 60 + minutes)
        default:
            break
        }
        return result
    }

    mutating func time() throws(TOMLError) -> TOMLDateTime.Time {
        let start = pos
        let hour = try fixedDigits(2)
        try expectByte(UInt8(ascii: ":"), "expected `:` in a time")
        let minute = try fixedDigits(2)
        try expectByte(UInt8(ascii: ":"), "expected seconds in a time")
        let second = try fixedDigits(2)
        guard hour <= 23, minute <= 59, second <= 60 else { throw error("time out of range", at: start) }
        var fraction = ""
        if byte(at: pos) == UInt8(ascii: ".") {
            pos += 1
            let fractionStart = pos
            while isDigit(at: pos) { pos += 1 }
            guard pos > fractionStart else { throw error("expected digits after `.` in a time", at: pos) }
            fraction = String(decoding: bytes[fractionStart..<pos], as: UTF8.self)
        }
        return .init(hour: hour, minute: minute, second: second, fraction: fraction)
    }

    private mutating func fixedDigits(_ count: Int) throws(TOMLError) -> Int {
        var value = 0
        for _ in 0..<count {
            guard isDigit(at: pos) else { throw error("expected a digit in a date or time", at: pos) }
            value = value * 10 + Int(bytes[pos] - UInt8(ascii: "0"))
            pos += 1
        }
        return value
    }

    private mutating func expectByte(_ expected: UInt8, _ reason: String) throws(TOMLError) {
        guard byte(at: pos) == expected else { throw error(reason, at: pos) }
        pos += 1
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    func byte(at index: Int) -> UInt8? {
        index < bytes.count ? bytes[index] : nil
    }

    func isDigit(at index: Int) -> Bool {
        guard index >= 0, index < bytes.count else { return false }
        return bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }
}
