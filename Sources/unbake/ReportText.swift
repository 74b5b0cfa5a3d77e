import Foundation
import BadgeVerification

/// The human-readable verification report `unbake --verify` prints.
enum ReportText {
    static func render(_ report: VerificationReport) -> String {
        let version = report.specVersion.map { ", Open Badges \($0)" } ?? ""
        var lines = ["Verdict: \(report.verdict.rawValue) (\(report.method)\(version))"]
        if let subject = report.subject { lines.append("Badge:   \(subject)") }
        let width = report.checks.map(\.id.rawValue.count).max() ?? 0
        for check in report.checks {
            let id = check.id.rawValue.padded(to: width)
            lines.append("  \(marker(check.status)) \(id)  \(check.message)")
        }
        return lines.joined(separator: "\n")
    }

    private static func marker(_ status: CheckStatus) -> String {
        switch status {
        case .passed: "PASS"
        case .failed: "FAIL"
        case .warning: "WARN"
        case .notChecked: "SKIP"
        case .networkError: "NET "
        }
    }
}
