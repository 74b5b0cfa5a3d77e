import OpenBadgesModel
import SVGBadge

/// Connects the SVG layer (module `SVGBadge`) to the unified API: limits in, typed results and errors out.
enum SVGBadgeAdapter {
    static func extract(prefix: [UInt8], rest source: inout some ByteSource, options: ExtractionOptions) throws(BadgeError) -> BakedBadge? {
        var pending: [UInt8]? = prefix
        let element: SVGBadgeElement?
        do {
            element = try SVGBadgeReader.extract(limits: options.svgLimits) {
                if let first = pending {
                    pending = nil
                    return first
                }
                let piece = try source.read(count: 64 * 1024)
                return piece.isEmpty ? nil : piece
            }
        } catch {
            throw badgeError(error)
        }
        guard let element, let payload = element.payload else { return nil }
        return BakedBadge(
            format: .svg, payload: payload, generation: element.generation,
            location: .svgElement(name: element.qualifiedName, namespace: element.namespaceURI, offset: element.byteOffset),
            svgVerify: element.verify, svgBody: element.body, warnings: element.warnings.map(warning)
        )
    }

    static func bake(
        _ payload: BakePayload, prefix: [UInt8], rest source: inout some ByteSource, to sink: inout some ByteSink, options: BakeOptions
    ) throws(BadgeError) -> BakeReport {
        var document = prefix
        while true {
            let piece = try source.read(count: 1 << 20)
            document += piece
            guard document.count <= options.maximumBufferedBytes else {
                throw BadgeError(.inputTooLarge, "the SVG is over the limit of \(options.maximumBufferedBytes) bytes")
            }
            if piece.isEmpty { break }
        }
        let generation = payload.generation
        let baked: [UInt8]
        do {
            let content = try SVGBadgeContent(generation: generation, payload: payload.text)
            var svgOptions = SVGBadgeBakeOptions(removeActiveContent: options.removeActiveContent)
            svgOptions.limits.maximumDocumentBytes = options.maximumBufferedBytes
            svgOptions.limits.maximumInflatedBytes = options.maximumBufferedBytes
            baked = try SVGBadgeBaker.bake(document, content: content, options: svgOptions)
        } catch {
            throw badgeError(error)
        }
        try sink.write(baked)
        return BakeReport(format: .svg, generation: payload.generation)
    }

    /// The unified error for an SVG layer error: each SVG code maps to a code of its own, never to a catch-all.
    static func badgeError(_ error: any Error) -> BadgeError {
        if let error = error as? BadgeError { return error }
        guard let error = error as? SVGBadgeError else { return BadgeError(.io, "\(error)") }
        return BadgeError(code(for: error.code), at: error.offset, "SVG: \(error.reason)", file: error.file, line: error.line)
    }

    /// The ``BadgeError/Code`` for an ``SVGBadgeError/Code``.
    static func code(for code: SVGBadgeError.Code) -> BadgeError.Code {
        switch code {
        case .notSVG: .unsupportedFormat
        case .malformedXML: .malformedXML
        case .unexpectedEndOfInput: .truncated
        case .invalidUTF8: .invalidUTF8
        case .invalidReference: .invalidXMLReference
        case .unsupportedEncoding: .unsupportedEncoding
        case .documentTooLarge: .inputTooLarge
        case .inflatedTooLarge: .decompressionLimitExceeded
        case .corruptCompression: .corruptCompressedData
        case .depthLimitExceeded: .depthLimitExceeded
        case .tooManyAttributes: .tooManyAttributes
        case .attributeTooLong: .attributeTooLong
        case .tooManyNamespaceBindings: .tooManyNamespaceBindings
        case .payloadTooLarge: .payloadTooLarge
        case .unremovableActiveContent: .unremovableActiveContent
        case .invalidContent: .invalidPayload
        default: .malformedXML  // unreachable today: every SVG code is listed above
        }
    }

    /// The unified warning for an SVG layer warning, keeping its own code and offset.
    static func warning(_ warning: SVGBadgeWarning) -> BadgeWarning {
        let code: BadgeWarning.Code =
            switch warning.code {
            case .unexpectedNamespace: .namespaceMismatch
            case .unboundPrefix: .unboundPrefix
            case .undecodedEntityReference: .undecodedEntityReference
            case .internalSubsetIgnored: .internalSubsetIgnored
            default: .namespaceMismatch  // unreachable today: every SVG code is listed above
            }
        return BadgeWarning(code, at: warning.offset, warning.reason)
    }
}
