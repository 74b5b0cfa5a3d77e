import Crypto
import DataIntegrity
import Foundation
import JSONLD
import JSONSchema
import RDFCanonicalization
import OpenBadgesModel
import _CryptoExtras

/// The `issuerBinding` check: the key must be the issuer's, by the issuer's own documents.
extension OB3Verifier {
    // MARK: Issuer binding, terms

    /// The key that verified must be the issuer's by the issuer's own documents (``KeyResolver/bind(_:issuer:)``):
    /// failed when those documents were fetched and do not authorise it, or it belongs to someone else; not
    /// checked when they could not be had. ``VerificationOptions/acceptsUnboundKeys`` turns a key that nothing can
    /// tie to the issuer into a warning (1EdTech's permissive behaviour); a key the issuer's own documents do not list,
    /// or that belongs to someone else, still fails.
    func checkIssuerBinding(_ key: ResolvedKey?, credential: JSONObject, into report: inout ReportBuilder) async {
        let issuer = Self.issuerID(credential)
        let node = credential["id"]?.stringValue
        guard let key else {
            report.add(.issuerBinding, .notChecked, "no verified signature, so no key to tie to the issuer", node: node)
            return
        }
        guard let issuer else {
            report.add(.issuerBinding, .failed, "the credential has no issuer id", node: node)
            return
        }
        let resolver = KeyResolver(loader: options.loader, allowsWeakRSAKeys: options.allowsWeakRSAKeys)
        switch await resolver.bind(key, issuer: issuer) {
        case .bound(let message):
            report.add(.issuerBinding, .passed, message, node: node)
        case .otherController(let message):
            report.add(.issuerBinding, .failed, message, node: node)
        case .notAuthorized(let message):
            report.add(.issuerBinding, .failed, message, node: node)
        case .unbound(let message):
            if options.acceptsUnboundKeys {
                report.add(.issuerBinding, .warning, "accepted only because unbound keys are accepted: \(message)", node: node)
            } else {
                report.add(.issuerBinding, .notChecked, "unbound: \(message)", node: node)
            }
        }
    }
}
