/// Errors from ``JSONParser``.
public struct JSONParseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    /// Byte offset in the UTF-8 input.
    public let offset: Int
    public var description: String { "JSON parse error at byte \(offset): \(message)" }
}

/// A strict RFC 8259 JSON parser producing ``JSONValue`` (order- and number-text-preserving).
public struct JSONParser: Sendable {
    /// Parser limits and strictness.
    public struct Options: Sendable {
        /// Maximum nesting depth of arrays and objects.
        public var maxDepth: Int = 256
        /// Reject objects that repeat a key (ambiguous in signed data). If false, the last value wins.
        public var rejectDuplicateKeys: Bool = true
        /// Makes options.
        public init(maxDepth: Int = 256, rejectDuplicateKeys: Bool = true) {
            self.maxDepth = maxDepth
            self.rejectDuplicateKeys = rejectDuplicateKeys
        }
    }

    /// The options in force.
    public var options: Options
    /// Makes a parser with `options`.
    public init(options: Options = Options()) { self.options = options }

    /// Parses a JSON text.
    public static func parse(_ text: String, options: Options = Options()) throws(JSONParseError) -> JSONValue {
        try JSONParser(options: options).parse(Array(text.utf8))
    }

    /// Parses UTF-8 encoded JSON.
    public static func parse(bytes: [UInt8], options: Options = Options()) throws(JSONParseError) -> JSONValue {
        try JSONParser(options: options).parse(bytes)
    }

    /// Parses UTF-8 encoded JSON (a leading byte order mark is skipped).
    public func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSONValue {
        var state = State(bytes: bytes, options: options)
        // Skip a UTF-8 byte order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { state.pos = 3 }
        state.skipWS()
        let v = try state.value(depth: 0)
        state.skipWS()
        if state.pos != bytes.count { throw state.error("trailing characters") }
        return v
    }

    private struct State {
        let bytes: [UInt8]
        let options: Options
        var pos = 0

        init(bytes: [UInt8], options: Options) {
            self.bytes = bytes
            self.options = options
        }

        func error(_ m: String) -> JSONParseError { JSONParseError(message: m, offset: pos) }

        mutating func skipWS() {
            while pos < bytes.count, bytes[pos] == 0x20 || bytes[pos] == 0x0A || bytes[pos] == 0x0D || bytes[pos] == 0x09 {
                pos += 1
            }
        }

        mutating func literal(_ word: String, _ v: JSONValue) throws(JSONParseError) -> JSONValue {
            let w = Array(word.utf8)
            guard pos + w.count <= bytes.count, Array(bytes[pos..<pos + w.count]) == w else {
                throw error("invalid literal")
            }
            pos += w.count
            return v
        }

        mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
            guard pos < bytes.count else { throw error("unexpected end of input") }
            switch bytes[pos] {
            case UInt8(ascii: "{"):
                guard depth < options.maxDepth else { throw error("maximum nesting depth exceeded") }
                pos += 1
                var obj = JSONObject()
                skipWS()
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "}") {
                    pos += 1
                    return .object(obj)
                }
                while true {
                    skipWS()
                    guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw error("expected object key") }
                    let key = try string()
                    skipWS()
                    guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw error("expected ':'") }
                    pos += 1
                    skipWS()
                    let v = try value(depth: depth + 1)
                    if options.rejectDuplicateKeys, obj.contains(key) { throw error("duplicate key \"\(key)\"") }
                    obj[key] = v
                    skipWS()
                    guard pos < bytes.count else { throw error("unterminated object") }
                    if bytes[pos] == UInt8(ascii: ",") {
                        pos += 1
                        continue
                    }
                    if bytes[pos] == UInt8(ascii: "}") {
                        pos += 1
                        return .object(obj)
                    }
                    throw error("expected ',' or '}'")
                }
            case UInt8(ascii: "["):
                guard depth < options.maxDepth else { throw error("maximum nesting depth exceeded") }
                pos += 1
                var arr: [JSONValue] = []
                skipWS()
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "]") {
                    pos += 1
                    return .array(arr)
                }
                while true {
                    skipWS()
                    arr.append(try value(depth: depth + 1))
                    skipWS()
                    guard pos < bytes.count else { throw error("unterminated array") }
                    if bytes[pos] == UInt8(ascii: ",") {
                        pos += 1
                        continue
                    }
                    if bytes[pos] == UInt8(ascii: "]") {
                        pos += 1
                        return .array(arr)
                    }
                    throw error("expected ',' or ']'")
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): return try literal("true", .bool(true))
            case UInt8(ascii: "f"): return try literal("false", .bool(false))
            case UInt8(ascii: "n"): return try literal("null", .null)
            default:
                return try number()
            }
        }

        mutating func number() throws(JSONParseError) -> JSONValue {
            let start = pos
            func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < bytes.count, isDigit(bytes[pos]) else { throw error("invalid value") }
            if bytes[pos] == 0x30 {
                pos += 1
            } else {
                while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
            }
            if pos < bytes.count, bytes[pos] == UInt8(ascii: ".") {
                pos += 1
                guard pos < bytes.count, isDigit(bytes[pos]) else { throw error("invalid number") }
                while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
            }
            if pos < bytes.count, bytes[pos] == UInt8(ascii: "e") || bytes[pos] == UInt8(ascii: "E") {
                pos += 1
                if pos < bytes.count, bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-") { pos += 1 }
                guard pos < bytes.count, isDigit(bytes[pos]) else { throw error("invalid number") }
                while pos < bytes.count, isDigit(bytes[pos]) { pos += 1 }
            }
            let text = String(decoding: bytes[start..<pos], as: UTF8.self)
            guard let n = JSONNumber(text: text), n.doubleValue.isFinite else { throw error("number out of range") }
            return .number(n)
        }

        mutating func hex4() throws(JSONParseError) -> UInt32 {
            guard pos + 4 <= bytes.count else { throw error("bad \\u escape") }
            var v: UInt32 = 0
            for _ in 0..<4 {
                let b = bytes[pos]
                let d: UInt32
                switch b {
                case 0x30...0x39: d = UInt32(b - 0x30)
                case 0x41...0x46: d = UInt32(b - 0x41 + 10)
                case 0x61...0x66: d = UInt32(b - 0x61 + 10)
                default: throw error("bad \\u escape")
                }
                v = v << 4 | d
                pos += 1
            }
            return v
        }

        mutating func string() throws(JSONParseError) -> String {
            pos += 1  // opening quote
            var out: [UInt8] = []
            var runStart = pos
            while true {
                guard pos < bytes.count else { throw error("unterminated string") }
                let b = bytes[pos]
                if b == UInt8(ascii: "\"") {
                    out.append(contentsOf: bytes[runStart..<pos])
                    pos += 1
                    break
                }
                if b < 0x20 { throw error("control character in string") }
                if b == UInt8(ascii: "\\") {
                    out.append(contentsOf: bytes[runStart..<pos])
                    pos += 1
                    guard pos < bytes.count else { throw error("unterminated string") }
                    let e = bytes[pos]
                    pos += 1
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
                        var cp = try hex4()
                        if cp >= 0xD800, cp < 0xDC00 {
                            guard pos + 2 <= bytes.count, bytes[pos] == 0x5C, bytes[pos + 1] == UInt8(ascii: "u") else {
                                throw error("lone surrogate")
                            }
                            pos += 2
                            let lo = try hex4()
                            guard lo >= 0xDC00, lo < 0xE000 else { throw error("lone surrogate") }
                            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00)
                        } else if cp >= 0xDC00, cp < 0xE000 {
                            throw error("lone surrogate")
                        }
                        out.append(contentsOf: Array(String(Character(Unicode.Scalar(cp)!)).utf8))
                    default: throw error("bad escape")
                    }
                    runStart = pos
                    continue
                }
                pos += 1
            }
            guard let s = String(validating: out, as: UTF8.self) else { throw error("invalid UTF-8") }
            return s
        }
    }
}
