/// Limits applied while reading JSON from untrusted input.
///
/// Both limits are denial-of-service guards: a baked image can carry any text, so a payload is refused before it
/// can exhaust memory or the stack.
public struct JSONParsingOptions: Sendable, Hashable {
    /// The largest accepted input, in bytes. Default 16 MiB, the same as the largest payload extraction reads
    /// (data-URI images inside credentials can be large), so every payload that can be extracted can be read.
    public var maximumBytes: Int
    /// The deepest accepted nesting of arrays and objects. Default 64 (real credentials stay below 12). The parser
    /// recurses once per level, so keep this in the hundreds at most.
    public var maximumDepth: Int

    /// Creates options.
    public init(maximumBytes: Int = 16 * 1024 * 1024, maximumDepth: Int = 64) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
    }

    /// The defaults.
    public static let `default` = JSONParsingOptions()
}

extension JSONValue {
    /// Parses strict RFC 8259 JSON (one value, optional surrounding whitespace, UTF-8, no duplicate keys).
    /// - Parameters:
    ///   - bytes: the UTF-8 text; a leading UTF-8 byte-order mark is skipped.
    ///   - options: size and depth limits.
    /// - Throws: ``ModelError`` with `.emptyInput`, `.invalidUTF8`, `.invalidJSON`, `.duplicateKey`,
    ///   `.inputTooLarge` or `.nestingTooDeep`.
    public init(parsing bytes: some Collection<UInt8>, options: JSONParsingOptions = .default) throws(ModelError) {
        guard bytes.count <= options.maximumBytes else {
            throw ModelError(.inputTooLarge, reason: "input is \(bytes.count) bytes; the limit is \(options.maximumBytes)")
        }
        var parser = JSONTextParser(bytes: Array(bytes), maximumDepth: options.maximumDepth)
        self = try parser.parseDocument()
    }

    /// Parses strict JSON from a string. See ``init(parsing:options:)``.
    public init(parsing text: String, options: JSONParsingOptions = .default) throws(ModelError) {
        try self.init(parsing: Array(text.utf8), options: options)
    }
}

/// A small recursive-descent JSON parser over bytes.
struct JSONTextParser {
    let bytes: [UInt8]
    let maximumDepth: Int
    var index = 0
    var depth = 0

