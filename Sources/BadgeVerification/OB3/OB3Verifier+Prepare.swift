import JSONLD
import JSONSchema
import OpenBadgesModel

/// The one-time work of a process's first verification, done ahead of it (``BadgeVerifier/prepare()``).
extension OB3Verifier {
    /// The contexts most credentials name: VC 2.0, then the current OB 3.0 context.
    static let usualContexts: JSONValue = .array([.string(vc20Context), .string("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")])

    /// The schema most credentials name: the OB 3.0 achievement credential's.
    static let usualSchema = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"

    /// Compiles the usual schema, then processes the usual contexts (with every scoped context in them) and their
    /// published vocabulary into the process's shared caches: what a verification that caches bundled contexts
    /// would have cached itself. In the order a first verification needs them last to first, so that one running
    /// beside it finds the later ones ready.
    func prepare() async {
        _ = try? BundledSchemas.schema(for: Self.usualSchema)
        _ = try? await withProcessor { processor in try publishedVocabulary(of: [Self.usualContexts], processor: processor) }
    }
}
