/// A fast hash of a string's code points (its UTF-8 bytes) for the package's own hash tables, keyed by a random seed
/// drawn once per process, so that a stranger who writes the keys (a context's terms, a document's names) cannot
/// choose keys that all land in one probe sequence.
///
/// The construction is wyhash's: 64×64→128-bit multiplications folded to 64 bits, over 16 bytes at a time. Unlike
/// `Hasher` (SipHash-1-3, with a finalization per value), a short key costs a few multiplications.
package enum CodePointHash {
    /// Three random 64-bit keys.
    private static let seed: (UInt64, UInt64, UInt64) = {
        var generator = SystemRandomNumberGenerator()
        return (generator.next(), generator.next() | 1, generator.next())
    }()

    /// The hash of `string`'s UTF-8 bytes.
    package static func hash(_ string: String) -> UInt64 {
        string.withUTF8Bytes { hash(UnsafeRawBufferPointer($0)) }
    }

    /// The hash of `bytes`.
    package static func hash(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { hash($0) } }

    /// The hash of `bytes`.
    package static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let (key0, key1, key2) = seed
        let count = bytes.count
        var state = key0
        let a: UInt64
        let b: UInt64
        if count <= 16 {
            if count >= 8 {
                a = bytes.loadUnaligned(as: UInt64.self)
                b = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            } else if count >= 4 {
                a = UInt64(bytes.loadUnaligned(as: UInt32.self))
                b = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            } else if count > 0 {
                a = UInt64(bytes[0]) << 16 | UInt64(bytes[count / 2]) << 8 | UInt64(bytes[count - 1])
                b = 0
            } else {
                a = 0
                b = 0
            }
        } else {
            var offset = 0
            while count - offset > 16 {
                state = fold(
                    bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) ^ key1,
                    bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self) ^ state)
                offset += 16
            }
            a = bytes.loadUnaligned(fromByteOffset: count - 16, as: UInt64.self)
            b = bytes.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        return fold(key1 ^ UInt64(count), fold(a ^ key1, b ^ state) ^ key2)
    }

    /// The two halves of the 128-bit product, XORed.
    private static func fold(_ x: UInt64, _ y: UInt64) -> UInt64 {
        let (high, low) = x.multipliedFullWidth(by: y)
        return high ^ low
    }
}
