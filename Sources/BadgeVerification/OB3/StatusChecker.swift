import DataIntegrity
import Foundation
import JSONLD
import OpenBadgesModel
import Zlib

/// Checks `credentialStatus` entries: `1EdTechRevocationList`, `BitstringStatusListEntry` (and the older
/// `StatusList2021Entry`). A status that cannot be checked is reported as such, never as "not revoked".
struct StatusChecker {
    let verifier: OB3Verifier

    func check(_ status: JSONObject, credential: JSONObject, into report: inout ReportBuilder) async {
        let type = status["type"]?.asArray.compactMap(\.stringValue) ?? []
        if type.contains("1EdTechRevocationList") {
            await revocationList(status, credential: credential, into: &report)
        } else if type.contains("BitstringStatusListEntry") || type.contains("StatusList2021Entry") {
            await bitstring(status, credential: credential, into: &report)
        } else {
            report.add(
                .revocation, .notChecked, "status type \(type.joined(separator: ", ")) is not supported, so revocation was not checked",
                node: status["id"]?.stringValue)
        }
    }

    /// A fetched document: a JSON object, or (status list credentials only) a VC-JWT.
    enum Fetched {
        case json(JSONObject)
        case jwt(String)
    }

    private func fetch(_ iri: String?, what: String, into report: inout ReportBuilder) async -> JSONObject? {
        switch await fetchDocument(iri, what: what, allowJWT: false, into: &report) {
        case .json(let object)?: return object
        default: return nil
        }
    }

    private func fetchDocument(_ iri: String?, what: String, allowJWT: Bool, into report: inout ReportBuilder) async -> Fetched? {
        guard let iri, let url = URL(string: iri) else {
            report.add(.revocation, .failed, "the \(what) has no URL", node: iri)
            return nil
        }
        do {
            let document = try await verifier.options.loader.load(url, kind: allowJWT ? .any : .json)
            if let problem = DocumentIdentity.problem(with: document, declaredID: nil, iri: iri) {
                report.add(.revocation, .notChecked, "\(problem), so revocation was not checked", node: iri)
                return nil
            }
            guard let object = try? JSONValue(parsing: Array(document.body)).objectValue else {
                let text = String(decoding: document.body, as: UTF8.self).trimmingWhitespace()
                if allowJWT, text.hasPrefix("ey"), text.split(separator: ".", omittingEmptySubsequences: false).count == 3 { return .jwt(text) }
                report.add(.revocation, .notChecked, "the \(what) at \(iri) is neither a JSON object nor a VC-JWT, so revocation was not checked", node: iri)
                return nil
            }
            return .json(object)
        } catch {
            report.add(.revocation, .networkError, "the \(what) could not be fetched, so revocation was not checked: \(error.message)", node: iri)
            return nil
        }
    }

    func revocationList(_ status: JSONObject, credential: JSONObject, into report: inout ReportBuilder) async {
        let iri = status["id"]?.stringValue
        // The list is the issuer's only when it is served from the issuer's origin (it carries no signature).
        let issuer = OB3Verifier.issuerID(credential) ?? ""
        let issuerOrigin = issuer.hasPrefix("did:web:") ? KeyResolver.didWebURL(issuer).flatMap(Origin.init) : Origin(issuer)
        guard let issuerOrigin, let listOrigin = iri.flatMap(Origin.init), issuerOrigin.admits(listOrigin) else {
            report.add(
                .revocation, .notChecked,
                "the 1EdTechRevocationList \(iri ?? "(no URL)") is not served from the issuer's origin, so it cannot speak for the issuer \(issuer) and revocation was not checked",
                node: iri)
            return
        }
        guard let list = await fetch(iri, what: "1EdTechRevocationList", into: &report) else { return }
        guard let entries = list["revokedCredential"]?.asArray else {
            report.add(.revocation, .failed, "the revocation list at \(iri ?? "") has no revokedCredential array", node: iri)
            return
        }
        let id = credential["id"]?.stringValue
        for entry in entries.compactMap(\.objectValue) where id != nil && entry["id"]?.stringValue == id && entry["revoked"]?.boolValue != false {
            let reason = entry["revocationReason"]?.stringValue.map { ": \($0)" } ?? ""
            report.add(.revocation, .failed, "revoked by the issuer's revocation list\(reason)", node: iri)
            return
        }
        report.add(.revocation, .passed, "not in the revocation list at \(iri ?? "")", node: iri)
    }

