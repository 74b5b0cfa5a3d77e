import Crypto
import Foundation
import JSONLD
import _CryptoExtras
import OpenBadgesModel

/// How a verified key relates to the issuer a credential names.
enum BindingOutcome {
    /// The issuer's own documents (its self-certifying DID, its DID or controller document, its JWK Set) authorise
    /// the key.
    case bound(String)
    /// The issuer's own document was fetched and does not authorise the key.
    case notAuthorized(String)
    /// The key belongs, by its own provenance, to someone other than the issuer.
    case otherController(String)
    /// Nothing the issuer publishes could be had to confirm or deny the key.
    case unbound(String)
}

extension PublicKeyMaterial {
    /// The key's bytes, for comparing two keys whatever form they came in.
    var fingerprint: [UInt8] {
        switch self {
        case .ed25519(let key): Array(key.rawRepresentation)
        case .p256(let key): Array(key.x963Representation)
        case .p384(let key): Array(key.x963Representation)
        case .rsa(let key): Array(key.derRepresentation)
        }
    }
}

extension KeyResolver {
    /// Ties `key`, which verified a signature, to `issuer`: the key counts only when the issuer's own documents
    /// say it is the issuer's. What a key document, a JWT header or a URL fragment says about its controller is
    /// never enough.
    func bind(_ key: ResolvedKey, issuer: String) async -> BindingOutcome {
        // The key's own provenance names the issuer: bound.
        switch key.provenance {
        case .selfCertifying where key.controller == issuer:
            return .bound("the key is the issuer's own DID (\(issuer))")
        case .dereferenced(let document) where key.controller == issuer:
            return .bound("\(document) lists the key under the issuer \(issuer), for assertionMethod")
        case .rejected(let reason) where key.controller == issuer:
            return .notAuthorized(reason)
        default:
            break
        }
        // Otherwise only the issuer's own documents can authorise it (an https issuer may list a did:key it signs with).
        let outcome = await bindThroughIssuerDocuments(key, issuer: issuer)
        switch outcome {
        case .bound, .unbound, .otherController: return outcome
        case .notAuthorized: break
        }
        // The issuer's documents were had and do not list it; say whose it is when its provenance says so.
        switch key.provenance {
        case .selfCertifying:
            return .otherController("the key is \(key.controller ?? "another DID"), not the issuer \(issuer), and the issuer's documents do not list it")
        case .dereferenced(let document):
            if let controller = key.controller {
                return .otherController("\(document) says the key's controller is \(controller), not the issuer \(issuer)")
            }
        case .rejected(let reason):
            return .otherController(reason)
        case .unbound:
            break
        }
        return outcome
    }

