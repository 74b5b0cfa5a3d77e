import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A source of bytes read front to back, able to skip ahead.
///
/// Readers ask only for what they need: a file source skips with a seek, so extraction never reads pixel data.
protocol ByteSource {
    /// The offset of the next byte to be read.
    var offset: Int64 { get }
    /// The total size, when it is known in advance (files and in-memory data).
    var size: Int64? { get }
    /// Fills `buffer` from the current offset; returns how many bytes were read (fewer only at the end).
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(BadgeError) -> Int
    /// Skips up to `count` bytes; returns how many were skipped (fewer only at the end).
    mutating func skip(_ count: Int64) throws(BadgeError) -> Int64
}

extension ByteSource {
    /// Reads up to `count` bytes (fewer only at the end).
    mutating func read(count: Int) throws(BadgeError) -> [UInt8] {
        guard count > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: count)
        let got = try rethrowingBadgeError { try bytes.withUnsafeMutableBytes { buffer in try read(into: buffer) } }
        if got < count { bytes.removeSubrange(got...) }
        return bytes
    }
}

/// Bytes already in memory.
struct MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var offset: Int64 { Int64(position) }
    var size: Int64? { Int64(bytes.count) }

    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(BadgeError) -> Int {
        let count = min(buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: count)
        }
        position += count
        return count
    }

    mutating func skip(_ count: Int64) throws(BadgeError) -> Int64 {
        let skipped = min(count, Int64(bytes.count - position))
        position += Int(skipped)
        return skipped
    }
}

/// A file descriptor: random access with `pread` when it is a regular file, else a sequential stream.
final class FileByteSource: ByteSource {
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private let isRegularFile: Bool
    private(set) var offset: Int64 = 0
    let size: Int64?
    /// How many bytes were actually read (skipped bytes do not count).
    private(set) var bytesRead: Int64 = 0
    /// The whole file, for a regular file of at most ``wholeFileLimit`` bytes, once first read.
    private var whole: [UInt8]?

    /// A regular file of at most this many bytes is read whole by its first read: one system call, instead of one
    /// per chunk header, for the few kilobytes it would have skipped. Larger files are read piece by piece, and
    /// what a reader skips (pixel data) is never read.
    static let wholeFileLimit: Int64 = 64 * 1024

    /// Opens a file for reading.
    convenience init(path: String) throws(BadgeError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw BadgeError(.io, "cannot open \(path): \(String(cString: strerror(errno)))")
        }
        try self.init(descriptor: descriptor, ownsDescriptor: true)
    }

    /// Reads from an open descriptor (for example standard input), which it closes only if it owns it.
    init(descriptor: Int32, ownsDescriptor: Bool) throws(BadgeError) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            if ownsDescriptor { close(descriptor) }
            throw BadgeError(.io, "cannot inspect the input: \(String(cString: strerror(errno)))")
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            if ownsDescriptor { close(descriptor) }
            throw BadgeError(.io, "the input is a directory")
        }
        self.descriptor = descriptor
        self.ownsDescriptor = ownsDescriptor
        self.isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
        self.size = isRegularFile ? Int64(info.st_size) : nil
    }

    deinit {
        if ownsDescriptor { close(descriptor) }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(BadgeError) -> Int {
        guard isRegularFile, let size, size <= Self.wholeFileLimit else { return try readDirectly(into: buffer) }
        if whole == nil { whole = try readWholeFile(size: Int(size)) }
        return whole!.withUnsafeBytes { bytes in
            let start = Int(min(offset, Int64(bytes.count)))
            let count = min(buffer.count, bytes.count - start)
            if count > 0 { buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + start, byteCount: count) }
            offset += Int64(count)
            return count
        }
    }

    /// The file's bytes from its start (fewer than `size` if it shrank since it was opened), the offset kept.
    private func readWholeFile(size: Int) throws(BadgeError) -> [UInt8] {
        let position = offset
        offset = 0
        defer { offset = position }
        var bytes = [UInt8](repeating: 0, count: size)
        let got = try rethrowingBadgeError { try bytes.withUnsafeMutableBytes { try readDirectly(into: $0) } }
        if got < size { bytes.removeSubrange(got...) }
        return bytes
    }

    private func readDirectly(into buffer: UnsafeMutableRawBufferPointer) throws(BadgeError) -> Int {
        var total = 0
        while total < buffer.count {
            let result: Int
            if isRegularFile {
                result = pread(descriptor, buffer.baseAddress! + total, buffer.count - total, off_t(offset))
            } else {
                result = systemRead(descriptor, buffer.baseAddress! + total, buffer.count - total)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw BadgeError(.io, at: offset, "read failed: \(String(cString: strerror(errno)))")
            }
            if result == 0 { break }
            total += result
            offset += Int64(result)
            bytesRead += Int64(result)
        }
        return total
    }

    /// Whether the descriptor is a regular file (random access), not a pipe or terminal.
    var isRandomAccess: Bool { isRegularFile }

    /// Where skipped bytes of a pipe are read to (allocated on first use, then reused).
    private var scratch: [UInt8] = []

    func skip(_ count: Int64) throws(BadgeError) -> Int64 {
        if isRegularFile, let size {
            let skipped = max(0, min(count, size - offset))
            offset += skipped
            return skipped
        }
        var skipped: Int64 = 0
        if scratch.isEmpty { scratch = [UInt8](repeating: 0, count: 64 * 1024) }
        while skipped < count {
            let want = Int(min(Int64(scratch.count), count - skipped))
            let got = try rethrowingBadgeError {
                try scratch.withUnsafeMutableBytes { buffer in
                    try read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[..<want]))
                }
            }
            skipped += Int64(got)
            if got < want { break }
        }
        return skipped
    }
}

/// `read(2)`, named apart from the protocol requirement it would otherwise shadow.
@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
    #elseif canImport(Musl)
        Musl.read(descriptor, buffer, count)
    #else
        Darwin.read(descriptor, buffer, count)
    #endif
}
