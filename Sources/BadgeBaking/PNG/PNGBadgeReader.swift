import Zlib
import OpenBadgesModel

/// Finds the badge text chunk in a PNG datastream.
///
/// Reads chunk headers and skips chunk data with seeks, so the cost does not grow with the image size;
/// only the text chunks that carry a badge keyword are read in full.
struct PNGBadgeReader {
    let options: ExtractionOptions

    /// A text chunk with a badge keyword, parsed or not.
    private struct Candidate {
        let header: PNGChunkHeader
        let generation: BadgeGeneration
        let parsed: Result<PNGTextChunk, BadgeError>
        let checksumMatches: Bool
    }

    /// Returns the badge data, or nil when the image holds none. The signature has been read already.
    func extract(from reader: inout PNGChunkReader<some ByteSource>) throws(BadgeError) -> BakedBadge? {
        reader.maximumChunkCount = options.maximumChunkCount
        var candidates: [Candidate] = []
        var warnings: [BadgeWarning] = []
        do throws(BadgeError) {
            while true {
                guard let header = try reader.nextHeader() else {
                    throw BadgeError(.truncated, at: reader.source.offset, "the PNG ends before its IEND chunk")
                }
                if header.type == .IEND {
                    if let size = reader.source.size, reader.source.offset + Int64(header.length) + 4 < size {
                        warnings.append(BadgeWarning(.trailingData, "bytes follow the IEND chunk"))
                    }
                    break
                }
                if header.type.isText {
                    if let candidate = try readCandidate(header, from: &reader, after: candidates) { candidates.append(candidate) }
                } else {
                    try reader.skip(Int64(header.length) + 4, in: header)
                }
            }
        } catch {
            // The specifications stop at the first iTXt badge chunk; damage after it does not undo it.
            guard candidates.contains(where: { $0.header.type == .iTXt && $0.checksumMatches }) else { throw error }
            warnings.append(BadgeWarning(.truncatedAfterBadge, "after the badge chunk: \(error.description)"))
        }
        return try badge(from: candidates, warnings: warnings)
    }

    /// Reads a text chunk if it carries a badge keyword; skips it otherwise.
    private func readCandidate(
        _ header: PNGChunkHeader, from reader: inout PNGChunkReader<some ByteSource>, after earlier: [Candidate]
    ) throws(BadgeError) -> Candidate? {
        let head = try reader.source.read(count: min(header.length, 80))
        guard head.count == min(header.length, 80) else {
            throw BadgeError(.truncated, at: reader.source.offset, "the input ends inside the \(header.type) chunk")
        }
        guard let keyword = PNGTextChunk.keyword(in: head[...]), let generation = BadgeGeneration(pngKeyword: keyword) else {
            try reader.skip(Int64(header.length - head.count) + 4, in: header)
            return nil
        }
        guard header.length <= options.maximumPayloadBytes else {
            throw BadgeError(
                .payloadTooLarge, at: header.offset,
                "the badge chunk holds \(header.length) bytes, over the limit of \(options.maximumPayloadBytes)"
            )
        }
        let data = try reader.readRest(header, after: head)
        let crc = try reader.readCRC(header)
        let checksumMatches = PNGChunk(type: header.type, data: data).crc == crc
        // Only the first iTXt badge chunk, or else the first legacy one, can be returned: parse (and inflate) no
        // other, so that repeated badge chunks cannot each hold up to maximumInflatedBytes in memory.
        let canBeChosen = !earlier.contains { $0.header.type == .iTXt } && (header.type == .iTXt || earlier.isEmpty)
        let parsed =
            canBeChosen
            ? Result { () throws(BadgeError) in
                try PNGTextChunk(parsing: data, type: header.type, offset: header.offset + 8, inflatedLimit: options.maximumInflatedBytes)
            }
            : .failure(BadgeError(.invalidPayload, at: header.offset, "a duplicate badge chunk, not read"))
        return Candidate(header: header, generation: generation, parsed: parsed, checksumMatches: checksumMatches)
    }

    /// Picks the first `iTXt` badge chunk, else the first legacy one, and reports the rest.
    private func badge(from candidates: [Candidate], warnings: [BadgeWarning]) throws(BadgeError) -> BakedBadge? {
        guard let chosen = candidates.first(where: { $0.header.type == .iTXt }) ?? candidates.first else { return nil }
        var warnings = warnings
        if !chosen.checksumMatches {
            let message = "the \(chosen.header.type) badge chunk's CRC does not match its contents"
            if options.requireValidChecksum { throw BadgeError(.badChecksum, at: chosen.header.offset, message) }
            warnings.append(BadgeWarning(.badChecksum, at: chosen.header.offset, message))
        }
        let chunk = try chosen.parsed.get()
        if chosen.header.type != .iTXt {
            warnings.append(BadgeWarning(.legacyTextChunk, at: chosen.header.offset, "the data is in a legacy \(chosen.header.type) chunk, not iTXt"))
        }
        if chunk.isCompressed && chosen.header.type == .iTXt {
            warnings.append(BadgeWarning(.compressedText, at: chosen.header.offset, "the iTXt chunk is compressed, which the baking specifications forbid"))
        }
        if !chunk.languageTag.isEmpty || !chunk.translatedKeyword.isEmpty {
            warnings.append(
                BadgeWarning(
                    .languageTag, at: chosen.header.offset,
                    "the iTXt chunk has language tag \"\(chunk.languageTag)\" and translated keyword \"\(chunk.translatedKeyword)\""
                )
            )
        }
        if let quirk = chunk.quirk { warnings.append(BadgeWarning(.bakerQuirk, at: chosen.header.offset, quirk)) }
        let others = candidates.filter { $0.header.offset != chosen.header.offset }
        if !others.isEmpty {
            let list = others.map { "\($0.header.type) \($0.generation.pngKeyword) at byte \($0.header.offset)" }
            warnings.append(BadgeWarning(.duplicateBadgeData, "other badge chunks ignored: \(list.joined(separator: ", "))"))
        }
        return BakedBadge(
            format: .png, payload: chunk.text, generation: chosen.generation,
            location: .pngChunk(type: chosen.header.type, offset: chosen.header.offset),
            warnings: warnings
        )
    }
}
