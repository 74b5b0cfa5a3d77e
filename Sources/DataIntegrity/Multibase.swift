import Foundation
import OpenBadgesModel

/// Base58 with the Bitcoin alphabet (the `z` multibase encoding used by Multikey and `proofValue`).
package enum Base58 {
    static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    static let inverse: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = Int8(i) }
        return table
    }()

    /// The longest input decoded (the algorithm is quadratic); keys and signatures are far shorter.
    package static let maximumInputLength = 1024

    /// Decodes base58btc text, or nil when it has a character outside the alphabet or is too long.
    package static func decode(_ text: String) -> [UInt8]? {
        text.withUTF8Bytes { digits -> [UInt8]? in
            guard digits.count <= maximumInputLength else { return nil }
            // The number in base 2^32, least significant limb first, taking five digits at a time (58^5 < 2^30, so
            // a limb times that plus a carry fits in 64 bits).
            var limbs: [UInt32] = []
            limbs.reserveCapacity(digits.count / 5 + 1)
            var start = 0
            while start < digits.count {
                var chunk: UInt64 = 0
                var scale: UInt64 = 1
                for digit in digits[start..<min(start + 5, digits.count)] {
                    let value = inverse[Int(digit)]
                    guard value >= 0 else { return nil }
                    chunk = chunk * 58 + UInt64(value)
                    scale *= 58
                }
                start += 5
                var carry = chunk
                for i in limbs.indices {
                    let product = UInt64(limbs[i]) * scale + carry
                    limbs[i] = UInt32(truncatingIfNeeded: product)
                    carry = product >> 32
                }
                while carry > 0 {
                    limbs.append(UInt32(truncatingIfNeeded: carry))
                    carry >>= 32
                }
            }
            // Big-endian bytes without leading zeros, after one zero byte for each leading "1".
            let zeros = digits.prefix(while: { $0 == UInt8(ascii: "1") }).count
            var bytes = [UInt8](repeating: 0, count: zeros)
            bytes.reserveCapacity(zeros + limbs.count * 4)
            var significant = false
            for limb in limbs.reversed() {
                for shift in stride(from: 24, through: 0, by: -8) {
                    let byte = UInt8(truncatingIfNeeded: limb >> UInt32(shift))
                    if byte != 0 { significant = true }
                    if significant { bytes.append(byte) }
                }
            }
            return bytes
        }
    }

    /// Encodes bytes as base58btc text.
    package static func encode(_ input: [UInt8]) -> String {
        var digits: [UInt8] = []  // little-endian base 58
        for byte in input {
            var carry = Int(byte)
            for i in 0..<digits.count {
                carry += Int(digits[i]) << 8
                digits[i] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        let zeros = input.prefix(while: { $0 == 0 }).count
        let text = [UInt8](repeating: alphabet[0], count: zeros) + digits.reversed().map { alphabet[Int($0)] }
        return String(decoding: text, as: UTF8.self)
    }
}

/// Multibase (the prefix character names the encoding): `z` base58btc, `u` base64url, `m` base64.
package enum Multibase {
    /// Decodes multibase text, or nil for an unknown prefix or bad text.
    package static func decode(_ text: String) -> [UInt8]? {
        guard let first = text.first else { return nil }
        let rest = String(text.dropFirst())
        switch first {
        case "z": return Base58.decode(rest)
        case "u": return Base64URL.decode(rest)
        case "m": return Data(base64Encoded: rest).map { Array($0) }
        default: return nil
        }
    }

    /// `z` + base58btc.
    package static func encodeBase58btc(_ bytes: [UInt8]) -> String { "z" + Base58.encode(bytes) }
}

/// A public key in Multikey form (`publicKeyMultibase`, did:key): multicodec prefix + key bytes.
package enum MultikeyPublicKey: Sendable, Hashable {
    /// Ed25519 (multicodec 0xed, bytes `ed 01`): 32 bytes.
    case ed25519([UInt8])
    /// P-256 (multicodec 0x1200, bytes `80 24`): a 33-byte compressed point.
    case p256([UInt8])
    /// P-384 (multicodec 0x1201, bytes `81 24`): a 49-byte compressed point.
    case p384([UInt8])

    /// Decodes `z…` Multikey text, or nil for an unknown codec or wrong length.
    package init?(multibase: String) {
        guard let raw = Multibase.decode(multibase), raw.count > 2 else { return nil }
        let body = Array(raw[2...])
        switch (raw[0], raw[1]) {
        case (0xED, 0x01) where body.count == 32: self = .ed25519(body)
        case (0x80, 0x24) where body.count == 33: self = .p256(body)
        case (0x81, 0x24) where body.count == 49: self = .p384(body)
        default: return nil
        }
    }

    /// The Multikey text (`z6Mk…` for Ed25519).
    package var multibase: String {
        switch self {
        case .ed25519(let k): Multibase.encodeBase58btc([0xED, 0x01] + k)
        case .p256(let k): Multibase.encodeBase58btc([0x80, 0x24] + k)
        case .p384(let k): Multibase.encodeBase58btc([0x81, 0x24] + k)
        }
    }
}
