/// An IPv4 or IPv6 address, classified for server-side request forgery checks.
///
/// Literal hosts are read strictly: ``init(_:)`` accepts only the canonical dotted-decimal IPv4 form (no
/// leading zeros, four parts) and IPv6, which is what `inet_pton` accepts. The C library reads more forms as
/// IPv4 (`inet_aton`: `012.0.0.1` is octal 10.0.0.1, `0x7f.1` and `2130706433` are 127.0.0.1);
/// ``init(inetAton:)`` reads those the way it does, so that a policy can recognise and refuse them.
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// An IPv4 address (4 bytes).
    case v4(UInt8, UInt8, UInt8, UInt8)
    /// An IPv6 address (16 bytes).
    case v6([UInt8])

    /// Parses a canonical literal address (`192.0.2.1`, `2001:db8::1`, with or without brackets), as
    /// `inet_pton` does: IPv4 only as four decimal parts of 0–255 without leading zeros.
    public init?(_ text: some StringProtocol) {
        var text = Substring(text)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        if !text.contains(":") {
            guard let bytes = Self.parseCanonicalIPv4(text) else { return nil }
            self = .v4(bytes[0], bytes[1], bytes[2], bytes[3])
            return
        }
        guard let bytes = Self.parseIPv6(text) else { return nil }
        self = .v6(bytes)
    }

    /// Reads `text` as the C library's `inet_aton` (and so `getaddrinfo` for a numeric host) reads an IPv4
    /// address: one to four parts, each decimal, octal (leading `0`) or hexadecimal (leading `0x`), the last
    /// part filling the remaining bytes (`127.1` is 127.0.0.1, `2130706433` is 127.0.0.1). Nil when the C
    /// library would not read `text` as an IPv4 address.
    public init?(inetAton text: some StringProtocol) {
        let characters = Array(text.utf8)
        var parts: [UInt64] = []
        var index = 0
        func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
        func hexValue(_ c: UInt8) -> UInt64? {
            switch c {
            case 0x30...0x39: UInt64(c - 0x30)
            case 0x61...0x66: UInt64(c - 0x61 + 10)
            case 0x41...0x46: UInt64(c - 0x41 + 10)
            default: nil
            }
        }
        while true {
            guard index < characters.count, isDigit(characters[index]) else { return nil }
            var base: UInt64 = 10
            var value: UInt64 = 0
            var sawDigit = false
            if characters[index] == 0x30 {  // "0": octal, or "0x": hexadecimal
                index += 1
                if index < characters.count, characters[index] == 0x78 || characters[index] == 0x58 {
                    base = 16
                    index += 1
                } else {
                    base = 8
                    sawDigit = true
                }
            }
            while index < characters.count {
                let c = characters[index]
                let digit: UInt64
                if base == 16, let hex = hexValue(c) {
                    digit = hex
                } else if isDigit(c) {
                    if base == 8 && c >= 0x38 { return nil }
                    digit = UInt64(c - 0x30)
                } else {
                    break
                }
                value = value * base + digit
                guard value <= 0xFFFF_FFFF else { return nil }
                sawDigit = true
                index += 1
            }
            guard sawDigit else { return nil }
            parts.append(value)
            if index < characters.count, characters[index] == 0x2E {  // "."
                guard parts.count < 4 else { return nil }
                index += 1
                continue
            }
            break
        }
        guard index == characters.count else { return nil }
        let last = parts.removeLast()
        for part in parts where part > 0xFF { return nil }
        let lastLimit: UInt64 = [0xFFFF_FFFF, 0xFF_FFFF, 0xFFFF, 0xFF][parts.count]
        guard last <= lastLimit else { return nil }
        var value = last
        for (position, part) in parts.enumerated() { value |= part << (24 - 8 * UInt64(position)) }
        self = .v4(UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value))
    }

    private static func parseCanonicalIPv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard (1...3).contains(part.count), part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                part.count == 1 || part.first != "0", let byte = UInt8(part)
            else { return nil }
            bytes.append(byte)
        }
        return bytes
    }

    private static func parseIPv6(_ text: Substring) -> [UInt8]? {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        // Split at "::" (at most one).
        let utf8 = Array(text.utf8)
        let doubleColons = utf8.indices.dropLast().filter { utf8[$0] == 0x3A && utf8[$0 + 1] == 0x3A }
        var halves: [String]
        if let first = doubleColons.first {
            guard doubleColons.count == 1 else { return nil }
            halves = [String(decoding: utf8[..<first], as: UTF8.self), String(decoding: utf8[(first + 2)...], as: UTF8.self)]
        } else {
            halves = [String(text)]
        }
        func groups(_ part: String, isLast: Bool) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if isLast, index == pieces.count - 1, piece.contains(".") {
                    guard let v4 = parseCanonicalIPv4(piece) else { return nil }
                    result += [UInt16(v4[0]) << 8 | UInt16(v4[1]), UInt16(v4[2]) << 8 | UInt16(v4[3])]
                } else {
                    guard (1...4).contains(piece.count), piece.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || (($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x66) }),
                        let value = UInt16(piece, radix: 16)
                    else { return nil }
                    result.append(value)
                }
            }
            return result
        }
        guard let head = groups(String(halves[0]), isLast: halves.count == 1) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(String(halves[1]), isLast: true), head.count + tail.count < 8 else { return nil }
            all += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    /// Whether the address is a public unicast address, one a badge may make a server fetch from.
    ///
    /// False for every range of the IANA IPv4 and IPv6 Special-Purpose Address Registries (loopback, private,
    /// shared, link-local, documentation, benchmarking, protocol assignments, AS112, 6to4 relay anycast,
    /// reserved, multicast, broadcast, unspecified, discard, ORCHID, Teredo, SRv6 SIDs, unique and site
    /// local), including the few of them the registries call globally reachable. IPv6 is public only in
    /// 2000::/3, the global unicast space. Addresses that carry an IPv4 address a connection can end up at
    /// (IPv4-mapped `::ffff:a.b.c.d`, IPv4-translated `::ffff:0:a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4
    /// `2002::/16`) are public only when that IPv4 address is; the local-use NAT64 prefix `64:ff9b:1::/48`
    /// and IPv4-compatible `::a.b.c.d` never are.
    public var isPublic: Bool {
        switch self {
        case .v4(let a, let b, let c, _):
            switch (a, b, c) {
            case (0, _, _), (10, _, _), (127, _, _): return false  // "this network", private, loopback
            case (100, 64...127, _): return false  // shared address space (carrier-grade NAT)
            case (169, 254, _): return false  // link-local
            case (172, 16...31, _): return false  // private
            case (192, 0, 0), (192, 0, 2): return false  // IETF protocol assignments, TEST-NET-1
            case (192, 31, 196), (192, 52, 193): return false  // AS112-v4, AMT
            case (192, 88, 99): return false  // deprecated 6to4 relay anycast
            case (192, 168, _): return false  // private
            case (192, 175, 48): return false  // direct delegation AS112
            case (198, 18...19, _): return false  // benchmarking
            case (198, 51, 100), (203, 0, 113): return false  // TEST-NET-2, TEST-NET-3
            case (224...255, _, _): return false  // multicast, reserved (240/4), limited broadcast
            default: return true
            }
        case .v6(let bytes):
            guard bytes.count == 16 else { return false }
            let embedded = IPAddress.v4(bytes[12], bytes[13], bytes[14], bytes[15])
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {
                return embedded.isPublic  // ::ffff:a.b.c.d, IPv4-mapped
            }
            if bytes[0..<8].allSatisfy({ $0 == 0 }) && bytes[8] == 0xFF && bytes[9] == 0xFF && bytes[10] == 0 && bytes[11] == 0 {
                return embedded.isPublic  // ::ffff:0:a.b.c.d, IPv4-translated
            }
            if bytes[0..<12] == [0x00, 0x64, 0xFF, 0x9B, 0, 0, 0, 0, 0, 0, 0, 0] {
                return embedded.isPublic  // 64:ff9b::/96, NAT64 well-known prefix
            }
            if bytes[0] == 0x20 && bytes[1] == 0x02 {  // 2002::/16, 6to4: the IPv4 address is bytes 2-5
                return IPAddress.v4(bytes[2], bytes[3], bytes[4], bytes[5]).isPublic
            }
            // Everything else outside 2000::/3 (::, ::1, IPv4-compatible, 64:ff9b:1::/48, 100::/64, 5f00::/16,
            // fc00::/7, fe80::/10, fec0::/10, ff00::/8, unassigned space) is not public.
            guard bytes[0] & 0xE0 == 0x20 else { return false }
            if bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] & 0xFE == 0x00 { return false }  // 2001::/23 (Teredo, ORCHID...)
            if bytes[0..<4] == [0x20, 0x01, 0x0D, 0xB8] { return false }  // 2001:db8::/32 documentation
            if bytes[0] == 0x3F && bytes[1] == 0xFF && bytes[2] & 0xF0 == 0x00 { return false }  // 3fff::/20 documentation
            return true
        }
    }

    /// The canonical text form: dotted decimal, or IPv6 as RFC 5952 writes it (`2001:db8::1`).
    public var description: String {
        switch self {
        case .v4(let a, let b, let c, let d): return "\(a).\(b).\(c).\(d)"
        case .v6(let bytes):
            let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
            // The longest run of two or more zero groups (the first, on a tie) becomes "::".
            var best: Range<Int>? = nil
            var start: Int? = nil
            for index in 0...8 {
                if index < 8, groups[index] == 0 {
                    if start == nil { start = index }
                } else if let runStart = start {
                    if index - runStart >= 2, index - runStart > (best?.count ?? 0) { best = runStart..<index }
                    start = nil
                }
            }
            func text(_ slice: ArraySlice<UInt16>) -> String { slice.map { String($0, radix: 16) }.joined(separator: ":") }
            guard let run = best else { return text(groups[...]) }
            return text(groups[..<run.lowerBound]) + "::" + text(groups[run.upperBound...])
        }
    }
}
