import Crypto
import DataIntegrity
import Foundation
import JSONLD
import _CryptoExtras
import OpenBadgesModel

/// A public key found for a proof.
enum PublicKeyMaterial {
    case ed25519(Curve25519.Signing.PublicKey)
    case p256(P256.Signing.PublicKey)
    case p384(P384.Signing.PublicKey)
    case rsa(_RSA.Signing.PublicKey)

    var kind: String {
        switch self {
        case .ed25519: "Ed25519"
        case .p256: "P-256"
        case .p384: "P-384"
        case .rsa: "RSA"
        }
    }

    /// Reads a public JWK (`kty` RSA, EC P-256, OKP Ed25519). Refuses a JWK holding a private part.
    init(jwk: JSONObject, allowsWeakRSAKeys: Bool = false) throws(KeyResolutionFailure) {
        guard jwk["d"] == nil else { throw .invalid("the JWK contains a private key part (d)") }
        func bytes(_ name: String) throws(KeyResolutionFailure) -> [UInt8] {
            guard let text = jwk[name]?.stringValue, let value = Base64URL.decode(text) else { throw .invalid("the JWK has no valid \(name)") }
            return value
        }
        switch jwk["kty"]?.stringValue {
        case "RSA":
            let n = try bytes("n")
            let e = try bytes("e")
            do {
                let key = try _RSA.Signing.PublicKey(n: n, e: e)
                guard allowsWeakRSAKeys || key.keySizeInBits >= 2048 else { throw KeyResolutionFailure.invalid("the RSA key is shorter than 2048 bits") }
                self = .rsa(key)
            } catch {
                throw .invalid("the RSA JWK is not a usable key: \(error)")
            }
        case "EC":
            let x = try bytes("x")
            let y = try bytes("y")
            switch jwk["crv"]?.stringValue {
            case "P-256":
                guard let key = try? P256.Signing.PublicKey(rawRepresentation: x + y) else { throw .invalid("the P-256 JWK is not a point on the curve") }
                self = .p256(key)
            case "P-384":
                guard let key = try? P384.Signing.PublicKey(rawRepresentation: x + y) else { throw .invalid("the P-384 JWK is not a point on the curve") }
                self = .p384(key)
            default:
                throw .invalid("only the P-256 and P-384 curves are supported for EC keys")
            }
        case "OKP":
            guard jwk["crv"]?.stringValue == "Ed25519", let key = try? Curve25519.Signing.PublicKey(rawRepresentation: try bytes("x")) else {
                throw .invalid("only Ed25519 OKP keys are supported")
            }
            self = .ed25519(key)
        default:
            throw .invalid("unsupported JWK kty \(jwk["kty"]?.stringValue ?? "(none)")")
        }
    }

    init(multikey text: String) throws(KeyResolutionFailure) {
        switch MultikeyPublicKey(multibase: text) {
        case .ed25519(let raw)?:
            guard let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw) else { throw .invalid("bad Ed25519 key") }
            self = .ed25519(key)
        case .p256(let raw)?:
            guard let key = try? P256.Signing.PublicKey(compressedRepresentation: raw) else { throw .invalid("bad P-256 key") }
            self = .p256(key)
        case .p384(let raw)?:
            guard let key = try? P384.Signing.PublicKey(compressedRepresentation: raw) else { throw .invalid("bad P-384 key") }
            self = .p384(key)
        default:
            throw .invalid("\(text.prefix(16))… is not a supported Multikey (Ed25519, P-256 or P-384)")
        }
    }
}

/// How the key is tied to its controller.
enum KeyProvenance: Equatable {
    /// A did:key or did:jwk: the DID is the key, so its controller is the DID itself.
    case selfCertifying
    /// Found in a fetched document (DID document, key document, controller document) that names its controller.
    case dereferenced(document: String)
    /// Not tied to anything: taken from a URL fragment without dereferencing, or from a JWT `jwk` header.
    case unbound(String)
    /// A document claims a controller whose own document does not list the key.
    case rejected(String)
}

