import CZlib

/// The container around a DEFLATE stream.
package enum CompressionContainer: Sendable {
    /// The zlib format (RFC 1950), as used by PNG `zTXt`, `iTXt` and `IDAT`.
    case zlib
    /// The gzip format (RFC 1952), as used by `.svgz` files.
    case gzip
    /// A raw DEFLATE stream (RFC 1951).
    case raw

    var windowBits: Int32 {
        switch self {
        case .zlib: 15
        case .gzip: 31
        case .raw: -15
        }
    }
}

/// Inflates `input`, refusing to produce more than `limit` bytes.
///
/// Memory stays bounded by `limit`, whatever the input claims: a decompression bomb fails with
/// ``ZlibError/Code/outputLimitExceeded`` after at most `limit` bytes have been produced.
/// - Parameters:
///   - input: The compressed bytes; they must hold exactly one complete stream.
///   - container: How the stream is wrapped.
///   - limit: The largest output accepted, in bytes.
/// - Returns: The inflated bytes.
package func inflate(_ input: some Collection<UInt8>, container: CompressionContainer = .zlib, limit: Int) throws(ZlibError) -> [UInt8] {
    var inflater = try Inflater(container: container, limit: limit)
    let bytes = Array(input)
    var output: [UInt8] = []
    try inflater.feed(bytes) { output.append(contentsOf: $0) }
    guard inflater.isFinished else { throw .truncatedStream() }
    return output
}

/// Deflates `input` in one go (used to make test data and `.svgz` files).
package func deflate(_ input: some Collection<UInt8>, container: CompressionContainer = .zlib, level: Int32 = 6) throws(ZlibError) -> [UInt8] {
    var stream = z_stream()
    var status = czlib_deflateInit2(&stream, level, container.windowBits)
    guard status == Z_OK else { throw .failure(status: status) }
    defer { deflateEnd(&stream) }
    var bytes = Array(input)
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    status = bytes.withUnsafeMutableBufferPointer { inputBuffer in
        stream.next_in = inputBuffer.baseAddress
        stream.avail_in = UInt32(inputBuffer.count)
        var status: Int32 = Z_OK
        repeat {
            chunk.withUnsafeMutableBufferPointer { out in
                stream.next_out = out.baseAddress
                stream.avail_out = UInt32(out.count)
                status = CZlib.deflate(&stream, Z_FINISH)
                output.append(contentsOf: out[..<(out.count - Int(stream.avail_out))])
            }
        } while status == Z_OK
        return status
    }
    guard status == Z_STREAM_END else { throw .failure(status: status) }
    return output
}

/// A streaming, bounded inflater: feed compressed bytes in pieces, receive inflated bytes in pieces.
///
/// The total output is capped by the limit given at creation; going over it throws
/// ``ZlibError/Code/outputLimitExceeded`` before more than `limit` bytes were handed out.
package struct Inflater: ~Copyable {
    private var stream: UnsafeMutablePointer<z_stream>
    private let limit: Int
    private var produced = 0
    /// Whether the end of the compressed stream has been reached.
    package private(set) var isFinished = false

    /// Prepares an inflater for one stream.
    package init(container: CompressionContainer = .zlib, limit: Int) throws(ZlibError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let status = czlib_inflateInit2(stream, container.windowBits)
        guard status == Z_OK else {
            stream.deinitialize(count: 1)
            stream.deallocate()
            throw .failure(status: status)
        }
        self.limit = limit
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Inflates `input`, passing each piece of output to `sink`.
    ///
    /// Throws ``ZlibError/Code/trailingData`` when bytes follow the end of the stream.
    package mutating func feed(_ input: [UInt8], into sink: ([UInt8]) throws(ZlibError) -> Void) throws(ZlibError) {
        guard !input.isEmpty else { return }
        guard !isFinished else { throw .trailingData() }
        var buffer = [UInt8](repeating: 0, count: 32 * 1024)
        var input = input
        let stream = self.stream
        var failure: ZlibError?
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.pointee.next_in = inputBuffer.baseAddress
            stream.pointee.avail_in = UInt32(inputBuffer.count)
            while failure == nil {
                let room = min(buffer.count, limit - produced + 1)
                let (status, count) = buffer.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                    stream.pointee.next_out = out.baseAddress
                    stream.pointee.avail_out = UInt32(room)
                    let status = CZlib.inflate(stream, Z_NO_FLUSH)
                    return (status, room - Int(stream.pointee.avail_out))
                }
                produced += count
                if produced > limit {
                    failure = .outputLimitExceeded(limit: limit)
                    break
                }
                if count > 0 {
                    do throws(ZlibError) { try sink(Array(buffer[..<count])) } catch { failure = error; break }
                }
                switch status {
                case Z_STREAM_END:
                    isFinished = true
                    if stream.pointee.avail_in > 0 { failure = .trailingData() }
                    return
                case Z_OK:
                    if stream.pointee.avail_in == 0 && stream.pointee.avail_out > 0 { return }
                case Z_BUF_ERROR:
                    if stream.pointee.avail_in == 0 { return }
                    failure = .corruptStream(message: "no progress possible")
                case Z_DATA_ERROR, Z_NEED_DICT:
                    let message = stream.pointee.msg.map { String(cString: $0) } ?? "invalid data"
                    failure = .corruptStream(message: message)
                default:
                    failure = .failure(status: status)
                }
            }
        }
        stream.pointee.next_in = nil
        stream.pointee.avail_in = 0
        if let failure { throw failure }
    }
}
