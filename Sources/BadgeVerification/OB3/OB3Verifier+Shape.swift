import Crypto
import DataIntegrity
import Foundation
import JSONLD
import JSONSchema
import RDFCanonicalization
import OpenBadgesModel
import _CryptoExtras

/// The first step: the credential's shape (contexts, type, subject) before anything else is checked.
extension OB3Verifier {
    // MARK: Shape

    /// Records the payload check: a VerifiableCredential with an issuer and a subject with `id` or `identifier`.
    func checkShape(_ credential: JSONObject, into report: inout ReportBuilder) -> Bool {
        let id = credential["id"]?.stringValue
        let types = credential["type"]?.asArray.compactMap(\.stringValue) ?? []
        guard types.contains("VerifiableCredential") else {
            report.add(.payload, .failed, "the credential's type does not include VerifiableCredential", node: id)
            return false
        }
        guard Self.issuerID(credential) != nil else {
            report.add(.payload, .failed, "the credential has no issuer id", node: id)
            return false
        }
        let subjects = credential["credentialSubject"]?.asArray.compactMap(\.objectValue) ?? []
        guard !subjects.isEmpty else {
            report.add(.payload, .failed, "the credential has no credentialSubject", node: id)
            return false
        }
        let kind = types.first { $0 != "VerifiableCredential" } ?? "VerifiableCredential"
        // The rest of the first step of OB 3.0 verification: the contexts and the subject, as the specification requires.
        // A credential that breaks them fails, and the other checks still run and are reported.
        var problems: [String] = []
        let contexts = credential["@context"]?.asArray.compactMap(\.stringValue) ?? []
        let first = credential["@context"]?.asArray.first?.stringValue
        if first != Self.vc11Context && first != Self.vc20Context { problems.append("the first @context is not the VC 1.1 or VC 2.0 context") }
        let isRecord = types.contains("ClrCredential")
        let family = isRecord ? "https://purl.imsglobal.org/spec/clr/v2p0/context" : "https://purl.imsglobal.org/spec/ob/v3p0/context"
        let isOpenBadge =
            isRecord || types.contains("OpenBadgeCredential") || types.contains("AchievementCredential") || types.contains("EndorsementCredential")
        if isOpenBadge, !contexts.contains(where: { $0.hasPrefix(family) }) {
            problems.append("a \(kind) must name the \(isRecord ? "CLR 2.0" : "Open Badges 3.0") context (\(family)…)")
        }
        if !types.contains("EndorsementCredential"), !subjects.allSatisfy({ $0["id"] != nil || $0["identifier"] != nil }) {
            problems.append("the credentialSubject has neither id nor identifier, so it names no recipient")
        }
        guard problems.isEmpty else {
            report.add(.payload, .failed, "an Open Badges 3.0 \(kind) that the specification does not allow: " + problems.joined(separator: "; "), node: id)
            return true
        }
        report.add(.payload, .passed, "an Open Badges 3.0 \(kind)", node: id)
        return true
    }

    /// The id of what an endorsement credential endorses (its `credentialSubject.id`).
    static func endorsedID(_ endorsement: JSONValue) -> String? {
        endorsement["credentialSubject"]?.asArray.first?.objectValue?["id"]?.stringValue
    }

    static func issuerID(_ credential: JSONObject) -> String? {
        credential["issuer"]?.stringValue ?? credential["issuer"]?.objectValue?["id"]?.stringValue
    }
}
