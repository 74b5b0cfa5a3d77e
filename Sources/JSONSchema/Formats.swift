/// The `format` values asserted: RFC 3339 `date-time` and `full-date`. Other formats are annotations only.
enum Format: Sendable {
    case dateTime
    case date

    func check(_ s: String) -> Bool {
        let b = Array(s.utf8)
        switch self {
        case .date: return b.count == 10 && Self.fullDate(b, 0) != nil
        case .dateTime: return Self.dateTime(b)
        }
    }

    /// `n` ASCII digits at `at`, as an integer.
    private static func digits(_ b: [UInt8], _ at: Int, _ n: Int) -> Int? {
        guard at + n <= b.count else { return nil }
        var v = 0
        for k in at..<(at + n) {
            guard b[k] >= 0x30, b[k] <= 0x39 else { return nil }
            v = v * 10 + Int(b[k] - 0x30)
        }
        return v
    }

    /// full-date = date-fullyear "-" date-month "-" date-mday, with the month's day count (leap years included).
    static func fullDate(_ b: [UInt8], _ at: Int) -> (year: Int, month: Int, day: Int)? {
        guard let y = digits(b, at, 4), at + 4 < b.count, b[at + 4] == 0x2D,
            let m = digits(b, at + 5, 2), at + 7 < b.count, b[at + 7] == 0x2D,
            let d = digits(b, at + 8, 2)
        else { return nil }
        guard (1...12).contains(m), d >= 1 else { return nil }
        let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        return d <= days ? (y, m, d) : nil
    }

    /// date-time = full-date "T" full-time (T and Z case-insensitive); a leap second (`60`) only at 23:59 UTC.
    static func dateTime(_ b: [UInt8]) -> Bool {
        guard b.count >= 20, fullDate(b, 0) != nil, b[10] == 0x54 || b[10] == 0x74 else { return false }
        guard let hh = digits(b, 11, 2), b[13] == 0x3A, let mm = digits(b, 14, 2), b[16] == 0x3A, let ss = digits(b, 17, 2)
        else { return false }
        guard hh <= 23, mm <= 59, ss <= 60 else { return false }
        var i = 19
        if b[i] == 0x2E {  // time-secfrac
            i += 1
            let start = i
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 }
            guard i > start else { return false }
        }
        guard i < b.count else { return false }
        var offsetMinutes = 0
        if b[i] == 0x5A || b[i] == 0x7A {
            i += 1
        } else if b[i] == 0x2B || b[i] == 0x2D {
            guard let oh = digits(b, i + 1, 2), i + 3 < b.count, b[i + 3] == 0x3A, let om = digits(b, i + 4, 2), oh <= 23, om <= 59
            else { return false }
            offsetMinutes = (oh * 60 + om) * (b[i] == 0x2B ? 1 : -1)
            i += 6
        } else {
            return false
        }
        guard i == b.count else { return false }
        if ss == 60 {
            // UTC time of day = local - offset; a leap second happens at 23:59:60 UTC.
            let utc = ((hh * 60 + mm - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }
}
