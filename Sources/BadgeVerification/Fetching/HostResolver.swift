import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Turns a host name into the addresses it stands for. ``HTTPDocumentLoader`` asks its resolver once per
/// request, checks every address it gets against the ``FetchPolicy``, and connects only to one of those
/// addresses: nothing resolves the name a second time, so a DNS server that answers differently later
/// (DNS rebinding) cannot move the connection elsewhere.
///
/// The default is ``SystemHostResolver`` (`getaddrinfo`). Tests supply their own to play a hostile DNS server.
/// Literal addresses in URLs are read by the policy itself and never reach a resolver.
public protocol HostResolving: Sendable {
    /// Every address `host` resolves to, in the order connections should try them. May block; it is
    /// called off the cooperative thread pool. Throw (any error) when the name cannot be resolved.
    func addresses(of host: String) throws -> [IPAddress]
}

/// The system resolver: `getaddrinfo`, for TCP, IPv4 and IPv6 (only families the machine has an address for).
public struct SystemHostResolver: HostResolving {
    /// Makes the system resolver.
    public init() {}

    /// Every address `getaddrinfo` gives for `host`, in its order, without repeats.
    public func addresses(of host: String) throws -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_flags = AI_ADDRCONFIG
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0, let first = list else {
            throw ResolutionError(message: "cannot resolve \(host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(first) }
        var result: [IPAddress] = []
        var node: UnsafeMutablePointer<addrinfo>? = first
        while let entry = node {
            if let address = entry.pointee.ai_addr {
                var parsed: IPAddress?
                switch Int32(address.pointee.sa_family) {
                case AF_INET:
                    address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                        let value = UInt32(bigEndian: pointer.pointee.sin_addr.s_addr)
                        parsed = .v4(
                            UInt8(value >> 24), UInt8(truncatingIfNeeded: value >> 16), UInt8(truncatingIfNeeded: value >> 8), UInt8(truncatingIfNeeded: value))
                    }
                case AF_INET6:
                    address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                        parsed = .v6(withUnsafeBytes(of: pointer.pointee.sin6_addr) { Array($0) })
                    }
                default:
                    break
                }
                if let parsed, !result.contains(parsed) { result.append(parsed) }
            }
            node = entry.pointee.ai_next
        }
        return result
    }

    /// A name `getaddrinfo` could not resolve.
    struct ResolutionError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}