/// A resolved verification method.
struct ResolvedKey {
    var key: PublicKeyMaterial
    /// The controller the key was found under (nil when unknown).
    var controller: String?
    var provenance: KeyProvenance
    /// The key as a JWK, when it came as one (JWT `jwk` header, a JWK at the `kid` URL).
    var jwk: JSONObject? = nil
    /// The verification method IRI the key was resolved from (nil for a JWT `jwk` header).
    var method: String? = nil
}

enum KeyResolutionFailure: Error {
    /// A document could not be fetched.
    case network(FetchError)
    /// The method or its document is unusable.
    case invalid(String)
    /// The method cannot be resolved here (a DID method this package does not implement): not a verdict on the key.
    case unsupported(String)

    /// The failure in one line (a fetch failure names its URL).
    var message: String {
        switch self {
        case .network(let error): error.description
        case .invalid(let message), .unsupported(let message): message
        }
    }
}

/// Dereferences verification methods and JWT `kid`s: did:key, did:jwk, did:web (HTTPS through the loader) and
/// HTTP(S) URLs (key documents, controller documents, JWKs).
struct KeyResolver {
    let loader: any DocumentLoader
    var allowsWeakRSAKeys = false

    func resolve(_ method: String) async -> Result<ResolvedKey, KeyResolutionFailure> {
        do {
            var key = try await resolveThrowing(method)
            key.method = method
            return .success(key)
        } catch let failure as KeyResolutionFailure {
            return .failure(failure)
        } catch {
            return .failure(.invalid("\(error)"))
        }
    }

    static func split(_ method: String) -> (base: String, fragment: String?) {
        guard let hash = method.firstIndex(of: "#") else { return (method, nil) }
        return (String(method[..<hash]), String(method[method.index(after: hash)...]))
    }

    private func resolveThrowing(_ method: String) async throws -> ResolvedKey {
        let (base, fragment) = Self.split(method)
        if base.hasPrefix("did:key:") {
            let id = String(base.dropFirst("did:key:".count))
            if let fragment, fragment != id { throw KeyResolutionFailure.invalid("the did:key fragment does not name its key") }
            return ResolvedKey(key: try PublicKeyMaterial(multikey: id), controller: base, provenance: .selfCertifying)
        }
        if base.hasPrefix("did:jwk:") {
            guard let bytes = Base64URL.decode(String(base.dropFirst("did:jwk:".count))),
                let jwk = try? JSONValue(parsing: bytes).objectValue
            else { throw KeyResolutionFailure.invalid("the did:jwk does not hold a JSON JWK") }
            return ResolvedKey(key: try PublicKeyMaterial(jwk: jwk, allowsWeakRSAKeys: allowsWeakRSAKeys), controller: base, provenance: .selfCertifying)
        }
        if base.hasPrefix("did:web:") {
            guard let url = Self.didWebURL(base) else { throw KeyResolutionFailure.invalid("\(base) is not a valid did:web") }
            let document = try await fetchJSON(url)
            guard document["id"]?.stringValue == base else {
                throw KeyResolutionFailure.invalid("the DID document at \(url.absoluteString) is for \(document["id"]?.stringValue ?? "(no id)"), not \(base)")
            }
            let found = try find(method, in: document, documentURL: url.absoluteString, defaultController: base)
            return await confirmController(Self.authorized(found, method: method, home: base, document: document), method: method, home: base)
        }
        if base.hasPrefix("did:") {
            throw KeyResolutionFailure.unsupported("the DID method of \(base) is not supported (did:key, did:jwk and did:web are)")
        }
        guard let url = URL(string: method), url.scheme == "https" || url.scheme == "http" else {
            // A method that cannot be dereferenced (`urn:uuid:…#z6Mk…`): only the fragment shortcut is left, unbound.
            if let fragment, let key = try? PublicKeyMaterial(multikey: fragment) {
                return ResolvedKey(
                    key: key, controller: nil, provenance: .unbound("the key was taken from the fragment of \(base), which cannot be dereferenced"))
            }
            throw KeyResolutionFailure.unsupported("\(method) is not a DID or an HTTP(S) URL, so its key cannot be resolved")
        }
        let document: JSONObject
        do {
            document = try await fetchJSON(url)
        } catch let failure as KeyResolutionFailure {
            // The 1EdTech validator's shortcut: a multibase key in the fragment, used without dereferencing.
            if let fragment, let key = try? PublicKeyMaterial(multikey: fragment) {
                let why: String
                switch failure {
                case .network(let error): why = "\(base) could not be fetched (\(error.message))"
                case .invalid(let message), .unsupported(let message): why = message
                }
                return ResolvedKey(key: key, controller: nil, provenance: .unbound("the key was taken from the URL fragment without dereferencing: \(why)"))
            }
            throw failure
        }
        if document["kty"] != nil {
            // A bare JWK (JWT kid): it names no controller that could be confirmed (its `iss` member is only a claim);
            // the issuer's JWK Set may bind it.
            return ResolvedKey(
                key: try PublicKeyMaterial(jwk: document, allowsWeakRSAKeys: allowsWeakRSAKeys), controller: nil,
                provenance: .dereferenced(document: url.absoluteString), jwk: document)
        }
        let found = try find(method, in: document, documentURL: url.absoluteString, defaultController: document["controller"]?.stringValue ?? base)
        return await confirmController(Self.authorized(found, method: method, home: base, document: document), method: method, home: base)
    }

