import OpenBadgesModel

/// A payload checked and ready to bake: JSON, a compact JWS or an absolute URL, with its generation decided.
struct BakePayload {
    /// The payload text without surrounding whitespace.
    let text: String
    /// What the payload is.
    let kind: PayloadKind
    /// The generation to bake it as.
    let generation: BadgeGeneration

    init(_ payload: String, options: BakeOptions) throws(BadgeError) {
        let text = payload.trimmingWhitespace()
        guard text.utf8.count <= options.maximumPayloadBytes else {
            throw BadgeError(
                .payloadTooLarge, "the payload is \(text.utf8.count) bytes, over the limit of \(options.maximumPayloadBytes)"
            )
        }
        let classification = PayloadClassification(text)
        switch classification.kind {
        case .json, .jws, .url:
            break
        case .unknown:
            let reason = classification.warnings.first?.reason ?? "it is not a JSON object, a compact JWS or an absolute http(s) URL"
            throw BadgeError(.invalidPayload, "cannot bake this payload: \(reason)")
        }
        let generation = options.generation ?? classification.generation ?? .assertion
        if generation != .assertion, classification.kind == .url {
            throw BadgeError(.invalidPayload, "cannot bake a URL as \(generation.displayName): it has no hosted form")
        }
        self.text = text
        self.kind = classification.kind
        self.generation = generation
    }
}

import Foundation
