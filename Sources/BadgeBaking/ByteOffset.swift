import SVGBadge

/// A position in an input, in bytes from its start: the one byte-offset type of PNG and SVG errors, warnings and
/// locations. Named here so that users of this module can spell it.
public typealias ByteOffset = SVGBadge.ByteOffset
