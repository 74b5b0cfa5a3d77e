import BadgeBaking
import Foundation

/// Writes lines to standard output and standard error, through BadgeBaking's `FileByteSink` (short and interrupted
/// writes retried).
///
/// Text is written from its own UTF-8 storage: a payload of many megabytes is not copied on its way out. A failed
/// write (a closed pipe) ends the line quietly: nothing more can be written.
enum Output {
    /// Prints `text` and a newline on standard output.
    static func line(_ text: String) {
        emitLine(text, to: 1)
    }

    /// Prints `data` (UTF-8 text) and a newline on standard output.
    static func line(_ data: Data) {
        var data = data
        data.append(UInt8(ascii: "\n"))  // one write per line
        data.withUnsafeBytes { emit($0, to: 1) }
    }

    /// Prints `text` and a newline on standard error.
    static func error(_ text: String) {
        emitLine(text, to: 2)
    }

    private static func emitLine(_ text: String, to descriptor: Int32) {
        var text = text
        text.withUTF8 { emit(UnsafeRawBufferPointer($0), to: descriptor) }
        withUnsafeBytes(of: UInt8(ascii: "\n")) { emit($0, to: descriptor) }
    }

    private static func emit(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) {
        var sink = FileByteSink(descriptor: descriptor)
        try? sink.write(bytes)
    }
}
