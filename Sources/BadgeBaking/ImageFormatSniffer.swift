/// Tells an image format from the first bytes of a file.
enum ImageFormatSniffer {
    /// How many bytes ``sniff(_:)`` wants to see.
    static let prefixLength = 8

    /// The format of an input starting with `prefix`, or an error naming what it looks like instead.
    static func sniff(_ prefix: [UInt8]) throws(BadgeError) -> ImageFormat {
        if prefix.isEmpty { throw BadgeError(.emptyInput, at: 0, "the input is empty") }
        if pngSignature.starts(with: prefix.prefix(pngSignature.count)), prefix.first == 0x89 { return .png }
        if prefix.starts(with: [0x1F, 0x8B]) { return .svg }  // gzip: an .svgz
        var rest = prefix[...]
        if rest.starts(with: [0xEF, 0xBB, 0xBF]) { rest = rest.dropFirst(3) }
        if let first = rest.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == UInt8(ascii: "<") { return .svg }
        let name: String
        switch prefix {
        case _ where prefix.starts(with: [0xFF, 0xD8, 0xFF]): name = "a JPEG image"
        case _ where prefix.starts(with: Array("GIF8".utf8)): name = "a GIF image"
        case _ where prefix.starts(with: Array("RIFF".utf8)): name = "a RIFF (WebP?) file"
        case _ where prefix.starts(with: Array("%PDF".utf8)): name = "a PDF document"
        case _ where prefix.first == UInt8(ascii: "{") || prefix.first == UInt8(ascii: "["): name = "JSON text"
        default: name = "an unknown format"
        }
        throw BadgeError(.unsupportedFormat, at: 0, "the input is not a PNG or SVG image (it looks like \(name))")
    }
}
