import BadgeBaking
import OpenBadgesModel

/// The human-readable summary `unbake --summary` prints.
enum SummaryText {
    static func render(_ imported: ImportedBadge) -> String {
        let baked = imported.baked
        var lines: [(String, String)] = []
        guard let summary = imported.summary else {
            lines.append(("Payload", "\(baked.kind.rawValue), could not be decoded: \(imported.summaryError ?? "unknown reason")"))
            lines.append(("Found in", foundIn(baked)))
            return format(lines)
        }
        lines.append(("Title", summary.title ?? "(not in the image)"))
        if let description = summary.description { lines.append(("Description", description)) }
        if let criteria = summary.criteria {
            lines.append(("Criteria", [criteria.narrative, criteria.url].compactMap { $0 }.joined(separator: " — ")))
        }
        if let issuer = summary.issuer {
            let parts = [issuer.name, issuer.url ?? issuer.id, issuer.email].compactMap { $0 }
            lines.append(("Issuer", parts.isEmpty ? "(not in the image)" : parts.joined(separator: ", ")))
        }
        if !summary.skills.isEmpty {
            let skills = summary.skills.map { skill in
                let detail = [skill.framework, skill.code].compactMap { $0 }.joined(separator: " ")
                return detail.isEmpty ? skill.name : "\(skill.name) (\(detail))"
            }
            lines.append(("Skills", skills.joined(separator: "; ")))
        }
        if let issued = summary.issuedOn { lines.append(("Issued", issued)) }
        if let expires = summary.expires { lines.append(("Expires", expires)) }
        if let recipient = summary.recipient { lines.append(("Recipient", recipient.display)) }
        if let name = summary.credentialName { lines.append(("Credential name", name)) }
        if let image = summary.image { lines.append(("Image", shortened(image))) }
        // A CLR 2.0 record: every achievement it holds.
        for achievement in summary.achievements {
            let skills = achievement.skills.map(\.name).joined(separator: ", ")
            let parts = [achievement.title ?? "(untitled)", achievement.issuer?.name ?? achievement.issuer?.id, skills.isEmpty ? nil : skills]
            lines.append(("Achievement", parts.compactMap { $0 }.joined(separator: " — ")))
        }
        for evidence in summary.evidence {
            lines.append(("Evidence", [evidence.name, evidence.url, evidence.narrative].compactMap { $0 }.joined(separator: " — ")))
        }
        let version = summary.specVersion.map { "Open Badges \($0.rawValue)" } ?? "unknown"
        lines.append(("Version", "\(summary.documentKind == "clrCredential" ? "CLR 2.0" : version) (\(baked.kind.rawValue))"))
        lines.append(("Found in", foundIn(baked)))
        let verification: String
        switch summary.verification.mode {
        case .hosted: verification = "hosted: verify online at \(summary.verification.hostedURL.map(shortened) ?? "the assertion's URL")"
        case .signed:
            verification = "signed (\(summary.verification.jwsAlgorithm ?? summary.verification.proofTypes.joined(separator: ", "))): can be verified offline"
        default: verification = "no verification method found"
        }
        lines.append(("Verification", verification))
        if !summary.documentsToFetch.isEmpty { lines.append(("To fetch", summary.documentsToFetch.map(shortened).joined(separator: ", "))) }
        for warning in summary.warnings + baked.warnings.map(\.reason) { lines.append(("Warning", warning)) }
        return format(lines)
    }

    /// At most 100 Unicode scalars of `text` (counting scalars, not grapheme clusters: linear whatever the text);
    /// for images (often data: URLs) and URLs, which a summary names but need not print in full.
    static func shortened(_ text: String) -> String {
        let head = text.unicodeScalars.prefix(101)
        guard head.count > 100 else { return text }
        return String(String.UnicodeScalarView(head.prefix(97))) + "..."
    }

    static func foundIn(_ badge: BakedBadge) -> String {
        switch badge.location {
        case .pngChunk(let type, let offset): "PNG \(type) chunk \"\(badge.generation.pngKeyword)\" at byte \(offset)"
        case .svgElement(let name, let namespace, let offset): "SVG element <\(name)> (\(namespace ?? "no namespace")) at byte \(offset)"
        }
    }

    private static func format(_ lines: [(String, String)]) -> String {
        let width = (lines.map(\.0.count).max() ?? 0) + 2
        return lines.map { ($0.0 + ":").padded(to: width) + $0.1 }.joined(separator: "\n")
    }
}

import Foundation