    init(bytes: [UInt8], maximumDepth: Int) {
        self.bytes = bytes
        self.maximumDepth = maximumDepth
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    mutating func parseDocument() throws(ModelError) -> JSONValue {
        skipWhitespace()
        if index == bytes.count {
            throw ModelError(.emptyInput, reason: bytes.isEmpty ? "the input is empty" : "the input holds only whitespace")
        }
        try validateUTF8()
        let value = try parseValue()
        skipWhitespace()
        if index != bytes.count { throw error("unexpected text after the JSON value") }
        return value
    }

    /// Checks the whole input is well-formed UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF).
    func validateUTF8() throws(ModelError) {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                i = endOfASCII(from: i + 1)
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: throw ModelError(.invalidUTF8, reason: "invalid UTF-8 lead byte 0x\(String(b, radix: 16)) at offset \(i)")
            }
            guard i + length <= bytes.count else {
                throw ModelError(.invalidUTF8, reason: "truncated UTF-8 sequence at offset \(i)")
            }
            for k in 1..<length {
                let c = bytes[i + k]
                let (lo, hi) = k == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                guard c >= lo, c <= hi else {
                    throw ModelError(.invalidUTF8, reason: "invalid UTF-8 continuation byte at offset \(i + k)")
                }
            }
            i += length
        }
    }

    /// The index of the first byte at or after `start` that is not ASCII, or the end: eight bytes at a time, since
    /// JSON text is mostly ASCII.
    private func endOfASCII(from start: Int) -> Int {
        bytes.withUnsafeBytes { raw in
            var i = start
            while i + 8 <= raw.count, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8 }
            while i < raw.count, raw[i] < 0x80 { i += 1 }
            return i
        }
    }

    func error(_ reason: String) -> ModelError {
        ModelError(.invalidJSON, reason: "\(reason) (at byte offset \(index))")
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            let b = bytes[index]
            guard b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 else { return }
            index += 1
        }
    }

    mutating func parseValue() throws(ModelError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of input") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected character '\(Character(Unicode.Scalar(bytes[index])))'")
        }
    }

    mutating func expectLiteral(_ literal: StaticString) throws(ModelError) {
        let count = literal.utf8CodeUnitCount
        let matches = literal.withUTF8Buffer { l in index + count <= bytes.count && bytes[index..<index + count].elementsEqual(l) }
        guard matches else { throw error("invalid literal (expected \(literal))") }
        index += count
    }

    mutating func enter() throws(ModelError) {
        depth += 1
        if depth > maximumDepth {
            throw ModelError(.nestingTooDeep, reason: "nesting deeper than \(maximumDepth) levels (at byte offset \(index))")
        }
    }

    mutating func parseObject() throws(ModelError) -> JSONValue {
        try enter()
        index += 1
        // Keys are told apart by code points (their UTF-8 bytes), never by canonical equivalence: "caf\u00e9"
        // and "cafe\u0301" are two members.
        var object = JSONObject()
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1; depth -= 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a member name") }
            let key = try parseString()
            guard !object.contains(key) else {
                throw ModelError(.duplicateKey, reason: "the member \"\(key)\" appears twice in one object (at byte offset \(index))")
            }
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':' after a member name") }
            index += 1
            let value = try parseValue()
            object[key] = value
            skipWhitespace()
            guard index < bytes.count else { throw error("unterminated object") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            throw error("expected ',' or '}' in an object")
        }
        depth -= 1
        return .object(object)
    }

    mutating func parseArray() throws(ModelError) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1; depth -= 1
            return .array(elements)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unterminated array") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; break }
            throw error("expected ',' or ']' in an array")
        }
        depth -= 1
        return .array(elements)
    }

    mutating func parseNumber() throws(ModelError) -> JSONNumber {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ p: inout JSONTextParser) -> Int {
            let s = p.index
            while p.index < p.bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(p.bytes[p.index]) { p.index += 1 }
            return p.index - s
        }
        guard index < bytes.count else { throw error("incomplete number") }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits(&self) == 0 {
            throw error("invalid number")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits(&self) > 0 else { throw error("a digit must follow the decimal point") }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw error("a digit must follow the exponent") }
        }
        guard let number = JSONNumber(text: String(decoding: bytes[start..<index], as: UTF8.self)) else {
            throw error("number out of range")
        }
        return number
    }

    mutating func parseString() throws(ModelError) -> String {
        // Most strings hold no escape: made from the input's bytes at once, without a buffer in between.
        var end = index + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let string = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            index = end + 1
            return string
        }
        return String(decoding: try parseStringBytes(), as: UTF8.self)
    }

    /// Reads a string literal and returns its UTF-8 bytes; runs without escapes are copied in one go.
    mutating func parseStringBytes() throws(ModelError) -> [UInt8] {
        index += 1
        var out: [UInt8] = []
        while true {
            var run = index
            while run < bytes.count, bytes[run] != UInt8(ascii: "\""), bytes[run] != UInt8(ascii: "\\"), bytes[run] >= 0x20 {
                run += 1
            }
            out.append(contentsOf: bytes[index..<run])
            index = run
            guard index < bytes.count else { throw error("unterminated string") }
            let b = bytes[index]
            if b == UInt8(ascii: "\"") { index += 1; break }
            if b < 0x20 { throw error("unescaped control character in a string") }
            index += 1
            guard index < bytes.count else { throw error("unterminated escape") }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired UTF-16 surrogate escape")
                    }
                    index += 2
                    let low = try parseHex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("invalid UTF-16 low surrogate escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error("unpaired UTF-16 surrogate escape")
                }
                guard let u = Unicode.Scalar(scalar) else { throw error("invalid escape") }
                out.append(contentsOf: Array(String(u).utf8))
            default: throw error("invalid escape character")
            }
        }
        return out
    }

    mutating func parseHex4() throws(ModelError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("incomplete \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            v = v * 16 + d
            index += 1
        }
        return v
    }
}
