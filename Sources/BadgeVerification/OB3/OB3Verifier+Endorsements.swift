import Crypto
import DataIntegrity
import Foundation
import JSONLD
import JSONSchema
import RDFCanonicalization
import OpenBadgesModel
import _CryptoExtras

/// The `endorsement` checks: each endorsement verified, and it must endorse this badge.
extension OB3Verifier {
    func checkEndorsements(_ credential: JSONObject, into report: inout ReportBuilder) async {
        let embedded = credential["endorsement"]?.asArray.compactMap(\.objectValue) ?? []
        let jwts = credential["endorsementJwt"]?.asArray.compactMap(\.stringValue) ?? []
        guard !embedded.isEmpty || !jwts.isEmpty else { return }
        guard depth < 2 else {
            report.add(.endorsement, .notChecked, "endorsements nested this deep are not verified", node: credential["id"]?.stringValue)
            return
        }
        var nested = OB3Verifier(options: options, budget: budget, depth: depth + 1)
        nested.depth = depth + 1
        var reports: [VerificationReport] = []
        for endorsement in embedded.prefix(options.maximumEndorsements) { reports.append(await nested.verify(credential: endorsement)) }
        for jwt in jwts.prefix(max(0, options.maximumEndorsements - embedded.count)) { reports.append(await nested.verify(jwt: jwt)) }
        if embedded.count + jwts.count > options.maximumEndorsements {
            report.add(
                .endorsement, .notChecked, "only the first \(options.maximumEndorsements) endorsements are verified", node: credential["id"]?.stringValue)
        }
        // An endorsement counts for this badge only when it endorses it: the credential, its achievement or its issuer.
        let achievement = credential["credentialSubject"]?.asArray.first?.objectValue?["achievement"]?.objectValue?["id"]?.stringValue
        let targets = Set([credential["id"]?.stringValue, achievement, Self.issuerID(credential)].compactMap { $0 })
        let endorsed =
            embedded.prefix(options.maximumEndorsements).map { Self.endorsedID(.object($0)) }
            + jwts.prefix(max(0, options.maximumEndorsements - embedded.count)).map { jwt -> String? in
                (try? JWS(compact: jwt)).flatMap { Self.endorsedID($0.payload["vc"] ?? $0.payload) }
            }
        for (endorsement, subject) in zip(reports, endorsed) {
            let node = endorsement.subject
            if endorsement.verdict == .verified, !(subject.map(targets.contains) ?? false) {
                report.add(
                    .endorsement, .warning,
                    "the endorsement verifies but endorses \(subject ?? "nothing named"), not this credential, its achievement or its issuer", node: node)
                continue
            }
            switch endorsement.verdict {
            case .verified:
                report.add(.endorsement, .passed, "the endorsement verifies and endorses \(subject ?? "")", node: node)
            case .failed:
                let why = endorsement.checks.first { $0.status == .failed }.map { "\($0.id): \($0.message)" } ?? ""
                report.add(.endorsement, .warning, "the endorsement does not verify (\(why)); the badge itself is not affected", node: node)
            case .indeterminate:
                report.add(.endorsement, .notChecked, "the endorsement could not be fully verified", node: node)
            }
        }
        report.endorsements.append(contentsOf: reports)
    }
}
