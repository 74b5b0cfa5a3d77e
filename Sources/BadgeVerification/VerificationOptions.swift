import Foundation

/// A known identity to compare with a badge's recipient: an email address, a URL or a telephone number.
public struct RecipientIdentity: Hashable, Sendable {
    /// The identity type as the specifications name it: `email`, `url` or `telephone`.
    public var type: String
    /// The identity itself.
    public var value: String

    /// Makes an identity of an explicit type.
    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }

    /// Guesses the type: an `@` means email, a scheme means URL, a leading `+` or digits mean telephone.
    public init(guessing value: String) {
        self.value = value
        if value.unicodeScalars.contains("@") && value.firstRange(of: "://") == nil {
            type = "email"
        } else if value.firstRange(of: "://") != nil {
            type = "url"
        } else {
            type = "telephone"
        }
    }
}

/// Choices for a verification. Every choice has a safe default.
public struct VerificationOptions: Sendable {
    /// Where documents come from (default: the network under a safe ``FetchPolicy``, behind a cache).
    public var loader: any DocumentLoader
    /// The identity to compare with the recipient, when the caller knows it.
    public var identity: RecipientIdentity?
    /// The current time (injectable for tests and for verifying "as of" a date).
    public var now: @Sendable () -> Date
    /// Clock skew tolerated on issue and expiry dates, in seconds (default 300).
    public var leeway: TimeInterval = 300
    /// OB 3.0: whether a key that cannot be bound to the issuer is accepted with a warning (default false). By
    /// default such a key leaves ``CheckID/issuerBinding`` not checked (the issuer's documents could not be had),
    /// so the badge is never `verified`. Set it for 1EdTech's permissive behaviour, which trusts a key from a JWT
    /// header or a URL fragment when nothing can confirm it; a key the issuer's own documents were fetched and do not
    /// list, or one that belongs to someone other than the issuer, still fails.
    public var acceptsUnboundKeys = false
    /// Whether RSA keys under 2048 bits are accepted (default false: such keys are rejected).
    public var allowsWeakRSAKeys = false
    /// Whether the bundled JSON-LD contexts are parsed once per process and shared (default true); false reads and
    /// hash-checks them again on every verification.
    public var cachesBundledContexts = true
    /// OB 3.0: where JSON-LD contexts that are not bundled come from (default nil: none are loaded, and a proof
    /// that needs one fails with a message naming it). Contexts decide what a signed credential means, so they are
    /// never fetched from the network unless the caller chooses to; an ``OfflineDocumentLoader`` of vetted
    /// contexts is the usual choice. Bundled contexts are always served from the bundle.
    public var contextLoader: (any DocumentLoader)?
    /// OB 3.0: the most contexts loaded through ``contextLoader`` for one proof (default 16). Processing starts over
    /// after each load, so this also bounds the work a credential naming many (or self-referring) contexts can cause.
    public var maximumContextLoads = 16
    /// OB 3.0: the most embedded proofs checked on one credential (default 8); the rest are reported as not checked.
    public var maximumProofs = 8
    /// OB 3.0: the most `credentialStatus` entries checked (default 4); the rest are reported as not checked.
    public var maximumStatusEntries = 4
    /// OB 3.0: the most embedded endorsements verified (default 16, `endorsement` and `endorsementJwt` together);
    /// the rest are reported as not checked.
    public var maximumEndorsements = 16
    /// The most documents one verification loads, whatever asks for them (default 32): the badge's, its issuer's,
    /// keys, DID documents, status lists, endorsements'. An issuer listing a thousand keys cannot make a thousand
    /// requests.
    public var maximumDocumentsFetched = 32
    /// The most keys one verification resolves and tries (default 8), over every proof and endorsement.
    public var maximumKeysTried = 8
    /// The most proofs one verification checks, the badge's and every nested endorsement's and status list's
    /// together (default 96: a CLR of dozens of credentials). ``maximumProofs`` and ``maximumEndorsements`` bound each
    /// level; this bounds the product.
    public var maximumProofsVerified = 96
    /// The JSON-LD context-processing work and RDFC-1.0 Hash N-Degree Quads calls one verification may spend,
    /// summed over every document and proof it processes (default 2 000 000; a typical credential needs a few
    /// thousand).
    public var maximumLinkedDataWork = 2_000_000
    /// The longest one verification may take, in seconds (default 60). When it passes, fetches still under way end
    /// as network errors and the verdict is indeterminate.
    public var deadline: TimeInterval = 60
    /// CLR 2.0: the most credentials of one record verified (default 64); the rest are reported as not checked.
    public var maximumEmbeddedCredentials = 64
    /// OB 3.0: the largest status list accepted once decompressed, in bytes (default 16 MiB, 134 million entries).
    public var maximumStatusListBytes = 16 << 20

    /// Makes options.
    public init(
        loader: any DocumentLoader = CachingDocumentLoader(HTTPDocumentLoader()), identity: RecipientIdentity? = nil,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.loader = loader
        self.identity = identity
        self.now = now
    }
}
