/// Why zlib could not inflate or deflate a stream.
///
/// Errors compare and hash by ``code`` only, so a test can match a fresh value of the same kind. The
/// ``reason``, ``file`` and ``line`` are diagnostics for people, shown by ``description``.
package struct ZlibError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added: do not switch over them exhaustively.
    package struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Backing: Hashable, Sendable {
            case outputLimitExceeded, corruptStream, truncatedStream, trailingData, failure
        }

        fileprivate let backing: Backing

        fileprivate init(_ backing: Backing) { self.backing = backing }

        /// The inflated output would exceed the caller's limit (a decompression bomb, or simply too large).
        package static let outputLimitExceeded = Code(.outputLimitExceeded)
        /// The compressed stream is corrupt.
        package static let corruptStream = Code(.corruptStream)
        /// The compressed stream ended before its end marker.
        package static let truncatedStream = Code(.truncatedStream)
        /// Bytes follow the end of the compressed stream.
        package static let trailingData = Code(.trailingData)
        /// zlib failed for another reason (out of memory, bad parameters).
        package static let failure = Code(.failure)

        /// The code's name, for example `truncatedStream`.
        package var description: String { String(describing: backing) }
    }

    /// What kind of failure this is.
    package let code: Code
    /// A one-line explanation (zlib's own message, or the limit that was hit).
    package let reason: String
    /// The source file that raised the error (`#fileID`).
    package let file: String
    /// The source line that raised the error.
    package let line: UInt

    private init(_ code: Code, _ reason: String, file: String, line: UInt) {
        self.code = code
        self.reason = reason
        self.file = file
        self.line = line
    }

    /// The reason, then the code and where it was raised.
    package var description: String { "\(reason) (ZlibError.\(code), \(file):\(line))" }

    /// Errors are equal when their codes are.
    package static func == (lhs: ZlibError, rhs: ZlibError) -> Bool { lhs.code == rhs.code }

    /// Hashes the code only.
    package func hash(into hasher: inout Hasher) { hasher.combine(code) }

    /// The inflated output would exceed `limit` bytes.
    @inline(never)
    package static func outputLimitExceeded(limit: Int, file: String = #fileID, line: UInt = #line) -> ZlibError {
        ZlibError(.outputLimitExceeded, "inflated data exceeds the limit of \(limit) bytes", file: file, line: line)
    }

    /// The compressed stream is corrupt; `message` is zlib's own explanation.
    @inline(never)
    package static func corruptStream(message: String, file: String = #fileID, line: UInt = #line) -> ZlibError {
        ZlibError(.corruptStream, "corrupt compressed data (\(message))", file: file, line: line)
    }

    /// The compressed stream ended before its end marker.
    @inline(never)
    package static func truncatedStream(file: String = #fileID, line: UInt = #line) -> ZlibError {
        ZlibError(.truncatedStream, "compressed data ends before its end marker", file: file, line: line)
    }

    /// Bytes follow the end of the compressed stream.
    @inline(never)
    package static func trailingData(file: String = #fileID, line: UInt = #line) -> ZlibError {
        ZlibError(.trailingData, "unexpected bytes after the end of the compressed data", file: file, line: line)
    }

    /// zlib returned the status `status`.
    @inline(never)
    package static func failure(status: Int32, file: String = #fileID, line: UInt = #line) -> ZlibError {
        ZlibError(.failure, "zlib failed with code \(status)", file: file, line: line)
    }
}
