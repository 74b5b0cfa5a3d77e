import Crypto

/// SHA-256 in lowercase hex, from swift-crypto: to check the bundled schema files against their pinned hashes.
enum SHA256Digest {
    static func hex(_ bytes: some Sequence<UInt8>) -> String {
        SHA256.hash(data: Array(bytes)).map { byte in
            let digits = Array("0123456789abcdef".utf8)
            return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]], as: UTF8.self)
        }.joined()
    }
}
