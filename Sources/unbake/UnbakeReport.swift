import BadgeBaking
import BadgeVerification
import Foundation
import OpenBadgesModel

/// The JSON object `unbake --json` prints: a contract other tools rely on.
struct UnbakeReport: Encodable {
    /// Where the data was found.
    struct Location: Encodable {
        var chunkType: String?
        var keyword: String?
        var element: String?
        var namespace: String?
        var offset: Int64
    }

    var format: String
    var payload: String
    var payloadKind: String
    var specVersion: String?
    var generation: String
    var location: Location
    var verify: String?
    var body: String?
    var warnings: [String]
    var badge: BadgeSummary?
    /// With `--fetch`: where each badge field came from.
    var sources: [String: SummarySource]?
    /// With `--fetch --verify`: the verification report.
    var verification: VerificationReport?

    init(_ imported: ImportedBadge) {
        let badge = imported.baked
        format = badge.format.rawValue
        payload = badge.payload
        payloadKind = badge.kind.rawValue
        specVersion = badge.specVersion?.rawValue
        generation = badge.generation.rawValue
        switch badge.location {
        case .pngChunk(let type, let offset):
            location = Location(chunkType: type.description, keyword: badge.generation.pngKeyword, offset: offset)
        case .svgElement(let name, let namespace, let offset):
            location = Location(element: name, namespace: namespace, offset: offset)
        }
        verify = badge.svgVerify
        body = badge.svgBody
        warnings = badge.warnings.map(\.reason)
        self.badge = imported.summary
        if let reason = imported.summaryError {
            warnings.append("the payload could not be decoded into a badge summary: \(reason)")
        }
    }

    enum CodingKeys: String, CodingKey {
        case format, payload, payloadKind, specVersion, generation, location, verify, body, warnings, badge, sources, verification
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(payload, forKey: .payload)
        try container.encode(payloadKind, forKey: .payloadKind)
        try container.encode(specVersion, forKey: .specVersion)  // null when unknown, never absent
        try container.encode(generation, forKey: .generation)
        try container.encode(location, forKey: .location)
        try container.encodeIfPresent(verify, forKey: .verify)
        try container.encodeIfPresent(body, forKey: .body)
        try container.encode(warnings, forKey: .warnings)
        try container.encode(badge, forKey: .badge)  // null when the payload cannot be decoded
        try container.encodeIfPresent(sources, forKey: .sources)
        try container.encodeIfPresent(verification, forKey: .verification)
    }

    /// The report as UTF-8 JSON (written out as is: no copy through `String`).
    func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}
