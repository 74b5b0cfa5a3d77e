import Foundation
import Testing
@testable import OpenBadgesModel

@Suite("Flexible dates")
struct FlexibleDateTests {
    @Test(
        "accepted forms",
        arguments: [
            ("2025-03-27T00:00:00.000Z", "2025-03-27T00:00:00Z", FlexibleDate.Form.dateTime),
            ("2025-02-21T00:00:00+09:00", "2025-02-20T15:00:00Z", .dateTime),
            ("2016-12-31T23:59:59+0000", "2016-12-31T23:59:59Z", .dateTime),
            ("2025-10-15T00:44:21.142Z", "2025-10-15T00:44:21.142Z", .dateTime),
            ("2017-06-29T21:50:14", "2017-06-29T21:50:14Z", .dateTimeWithoutOffset),
            ("2015-05-26", "2015-05-26T00:00:00Z", .dateOnly),
            ("2024-02-29", "2024-02-29T00:00:00Z", .dateOnly),
            ("1406747839", "2014-07-30T19:17:19Z", .unixTimestamp),
            ("1969-12-31T23:59:59Z", "1969-12-31T23:59:59Z", .dateTime),
        ])
    func accepted(text: String, iso: String, form: FlexibleDate.Form) throws {
        let d = try FlexibleDate(text)
        #expect(d.iso8601 == iso)
        #expect(d.form == form)
        #expect(d.description == text)
    }

    @Test("a Unix timestamp as a JSON number")
    func numberTimestamp() throws {
        let d = try FlexibleDate(jsonValue: .number(JSONNumber(text: "1406747839")!), path: "$.issuedOn")
        #expect(d.form == .unixTimestamp)
        #expect(d.iso8601 == "2014-07-30T19:17:19Z")
        #expect(d.jsonValue == .number(JSONNumber(text: "1406747839")!))
    }

    @Test(
        "impossible or malformed dates are refused with the field named",
        arguments: [
            "2015-04-31", "2023-02-29", "1900-02-29", "2015-13-01", "2015-00-10", "2015-01-01T25:00:00Z", "2015-01-01T10:61:00Z",
            "2015-1-1", "yesterday", "", "2015-01-01T10:00:00Q", "2015-01-01T10:00:00+0",
        ])
    func refused(text: String) {
        #expect {
            try FlexibleDate(jsonValue: .string(text), path: "$.expires")
        } throws: { error in
            let e = error as? ModelError
            return e?.code == .invalidDate && e?.field == "$.expires"
        }
    }

    @Test("2015-04-31 says why")
    func reason() {
        do {
            _ = try FlexibleDate("2015-04-31")
            Issue.record("accepted an impossible date")
        } catch let e as ModelError {
            #expect(e.reason.contains("day 31 does not exist"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