    /// A key found in its controller's own document counts for a proof of assertion only when that document lists it
    /// under `assertionMethod`: a key listed for `authentication`, or only defined under `verificationMethod`, was not
    /// given the right to sign credentials.
    static func authorized(_ key: ResolvedKey, method: String, home: String, document: JSONObject) -> ResolvedKey {
        guard key.controller == home, document["id"]?.stringValue != method else { return key }
        guard listsForAssertion(document, method: method, fallbackID: home) else {
            var rejected = key
            rejected.provenance = .rejected("\(home) lists \(method), but not under assertionMethod, so it may not sign credentials")
            return rejected
        }
        return key
    }

    /// Whether `document` lists `method` under `assertionMethod` (by reference or embedded; `#fragment` references are
    /// relative to the document's id).
    static func listsForAssertion(_ document: JSONObject, method: String, fallbackID: String) -> Bool {
        let documentID = document["id"]?.stringValue ?? fallbackID
        return (document["assertionMethod"]?.asArray ?? []).contains { entry in
            let id = entry.stringValue ?? entry.objectValue?["id"]?.stringValue ?? ""
            return id == method || (id.hasPrefix("#") && documentID + id == method)
        }
    }

    /// A document can claim any controller for a key it lists. The claim holds when the document *is* the controller's
    /// (fetched from the controller's own URL or DID), or when the controller's document, fetched in turn, lists the
    /// method; otherwise the key is unbound (controller document unreachable) or rejected (it does not list the key).
    func confirmController(_ key: ResolvedKey, method: String, home: String) async -> ResolvedKey {
        guard let controller = key.controller, controller != home else { return key }
        var result = key
        let url: URL?
        if controller.hasPrefix("did:web:") {
            url = Self.didWebURL(controller)
        } else if let parsed = URL(string: Self.split(controller).base), parsed.scheme == "https" || parsed.scheme == "http" {
            url = parsed
        } else {
            url = nil
        }
        guard let url else {
            result.controller = nil
            result.provenance = .unbound("\(home) says the key's controller is \(controller), which cannot be dereferenced to confirm it")
            return result
        }
        let document: JSONObject
        do {
            document = try await fetchJSON(url)
        } catch {
            result.controller = nil
            result.provenance = .unbound("\(home) says the key's controller is \(controller), whose document could not be fetched to confirm it")
            return result
        }
        let documentID = document["id"]?.stringValue ?? controller
        if documentID == controller && Self.listsForAssertion(document, method: method, fallbackID: controller) {
            result.provenance = .dereferenced(document: url.absoluteString)
        } else {
            result.provenance = .rejected(
                "\(home) says the key's controller is \(controller), but \(url.absoluteString) does not list \(method) under assertionMethod")
        }
        return result
    }

