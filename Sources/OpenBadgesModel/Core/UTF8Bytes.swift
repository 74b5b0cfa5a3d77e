extension String {
    /// Calls `body` with the string's UTF-8 code units.
    ///
    /// A native string is read where it is, without the copy (and so the reference-count traffic) that
    /// `var copy = self; copy.withUTF8 { … }` makes; any other is copied into an array first.
    @inlinable
    package func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Self.utf8Array(of: self).withUnsafeBufferPointer(body)
    }

    /// The UTF-8 code units of a string that is not stored contiguously, kept out of line so that the fast path of
    /// ``withUTF8Bytes(_:)`` holds no copy of the string.
    @usableFromInline @inline(never)
    package static func utf8Array(of string: String) -> [UInt8] { Array(string.utf8) }
}
