/// The character encoding a document declares in its XML declaration, as far as badge data is concerned.
enum DocumentEncoding: Equatable {
    /// UTF-8 (also the default, and US-ASCII).
    case utf8
    /// ISO-8859-1: every byte is the code point of the same value.
    case latin1
    /// Another ASCII-compatible encoding: badge data must then be pure ASCII.
    case otherASCIICompatible(String)

    /// Reads the `encoding` pseudo-attribute of an XML declaration's content (`xml version="1.0" encoding="…"`).
    /// Returns `nil` when the processing instruction is not an XML declaration.
    static func declared(in content: ArraySlice<UInt8>, offset: Int) throws -> DocumentEncoding? {
        guard content.starts(with: "xml".utf8), content.count == 3 || XMLText.isWhitespace(content[content.startIndex + 3])
        else { return nil }
        let key = Array("encoding".utf8)
        guard let start = content.indices.first(where: { content[$0...].starts(with: key) }) else { return .utf8 }
        var rest = content[(start + key.count)...].drop(while: { XMLText.isWhitespace($0) || $0 == UInt8(ascii: "=") })
        guard let quote = rest.first, quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else { return .utf8 }
        rest = rest.dropFirst()
        let name = String(decoding: rest.prefix(while: { $0 != quote }), as: UTF8.self).lowercased()
        switch name {
        case "utf-8", "utf8", "us-ascii", "ascii": return .utf8
        case "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1": return .latin1
        case _ where name.hasPrefix("utf-16") || name.hasPrefix("utf-32") || name.hasPrefix("ucs"):
            throw SVGBadgeError(code: .unsupportedEncoding, offset: offset, message: "declared encoding '\(name)' is not supported")
        default: return .otherASCIICompatible(name)
        }
    }

    /// Converts badge bytes in this encoding to valid UTF-8, or throws a typed error.
    func utf8(_ raw: ArraySlice<UInt8>, offset: Int, what: String) throws -> ArraySlice<UInt8> {
        switch self {
        case .utf8:
            try XMLText.validateUTF8(raw, offset: offset, what: what)
            return raw
        case .latin1:
            guard raw.contains(where: { $0 >= 0x80 }) else { return raw }
            return ArraySlice(String(String.UnicodeScalarView(raw.map { Unicode.Scalar($0) })).utf8)
        case .otherASCIICompatible(let name):
            if let index = raw.firstIndex(where: { $0 >= 0x80 }) {
                throw SVGBadgeError(
                    code: .unsupportedEncoding, offset: offset + (index - raw.startIndex),
                    message: "\(what) has non-ASCII bytes in a document declared as '\(name)'")
            }
            return raw
        }
    }
}
