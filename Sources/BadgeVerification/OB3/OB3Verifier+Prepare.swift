import Foundation
import JSONLD
import JSONSchema
import OpenBadgesModel

/// The one-time work of a process's first verification, done ahead of it (``BadgeVerifier/prepare()``).
extension OB3Verifier {
    /// The contexts most credentials name: VC 2.0, then the current OB 3.0 context.
    static let usualContexts: JSONValue = .array([.string(vc20Context), .string("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json")])

    /// The schema most credentials name: the OB 3.0 achievement credential's.
    static let usualSchema = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"

    /// The types of a typical credential, under the usual contexts: expanding it processes the scoped contexts that
    /// such a credential's expansion needs.
    static let typicalShape: JSONValue = .object([
        "@context": usualContexts,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": ["type": ["Profile"]],
        "credentialSubject": [
            "type": ["AchievementSubject"], "identifier": [["type": "IdentityObject"]],
            "achievement": ["type": ["Achievement"], "image": ["type": "Image"], "alignment": [["type": ["Alignment"]]]],
        ],
        "proof": ["type": "DataIntegrityProof"],
    ])

    /// Compiles the usual schema (``compileUsualSchema()``) and, at the same time, prepares the usual contexts
    /// (``prepareContexts()``): what a verification that caches bundled contexts would have cached itself. The two
    /// are independent: run side by side, they are both ready sooner.
    func prepare(compilingSchema: Bool) async {
        let schema = compilingSchema ? Task.detached { Self.compileUsualSchema() } : nil
        await prepareContexts()
        await schema?.value
    }

    /// Compiles the usual schema into the process's cache (a verification that needs it while it compiles waits for
    /// it).
    static func compileUsualSchema() {
        _ = try? BundledSchemas.schema(for: usualSchema)
    }

    /// Reads the published vocabulary and processes the usual contexts, with the scoped contexts a typical
    /// credential needs, into the process's shared caches.
    func prepareContexts() async {
        _ = try? await withProcessor { processor in
            _ = try publishedVocabulary(of: [Self.usualContexts], processor: processor)
            return try processor.expand(Self.typicalShape)
        }
    }
}

/// The preparation running in the process, if any (``BadgeVerifier/prepare()``). A verification that starts while
/// it runs waits for it rather than doing the same work beside it: the preparation started first and has both cores,
/// so it is ready sooner than a second copy of its work would be.
final class PreparationInFlight: @unchecked Sendable {
    static let shared = PreparationInFlight()

    private let lock = Lock()
    private var running: Task<Void, Never>?
    /// How many preparations ran (each call of ``run(_:)`` while none runs starts one).
    private(set) var started = 0

    /// Runs `work` unless a preparation runs already, and returns when the running one ends.
    func run(_ work: @escaping @Sendable () async -> Void) async {
        let task = lock.withLock {
            if let running { return running }
            started += 1
            let task = Task.detached { await work() }
            running = task
            return task
        }
        await task.value
        lock.withLock { if running == task { running = nil } }  // not a later run another caller started
    }

    /// Returns when the running preparation ends, at once when none runs.
    func wait() async {
        guard let task = lock.withLock({ running }) else { return }
        await task.value
    }
}
