import Crypto
import DataIntegrity
import Foundation
import JSONLD
import JSONSchema
import RDFCanonicalization
import OpenBadgesModel
import _CryptoExtras

/// The `recipient` check: the caller's identity against the credential subject.
extension OB3Verifier {
    func checkRecipient(_ credential: JSONObject, into report: inout ReportBuilder) {
        guard let identity = options.identity else { return }
        let node = credential["id"]?.stringValue
        let subjects = credential["credentialSubject"]?.asArray.compactMap(\.objectValue) ?? []
        var best = RecipientMatchResult.notMatched
        for subject in subjects {
            guard let model = try? OB3.AchievementSubject(object: subject, path: "credentialSubject")
            else { continue }
            best = min(best, RecipientMatcher.match(identity.value, identityType: identity.type, against: model))
        }
        report.addRecipient(best, identity: identity, recipientType: nil, node: node)
    }
}
