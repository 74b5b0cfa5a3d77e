import CZlib

/// A running CRC-32 (ISO 3309, as used by PNG and gzip), computed by zlib.
package struct CRC32: Sendable, Hashable {
    /// The checksum of everything fed so far.
    package private(set) var value: UInt32 = 0

    /// Starts an empty checksum.
    package init() {}

    /// Feeds more bytes into the checksum.
    package mutating func update(_ bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            value = Self.update(value, buffer)
        }
        if done == nil {
            value = Array(bytes).withUnsafeBufferPointer { Self.update(value, $0) }
        }
    }

    /// Feeds raw memory into the checksum.
    package mutating func update(_ buffer: UnsafeRawBufferPointer) {
        value = Self.update(value, buffer.bindMemory(to: UInt8.self))
    }

    /// The CRC-32 of `bytes`.
    package static func checksum(_ bytes: some Collection<UInt8>) -> UInt32 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    private static func update(_ crc: UInt32, _ buffer: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var crc = UInt(crc)
        guard var base = buffer.baseAddress else { return UInt32(truncatingIfNeeded: crc) }
        var remaining = buffer.count
        // zlib takes a 32-bit length; feed very large buffers in slices.
        while remaining > 0 {
            let count = min(remaining, 1 << 30)
            crc = CZlib.crc32(crc, base, UInt32(count))
            base += count
            remaining -= count
        }
        return UInt32(truncatingIfNeeded: crc)
    }
}

/// A running Adler-32 (RFC 1950), the checksum that ends a zlib stream, computed by zlib.
package struct Adler32: Sendable, Hashable {
    /// The checksum of everything fed so far.
    package private(set) var value: UInt32 = 1

    /// Starts an empty checksum.
    package init() {}

    /// Feeds raw memory into the checksum.
    package mutating func update(_ buffer: UnsafeRawBufferPointer) {
        guard var base = buffer.baseAddress?.assumingMemoryBound(to: UInt8.self) else { return }
        var remaining = buffer.count
        var adler = UInt(value)
        while remaining > 0 {
            let count = min(remaining, 1 << 30)
            adler = CZlib.adler32(adler, base, UInt32(count))
            base += count
            remaining -= count
        }
        value = UInt32(truncatingIfNeeded: adler)
    }
}
