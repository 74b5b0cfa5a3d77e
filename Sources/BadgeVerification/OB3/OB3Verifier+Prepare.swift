import JSONLD
import JSONSchema
import OpenBadgesModel

/// The one-time work of a process's first verification, done ahead of it (``BadgeVerifier/prepare()``).
extension OB3Verifier {
    /// The contexts most credentials name: VC 2.0, then the current OB 3.0 context.
    static let usualContexts: JSONValue = .array([.string(vc20Context), .string("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")])

    /// The schema most credentials name: the OB 3.0 achievement credential's.
    static let usualSchema = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"

    /// Compiles the usual schema, and processes the usual contexts (with the type-scoped contexts of an
    /// achievement credential) and their published vocabulary into the process's shared caches. Only what a
    /// verification would have cached itself: nothing when bundled contexts are not cached.
    func prepare() async {
        guard options.cachesBundledContexts else { return }
        _ = try? BundledSchemas.schema(for: Self.usualSchema)
        let node: JSONValue = .object([
            "@context": Self.usualContexts,
            "type": .array([.string("VerifiableCredential"), .string("OpenBadgeCredential")]),
            "credentialSubject": .object(["type": .array([.string("AchievementSubject")]), "achievement": .object(["type": .array([.string("Achievement")])])]),
        ])
        _ = try? await withProcessor { processor in
            _ = try processor.expand(node)
            return try publishedVocabulary(of: [Self.usualContexts], processor: processor)
        }
    }
}
