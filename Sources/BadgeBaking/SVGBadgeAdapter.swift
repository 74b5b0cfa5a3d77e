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
        var badge = BakedBadge(
            format: .svg, payload: payload, generation: BadgeGeneration(element.generation),
            location: .svgElement(name: element.qualifiedName, namespace: element.namespaceURI, offset: Int64(element.byteOffset)),
            warnings: element.warnings.map(warning)
        )
        badge.svgVerify = element.verify
        badge.svgBody = element.body
        return badge
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
        let generation = SVGBadgeGeneration(payload.generation)
        let baked: [UInt8]
        do {
            let content = try SVGBadgeContent(generation: generation, payload: payload.text)
            var svgOptions = SVGBadgeBakeOptions(removeActiveContent: options.removeActiveContent)
            svgOptions.limits.maxDocumentBytes = options.maximumBufferedBytes
            svgOptions.limits.maxInflatedBytes = options.maximumBufferedBytes
            baked = try SVGBadgeBaker.bake(document, content: content, options: svgOptions)
        } catch {
            throw badgeError(error)
        }
        try sink.write(baked)
        return BakeReport(format: .svg, generation: payload.generation)
    }

    static func badgeError(_ error: any Error) -> BadgeError {
        if let error = error as? BadgeError { return error }
        guard let error = error as? SVGBadgeError else { return BadgeError(.io, "\(error)") }
        let offset = error.offset.map(Int64.init)
        let code: BadgeError.Code =
            switch error.code {
            case .notSVG: .unsupportedFormat
            case .unexpectedEndOfInput: .truncated
            case .invalidUTF8: .invalidUTF8
            case .documentTooLarge: .inputTooLarge
            case .inflatedTooLarge: .decompressionLimitExceeded
            case .corruptCompression: .corruptCompressedData
            case .invalidContent: .invalidPayload
            case .payloadTooLarge: .payloadTooLarge
            default: .malformedSVG
            }
        return BadgeError(code, at: offset, "SVG: \(error.message)")
    }

    static func warning(_ warning: SVGBadgeWarning) -> BadgeWarning {
        let code: BadgeWarning.Code =
            switch warning.code {
            case .unexpectedNamespace, .unboundPrefix: .namespaceMismatch
            default: .other
            }
        return BadgeWarning(code, warning.message)
    }
}

extension BadgeGeneration {
    /// The generation of an SVG badge element.
    init(_ svg: SVGBadgeGeneration) {
        switch svg {
        case .openBadges2: self = .assertion
        case .openBadges3: self = .credential
        case .clr2: self = .clr
        }
    }
}

extension SVGBadgeGeneration {
    /// The SVG element a generation bakes as.
    init(_ generation: BadgeGeneration) {
        switch generation {
        case .assertion: self = .openBadges2
        case .credential: self = .openBadges3
        case .clr: self = .clr2
        }
    }
}
