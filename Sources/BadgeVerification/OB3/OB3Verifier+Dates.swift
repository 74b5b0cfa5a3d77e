import Crypto
import DataIntegrity
import Foundation
import JSONLD
import JSONSchema
import RDFCanonicalization
import OpenBadgesModel
import _CryptoExtras

/// The `expiry` check: every validity date the credential carries.
extension OB3Verifier {
    func checkDates(_ credential: JSONObject, notBefore: Date?, expires: Date?, into report: inout ReportBuilder) {
        let node = credential["id"]?.stringValue
        struct BadDate: Error { let message: String }
        func date(_ name: String) -> Result<Date?, BadDate> {
            guard let value = credential[name] else { return .success(nil) }
            guard let text = value.stringValue, let parsed = try? FlexibleDate(text) else {
                return .failure(BadDate(message: "\(name) is not a date: \(value.serialized())"))
            }
            return .success(parsed.date)
        }
        // Every validity date the credential carries counts (VC 2.0 names and VC 1.1 names alike): the latest start and
        // the earliest end, so a second, later date can never hide an expired one.
        var starts: [Date] = [notBefore].compactMap { $0 }
        var ends: [Date] = [expires].compactMap { $0 }
        for (name, isStart) in [("validFrom", true), ("issuanceDate", true), ("validUntil", false), ("expirationDate", false)] {
            switch date(name) {
            case .failure(let bad):
                report.add(.expiry, .failed, bad.message, node: node)
                return
            case .success(let found?):
                if isStart { starts.append(found) } else { ends.append(found) }
            case .success(nil):
                break
            }
        }
        let start = starts.max()
        let end = ends.min()
        report.addValidityPeriod(start: start, end: end, now: options.now(), leeway: options.leeway, node: node)
    }
}
