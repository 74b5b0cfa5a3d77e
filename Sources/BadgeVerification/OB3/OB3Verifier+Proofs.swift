import Crypto
import DataIntegrity
import Foundation
import JSONLD
import JSONSchema
import RDFCanonicalization
import OpenBadgesModel
import _CryptoExtras

/// Data Integrity proofs: each embedded proof verified with a key resolved under the budget.
extension OB3Verifier {
    /// Checks every embedded proof of `secured`.
    func verifyProofs(_ secured: JSONObject) async -> [ProofOutcome] {
        var outcomes: [ProofOutcome] = []
        let resolver = KeyResolver(loader: options.loader, allowsWeakRSAKeys: options.allowsWeakRSAKeys)
        for (index, proof) in DataIntegrity.proofs(of: secured).enumerated() {
            guard index < options.maximumProofs else {
                outcomes.append(
                    ProofOutcome(
                        status: .notChecked, message: "proof \(index + 1): only the first \(options.maximumProofs) proofs are checked",
                        node: proof["id"]?.stringValue))
                continue
            }
            guard budget.spend(.proofs) else {
                outcomes.append(
                    ProofOutcome(
                        status: .notChecked, message: "proof \(index + 1): \(VerificationBudget.message(.proofs, limit: budget.limit(.proofs)))",
                        node: proof["id"]?.stringValue))
                continue
            }
            let type = proof["type"]?.stringValue ?? "(no type)"
            let label = "proof \(index + 1) (\(type)\(proof["cryptosuite"]?.stringValue.map { " \($0)" } ?? ""))"
            let node = proof["id"]?.stringValue ?? proof["verificationMethod"]?.stringValue
            guard DataIntegritySuite(proof: proof) != nil else {
                outcomes.append(ProofOutcome(status: .notChecked, message: "\(label): unsupported proof type", node: node))
                continue
            }
            // A proof that does not say it asserts the credential does not assert it.
            guard let purpose = proof["proofPurpose"]?.stringValue, purpose == "assertionMethod" else {
                let said = proof["proofPurpose"].map { "is \($0.serialized())" } ?? "is missing"
                outcomes.append(ProofOutcome(status: .failed, message: "\(label): proofPurpose \(said), not assertionMethod", node: node))
                continue
            }
            // The proof's own validity period (Data Integrity `created`, `expires`).
            if let problem = proofPeriodProblem(proof) {
                outcomes.append(ProofOutcome(status: .failed, message: "\(label): \(problem)", node: node))
                continue
            }
            let data: ProofHashData
            do {
                data = try await withProcessor { try DataIntegrity.hashData(secured: secured, proof: proof, processor: $0) }
            } catch let error as JSONLDError where error.code == .loadingRemoteContextFailed {
                // Without a context loader nothing was fetched: the proof is not checked, and no network failed.
                let status: CheckStatus = options.contextLoader == nil ? .notChecked : .networkError
                outcomes.append(ProofOutcome(status: status, message: "\(label): a context could not be loaded: \(error.message)", node: node))
                continue
            } catch let error as JSONLDError where error.code == .contextOverflow {
                // Over a work bound: the proof is not checked (it is not known to be bad either).
                outcomes.append(ProofOutcome(status: .notChecked, message: "\(label): \(error.message)", node: node))
                continue
            } catch let error as RDFCanonicalizationError {
                outcomes.append(ProofOutcome(status: .notChecked, message: "\(label): \(error.reason)", node: node))
                continue
            } catch {
                outcomes.append(ProofOutcome(status: .failed, message: "\(label): \(error)", node: node))
                continue
            }
            guard let method = data.verificationMethod else {
                outcomes.append(ProofOutcome(status: .failed, message: "\(label): no verificationMethod", node: node, droppedTerms: data.droppedTerms))
                continue
            }
            guard budget.spend(.keys) else {
                outcomes.append(
                    ProofOutcome(
                        status: .notChecked, message: "\(label): \(VerificationBudget.message(.keys, limit: budget.limit(.keys)))", node: node,
                        droppedTerms: data.droppedTerms))
                continue
            }
            switch await resolver.resolve(method) {
            case .failure(.network(let error)):
                outcomes.append(
                    ProofOutcome(
                        status: .networkError, message: "\(label): the key \(method) could not be fetched: \(error.message)", node: node,
                        droppedTerms: data.droppedTerms))
            case .failure(.invalid(let message)):
                outcomes.append(ProofOutcome(status: .failed, message: "\(label): \(message)", node: node, droppedTerms: data.droppedTerms))
            case .failure(.unsupported(let message)):
                outcomes.append(ProofOutcome(status: .notChecked, message: "\(label): \(message)", node: node, droppedTerms: data.droppedTerms))
            case .success(let resolved):
                // The key must fit the suite: Ed25519 for the EdDSA suites, P-256 or P-384 for the ECDSA ones.
                let valid: Bool
                switch (resolved.key, data.suite.isECDSA) {
                case (.ed25519(let key), false): valid = DataIntegrity.verify(data, key: key)
                case (.p256(let key), true): valid = DataIntegrity.verify(data, p256: key)
                case (.p384(let key), true):
                    // A P-384 proof canonicalizes and hashes with SHA-384: its hash data is made again.
                    guard let data384 = try? await withProcessor({ try DataIntegrity.hashData(secured: secured, proof: proof, processor: $0, digest: .sha384) })
                    else {
                        outcomes.append(
                            ProofOutcome(
                                status: .notChecked, message: "\(label): the SHA-384 canonical form could not be made", node: node,
                                droppedTerms: data.droppedTerms))
                        continue
                    }
                    valid = DataIntegrity.verify(data384, p384: key)
                default:
                    let wanted = data.suite.isECDSA ? "P-256 or P-384" : "Ed25519"
                    outcomes.append(
                        ProofOutcome(
                            status: .failed, message: "\(label): the key is \(resolved.key.kind), not \(wanted)", node: node, droppedTerms: data.droppedTerms))
                    continue
                }
                if valid {
                    outcomes.append(
                        ProofOutcome(
                            status: .passed, message: "\(label): valid signature by \(method)", node: node, key: resolved,
                            droppedTerms: data.droppedTerms, canonicalizedAsRDF: data.suite.usesRDFCanonicalization))
                } else {
                    outcomes.append(
                        ProofOutcome(
                            status: .failed, message: "\(label): the signature does not match the credential", node: node, key: resolved,
                            droppedTerms: data.droppedTerms))
                }
            }
        }
        return outcomes
    }

    /// Why a proof is outside its own validity period: `expires` past, or `created` in the future (within the leeway);
    /// nil when neither.
    func proofPeriodProblem(_ proof: JSONObject) -> String? {
        let now = options.now()
        for (name, isProblem) in [
            ("expires", { (date: Date) in date < now.addingTimeInterval(-options.leeway) }),
            ("created", { (date: Date) in date > now.addingTimeInterval(options.leeway) }),
        ] {
            guard let value = proof[name] else { continue }
            guard let text = value.stringValue, let date = try? FlexibleDate(text).date else { return "its \(name) is not a date: \(value.serialized())" }
            if isProblem(date) {
                return name == "expires"
                    ? "the proof expired on \(FlexibleDate.iso8601(date))" : "the proof was created in the future (\(FlexibleDate.iso8601(date)))"
            }
        }
        return nil
    }
}
