import Crypto
import DataIntegrity
import Foundation
import JSONLD
import JSONSchema
import RDFCanonicalization
import OpenBadgesModel
import _CryptoExtras

/// The `embeddedCredential` checks of a CLR 2.0 record: every embedded credential verified in full.
extension OB3Verifier {
    /// CLR 2.0: every credential the record embeds (`credentialSubject.verifiableCredential`, JSON or compact JWT) is
    /// verified with the full verifier; the record is verified only when all of them are.
    func checkEmbeddedCredentials(_ credential: JSONObject, into report: inout ReportBuilder) async {
        guard credential["type"]?.asArray.contains(where: { $0.stringValue == "ClrCredential" }) == true else { return }
        let node = credential["id"]?.stringValue
        let embedded = credential["credentialSubject"]?.asArray.first?.objectValue?["verifiableCredential"]?.asArray ?? []
        report.require(.embeddedCredential)
        guard !embedded.isEmpty else {
            report.add(.embeddedCredential, .passed, "the record embeds no credential", node: node)
            return
        }
        let nested = OB3Verifier(options: options, budget: budget, depth: depth + 1)
        for (index, item) in embedded.enumerated() {
            let label = "embedded credential \(index + 1)"
            guard index < options.maximumEmbeddedCredentials else {
                report.add(
                    .embeddedCredential, .notChecked, "only the first \(options.maximumEmbeddedCredentials) embedded credentials are verified", node: node)
                break
            }
            let result: VerificationReport
            switch item {
            case .string(let jwt):
                result = await nested.verify(jwt: jwt)
            case .object(let object):
                let types = object["type"]?.asArray.compactMap(\.stringValue) ?? []
                guard types.contains("OpenBadgeCredential") || types.contains("AchievementCredential") else {
                    report.add(
                        .embeddedCredential, .notChecked, "\(label) is a \(types.joined(separator: ", ")), which is not verified here",
                        node: object["id"]?.stringValue)
                    continue
                }
                result = await nested.verify(credential: object)
            default:
                report.add(.embeddedCredential, .failed, "\(label) is neither a credential object nor a compact JWT", node: node)
                continue
            }
            report.credentials.append(result)
            let subject = result.subject ?? label
            switch result.verdict {
            case .verified:
                report.add(.embeddedCredential, .passed, "\(label) verifies", node: subject)
            case .failed:
                let why = result.checks.first { $0.status == .failed }.map { "\($0.id): \($0.message)" } ?? ""
                report.add(.embeddedCredential, .failed, "\(label) does not verify (\(why)), so neither does the record", node: subject)
            case .indeterminate:
                report.add(.embeddedCredential, .notChecked, "\(label) could not be fully verified", node: subject)
            }
        }
    }
}
