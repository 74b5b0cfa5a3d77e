extension StringProtocol {
    /// The text without the white space at either end (Unicode `White_Space`): with line breaks by default, or only
    /// spaces and tabs (`newlines: false`). What Foundation's `trimmingCharacters(in: .whitespacesAndNewlines)` and
    /// `(in: .whitespaces)` remove, by Unicode scalars.
    package func trimmingWhitespace(newlines: Bool = true) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            guard scalar.properties.isWhitespace else { return false }
            if newlines { return true }
            switch scalar.value {
            case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return false
            default: return true
            }
        }
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        return String(Substring(scalars[first...last]))
    }
}
