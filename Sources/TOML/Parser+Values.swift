extension Parser {
    /// Parses one value starting at `pos`.
    mutating func value() throws(TOMLError) -> ValueID {
        guard pos < bytes.count else { throw error("expected a value", at: pos) }
        let start = pos
        switch bytes[pos] {
        case UInt8(ascii: "\""):
            if startsWith("\"\"\"") { return tree.addValue(.string(try multilineBasicString()), range: start..<pos) }
            if skipPlainString(quote: UInt8(ascii: "\"")) { return tree.addValue(.plainString, range: start..<pos) }
            return tree.addValue(.string(try basicString()), range: start..<pos)
        case UInt8(ascii: "'"):
            if startsWith("'''") { return tree.addValue(.string(try multilineLiteralString()), range: start..<pos) }
            if skipPlainString(quote: UInt8(ascii: "'")) { return tree.addValue(.plainString, range: start..<pos) }
            return tree.addValue(.string(try literalString()), range: start..<pos)
        case UInt8(ascii: "t"):
            guard startsWith("true") else { throw error("expected a value", at: pos) }
            pos += 4
            return tree.addValue(.boolean(true), range: start..<pos)
        case UInt8(ascii: "f"):
            guard startsWith("false") else { throw error("expected a value", at: pos) }
            pos += 5
            return tree.addValue(.boolean(false), range: start..<pos)
        case UInt8(ascii: "["):
            return try array()
        case UInt8(ascii: "{"):
            return try inlineTable()
        case UInt8(ascii: "i"), UInt8(ascii: "n"), UInt8(ascii: "+"), UInt8(ascii: "-"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return try numberOrDateTime()
        default:
            throw error("expected a value", at: pos)
        }
    }

    // MARK: Arrays and inline tables

    private mutating func enterNesting() throws(TOMLError) {
        depth += 1
        if depth > Parser.maximumDepth {
            throw error("values are nested more than \(Parser.maximumDepth) levels deep", at: pos)
        }
    }

    private mutating func array() throws(TOMLError) -> ValueID {
        let start = pos
        try enterNesting()
        defer { depth -= 1 }
        pos += 1
        var items: [ValueID] = []
        while true {
            try skipArrayTrivia()
            guard pos < bytes.count else { throw error("expected `]` to close the array", at: pos) }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; break }
            items.append(try value())
            try skipArrayTrivia()
            guard pos < bytes.count else { throw error("expected `]` to close the array", at: pos) }
            if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
            if bytes[pos] == UInt8(ascii: "]") { pos += 1; break }
            throw error("expected `,` or `]` after an array item", at: pos)
        }
        let array = tree.addArray(range: start..<pos, isArrayOfTables: false)
        tree.arrays[array].items = items
        return tree.addValue(.array(array), range: start..<pos)
    }

    private mutating func inlineTable() throws(TOMLError) -> ValueID {
        let start = pos
        try enterNesting()
        defer { depth -= 1 }
        pos += 1
        let table = tree.addTable(origin: .inline)
        skipSpaces()
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
            pos += 1
            return tree.addValue(.table(table), range: start..<pos)
        }
        while true {
            skipSpaces()
            let expressionStart = pos
            let path = try key()
            guard pos < bytes.count, bytes[pos] == UInt8(ascii: "=") else {
                throw error("expected `=` after a key", at: pos)
            }
            pos += 1
            skipSpaces()
            let item = try value()
            try insert(path, value: item, into: table, inline: true, expression: expressionStart..<pos)
            skipSpaces()
            guard pos < bytes.count else { throw error("expected `}` to close the inline table", at: pos) }
            if bytes[pos] == UInt8(ascii: ",") {
                pos += 1
                skipSpaces()
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
                    throw error("trailing comma in an inline table", at: pos)
                }
                continue
            }
            if bytes[pos] == UInt8(ascii: "}") { pos += 1; break }
            throw error("expected `,` or `}` after a key-value in an inline table", at: pos)
        }
        return tree.addValue(.table(table), range: start..<pos)
    }

    // MARK: Strings

    /// Moves past a one-line string at `pos` whose text is its bytes as they stand (no escape,
    /// no byte that is an error) and returns true; otherwise leaves `pos` alone and returns
    /// false, for the decoding parser to take it (and report what is wrong).
    mutating func skipPlainString(quote: UInt8) -> Bool {
        let end: Int? = bytes.withUnsafeBufferPointer { buffer in
            var index = pos + 1
            // Eight bytes at a time while none of them is the quote, a backslash, a control
            // character or DEL (SWAR: a zero byte in `x` shows as a high bit in the mask).
            if let base = UnsafeRawPointer(buffer.baseAddress) {
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                func hasZeroByte(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
                while index + 8 <= buffer.count {
                    let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    let special = hasZeroByte(word ^ (ones &* UInt64(quote)))
                        || hasZeroByte(word ^ (ones &* 0x5C))
                        || hasZeroByte(word ^ (ones &* 0x7F))
                        || (word &- ones &* 0x20) & ~word & highs != 0
                    if special { break }
                    index += 8
                }
            }
            while index < buffer.count {
                let byte = buffer[index]
                if byte == quote { return index }
                if byte == UInt8(ascii: "\\") || (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F { return nil }
                index += 1
            }
            return nil
        }
        guard let end else { return false }
        pos = end + 1
        return true
    }

    /// `"..."`, with escapes.
    mutating func basicString() throws(TOMLError) -> String {
        pos += 1
        let start = pos
        // Fast path: no escapes.
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: bytes[start..<pos], as: UTF8.self)
                pos += 1
                return text
            }
            if byte == UInt8(ascii: "\\") { break }
            try checkStringByte(byte, multiline: false)
            pos += 1
        }
        var buffer = Array(bytes[start..<pos])
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "\"") {
                pos += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try escape(into: &buffer)
                continue
            }
            try checkStringByte(byte, multiline: false)
            buffer.append(byte)
            pos += 1
        }
        throw error("unterminated string", at: pos)
    }

    /// `"""..."""`, with escapes and line-ending backslashes.
    mutating func multilineBasicString() throws(TOMLError) -> String {
        try multilineString(quote: UInt8(ascii: "\""), escapes: true)
    }

    /// `'...'`, taken literally.
    mutating func literalString() throws(TOMLError) -> String {
        pos += 1
        let start = pos
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == UInt8(ascii: "'") {
                let text = String(decoding: bytes[start..<pos], as: UTF8.self)
                pos += 1
                return text
            }
            try checkStringByte(byte, multiline: false)
            pos += 1
        }
        throw error("unterminated literal string", at: pos)
    }

    /// `'''...'''`, taken literally.
    mutating func multilineLiteralString() throws(TOMLError) -> String {
        try multilineString(quote: UInt8(ascii: "'"), escapes: false)
    }

    /// A multi-line string delimited by three `quote`s: a newline right after the opening
    /// delimiter is dropped and CRLF reads as LF. Basic strings (`escapes`) also take escape
    /// sequences and line-ending backslashes.
    private mutating func multilineString(quote: UInt8, escapes: Bool) throws(TOMLError) -> String {
        pos += 3
        skipFirstNewline()
        var buffer: [UInt8] = []
        while pos < bytes.count {
            let byte = bytes[pos]
            if byte == quote {
                if try closingQuotes(quote, into: &buffer) {
                    return String(decoding: buffer, as: UTF8.self)
                }
            } else if escapes, byte == UInt8(ascii: "\\") {
                if lineEndingBackslash() {
                    try trimAfterLineEndingBackslash()
                } else {
                    try escape(into: &buffer)
                }
            } else if byte == UInt8(ascii: "\r") {
                try newline()
                buffer.append(UInt8(ascii: "\n"))
            } else {
                try checkStringByte(byte, multiline: true)
                buffer.append(byte)
                pos += 1
            }
        }
        throw error(escapes ? "unterminated multi-line string" : "unterminated multi-line literal string", at: pos)
    }

    private mutating func skipFirstNewline() {
        if pos < bytes.count, bytes[pos] == UInt8(ascii: "\n") {
            pos += 1
        } else if pos + 1 < bytes.count, bytes[pos] == UInt8(ascii: "\r"), bytes[pos + 1] == UInt8(ascii: "\n") {
            pos += 2
        }
    }

    /// At a run of quotes inside a multi-line string: three or more end it (up to two more
    /// belong to the content); fewer are content. Returns whether the string ended.
    private mutating func closingQuotes(_ quote: UInt8, into buffer: inout [UInt8]) throws(TOMLError) -> Bool {
        var run = 0
        while pos + run < bytes.count, bytes[pos + run] == quote { run += 1 }
        if run < 3 {
            buffer.append(contentsOf: repeatElement(quote, count: run))
            pos += run
            return false
        }
        if run > 5 { throw error("too many quotes at the end of a multi-line string", at: pos + 5) }
        buffer.append(contentsOf: repeatElement(quote, count: run - 3))
        pos += run
        return true
    }

    /// Whether the backslash at `pos` ends its line (only spaces or tabs follow before the newline).
    private func lineEndingBackslash() -> Bool {
        var index = pos + 1
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") { index += 1 }
        guard index < bytes.count else { return false }
        return bytes[index] == UInt8(ascii: "\n") || bytes[index] == UInt8(ascii: "\r")
    }

    private mutating func trimAfterLineEndingBackslash() throws(TOMLError) {
        pos += 1
        while pos < bytes.count {
            switch bytes[pos] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"): pos += 1
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): try newline()
            default: return
            }
        }
    }

    private func checkStringByte(_ byte: UInt8, multiline: Bool) throws(TOMLError) {
        if byte == UInt8(ascii: "\n") {
            if multiline { return }
            throw error("newline in a single-line string", at: pos)
        }
        if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F {
            throw error("control character in a string (escape it)", at: pos)
        }
    }

    /// An escape sequence at `pos` (the backslash), appended to `buffer` as UTF-8.
    private mutating func escape(into buffer: inout [UInt8]) throws(TOMLError) {
        let start = pos
        guard pos + 1 < bytes.count else { throw error("unterminated escape sequence", at: pos) }
        let letter = bytes[pos + 1]
        pos += 2
        switch letter {
        case UInt8(ascii: "b"): buffer.append(0x08)
        case UInt8(ascii: "t"): buffer.append(0x09)
        case UInt8(ascii: "n"): buffer.append(0x0A)
        case UInt8(ascii: "f"): buffer.append(0x0C)
        case UInt8(ascii: "r"): buffer.append(0x0D)
        case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let digits = letter == UInt8(ascii: "u") ? 4 : 8
            guard pos + digits <= bytes.count else { throw error("incomplete unicode escape", at: start) }
            var scalarValue: UInt32 = 0
            for index in pos..<(pos + digits) {
                guard let digit = Parser.hexValue(bytes[index]) else {
                    throw error("invalid unicode escape", at: start)
                }
                scalarValue = scalarValue * 16 + UInt32(digit)
            }
            guard let scalar = Unicode.Scalar(scalarValue) else {
                throw error("unicode escape is not a Unicode scalar value", at: start)
            }
            buffer.append(contentsOf: Array(String(Character(scalar)).utf8))
            pos += digits
        default:
            throw error("invalid escape sequence", at: start)
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
