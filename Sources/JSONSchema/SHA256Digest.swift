import Crypto

/// SHA-256 in lowercase hex, from swift-crypto: to check bundled files (schemas, contexts) against their pinned hashes.
package enum SHA256Digest {
    /// The SHA-256 of `bytes`, in lowercase hex.
    package static func hex(_ bytes: some Sequence<UInt8>) -> String {
        SHA256.hash(data: Array(bytes)).map { byte in
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
        }.joined()
    }
}
