import Foundation

/// Writes lines to standard output and standard error.
enum Output {
    /// Prints `text` and a newline on standard output.
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// Prints `text` and a newline on standard error.
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
