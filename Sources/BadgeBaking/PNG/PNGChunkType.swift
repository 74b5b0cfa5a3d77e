/// The four-letter type code of a PNG chunk, such as `IHDR` or `iTXt`.
public struct PNGChunkType: Hashable, Sendable, CustomStringConvertible {
    /// The four type bytes as a big-endian integer.
    public let rawValue: UInt32

    /// Validates four bytes as a chunk type: each must be an ASCII letter.
    public init?(validating bytes: some Collection<UInt8>) {
        guard bytes.count == 4 else { return nil }
        self.init(rawValue: bytes.reduce(0) { $0 << 8 | UInt32($1) })
    }

    /// Validates a type given as a big-endian integer: each byte must be an ASCII letter.
    public init?(rawValue: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) {
            let byte = UInt8(truncatingIfNeeded: rawValue >> shift) | 0x20  // fold to lower case
            guard (0x61...0x7A).contains(byte) else { return nil }
        }
        self.rawValue = rawValue
    }

    private init(_ name: StaticString) {
        rawValue = (0..<4).reduce(0) { $0 << 8 | UInt32(name.utf8Start[$1]) }
    }

    /// The image header, always first.
    public static let IHDR = PNGChunkType("IHDR")
    /// The image end marker, always last.
    public static let IEND = PNGChunkType("IEND")
    /// Compressed image data.
    public static let IDAT = PNGChunkType("IDAT")
    /// International (UTF-8) text, optionally compressed: where badges are baked.
    public static let iTXt = PNGChunkType("iTXt")
    /// Latin-1 text: where pre-specification (0.5) badges kept their URL.
    public static let tEXt = PNGChunkType("tEXt")
    /// Compressed Latin-1 text.
    public static let zTXt = PNGChunkType("zTXt")

    /// Whether this is one of the three text chunk types.
    public var isText: Bool { self == .iTXt || self == .tEXt || self == .zTXt }

    /// The type as four bytes, in order.
    public var bytes: [UInt8] { [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: rawValue >> $0) } }

    public var description: String { String(decoding: bytes, as: UTF8.self) }
}
