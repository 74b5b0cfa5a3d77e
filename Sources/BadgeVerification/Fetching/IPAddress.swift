/// An IPv4 or IPv6 address, classified for server-side request forgery checks.
public enum IPAddress: Hashable, Sendable, CustomStringConvertible {
    /// An IPv4 address (4 bytes).
    case v4(UInt8, UInt8, UInt8, UInt8)
    /// An IPv6 address (16 bytes).
    case v6([UInt8])

    /// Parses a literal address (`192.0.2.1`, `2001:db8::1`, with or without brackets).
    public init?(_ text: some StringProtocol) {
        var text = Substring(text)
        if text.hasPrefix("["), text.hasSuffix("]") { text = text.dropFirst().dropLast() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, !text.contains(":") {
            let bytes = parts.compactMap { $0.count <= 3 && $0.allSatisfy(\.isASCII) ? UInt8($0) : nil }
            guard bytes.count == 4 else { return nil }
            self = .v4(bytes[0], bytes[1], bytes[2], bytes[3])
            return
        }
        guard text.contains(":"), let bytes = Self.parseIPv6(text) else { return nil }
        self = .v6(bytes)
    }

    private static func parseIPv6(_ text: Substring) -> [UInt8]? {
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains("."), case .v4(let a, let b, let c, let d)? = IPAddress(piece) {
                    result += [UInt16(a) << 8 | UInt16(b), UInt16(c) << 8 | UInt16(d)]
                } else {
                    guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                    result.append(value)
                }
            }
            return result
        }
        guard let head = groups(String(halves[0])) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(String(halves[1])), head.count + tail.count < 8 else { return nil }
            all += [UInt16](repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    }

    /// Whether the address is a public unicast address: not loopback, private (RFC 1918, unique local),
    /// link-local, carrier-grade NAT, multicast, broadcast, unspecified, documentation or reserved.
    public var isPublic: Bool {
        switch self {
        case .v4(let a, let b, let c, _):
            switch (a, b) {
            case (0, _), (10, _), (127, _): return false
            case (100, 64...127): return false  // carrier-grade NAT
            case (169, 254): return false  // link-local
            case (172, 16...31): return false
            case (192, 168): return false
            case (192, 0) where c == 0 || c == 2: return false  // IETF protocol assignments, TEST-NET-1
            case (198, 18...19): return false  // benchmarking
            case (198, 51) where c == 100, (203, 0) where c == 113: return false  // TEST-NET-2/3
            case (224...255, _): return false  // multicast, reserved, broadcast
            default: return true
            }
        case .v6(let bytes):
            if bytes.allSatisfy({ $0 == 0 }) { return false }  // ::
            if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return false }  // ::1
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xFF && bytes[11] == 0xFF {  // ::ffff:a.b.c.d
                return IPAddress.v4(bytes[12], bytes[13], bytes[14], bytes[15]).isPublic
            }
            if bytes[0..<12].allSatisfy({ $0 == 0 }) { return false }  // IPv4-compatible (deprecated)
            if bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B {  // 64:ff9b::/96 NAT64
                return IPAddress.v4(bytes[12], bytes[13], bytes[14], bytes[15]).isPublic
            }
            if bytes[0] & 0xFE == 0xFC { return false }  // fc00::/7 unique local
            if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0x80 { return false }  // fe80::/10 link-local
            if bytes[0] == 0xFE && bytes[1] & 0xC0 == 0xC0 { return false }  // fec0::/10 site-local
            if bytes[0] == 0xFF { return false }  // multicast
            if bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0D && bytes[3] == 0xB8 { return false }  // documentation
            return true
        }
    }

    public var description: String {
        switch self {
        case .v4(let a, let b, let c, let d): return "\(a).\(b).\(c).\(d)"
        case .v6(let bytes):
            return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
                .joined(separator: ":")
        }
    }
}

import Foundation
