import Foundation
import Zlib

/// The parsed contents of a PNG text chunk: `iTXt`, `tEXt` or `zTXt`.
///
/// ```
/// tEXt  keyword 00 text(Latin-1)
/// zTXt  keyword 00 method(00) zlib(Latin-1 text)
/// iTXt  keyword 00 flag(00|01) method(00) language 00 translated-keyword 00 text(UTF-8, zlib when flag = 01)
/// ```
public struct PNGTextChunk: Hashable, Sendable {
    /// The chunk type: `iTXt`, `tEXt` or `zTXt`.
    public var type: PNGChunkType
    /// The keyword bytes (Latin-1, 1 to 79 bytes, no NUL).
    public var keyword: [UInt8]
    /// Whether the text was stored compressed.
    public var isCompressed: Bool
    /// The `iTXt` language tag (empty for other types).
    public var languageTag: String
    /// The `iTXt` translated keyword (empty for other types).
    public var translatedKeyword: String
    /// The text, decoded (UTF-8 for `iTXt`, Latin-1 for the others).
    public var text: String
    /// Set when the chunk broke the PNG rules in a way a known baker does, and was read through that quirk.
    public var quirk: String?

    /// The keyword as a string (Latin-1).
    public var keywordString: String { String(decoding: keyword.map { UInt16($0) }, as: UTF16.self) }

    /// An uncompressed `iTXt` chunk with empty language tag and translated keyword, as the baking specifications ask.
    public static func uncompressedITXt(keyword: String, text: String) -> PNGTextChunk {
        PNGTextChunk(
            type: .iTXt, keyword: Array(keyword.utf8), isCompressed: false, languageTag: "", translatedKeyword: "",
            text: text, quirk: nil
        )
    }

    /// The chunk data, ready to frame (compressed text is not written: compression is never used when baking).
    public var serializedData: [UInt8] {
        var data = keyword
        data.append(0)
        if type == .iTXt {
            data += [0, 0] + Array(languageTag.utf8) + [0] + Array(translatedKeyword.utf8) + [0] + Array(text.utf8)
        } else {
            data += text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) }
        }
        return data
    }

    init(type: PNGChunkType, keyword: [UInt8], isCompressed: Bool, languageTag: String, translatedKeyword: String, text: String, quirk: String?) {
        self.type = type
        self.keyword = keyword
        self.isCompressed = isCompressed
        self.languageTag = languageTag
        self.translatedKeyword = translatedKeyword
        self.text = text
        self.quirk = quirk
    }

    /// The keyword of a text chunk, read from the first bytes of its data; nil when no NUL ends it in time.
    static func keyword(in prefix: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard let end = prefix.prefix(80).firstIndex(of: 0) else { return nil }
        return prefix[prefix.startIndex..<end]
    }

    /// Parses the data of a text chunk.
    /// - Parameters:
    ///   - data: The chunk data (without length, type and CRC).
    ///   - type: `iTXt`, `tEXt` or `zTXt`.
    ///   - offset: The file offset of `data`, for error messages.
    ///   - inflatedLimit: The largest text that compressed data may inflate to.
    public init(parsing data: [UInt8], type: PNGChunkType, offset: ByteOffset = 0, inflatedLimit: Int) throws(BadgeError) {
        let bytes = data[...]
        guard let keyword = Self.keyword(in: bytes), (1...79).contains(keyword.count) else {
            throw BadgeError(.malformedPNG, at: offset, "\(type) chunk has no keyword of 1 to 79 bytes ended by a NUL")
        }
        self.type = type
        self.keyword = Array(keyword)
        self.languageTag = ""
        self.translatedKeyword = ""
        self.quirk = nil
        var rest = bytes[(keyword.endIndex + 1)...]
        let restOffset = offset + Int64(rest.startIndex)

        switch type {
        case .tEXt:
            isCompressed = false
            text = Self.latin1(rest)
        case .zTXt:
            guard rest.first == 0 else {
                throw BadgeError(.malformedPNG, at: restOffset, "zTXt chunk has an unknown compression method")
            }
            isCompressed = true
            text = Self.latin1(try Self.inflate(rest.dropFirst(), offset: restOffset + 1, limit: inflatedLimit)[...])
        case .iTXt:
            guard rest.count >= 2, rest[rest.startIndex] <= 1, rest[rest.startIndex + 1] == 0 else {
                if let url = Self.moodleAssertionURL(rest) {
                    isCompressed = false
                    text = url
                    quirk = "iTXt chunk in Moodle's malformed layout (2012 draft {method, assertionUrl} wrapper)"
                    return
                }
                throw BadgeError(.malformedPNG, at: restOffset, "iTXt chunk has an invalid compression flag or method")
            }
            isCompressed = rest[rest.startIndex] == 1
            rest = rest.dropFirst(2)
            guard let languageEnd = rest.firstIndex(of: 0) else {
                throw BadgeError(.malformedPNG, at: restOffset + 2, "iTXt language tag is not ended by a NUL")
            }
            languageTag = Self.latin1(rest[..<languageEnd])
            rest = rest[(languageEnd + 1)...]
            guard let translatedEnd = rest.firstIndex(of: 0) else {
                throw BadgeError(.malformedPNG, at: offset + Int64(languageEnd + 1), "iTXt translated keyword is not ended by a NUL")
            }
            translatedKeyword = String(decoding: rest[..<translatedEnd], as: UTF8.self)
            rest = rest[(translatedEnd + 1)...]
            let textOffset = offset + Int64(rest.startIndex)
            let textBytes = isCompressed ? try Self.inflate(rest, offset: textOffset, limit: inflatedLimit)[...] : rest
            guard let text = String(validating: textBytes, as: UTF8.self) else {
                throw BadgeError(.invalidUTF8, at: textOffset, "iTXt text is not valid UTF-8")
            }
            self.text = text
        default:
            throw BadgeError(.malformedPNG, at: offset, "\(type) is not a text chunk")
        }
    }

    /// Latin-1 bytes as text: each byte is the code point of the same number.
    private static func latin1(_ bytes: ArraySlice<UInt8>) -> String {
        // ASCII (nearly every keyword and language tag) is the same bytes in UTF-8.
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        scalars.append(contentsOf: bytes.map { Unicode.Scalar($0) })
        return String(scalars)
    }

    private static func inflate(_ bytes: ArraySlice<UInt8>, offset: Int64, limit: Int) throws(BadgeError) -> [UInt8] {
        do {
            return try Zlib.inflate(bytes, limit: limit)
        } catch  where error.code == .outputLimitExceeded {
            throw BadgeError(.decompressionLimitExceeded, at: offset, "compressed text inflates to more than \(limit) bytes")
        } catch {
            throw BadgeError(.corruptCompressedData, at: offset, "compressed text is unreadable: \(error.reason)")
        }
    }

    /// Moodle writes `'json'\0''\0"{'method': 'hosted', 'assertionUrl': '<value>'}"` (or an older variant with
    /// double quotes) after the keyword; returns `<value>`.
    private static func moodleAssertionURL(_ bytes: ArraySlice<UInt8>) -> String? {
        guard let text = String(validating: bytes, as: UTF8.self) else { return nil }
        for (open, close) in [("'assertionUrl': '", "'}\""), ("\"assertionUrl\": \"", "\"}")] {
            guard let start = text.firstRange(of: open), let end = text.ranges(of: close).last,
                start.upperBound <= end.lowerBound
            else { continue }
            let value = text[start.upperBound..<end.lowerBound]
            if !value.isEmpty { return String(value) }
        }
        return nil
    }
}
