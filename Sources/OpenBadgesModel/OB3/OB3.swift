/// Open Badges 3.0 documents: W3C Verifiable Credentials in the VC Data Model 1.1 or 2.0 form.
public enum OB3 {
    /// Which VC Data Model a credential follows, from its first `@context`.
    public enum VCDataModelVersion: String, Sendable, Hashable, Codable {
        /// `https://www.w3.org/2018/credentials/v1`: `issuanceDate` / `expirationDate`.
        case v1_1 = "1.1"
        /// `https://www.w3.org/ns/credentials/v2`: `validFrom` / `validUntil`.
        case v2_0 = "2.0"
        /// Neither context was found.
        case unknown
    }

    /// The VC 1.1 base context.
    public static let vc11Context = "https://www.w3.org/2018/credentials/v1"
    /// The VC 2.0 base context.
    public static let vc20Context = "https://www.w3.org/ns/credentials/v2"
}
