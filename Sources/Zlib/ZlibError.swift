/// Why zlib could not inflate or deflate a stream.
public enum ZlibError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The inflated output would exceed the caller's limit (a decompression bomb, or simply too large).
    case outputLimitExceeded(limit: Int)
    /// The compressed stream is corrupt; `message` is zlib's own explanation when it gave one.
    case corruptStream(message: String)
    /// The compressed stream ended before its end marker.
    case truncatedStream
    /// Bytes follow the end of the compressed stream.
    case trailingData
    /// zlib failed for another reason (out of memory, bad parameters).
    case failure(code: Int32)

    public var description: String {
        switch self {
        case .outputLimitExceeded(let limit): "inflated data exceeds the limit of \(limit) bytes"
        case .corruptStream(let message): "corrupt compressed data (\(message))"
        case .truncatedStream: "compressed data ends before its end marker"
        case .trailingData: "unexpected bytes after the end of the compressed data"
        case .failure(let code): "zlib failed with code \(code)"
        }
    }
}
