/// Reads a source front to back through one large buffer and forwards the bytes its reader decides to keep
/// to a sink, straight out of that buffer.
///
/// Baking reads every byte once and writes every kept byte once, a block at a time: no byte is
/// copied in between, nothing is read twice, and memory stays at one block whatever the image size. The
/// reader walks the stream (``read(into:)``, ``skip(_:)``) and settles each region it has seen with
/// ``keep(through:)`` or ``drop(through:)``; only the few bytes it has read but not yet settled (a chunk header
/// and a keyword) are carried from one block to the next.
struct ForwardingByteSource<Base: ByteSource, Sink: ByteSink>: ByteSource {
    /// The smallest block: room for twice the most a reader may leave unsettled (a chunk header and keyword).
    static var minimumBlockSize: Int { 256 }

    private var base: Base
    private(set) var sink: Sink
    private var buffer: [UInt8]
    /// The stream offset of `buffer[0]`.
    private var bufferOffset: Int64 = 0
    /// How many bytes of `buffer` hold data.
    private var filled = 0
    /// The stream offset of the next byte to read.
    private(set) var offset: Int64 = 0
    /// Everything before this offset is written or dropped.
    private var settled: Int64 = 0
    /// Bytes from `settled` up to this offset are kept (written at the latest when the buffer is refilled).
    private var keptUntil: Int64 = 0

    /// Forwards `base`, whose next byte is at stream offset `start`, to `sink`, reading `blockSize` bytes at a time.
    init(_ base: Base, startingAt start: Int64, to sink: Sink, blockSize: Int = 1 << 20) {
        self.base = base
        self.sink = sink
        self.buffer = [UInt8](repeating: 0, count: max(blockSize, Self.minimumBlockSize))
        (bufferOffset, offset, settled, keptUntil) = (start, start, start, start)
    }

    var size: Int64? { base.size }

    mutating func read(into target: UnsafeMutableRawBufferPointer) throws(BadgeError) -> Int {
        var done = 0
        while done < target.count {
            if available == 0, try refill() == 0 { break }
            let count = min(available, target.count - done)
            let start = Int(offset - bufferOffset)
            buffer.withUnsafeBytes { bytes in
                (target.baseAddress! + done).copyMemory(from: bytes.baseAddress! + start, byteCount: count)
            }
            done += count
            offset += Int64(count)
        }
        return done
    }

    mutating func skip(_ count: Int64) throws(BadgeError) -> Int64 {
        var skipped: Int64 = 0
        while skipped < count {
            if available == 0, try refill() == 0 { break }
            let step = min(Int64(available), count - skipped)
            offset += step
            skipped += step
        }
        return skipped
    }

    /// Keeps every unsettled byte before `end` (which may lie ahead of the read offset).
    mutating func keep(through end: Int64) {
        keptUntil = max(keptUntil, end)
    }

    /// Writes the kept bytes now, then drops every byte up to `end` (which may lie ahead of the read offset).
    mutating func drop(through end: Int64) throws(BadgeError) {
        try writeKept()
        precondition(settled == keptUntil, "bytes before a dropped region must be settled first")
        settled = max(settled, end)
        keptUntil = settled
    }

    /// Writes the kept bytes, then `bytes` (which are not part of the stream).
    mutating func insert(_ bytes: [UInt8]) throws(BadgeError) {
        try writeKept()
        try sink.write(bytes)
    }

    /// Keeps the rest of the stream, reads it to its end and writes everything kept; returns how many bytes
    /// there were after `offset`.
    mutating func forwardRest() throws(BadgeError) -> Int64 {
        let start = offset
        keep(through: .max)
        while try refill() > 0 { offset = bufferOffset + Int64(filled) }
        offset = bufferOffset + Int64(filled)
        keptUntil = offset
        try writeKept()
        return offset - start
    }

    /// Writes everything kept, then reads the rest of the stream to its end without writing it; returns how
    /// many bytes there were after `offset`.
    mutating func dropRest() throws(BadgeError) -> Int64 {
        let start = offset
        try drop(through: bufferOffset + Int64(filled))
        offset = bufferOffset + Int64(filled)
        while try refill() > 0 {
            offset = bufferOffset + Int64(filled)
            settled = offset
            keptUntil = offset
        }
        return offset - start
    }

    /// Buffered bytes not yet read.
    private var available: Int { Int(bufferOffset + Int64(filled) - offset) }

    /// Writes the kept bytes that are in the buffer.
    private mutating func writeKept() throws(BadgeError) {
        let end = min(keptUntil, bufferOffset + Int64(filled))
        guard end > settled else { return }
        let range = Int(settled - bufferOffset)..<Int(end - bufferOffset)
        try rethrowingBadgeError { try buffer.withUnsafeBytes { bytes in try sink.write(UnsafeRawBufferPointer(rebasing: bytes[range])) } }
        settled = end
    }

    /// Settles the buffer (writing what is kept, carrying what is unsettled) and reads the next block;
    /// returns how many bytes were read (0 at the end).
    private mutating func refill() throws(BadgeError) -> Int {
        try writeKept()
        let end = bufferOffset + Int64(filled)
        // Kept bytes are all written and dropped ones are gone; what is left was read but is not settled yet.
        let carried = settled < end ? Int(end - settled) : 0
        precondition(carried <= buffer.count / 2, "a reader must settle what it reads")
        if carried > 0 {
            buffer.withUnsafeMutableBytes { bytes in
                bytes.baseAddress!.copyMemory(from: bytes.baseAddress! + (filled - carried), byteCount: carried)
            }
        }
        bufferOffset = end - Int64(carried)
        filled = carried
        let read = try rethrowingBadgeError {
            try buffer.withUnsafeMutableBytes { bytes in
                try base.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[carried...]))
            }
        }
        filled += read
        return read
    }
}
