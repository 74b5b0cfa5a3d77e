extension JSONValue {
    /// Serialises this value as JSON text, keeping member order and number literals.
    /// - Parameter pretty: indent with two spaces and put members on their own lines.
    /// - Returns: JSON text (non-ASCII characters are written as UTF-8, `/` is not escaped).
    public func serialized(pretty: Bool = false) -> String {
        String(decoding: serializedUTF8(pretty: pretty), as: UTF8.self)
    }

    /// ``serialized(pretty:)`` as UTF-8 bytes, for writing out.
    package func serializedUTF8(pretty: Bool = false) -> [UInt8] {
        var out = JSONTextBuffer()
        write(into: &out, pretty: pretty, indent: 0)
        return out.bytes
    }

    private func write(into out: inout JSONTextBuffer, pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): out.append(text: n.text)
        case .string(let s): out.append(quoted: s)
        case .array(let a):
            if a.isEmpty { return out.append("[]") }
            out.append("[")
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(",") }
                if pretty { out.newline(indent: indent + 1) }
                v.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out.newline(indent: indent) }
            out.append("]")
        case .object(let o):
            if o.isEmpty { return out.append("{}") }
            out.append("{")
            for (i, m) in o.enumerated() {
                if i > 0 { out.append(",") }
                if pretty { out.newline(indent: indent + 1) }
                out.append(quoted: m.key)
                out.append(pretty ? ": " : ":")
                m.value.write(into: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out.newline(indent: indent) }
            out.append("}")
        }
    }
}

/// JSON text being written, as UTF-8 bytes: appending bytes to an array costs less than growing a `String`.
struct JSONTextBuffer {
    /// The text so far.
    private(set) var bytes: [UInt8] = []

    /// The text so far, as a string.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends ASCII punctuation or a literal.
    mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends `text` as it is.
    mutating func append(text: String) { bytes.append(contentsOf: text.utf8) }

    /// A line break and `indent` levels of two spaces.
    mutating func newline(indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// Appends `s` as a JSON string: quoted, with `"`, `\` and control characters escaped (the short escapes where
    /// JSON has them, else `\u00xx`), everything else as its UTF-8 bytes.
    mutating func append(quoted s: String) {
        bytes.append(UInt8(ascii: "\""))
        defer { bytes.append(UInt8(ascii: "\"")) }
        // Most strings need no escape: checked over the contiguous bytes, and appended whole.
        let plain = s.withUTF8Bytes { utf8 in
            guard !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) else { return false }
            bytes.append(contentsOf: utf8)
            return true
        }
        if plain { return }
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case 0x08: append("\\b")
            case 0x09: append("\\t")
            case 0x0A: append("\\n")
            case 0x0C: append("\\f")
            case 0x0D: append("\\r")
            case ..<0x20:
                append("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}

/// RFC 8785 JSON Canonicalization Scheme: the canonical form of a ``JSONValue`` that the JCS Data Integrity suites
/// and JSON-LD's `@json` literals sign.
package enum JCS {
    /// Serializes `value` canonically: object keys sorted by UTF-16 code units, no whitespace, numbers written as
    /// ECMAScript's `Number.prototype.toString` writes them, minimal string escaping.
    package static func canonicalize(_ value: JSONValue) -> String {
        var out = JSONTextBuffer()
        write(value, into: &out)
        return out.text
    }

    private static func write(_ value: JSONValue, into out: inout JSONTextBuffer) {
        switch value {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .number(let n): out.append(text: numberText(n.doubleValue))
        case .string(let s): out.append(quoted: s)
        case .array(let a):
            out.append("[")
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(",") }
                write(v, into: &out)
            }
            out.append("]")
        case .object(let o):
            out.append("{")
            let keys = o.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (i, k) in keys.enumerated() {
                if i > 0 { out.append(",") }
                out.append(quoted: k)
                out.append(":")
                write(o[k]!, into: &out)
            }
            out.append("}")
        }
    }

    /// Writes a finite double as ECMAScript `Number::toString(10)` does (shortest round-trip digits). Every
    /// ``JSONNumber`` is finite, so canonicalization cannot fail.
    package static func numberText(_ d: Double) -> String {
        precondition(d.isFinite, "JSON numbers are finite")
        if d == 0 { return "0" }
        let negative = d < 0
        // Swift's description gives the shortest round-trip digits; re-lay them out the ECMAScript way.
        let desc = String(describing: abs(d))
        var mantissa = Substring(desc)
        var exp = 0
        if let e = desc.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = desc[..<e]
            exp = Int(desc[desc.index(after: e)...]) ?? 0
        }
        var digits = ""
        var pointPos = mantissa.count
        if let dot = mantissa.firstIndex(of: ".") {
            pointPos = mantissa.distance(from: mantissa.startIndex, to: dot)
            digits = String(mantissa[..<dot]) + String(mantissa[mantissa.index(after: dot)...])
        } else {
            digits = String(mantissa)
        }
        // value = 0.digits × 10^(pointPos + exp)
        var n = pointPos + exp
        while digits.hasPrefix("0") {
            digits.removeFirst()
            n -= 1
        }
        while digits.hasSuffix("0") { digits.removeLast() }
        let k = digits.count
        var s: String
        if k <= n && n <= 21 {
            s = digits + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            let i = digits.index(digits.startIndex, offsetBy: n)
            s = String(digits[..<i]) + "." + String(digits[i...])
        } else if -6 < n && n <= 0 {
            s = "0." + String(repeating: "0", count: -n) + digits
        } else {
            let e = n - 1
            let es = e < 0 ? "-\(-e)" : "+\(e)"
            if k == 1 {
                s = digits + "e" + es
            } else {
                s = String(digits.prefix(1)) + "." + String(digits.dropFirst()) + "e" + es
            }
        }
        if negative { s = "-" + s }
        return s
    }
}

extension JSONValue: Codable {
    /// Decodes any JSON value through `Codable` (member order follows the decoder; number text may be normalised).
    public init(from decoder: any Decoder) throws {
        if let container = try? decoder.container(keyedBy: AnyCodingKey.self) {
            var object = JSONObject()
            for key in container.allKeys {
                object[key.stringValue] = try container.decode(JSONValue.self, forKey: key)
            }
            self = .object(object)
            return
        }
        if var container = try? decoder.unkeyedContainer() {
            var elements: [JSONValue] = []
            while !container.isAtEnd { elements.append(try container.decode(JSONValue.self)) }
            self = .array(elements)
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? container.decode(Int64.self) {
            self = .number(JSONNumber(Int(i)))
        } else if let d = try? container.decode(Double.self) {
            self = .number(JSONNumber(d))
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    /// Encodes this value through `Codable` (integers and decimals are written as numbers).
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .null:
            var c = encoder.singleValueContainer()
            try c.encodeNil()
        case .bool(let b):
            var c = encoder.singleValueContainer()
            try c.encode(b)
        case .number(let n):
            var c = encoder.singleValueContainer()
            if let i = Int64(n.text) { try c.encode(i) } else { try c.encode(n.doubleValue) }
        case .string(let s):
            var c = encoder.singleValueContainer()
            try c.encode(s)
        case .array(let a):
            var c = encoder.unkeyedContainer()
            for v in a { try c.encode(v) }
        case .object(let o):
            var c = encoder.container(keyedBy: AnyCodingKey.self)
            for m in o { try c.encode(m.value, forKey: AnyCodingKey(m.key)) }
        }
    }
}

/// A coding key for arbitrary member names.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}
