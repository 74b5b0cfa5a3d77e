import Foundation

/// A date as Open Badges documents write it, read leniently but never wrongly.
///
/// Accepted: ISO 8601 / RFC 3339 date-times with or without fractional seconds and with `Z`, `±hh:mm`, `±hhmm` or no
/// offset (read as UTC, and recorded as such); date-only `YYYY-MM-DD` (midnight UTC, as the OB 2.0 validator
/// upgrades it); Unix timestamps in seconds, as a JSON number or a string of digits (OB 1.0). Impossible calendar
/// dates such as `2015-04-31` are refused. The original JSON is kept, so re-encoding writes it unchanged.
public struct FlexibleDate: JSONConvertible, Hashable, Comparable, CustomStringConvertible {
    /// How the date was written.
    public enum Form: String, Sendable, Hashable, Codable {
        /// A date-time with `Z` or a numeric offset.
        case dateTime
        /// A date-time without any offset (read as UTC; not valid OB 2.0 / 3.0).
        case dateTimeWithoutOffset
        /// A date only (midnight UTC).
        case dateOnly
        /// Seconds since 1970-01-01T00:00:00Z.
        case unixTimestamp
    }

    /// The JSON as read.
    public let jsonValue: JSONValue
    /// How it was written.
    public let form: Form
    /// The instant.
    public let date: Date

    /// Reads a date from a string or a number.
    /// - Throws: ``ModelError/Code/invalidDate`` naming `path`, or `.invalidType` for other JSON types.
    public init(jsonValue: JSONValue, path: String) throws {
        self.jsonValue = jsonValue
        switch jsonValue {
        case .number(let n):
            let seconds = n.doubleValue
            guard seconds.isFinite, abs(seconds) < 253_402_300_800 else {
                throw ModelError(.invalidDate, field: path, reason: "\(n.text) is not a usable Unix timestamp")
            }
            form = .unixTimestamp
            date = Date(timeIntervalSince1970: seconds)
        case .string(let s):
            do {
                (form, date) = try Self.parse(s)
            } catch let reason as DateReason {
                throw ModelError(.invalidDate, field: path, reason: "\"\(s)\": \(reason.text)")
            }
        default:
            throw ModelError(.invalidType, field: path, reason: "expected a date string or a timestamp, found \(jsonValue.typeName)")
        }
    }

    /// Creates a date from text (see the type's description for the accepted forms).
    /// - Throws: ``ModelError/Code/invalidDate``.
    public init(_ text: String) throws {
        try self.init(jsonValue: .string(text), path: "$")
    }

    /// The instant as RFC 3339 in UTC (`2025-03-27T00:00:00Z`, with milliseconds when there are any).
    public var iso8601: String { Self.iso8601(date) }

