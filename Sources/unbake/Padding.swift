extension String {
    /// The text followed by spaces up to `width` characters (unchanged when it is as long already): a column of the
    /// text reports.
    func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