    /// Finds `method` in a key document (the document is the method) or a controller / DID document.
    private func find(_ method: String, in document: JSONObject, documentURL: String, defaultController: String?) throws -> ResolvedKey {
        var candidates: [JSONObject] = []
        if document["id"]?.stringValue == method { candidates.append(document) }
        let documentID = document["id"]?.stringValue
        for key in ["verificationMethod", "assertionMethod", "publicKey", "authentication"] {
            for entry in document[key]?.asArray ?? [] {
                guard var object = entry.objectValue, let id = object["id"]?.stringValue else { continue }
                if id.hasPrefix("#"), let documentID { object["id"] = .string(documentID + id) }
                if object["id"]?.stringValue == method { candidates.append(object) }
            }
        }
        guard let entry = candidates.first else {
            throw KeyResolutionFailure.invalid("\(documentURL) does not list the verification method \(method)")
        }
        let key: PublicKeyMaterial
        if let multibase = entry["publicKeyMultibase"]?.stringValue {
            key = try PublicKeyMaterial(multikey: multibase)
        } else if let jwk = entry["publicKeyJwk"]?.objectValue {
            key = try PublicKeyMaterial(jwk: jwk, allowsWeakRSAKeys: allowsWeakRSAKeys)
        } else {
            throw KeyResolutionFailure.invalid("the verification method \(method) has no publicKeyMultibase or publicKeyJwk")
        }
        return ResolvedKey(key: key, controller: entry["controller"]?.stringValue ?? defaultController, provenance: .dereferenced(document: documentURL))
    }

    func fetchJSON(_ url: URL) async throws -> JSONObject {
        let loaded: LoadedDocument
        do {
            loaded = try await loader.load(url, kind: .json)
        } catch {
            throw KeyResolutionFailure.network(error)
        }
        if let problem = DocumentIdentity.problem(with: loaded, declaredID: nil, iri: url.absoluteString) {
            throw KeyResolutionFailure.invalid(problem)
        }
        guard let object = try? JSONValue(parsing: Array(loaded.body)).objectValue else {
            throw KeyResolutionFailure.invalid("\(url.absoluteString) is not a JSON object")
        }
        return object
    }

    /// did:web:host[:path…] → https://host/.well-known/did.json or https://host/path/did.json (`%3A` = port colon).
    /// Only a host name (letters, digits, `-`, `.`) with an optional `%3A` port, and path segments of DID idchars
    /// (letters, digits, `.`, `-`, `_`), are accepted: anything else (`@` userinfo, `%2F`, `?`, `#`) could make the
    /// URL point at another host than the DID names.
    static func didWebURL(_ did: String) -> URL? {
        guard did.hasPrefix("did:web:") else { return nil }
        let parts = did.dropFirst("did:web:".count).split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        func isHostChar(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == ".") }
        func isSegmentChar(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "." || c == "_") }
        guard let encodedHost = parts.first, !encodedHost.isEmpty else { return nil }
        let hostAndPort = encodedHost.replacing("%3A", with: ":").replacing("%3a", with: ":")
        let pieces = hostAndPort.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), let name = pieces.first, !name.isEmpty, name.allSatisfy(isHostChar), !name.hasPrefix("."), !name.hasPrefix("-"),
            pieces.count == 1 || (!pieces[1].isEmpty && pieces[1].count <= 5 && pieces[1].allSatisfy(\.isASCII) && pieces[1].allSatisfy(\.isNumber)),
            parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.allSatisfy(isSegmentChar) && $0 != ".." && $0 != "." })
        else { return nil }
        let host = hostAndPort
        let path = parts.count == 1 ? "/.well-known/did.json" : "/" + parts.dropFirst().joined(separator: "/") + "/did.json"
        return URL(string: "https://" + host + path)
    }
}
