#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A destination for bytes written front to back.
package protocol ByteSink {
    /// Writes all of `bytes`.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(BadgeError)
}

extension ByteSink {
    /// Writes all of `bytes`.
    package mutating func write(_ bytes: [UInt8]) throws(BadgeError) {
        try rethrowingBadgeError { try bytes.withUnsafeBytes { buffer in try write(buffer) } }
    }
}

/// Collects bytes in memory.
struct MemoryByteSink: ByteSink {
    var bytes: [UInt8] = []

    mutating func write(_ buffer: UnsafeRawBufferPointer) throws(BadgeError) {
        bytes.append(contentsOf: buffer)
    }
}

/// Throws every byte away: for a first pass that only checks.
struct DiscardingByteSink: ByteSink {
    mutating func write(_ buffer: UnsafeRawBufferPointer) throws(BadgeError) {}
}

/// Writes to a file descriptor, retrying short and interrupted writes (the output file of a bake, and the tools'
/// standard output and error).
package struct FileByteSink: ByteSink {
    let descriptor: Int32

    /// A sink writing to `descriptor`.
    package init(descriptor: Int32) { self.descriptor = descriptor }

    package mutating func write(_ buffer: UnsafeRawBufferPointer) throws(BadgeError) {
        var done = 0
        while done < buffer.count {
            #if canImport(Glibc)
                let result = Glibc.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
            #elseif canImport(Musl)
                let result = Musl.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
            #else
                let result = Darwin.write(descriptor, buffer.baseAddress! + done, buffer.count - done)
            #endif
            if result < 0 {
                if errno == EINTR { continue }
                throw BadgeError(.io, "write failed: \(String(cString: strerror(errno)))")
            }
            done += result
        }
    }
}
