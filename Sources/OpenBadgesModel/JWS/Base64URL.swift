/// Strict base64url (RFC 4648 §5) without padding, as JWS compact serialisation requires (RFC 7515 §2): the
/// package's one base64url, for JWS, JWK members, did:jwk, multibase `u` and Data Integrity.
package enum Base64URL {
    /// Decodes strict unpadded base64url: only `A–Z a–z 0–9 - _`, no `=`, no whitespace, a valid length, and zero
    /// unused trailing bits (so every byte string has exactly one encoding).
    /// - Returns: the bytes, or `nil` when the text is not strict base64url.
    package static func decode(_ text: Substring) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for c in text.utf8 {
            let v: UInt32
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): v = UInt32(c - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): v = UInt32(c - UInt8(ascii: "a") + 26)
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = UInt32(c - UInt8(ascii: "0") + 52)
            case UInt8(ascii: "-"): v = 62
            case UInt8(ascii: "_"): v = 63
            default: return nil
            }
            buffer = (buffer << 6) | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
                buffer &= (1 << UInt32(bits)) - 1
            }
        }
        if bits >= 6 { return nil }  // length % 4 == 1
        if buffer != 0 { return nil }  // non-zero unused bits
        return out
    }

    /// Decodes strict unpadded base64url; see ``decode(_:)-(Substring)``.
    package static func decode(_ text: String) -> [UInt8]? { decode(Substring(text)) }

    /// Encodes bytes as unpadded base64url.
    package static func encode(_ bytes: some Sequence<UInt8>) -> String {
        let bytes = Array(bytes)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var out = ""
        var i = 0
        while i + 3 <= bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            for s in [18, 12, 6, 0] { out.append(alphabet[Int((n >> UInt32(s)) & 63)]) }
            i += 3
        }
        let rest = bytes.count - i
        if rest == 1 {
            let n = UInt32(bytes[i]) << 16
            for s in [18, 12] { out.append(alphabet[Int((n >> UInt32(s)) & 63)]) }
        } else if rest == 2 {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8
            for s in [18, 12, 6] { out.append(alphabet[Int((n >> UInt32(s)) & 63)]) }
        }
        return out
    }
}
