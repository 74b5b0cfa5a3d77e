import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes lines to standard output and standard error.
///
/// Text is written from its own UTF-8 storage: a payload of many megabytes is not copied on its way out.
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
        emitNewline(to: descriptor)
    }

    private static func emitNewline(to descriptor: Int32) {
        withUnsafeBytes(of: UInt8(ascii: "\n")) { emit($0, to: descriptor) }
    }

    private static func emit(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return  // a closed pipe: nothing more can be written
            }
            offset += written
        }
    }
}
