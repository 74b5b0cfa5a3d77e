/// A position in an input, in bytes from its start: the one byte-offset type of PNG and SVG errors, warnings and
/// locations (the SVG layer's `ByteOffset` is the same `Int64`).
public typealias ByteOffset = Int64