    func bitstring(_ status: JSONObject, credential: JSONObject, into report: inout ReportBuilder) async {
        let issuer = OB3Verifier.issuerID(credential) ?? ""
        let node = status["id"]?.stringValue ?? status["statusListCredential"]?.stringValue
        let purpose = status["statusPurpose"]?.stringValue ?? "revocation"
        guard purpose == "revocation" || purpose == "suspension" else {
            report.add(.revocation, .notChecked, "status purpose \(purpose) is not checked", node: node)
            return
        }
        // Both are xsd:integer once signed: a JSON number and a numeric string are the same signed value, so both are
        // read, the same way.
        func integer(_ name: String) -> Int? {
            guard let value = status[name] else { return nil }
            guard let text = value.stringValue ?? value.numberValue?.text, let number = Int(text), number >= 0 else { return -1 }
            return number
        }
        guard let index = integer("statusListIndex"), index >= 0 else {
            report.add(.revocation, .failed, "statusListIndex is not a non-negative integer", node: node)
            return
        }
        let size = integer("statusSize") ?? 1
        guard (1...8).contains(size) else {
            report.add(.revocation, .failed, "statusSize \(status["statusSize"]?.serialized() ?? "?") is not a supported size (1 to 8 bits)", node: node)
            return
        }
        let listIRI = status["statusListCredential"]?.stringValue
        let list: JSONObject
        switch await fetchDocument(listIRI, what: "status list credential", allowJWT: true, into: &report) {
        case nil:
            return
        case .json(let object):
            // The list is a credential: its own proof must verify, with a key bound to the credential's issuer, and
            // its JSON must be what that proof signed.
            let outcomes = await verifier.verifyProofs(object)
            let valid = outcomes.filter(\.valid)
            if valid.isEmpty {
                let worst: CheckStatus = outcomes.contains { $0.status == .networkError } ? .networkError : .notChecked
                let why = outcomes.map(\.message).joined(separator: "; ")
                report.add(
                    .revocation, worst,
                    "the status list credential's proof does not verify\(why.isEmpty ? " (it has none)" : ": " + why), so its list is not trusted and revocation was not checked",
                    node: listIRI)
                return
            }
            guard await isBound(valid.compactMap(\.key), to: issuer, list: listIRI, into: &report) else { return }
            if valid.contains(where: \.canonicalizedAsRDF) {
                var scratch = ReportBuilder()
                await verifier.checkSignedData(object, into: &scratch)
                if let check = scratch.checks.first, check.status != .passed {
                    report.add(
                        .revocation, .notChecked,
                        "the status list credential's JSON is not what its proof signed (\(check.message)), so revocation was not checked", node: listIRI)
                    return
                }
            }
            list = object
        case .jwt(let text):
            // A VC-JWT status list: only its signature is checked (not its own status, which could loop).
            var scratch = ReportBuilder()
            guard let jws = try? JWS(compact: text), let payload = jws.payload.objectValue else {
                report.add(.revocation, .failed, "the status list VC-JWT cannot be decoded", node: listIRI)
                return
            }
            let object = payload["vc"]?.objectValue ?? payload
            guard let key = await verifier.checkJWTSignature(jws, header: jws.header, credential: object, node: listIRI, into: &scratch) else {
                let check = scratch.checks.first { $0.id == .signature }
                report.add(
                    .revocation, check?.status == .networkError ? .networkError : .notChecked,
                    "the status list VC-JWT's signature does not verify (\(check?.message ?? "")), so its list is not trusted and revocation was not checked",
                    node: listIRI)
                return
            }
            guard await isBound([key], to: issuer, list: listIRI, into: &report) else { return }
            list = object
        }
        guard let subject = list["credentialSubject"]?.asArray.first?.objectValue, let encoded = subject["encodedList"]?.stringValue else {
            report.add(.revocation, .failed, "the status list credential has no credentialSubject.encodedList", node: listIRI)
            return
        }
        if let listPurpose = subject["statusPurpose"]?.asArray.compactMap(\.stringValue), !listPurpose.isEmpty, !listPurpose.contains(purpose) {
            report.add(.revocation, .failed, "the status list is for \(listPurpose.joined(separator: ", ")), not \(purpose)", node: listIRI)
            return
        }
        // Bitstring Status List: multibase base64url (`u…`); StatusList2021: plain base64url. Both GZIP.
        // StatusList2021 lists are plain base64url, which some issuers pad; padding carries no data, so it is dropped
        // before the strict decoder (an unreadable list is "not checked", never "not revoked").
        var unpadded = Substring(encoded)
        while unpadded.hasSuffix("=") { unpadded = unpadded.dropLast() }
        let compressed = encoded.hasPrefix("H4sI") ? Base64URL.decode(unpadded) : (Multibase.decode(encoded) ?? Base64URL.decode(unpadded))
        guard let compressed, let bits = try? inflate(compressed, container: .gzip, limit: verifier.options.maximumStatusListBytes) else {
            report.add(.revocation, .failed, "the encodedList is not multibase/base64url GZIP data", node: listIRI)
            return
        }
        // No arithmetic on the index can overflow: it is compared with the list's length first.
        guard index < bits.count * 8 / size else {
            report.add(.revocation, .failed, "statusListIndex \(index) is beyond the list (\(bits.count * 8 / size) entries)", node: listIRI)
            return
        }
        let first = index * size
        var value = 0
        for bit in first..<(first + size) {
            // Most significant bit first: index 0 is the high bit of byte 0.
            value = value << 1 | Int(bits[bit / 8] >> (7 - UInt8(bit % 8)) & 1)
        }
        if value != 0 {
            report.add(
                .revocation, .failed, purpose == "suspension" ? "suspended (status list entry \(index) is set)" : "revoked (status list entry \(index) is set)",
                node: listIRI)
        } else {
            report.add(
                .revocation, .passed,
                "not \(purpose == "suspension" ? "suspended" : "revoked") (status list entry \(index) is clear; the list's proof verifies)", node: listIRI)
        }
    }

    /// Whether one of the keys that signed the status list is bound to the credential's issuer: a list signed by
    /// anyone else says nothing about the issuer's credentials.
    private func isBound(_ keys: [ResolvedKey], to issuer: String, list: String?, into report: inout ReportBuilder) async -> Bool {
        let resolver = KeyResolver(loader: verifier.options.loader, allowsWeakRSAKeys: verifier.options.allowsWeakRSAKeys)
        var reasons: [String] = []
        for key in keys {
            switch await resolver.bind(key, issuer: issuer) {
            case .bound: return true
            case .notAuthorized(let why), .otherController(let why), .unbound(let why): reasons.append(why)
            }
        }
        report.add(
            .revocation, .notChecked,
            "the status list is not signed by a key of the issuer \(issuer) (\(reasons.joined(separator: "; "))), so revocation was not checked", node: list)
        return false
    }
}
