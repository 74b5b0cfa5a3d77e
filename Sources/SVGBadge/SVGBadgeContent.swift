import OpenBadgesModel

/// What to bake into an SVG: the generation, an optional `verify` attribute and an optional body.
///
/// The forms the specifications describe:
/// - OB 2.0 hosted: `verify` = the assertion's `id` (its URL), `body` = the assertion JSON.
/// - OB 2.0 signed: `verify` = the compact JWS, no body.
/// - OB 3.0 embedded proof: `body` = the credential JSON, no `verify`.
/// - OB 3.0 VC-JWT: `verify` = the compact JWS, no body.
package struct SVGBadgeContent: Sendable, Hashable {
    /// Which element and namespace to write.
    package var generation: BadgeGeneration
    /// The `verify` attribute, or `nil` to omit it.
    package var verify: String?
    /// The element body (written as CDATA), or `nil` for an empty element.
    package var body: String?

    /// Creates content from explicit parts; at least one of `verify` and `body` must be non-empty when baking.
    package init(generation: BadgeGeneration, verify: String? = nil, body: String? = nil) {
        self.generation = generation
        self.verify = verify
        self.body = body
    }

    /// Builds content from a payload string, classified by its form (after trimming whitespace):
    /// `{…}` → JSON body (for OB 2.0, `verify` = the JSON's `id` if it is an http(s) URL, else its `verify.url`);
    /// three base64url segments → compact JWS in `verify`; `http(s)://…` → hosted URL in `verify` (OB 2.0 only).
    /// - Throws: ``SVGBadgeError`` with code ``SVGBadgeError/Code/invalidContent`` for anything else.
    package init(generation: BadgeGeneration, payload: String) throws {
        let text = payload.trimmingXMLWhitespace()
        self.generation = generation
        if text.hasPrefix("{") {
            body = text
            if generation == .assertion { verify = PayloadForm.hostedURL(inJSON: text) }
        } else if PayloadForm.isCompactJWS(text) {
            verify = text
        } else if PayloadForm.isHTTPURL(text) && generation == .assertion {
            verify = text
        } else {
            throw SVGBadgeError(
                code: .invalidContent, offset: nil,
                message: generation == .assertion
                    ? "payload is neither JSON, a compact JWS nor an http(s) URL"
                    : "OB 3.0 payload is neither JSON nor a compact JWS")
        }
    }
}

extension String {
    func trimmingXMLWhitespace() -> String {
        String(decoding: XMLText.trimmed(Array(utf8)), as: UTF8.self)
    }
}