    /// Asks the issuer's own documents: its DID (did:key, did:jwk), its DID document (did:web), its HTTPS profile
    /// or controller document, and the JWK Set at its origin's `/.well-known/jwks.json`.
    private func bindThroughIssuerDocuments(_ key: ResolvedKey, issuer: String) async -> BindingOutcome {
        let why: String = {
            if case .unbound(let reason) = key.provenance { return reason }
            return "nothing ties the key to its controller"
        }()
        if issuer.hasPrefix("did:key:") || issuer.hasPrefix("did:jwk:") {
            guard case .success(let own) = await resolve(issuer.hasPrefix("did:key:") ? issuer + "#" + issuer.dropFirst("did:key:".count) : issuer + "#0")
            else {
                return .notAuthorized("the issuer \(issuer) is not a usable key DID, so it cannot authorise the key (\(why))")
            }
            return own.key.fingerprint == key.key.fingerprint
                ? .bound("the key is the issuer's own DID (\(issuer))")
                : .otherController("the issuer \(issuer) is a key DID and the signing key is another key (\(why))")
        }
        var documents: [(url: URL, entries: [JSONObject], references: [String])] = []
        var fetched = false
        var failures: [String] = []
        if issuer.hasPrefix("did:web:"), let url = Self.didWebURL(issuer) {
            switch await fetchIdentified(url, expectedID: issuer) {
            case .success(let document):
                fetched = true
                documents.append((url, Self.methodEntries(document), Self.assertionReferences(document)))
            case .failure(let problem): failures.append(problem.message)
            }
        } else if let url = URL(string: issuer), url.scheme == "https" || url.scheme == "http" {
            switch await fetchIdentified(url, expectedID: issuer) {
            case .success(let document):
                fetched = true
                documents.append((url, Self.methodEntries(document), Self.assertionReferences(document)))
            case .failure(let problem): failures.append(problem.message)
            }
            if url.scheme == "https", let origin = Origin(url), let jwks = URL(string: "\(origin)/.well-known/jwks.json") {
                switch await fetchIdentified(jwks, expectedID: nil) {
                case .success(let set):
                    fetched = true
                    // A JWK Set lists signing keys (OB 3.0 key provenance); a key marked for another use does not count.
                    let keys = (set["keys"]?.asArray ?? []).compactMap(\.objectValue).filter { $0["use"] == nil || $0["use"]?.stringValue == "sig" }
                    documents.append((jwks, keys, []))
                case .failure(let problem): failures.append(problem.message)
                }
            }
        } else {
            return .unbound("the issuer \(issuer) cannot be dereferenced to confirm the key (\(why))")
        }
        for (url, entries, references) in documents {
            if let method = key.method, references.contains(where: { $0 == method || ($0.hasPrefix("#") && issuer + $0 == method) }) {
                return .bound("the issuer's own document \(url.absoluteString) lists \(method) under assertionMethod")
            }
            for entry in entries where Self.material(of: entry, allowsWeakRSAKeys: allowsWeakRSAKeys)?.fingerprint == key.key.fingerprint {
                if let owner = entry["controller"]?.stringValue ?? entry["iss"]?.stringValue, owner != issuer, !owner.isEmpty {
                    return .otherController("\(url.absoluteString) lists the key under \(owner), not the issuer \(issuer)")
                }
                return .bound("the issuer's own document \(url.absoluteString) lists the key")
            }
        }
        if fetched {
            return .notAuthorized("the issuer's own documents (\(documents.map(\.url.absoluteString).joined(separator: ", "))) do not list the key (\(why))")
        }
        return .unbound("the issuer's documents could not be had to confirm the key (\(why)): \(failures.joined(separator: "; "))")
    }

    /// The keys a DID, controller or profile document authorises to assert credentials: those embedded under
    /// `assertionMethod`, and those defined under `verificationMethod` that `assertionMethod` refers to.
    static func methodEntries(_ document: JSONObject) -> [JSONObject] {
        let documentID = document["id"]?.stringValue ?? ""
        let referenced = Set(assertionReferences(document).map { $0.hasPrefix("#") ? documentID + $0 : $0 })
        let embedded = (document["assertionMethod"]?.asArray ?? []).compactMap(\.objectValue)
        let defined = (document["verificationMethod"]?.asArray ?? []).compactMap(\.objectValue).filter { entry in
            guard let id = entry["id"]?.stringValue else { return false }
            return referenced.contains(id) || referenced.contains(documentID + id)
        }
        return embedded + defined
    }

    /// The method IRIs `assertionMethod` refers to by string.
    static func assertionReferences(_ document: JSONObject) -> [String] {
        (document["assertionMethod"]?.asArray ?? []).compactMap(\.stringValue)
    }

    /// The public key an entry holds: `publicKeyMultibase`, `publicKeyJwk`, or the entry itself as a JWK.
    static func material(of entry: JSONObject, allowsWeakRSAKeys: Bool) -> PublicKeyMaterial? {
        if let multibase = entry["publicKeyMultibase"]?.stringValue { return try? PublicKeyMaterial(multikey: multibase) }
        if let jwk = entry["publicKeyJwk"]?.objectValue { return try? PublicKeyMaterial(jwk: jwk, allowsWeakRSAKeys: allowsWeakRSAKeys) }
        if entry["kty"] != nil { return try? PublicKeyMaterial(jwk: entry, allowsWeakRSAKeys: allowsWeakRSAKeys) }
        return nil
    }

    /// Fetches a JSON object that must be the document at `url`: same origin after redirects, and, when
    /// `expectedID` is given, declaring that id (or none).
    func fetchIdentified(_ url: URL, expectedID: String?) async -> Result<JSONObject, DocumentProblem> {
        let object: JSONObject
        do {
            object = try await fetchJSON(url)
        } catch let failure as KeyResolutionFailure {
            return .failure(DocumentProblem(failure.message))
        } catch {
            return .failure(DocumentProblem("\(error)"))
        }
        if let expectedID, let declared = object["id"]?.stringValue, !DocumentIdentity.sameDocument(declared, expectedID) {
            return .failure(DocumentProblem("the document at \(url.absoluteString) is for \(declared), not \(expectedID)"))
        }
        return .success(object)
    }
}
