/// Byte-level helpers for XML character data: whitespace, UTF-8 validation, reference decoding and escaping.
enum XMLText {
    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// Name bytes accepted by the tokenizer (ASCII name characters plus any non-ASCII byte).
    static func isNameByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: ":"),
            UInt8(ascii: "-"), UInt8(ascii: "."), 0x80...0xFF:
            true
        default: false
        }
    }

    static func isNameStartByte(_ b: UInt8) -> Bool {
        isNameByte(b) && !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) && b != UInt8(ascii: "-") && b != UInt8(ascii: ".")
    }

    static func isAllWhitespace(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.allSatisfy(isWhitespace) }

    /// Trims XML whitespace at both ends.
    static func trimmed(_ bytes: [UInt8]) -> ArraySlice<UInt8> {
        guard let first = bytes.firstIndex(where: { !isWhitespace($0) }),
            let last = bytes.lastIndex(where: { !isWhitespace($0) })
        else { return [] }
        return bytes[first...last]
    }

    /// Index (in `bytes`' own indices) of the first byte that is not part of valid UTF-8, or `nil` when valid.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
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
            default: return i
            }
            guard end - i >= length else { return i }
            let second = bytes[i + 1]
            guard second >= lower && second <= upper else { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// Throws ``SVGBadgeError/Code/invalidUTF8`` unless `bytes` (starting at absolute `offset`) is valid UTF-8.
    static func validateUTF8(_ bytes: ArraySlice<UInt8>, offset: Int, what: String) throws {
        if let bad = firstInvalidUTF8(bytes) {
            throw SVGBadgeError(
                code: .invalidUTF8, offset: offset + (bad - bytes.startIndex), message: "\(what) is not valid UTF-8")
        }
    }

    /// Applies XML end-of-line handling (CR LF and lone CR become LF).
    static func normalizeLineEnds(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard bytes.contains(0x0D) else { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 0x0D {
                out.append(0x0A)
                if i + 1 < bytes.endIndex && bytes[i + 1] == 0x0A { i += 1 }
            } else {
                out.append(b)
            }
            i += 1
        }
        return out
    }

    /// Decodes character references and the five predefined entities. Other entity references are never
    /// expanded: they stay as written and a warning is recorded. In attribute mode, literal whitespace
    /// characters become spaces (XML attribute-value normalisation).
    static func decode(
        _ raw: ArraySlice<UInt8>, offset: Int, attribute: Bool, warnings: inout [SVGBadgeWarning]
    ) throws -> [UInt8] {
        let bytes = normalizeLineEnds(raw)
        guard bytes.contains(UInt8(ascii: "&")) || (attribute && bytes.contains(where: { $0 == 0x09 || $0 == 0x0A }))
        else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if attribute && (b == 0x09 || b == 0x0A) {
                out.append(0x20)
                i += 1
                continue
            }
            guard b == UInt8(ascii: "&") else {
                out.append(b)
                i += 1
                continue
            }
            // Offsets are approximate after line-end normalisation; good enough for messages.
            let here = offset + i
            guard let semi = bytes[i...].prefix(40).firstIndex(of: UInt8(ascii: ";")) else {
                throw SVGBadgeError(code: .invalidReference, offset: here, message: "'&' does not start a reference")
            }
            let name = bytes[(i + 1)..<semi]
            if name.first == UInt8(ascii: "#") {
                out += try characterReference(name.dropFirst(), offset: here)
            } else {
                switch String(decoding: name, as: UTF8.self) {
                case "lt": out.append(UInt8(ascii: "<"))
                case "gt": out.append(UInt8(ascii: ">"))
                case "amp": out.append(UInt8(ascii: "&"))
                case "apos": out.append(UInt8(ascii: "'"))
                case "quot": out.append(UInt8(ascii: "\""))
                default:
                    guard let first = name.first, isNameStartByte(first), name.allSatisfy(isNameByte) else {
                        throw SVGBadgeError(code: .invalidReference, offset: here, message: "malformed entity reference")
                    }
                    warnings.append(
                        SVGBadgeWarning(
                            code: .undecodedEntityReference, offset: here,
                            message: "entity '\(String(decoding: name, as: UTF8.self))' is not predefined; left unexpanded"))
                    out += bytes[i...semi]
                }
            }
            i = semi + 1
        }
        return out
    }

    private static func characterReference(_ digits: ArraySlice<UInt8>, offset: Int) throws -> [UInt8] {
        var value: UInt32 = 0
        var hex = false
        var body = digits
        if body.first == UInt8(ascii: "x") {
            hex = true
            body = body.dropFirst()
        }
        let bad = SVGBadgeError(code: .invalidReference, offset: offset, message: "malformed character reference")
        guard !body.isEmpty, body.count <= 8 else { throw bad }
        for d in body {
            let digit: UInt32
            switch d {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(d - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: digit = UInt32(d - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: digit = UInt32(d - UInt8(ascii: "A") + 10)
            default: throw bad
            }
            value = value * (hex ? 16 : 10) + digit
        }
        guard isXMLChar(value), let scalar = Unicode.Scalar(value) else {
            throw SVGBadgeError(
                code: .invalidReference, offset: offset, message: "character reference to a character XML does not allow")
        }
        return Array(String(Character(scalar)).utf8)
    }

    static func isXMLChar(_ v: UInt32) -> Bool {
        v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
            || (0x10000...0x10FFFF).contains(v)
    }

    /// Escapes a string for a double-quoted attribute value (`& < > "` and whitespace controls as references).
    static func escapeAttribute(_ value: String) throws -> [UInt8] {
        var out: [UInt8] = []
        for scalar in value.unicodeScalars {
            guard isXMLChar(scalar.value) else {
                throw SVGBadgeError(
                    code: .invalidContent, offset: nil,
                    message: "U+\(String(scalar.value, radix: 16, uppercase: true)) cannot appear in XML")
            }
            switch scalar {
            case "&": out += Array("&amp;".utf8)
            case "<": out += Array("&lt;".utf8)
            case ">": out += Array("&gt;".utf8)
            case "\"": out += Array("&quot;".utf8)
            case "\t": out += Array("&#9;".utf8)
            case "\n": out += Array("&#10;".utf8)
            case "\r": out += Array("&#13;".utf8)
            default: out += Array(String(scalar).utf8)
            }
        }
        return out
    }

    /// Wraps text in CDATA, splitting every `]]>` as `]]]]><![CDATA[>`. Carriage returns are written as-is
    /// (XML readers turn CR LF into LF; JSON whitespace is unaffected).
    static func cdata(_ text: String) throws -> [UInt8] {
        for scalar in text.unicodeScalars where !isXMLChar(scalar.value) {
            throw SVGBadgeError(
                code: .invalidContent, offset: nil,
                message: "U+\(String(scalar.value, radix: 16, uppercase: true)) cannot appear in XML")
        }
        let bytes = Array(text.utf8)
        var out = Array("<![CDATA[".utf8)
        var i = 0
        while i < bytes.count {
            if i + 2 < bytes.count && bytes[i] == 0x5D && bytes[i + 1] == 0x5D && bytes[i + 2] == 0x3E {
                out += Array("]]]]><![CDATA[>".utf8)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        out += Array("]]>".utf8)
        return out
    }
}