    /// Formats an instant as RFC 3339 in UTC (`2025-03-27T00:00:00Z`, with milliseconds when there are any).
    public static func iso8601(_ date: Date) -> String {
        let ms = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = ms >= 0 ? ms / 1000 : (ms - 999) / 1000
        let millis = ms - seconds * 1000
        let days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400
        let rem = seconds - days * 86400
        let (y, m, d) = Self.civil(fromDays: days)
        func pad(_ v: Int64, _ w: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, w - s.count)) + s
        }
        var out = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(rem / 3600, 2)):\(pad(rem / 60 % 60, 2)):\(pad(rem % 60, 2))"
        if millis != 0 { out += "." + pad(millis, 3) }
        return out + "Z"
    }

    /// The original text (or number literal).
    public var description: String {
        switch jsonValue {
        case .string(let s): s
        case .number(let n): n.text
        default: iso8601
        }
    }

    /// Orders by instant.
    public static func < (lhs: FlexibleDate, rhs: FlexibleDate) -> Bool { lhs.date < rhs.date }

    struct DateReason: Error { let text: String }

    static func parse(_ s: String) throws -> (Form, Date) {
        let b = Array(s.utf8)
        func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
        if !b.isEmpty, b.allSatisfy(isDigit) || (b.first == UInt8(ascii: "-") && b.count > 1 && b.dropFirst().allSatisfy(isDigit)) {
            guard b.count <= 12, let secs = Int64(s) else { throw DateReason(text: "timestamp out of range") }
            return (.unixTimestamp, Date(timeIntervalSince1970: TimeInterval(secs)))
        }
        var i = 0
        func number(_ width: Int, _ what: String) throws -> Int64 {
            guard i + width <= b.count, b[i..<i + width].allSatisfy(isDigit) else {
                throw DateReason(text: "expected \(width) digits for the \(what)")
            }
            defer { i += width }
            return Int64(String(decoding: b[i..<i + width], as: UTF8.self))!
        }
        func expect(_ c: Character, _ what: String) throws {
            guard i < b.count, b[i] == UInt8(ascii: c.unicodeScalars.first!) else { throw DateReason(text: "expected '\(c)' \(what)") }
            i += 1
        }
        let year = try number(4, "year")
        try expect("-", "after the year")
        let month = try number(2, "month")
        try expect("-", "after the month")
        let day = try number(2, "day")
        guard (1...12).contains(month) else { throw DateReason(text: "month \(month) does not exist") }
        let dim = daysInMonth(year: year, month: month)
        guard day >= 1, day <= dim else {
            throw DateReason(text: "day \(day) does not exist in \(year)-\(month < 10 ? "0" : "")\(month) (which has \(dim) days)")
        }
        var seconds = days(year: year, month: month, day: day) * 86400
        if i == b.count { return (.dateOnly, Date(timeIntervalSince1970: TimeInterval(seconds))) }
        guard [UInt8(ascii: "T"), UInt8(ascii: "t"), UInt8(ascii: " ")].contains(b[i]) else {
            throw DateReason(text: "expected 'T' between the date and the time")
        }
        i += 1
        let hour = try number(2, "hour")
        try expect(":", "after the hour")
        let minute = try number(2, "minute")
        var second: Int64 = 0
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ":") {
            i += 1
            second = try number(2, "second")
            if i < b.count, b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: ",") {
                i += 1
                let start = i
                while i < b.count, isDigit(b[i]) { i += 1 }
                guard i > start else { throw DateReason(text: "expected digits after the decimal point") }
                fraction = Double("0." + String(decoding: b[start..<i], as: UTF8.self)) ?? 0
            }
        }
        guard hour <= 23 || (hour == 24 && minute == 0 && second == 0 && fraction == 0) else { throw DateReason(text: "hour \(hour) does not exist") }
        guard minute <= 59 else { throw DateReason(text: "minute \(minute) does not exist") }
        guard second <= 60 else { throw DateReason(text: "second \(second) does not exist") }
        seconds += hour * 3600 + minute * 60 + min(second, 59)
        if i == b.count {
            return (.dateTimeWithoutOffset, Date(timeIntervalSince1970: TimeInterval(seconds) + fraction))
        }
        if b[i] == UInt8(ascii: "Z") || b[i] == UInt8(ascii: "z") {
            i += 1
        } else if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign: Int64 = b[i] == UInt8(ascii: "+") ? 1 : -1
            i += 1
            let oh = try number(2, "offset hours")
            if i < b.count, b[i] == UInt8(ascii: ":") { i += 1 }
            let om = try number(2, "offset minutes")
            guard oh <= 23, om <= 59 else { throw DateReason(text: "offset out of range") }
            seconds -= sign * (oh * 3600 + om * 60)
        } else {
            throw DateReason(text: "unexpected text after the time")
        }
        guard i == b.count else { throw DateReason(text: "unexpected text after the offset") }
        return (.dateTime, Date(timeIntervalSince1970: TimeInterval(seconds) + fraction))
    }

    static func daysInMonth(year: Int64, month: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// Inverse of ``days(year:month:day:)``.
    static func civil(fromDays z0: Int64) -> (Int64, Int64, Int64) {
        let z = z0 + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
