import OpenBadgesModel
import SVGBadge

/// The image formats that can carry baked badge data.
public enum ImageFormat: String, Hashable, Sendable, Codable {
    /// A PNG image: the data sits in a text chunk.
    case png
    /// An SVG image (plain or gzip-compressed): the data sits in an `openbadges:` element.
    case svg
}

/// Open Badges data found in an image. Immutable: it describes what one image held.
public struct BakedBadge: Hashable, Sendable {
    /// Where in the image the data was found.
    public enum Location: Hashable, Sendable {
        /// A PNG text chunk of `type`, starting at byte `offset` of the file. Its keyword is the one of
        /// ``BakedBadge/generation`` (`BadgeGeneration.pngKeyword`): only exact keywords are read.
        case pngChunk(type: PNGChunkType, offset: ByteOffset)
        /// An SVG element written as `name` (any prefix), bound to `namespace`, starting at byte `offset` of the
        /// (inflated) document.
        case svgElement(name: String, namespace: String?, offset: ByteOffset)
    }

    /// The image format.
    public let format: ImageFormat
    /// The payload text, exactly as baked (for SVG: the trimmed element body, or else the `verify` attribute).
    public let payload: String
    /// What the payload is, judged by its content.
    public let kind: PayloadKind
    /// The generation implied by where the data was baked (PNG keyword or SVG element).
    public let generation: BadgeGeneration
    /// The specification version implied by the payload (its `@context`, shape or JWS claims), or by the
    /// OB 3.0 keyword; nil when it cannot be told (for example a bare URL).
    public let specVersion: OpenBadgesVersion?
    /// Where the data was found.
    public let location: Location
    /// For SVG: the `verify` attribute, when present.
    public let svgVerify: String?
    /// For SVG: the trimmed element body, when not empty.
    public let svgBody: String?
    /// Oddities found on the way (compressed text, duplicates, legacy chunks…).
    public let warnings: [BadgeWarning]
    /// The payload decoded by OpenBadgesModel, or why it could not be decoded. Decoded once, when the badge was
    /// extracted (its kind and version come from it); the wallet summary, the import and verification reuse it.
    public var decodedPayload: Result<BadgePayload, ModelError> { decoding.value }
    private let decoding: DecodedPayload

    /// Makes a result.
    public init(
        format: ImageFormat, payload: String, kind: PayloadKind, generation: BadgeGeneration,
        specVersion: OpenBadgesVersion?, location: Location, svgVerify: String? = nil, svgBody: String? = nil,
        warnings: [BadgeWarning]
    ) {
        self.format = format
        self.payload = payload
        self.kind = kind
        self.generation = generation
        self.specVersion = specVersion
        self.location = location
        self.svgVerify = svgVerify
        self.svgBody = svgBody
        self.warnings = warnings
        self.decoding = DecodedPayload(payload)
    }

    /// Builds a result from the payload text and where it was found, classifying the payload.
    init(
        format: ImageFormat, payload: String, generation: BadgeGeneration, location: Location,
        svgVerify: String? = nil, svgBody: String? = nil, warnings: [BadgeWarning]
    ) {
        let classification = PayloadClassification(payload)
        var warnings = warnings + classification.warnings
        if let implied = classification.generation, implied != generation {
            warnings.append(
                BadgeWarning(
                    .keywordMismatch,
                    "the payload is \(implied.displayName) but was baked as \(generation.displayName)"
                )
            )
        }
        self.format = format
        self.payload = payload
        self.kind = classification.kind
        self.generation = generation
        self.specVersion = classification.specVersion ?? generation.impliedVersion
        self.location = location
        self.svgVerify = svgVerify
        self.svgBody = svgBody
        self.warnings = warnings
        self.decoding = classification.decoding
    }
}

/// A decoded payload kept beside the text it was decoded from. It is a function of ``BakedBadge/payload``, so it
/// takes no part in equality or hashing beyond what the payload already does.
struct DecodedPayload: Hashable, Sendable {
    let value: Result<BadgePayload, ModelError>

    /// Decodes `payload`. Whatever extraction accepted is read: the JSON size limit is at least the payload's size
    /// (the extraction limit, ``ExtractionOptions/maximumPayloadBytes``, bounded it already).
    init(_ payload: String) {
        let options = JSONParsingOptions(maximumBytes: max(JSONParsingOptions.default.maximumBytes, payload.utf8.count))
        value = BadgePayload.decoding(payload, options: options)
    }
    static func == (lhs: DecodedPayload, rhs: DecodedPayload) -> Bool { true }
    func hash(into hasher: inout Hasher) {}
}

/// Limits and choices for reading badge data. Every limit has a safe default.
public struct ExtractionOptions: Sendable {
    /// The largest badge chunk or element accepted, in bytes (default 16 MiB: real credentials embed
    /// images as data URIs and run to several megabytes). For SVG it bounds the badge element's decoded body
    /// and its `verify` attribute while they are read; either way an excess is ``BadgeError/Code/payloadTooLarge``.
    public var maximumPayloadBytes = JSONParsingOptions.default.maximumBytes
    /// The largest size compressed text may inflate to, in bytes (default 16 MiB).
    public var maximumInflatedBytes = 16 << 20
    /// The most PNG chunks read before giving up (default 4 194 304).
    public var maximumChunkCount = 1 << 22
    /// Whether a wrong CRC on the chunk returned is an error (default) or only a warning.
    public var requireValidChecksum = true
    /// The largest SVG document read, in bytes (default 64 MiB; a gzip-compressed one counts compressed).
    public var maximumSVGBytes = 64 << 20
    /// The deepest element nesting accepted in an SVG document (default 256).
    public var maximumSVGDepth = 256

    var svgLimits: SVGBadgeLimits {
        SVGBadgeLimits(
            maximumDocumentBytes: maximumSVGBytes, maximumInflatedBytes: max(maximumInflatedBytes, maximumSVGBytes),
            maximumDepth: maximumSVGDepth,
            maximumAttributeBytes: max(maximumPayloadBytes, SVGBadgeLimits().maximumAttributeBytes),
            maximumPayloadBytes: maximumPayloadBytes
        )
    }

    /// The default options.
    public init() {}
}
