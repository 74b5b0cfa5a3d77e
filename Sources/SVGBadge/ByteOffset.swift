/// A position in an input, in bytes from its start.
///
/// Every byte offset of the package has this one type: in PNG and SVG errors and warnings, in where badge
/// data was found, and in what a bake removed. For SVG it counts bytes of the (inflated) XML document.
package typealias ByteOffset = Int64
