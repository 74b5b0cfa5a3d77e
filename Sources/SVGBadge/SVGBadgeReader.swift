import OpenBadgesModel

/// Finds the Open Badges element in an SVG document and reads its `verify` attribute and body.
///
/// Reading is streaming: no tree is built, consumed input is discarded, and reading stops as soon as an
/// element matched by namespace is complete. Gzip-compressed input (`.svgz`) is inflated on the fly under
/// ``SVGBadgeLimits/maximumInflatedBytes``. External entities and DTDs are never fetched, and entities declared in
/// a DOCTYPE are never expanded (references to them are left as written, with a warning).
package enum SVGBadgeReader {
    /// Extracts the badge element from a whole document (`[UInt8]`, `Data`, or any byte collection).
    /// - Returns: The element, or `nil` when the SVG carries no Open Badges element.
    /// - Throws: ``SVGBadgeError`` when the input is not a readable SVG or breaks a limit.
    package static func extract(
        from bytes: some Collection<UInt8>, limits: SVGBadgeLimits = SVGBadgeLimits()
    ) throws -> SVGBadgeElement? {
        guard bytes.count <= limits.maximumDocumentBytes else {
            throw SVGBadgeError(
                code: .documentTooLarge, offset: limits.maximumDocumentBytes,
                message: "input exceeds the limit of \(limits.maximumDocumentBytes) bytes")
        }
        var whole: [UInt8]? = Array(bytes)
        return try extract(limits: limits) {
            defer { whole = nil }
            return whole
        }
    }

    /// Extracts the badge element from a document delivered in pieces, for example a file read 64 KiB at a time.
    /// - Parameters:
    ///   - limits: Resource limits.
    ///   - nextChunk: Returns the next bytes of the document, or `nil` at the end. Empty chunks are skipped.
    ///     Its errors are passed through unchanged. It is not called again once the element has been read.
    /// - Returns: The element, or `nil` when the SVG carries no Open Badges element.
    package static func extract(
        limits: SVGBadgeLimits = SVGBadgeLimits(), readingChunks nextChunk: () throws -> [UInt8]?
    ) throws -> SVGBadgeElement? {
        try withoutActuallyEscaping(nextChunk) { next in
            let walker = XMLElementWalker(source: ByteSource(limits: limits, next: next), limits: limits)
            return try read(walker)
        }
    }

    private struct Capture {
        var match: BadgeElementMatch
        var depth: Int
        var element: SVGBadgeElement
        var body: [UInt8] = []

        /// Whitespace read after the last non-whitespace byte of `body`: it counts only if more text follows.
        var pendingWhitespace: [UInt8] = []

        /// Appends decoded body text and enforces the payload limit as it goes. Leading and trailing whitespace
        /// (which is trimmed) does not count, and whitespace is held back only up to the limit.
        mutating func append(_ piece: [UInt8], limit: Int, offset: Int) throws {
            var rest = piece[...]
            if body.isEmpty { rest = rest.drop(while: XMLText.isWhitespace) }
            guard let last = rest.lastIndex(where: { !XMLText.isWhitespace($0) }) else {
                // Only whitespace: hold it back (there is no point keeping more than would fit).
                if pendingWhitespace.count <= limit { pendingWhitespace += rest.prefix(limit + 1 - pendingWhitespace.count) }
                return
            }
            let content = rest[...last]
            guard body.count + pendingWhitespace.count + content.count <= limit else {
                throw SVGBadgeError(
                    code: .payloadTooLarge, offset: offset,
                    message: "the badge element's body is over the payload limit of \(limit) bytes")
            }
            body += pendingWhitespace
            body += content
            pendingWhitespace = Array(rest[(last + 1)...].prefix(limit + 1))
        }
    }

    private static func read(_ walker: XMLElementWalker) throws -> SVGBadgeElement? {
        let tokenizer = walker.tokenizer
        var capture: Capture?
        var fallback: SVGBadgeElement?
        while let event = try walker.next() {
            switch event {
            case .start(let token, let name, let depth):
                if depth == 1 {
                    guard BadgeElementMatch.isSVGRoot(name) else {
                        throw SVGBadgeError(
                            code: .notSVG, offset: token.range.lowerBound,
                            message: "root element '\(String(decoding: name.qualified, as: UTF8.self))' is not svg")
                    }
                }
                guard capture == nil, let match = BadgeElementMatch.match(name) else { continue }
                capture = try begin(token, name: name, match: match, depth: depth, walker: walker)
            case .end(_, let depth):
                guard let current = capture, current.depth == depth else { continue }
                capture = nil
                let element = try finish(current, walker: walker)
                if current.match.isExact { return element }
                if fallback == nil { fallback = element }
            case .other(let token, _):
                guard capture != nil else {
                    if walker.rootClosed { return fallback }
                    continue
                }
                let raw = tokenizer.bytes(token.content)
                let piece: [UInt8]
                if token.kind == .cdata {
                    let text = try walker.encoding.utf8(raw, offset: token.content.lowerBound, what: "badge CDATA")
                    piece = XMLText.normalizeLineEnds(text)
                } else if token.kind == .text {
                    let text = try walker.encoding.utf8(raw, offset: token.content.lowerBound, what: "badge text")
                    piece = try XMLText.decode(
                        text, offset: token.content.lowerBound, attribute: false, warnings: &capture!.element.warnings)
                } else {
                    continue
                }
                try capture!.append(piece, limit: walker.limits.maximumPayloadBytes, offset: token.content.lowerBound)
            }
            if walker.rootClosed { return fallback }
        }
        return fallback
    }

    private static func begin(
        _ token: XMLToken, name: ResolvedName, match: BadgeElementMatch, depth: Int, walker: XMLElementWalker
    ) throws -> Capture {
        var warnings = walker.warnings
        let offset = token.range.lowerBound
        if !match.isExact {
            if let uri = name.namespaceURI {
                warnings.append(
                    SVGBadgeWarning(
                        code: .unexpectedNamespace, offset: offset,
                        message: "openbadges prefix bound to '\(uri)' instead of '\(match.generation.svgNamespaceURI)'"))
            } else {
                warnings.append(
                    SVGBadgeWarning(code: .unboundPrefix, offset: offset, message: "openbadges prefix is not declared"))
            }
        }
        var verify: String?
        if let attribute = token.attributes.first(where: { walker.tokenizer.bytes($0.name).elementsEqual("verify".utf8) }) {
            let raw = try walker.encoding.utf8(
                walker.tokenizer.bytes(attribute.value), offset: attribute.value.lowerBound, what: "verify attribute")
            let decoded = try XMLText.decode(raw, offset: attribute.value.lowerBound, attribute: true, warnings: &warnings)
            guard decoded.count <= walker.limits.maximumPayloadBytes else {
                throw SVGBadgeError(
                    code: .payloadTooLarge, offset: attribute.value.lowerBound,
                    message: "the verify attribute is over the payload limit of \(walker.limits.maximumPayloadBytes) bytes")
            }
            verify = String(decoding: decoded, as: UTF8.self)
        }
        let element = SVGBadgeElement(
            generation: match.generation, qualifiedName: String(decoding: name.qualified, as: UTF8.self),
            namespaceURI: name.namespaceURI, verify: verify, body: nil, byteOffset: ByteOffset(offset), warnings: warnings)
        return Capture(match: match, depth: depth, element: element)
    }

    private static func finish(_ capture: Capture, walker: XMLElementWalker) throws -> SVGBadgeElement {
        var element = capture.element
        let body = XMLText.trimmed(capture.body)
        element.body = body.isEmpty ? nil : String(decoding: body, as: UTF8.self)
        return element
    }
}
