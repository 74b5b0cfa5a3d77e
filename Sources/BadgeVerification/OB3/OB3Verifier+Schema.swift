import Crypto
import DataIntegrity
import Foundation
import JSONLD
import JSONSchema
import RDFCanonicalization
import OpenBadgesModel
import _CryptoExtras

/// The `schema` check: the published 1EdTech JSON Schemas, bundled and pinned.
extension OB3Verifier {
    // MARK: Schema

    /// Step 1 of the OB 3.0 verification algorithm: a credential that names a `1EdTechJsonSchemaValidator2019` schema
    /// must be valid against it. Only the published 1EdTech schemas are used (bundled, pinned by SHA-256); an unknown
    /// schema URL is not checked, never fetched and never passed. Schema work counts against
    /// ``VerificationOptions/maximumLinkedDataWork``.
    func checkSchema(_ credential: JSONObject, into report: inout ReportBuilder) {
        let entries = (credential["credentialSchema"]?.asArray ?? []).compactMap(\.objectValue)
            .filter { $0["type"]?.stringValue == "1EdTechJsonSchemaValidator2019" }
        guard !entries.isEmpty else { return }
        let node = credential["id"]?.stringValue
        let vc11 = credential["@context"]?.asArray.first?.stringValue == Self.vc11Context
        // For a VC 1.1 credential the check cannot run (see below), which says nothing against it: not required.
        if !vc11 { report.require(.schema) }
        for entry in entries {
            guard let url = entry["id"]?.stringValue else {
                report.add(.schema, .failed, "a credentialSchema entry has no id", node: node)
                continue
            }
            let schema: JSONSchema?
            do {
                schema = try BundledSchemas.schema(for: url)
            } catch {
                report.add(.schema, .notChecked, "the bundled schema \(url) could not be read: \(error)", node: url)
                continue
            }
            guard let schema else {
                report.add(.schema, .notChecked, "\(url) is not a published 1EdTech schema known here (schemas are never fetched)", node: url)
                continue
            }
            if vc11 {
                report.add(.schema, .notChecked, "\(url) describes VC 2.0 credentials; the variant for VC 1.1 credentials is not published", node: url)
                continue
            }
            var limits = JSONSchemaLimits()
            limits.maximumSteps = min(limits.maximumSteps, budget.remaining(.linkedDataWork))
            guard limits.maximumSteps > 0, budget.spend(.linkedDataWork, 0) else {
                _ = budget.spend(.linkedDataWork)
                report.add(.schema, .notChecked, VerificationBudget.message(.linkedDataWork, limit: budget.limit(.linkedDataWork)), node: url)
                continue
            }
            let (violations, steps) = schema.validateCountingSteps(.object(credential), limits: limits)
            _ = budget.record(.linkedDataWork, steps)
            // Credly writes `null` for empty members (`"targetDescription": null`), which the schema does not allow but
            // JSON-LD reads as absent: valid without them is a warning naming them, not a failure.
            var nullsOnly = false
            if !violations.isEmpty, !violations.contains(where: \.isLimitExceeded) {
                let (again, more) = schema.validateCountingSteps(Self.removingNulls(.object(credential)), limits: limits)
                _ = budget.record(.linkedDataWork, more)
                nullsOnly = again.isEmpty
            }
            if let limit = violations.first(where: \.isLimitExceeded) {
                report.add(.schema, .notChecked, "schema validation stopped at a limit: \(limit.message)", node: url)
            } else if violations.isEmpty {
                report.add(.schema, .passed, "valid against \(url)", node: url)
            } else if nullsOnly {
                let shown = violations.prefix(3).map { $0.instanceLocation.isEmpty ? "/" : $0.instanceLocation }
                report.add(
                    .schema, .warning,
                    "valid against \(url) once its null members are read as absent, as JSON-LD reads them; strictly the schema allows no null (at \(shown.joined(separator: ", ")))",
                    node: url)
            } else {
                let shown = violations.prefix(5).map { "\($0.instanceLocation.isEmpty ? "/" : $0.instanceLocation) (\($0.keyword)): \($0.message)" }
                report.add(.schema, .failed, "not valid against \(url): " + shown.joined(separator: "; ") + (violations.count > 5 ? "; …" : ""), node: url)
            }
        }
    }

    /// `value` without `null` object members and array items (what JSON-LD reads as absent).
    static func removingNulls(_ value: JSONValue, depth: Int = 0) -> JSONValue {
        guard depth < 256 else { return value }
        switch value {
        case .object(let object):
            var result = JSONObject()
            for (key, member) in object where !member.isNull { result[key] = removingNulls(member, depth: depth + 1) }
            return .object(result)
        case .array(let items):
            return .array(items.filter { !$0.isNull }.map { removingNulls($0, depth: depth + 1) })
        default:
            return value
        }
    }
}
