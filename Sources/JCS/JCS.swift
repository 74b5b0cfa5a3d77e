/// RFC 8785 JSON Canonicalization Scheme.
public enum JCS {
    /// A value that cannot be canonicalized (a non-finite number).
    public struct Error: Swift.Error, Sendable, Equatable, CustomStringConvertible {
        /// What went wrong.
        public let message: String
        public var description: String { message }
    }

    /// Serializes `value` canonically: object keys sorted by UTF-16 code units, no whitespace,
    /// numbers formatted like ECMAScript `Number.prototype.toString`, minimal string escaping.
    public static func canonicalize(_ value: JSONValue) throws(JCS.Error) -> String {
        var out = ""
        try write(value, into: &out)
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String) throws(JCS.Error) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += try formatNumber(n.doubleValue)
        case .string(let s): writeString(s, into: &out)
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                try write(v, into: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            let keys = o.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            for (i, k) in keys.enumerated() {
                if i > 0 { out += "," }
                writeString(k, into: &out)
                out += ":"
                try write(o[k]!, into: &out)
            }
            out += "}"
        }
    }

    /// JSON string serialization as in ECMAScript `JSON.stringify` (RFC 8785 §3.2.2.2).
    public static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\u{09}": out += "\\t"
            case "\u{0A}": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\u{0D}": out += "\\r"
            default:
                if u.value < 0x20 {
                    let h = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - h.count) + h
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }

    /// Formats a double like ECMAScript `Number::toString(10)` (shortest round-trip digits).
    /// NaN and infinities are not valid JSON and throw.
    public static func formatNumber(_ d: Double) throws(JCS.Error) -> String {
        guard d.isFinite else { throw JCS.Error(message: "non-finite number cannot be serialized") }
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

extension JSONValue {
    /// Compact JSON text keeping key order and the source text of numbers (not canonical; see ``JCS``).
    public var jsonText: String {
        var out = ""
        writeJSON(into: &out)
        return out
    }

    private func writeJSON(into out: inout String) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n.text
        case .string(let s): JCS.writeString(s, into: &out)
        case .array(let a):
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                v.writeJSON(into: &out)
            }
            out += "]"
        case .object(let o):
            out += "{"
            for (i, (k, v)) in o.enumerated() {
                if i > 0 { out += "," }
                JCS.writeString(k, into: &out)
                out += ":"
                v.writeJSON(into: &out)
            }
            out += "}"
        }
    }
}
