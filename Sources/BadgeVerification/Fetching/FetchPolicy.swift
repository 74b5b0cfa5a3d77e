import Foundation

/// The limits a loader applies to every fetch: what a stranger's badge can make a server do.
///
/// The defaults are safe for a server that verifies badges uploaded by anyone: only `http(s)`, no loopback,
/// private, link-local or multicast addresses (server-side request forgery), bounded time, size and redirects.
public struct FetchPolicy: Sendable, Hashable {
    /// The longest a load may wait on the network, in seconds (default 10): resolution, connections, every
    /// redirect and the whole body, added up. A server that trickles its body cannot hold a load longer.
    public var timeout: TimeInterval = 10
    /// The largest response body accepted, in bytes (default 4 MiB).
    public var maximumResponseBytes = 4 << 20
    /// The most redirects followed (default 5).
    public var maximumRedirects = 5
    /// Whether loopback, private, link-local, multicast and other special-purpose addresses may be fetched
    /// (default false; see ``IPAddress/isPublic``). Turn on only for tests and closed networks. Non-canonical
    /// literal addresses are refused even then.
    public var allowsPrivateNetwork = false
    /// Host names or literal addresses exempt from the address check (for example an internal badge server),
    /// while every other host is still checked (default none). A trusted name is still resolved once and
    /// connected to at the address that resolution gave.
    public var trustedHosts: Set<String> = []
    /// Whether plain `http` is allowed (default true: many Open Badges 1.x and 2.0 hosts still use it).
    public var allowsHTTP = true

    /// The default policy.
    public init() {}

    /// Checks a URL's scheme and host before it is fetched (and before each redirect is followed), and
    /// returns the addresses a connection to it may use.
    ///
    /// A literal host must be canonical (``IPAddress/init(_:)``): a form the C library reads differently
    /// from how it looks (`012.0.0.1` is 10.0.0.1, `0x7f.1` and `2130706433` are 127.0.0.1) is refused as
    /// ``FetchError/Code/forbiddenAddress`` whatever the policy. A host name is resolved once with `resolver`;
    /// unless ``allowsPrivateNetwork`` is on or the host is one of ``trustedHosts``, every address it resolves
    /// to must be public (``IPAddress/isPublic``), or the URL is refused. ``HTTPDocumentLoader`` connects
    /// only to an address this returned, so the answer checked is the answer used.
    @discardableResult
    public func check(_ url: URL, resolver: any HostResolving = SystemHostResolver()) throws(FetchError) -> [IPAddress] {
        guard let scheme = url.scheme?.lowercased(), scheme == "https" || (scheme == "http" && allowsHTTP) else {
            throw FetchError(.unsupportedScheme, url: url.absoluteString, "only http and https URLs are fetched")
        }
        guard let rawHost = url.host, !rawHost.isEmpty else {
            throw FetchError(.unsupportedScheme, url: url.absoluteString, "the URL has no host")
        }
        let host = Self.bareHost(rawHost)
        let addresses: [IPAddress]
        if let literal = IPAddress(host) {
            addresses = [literal]
        } else if let read = IPAddress(inetAton: host) {
            throw FetchError(
                .forbiddenAddress, url: url.absoluteString,
                "\(host) is not a canonical IPv4 address (the C library reads it as \(read)); write addresses as four decimal parts"
            )
        } else if host.unicodeScalars.contains(":") || host.unicodeScalars.contains("%") {
            throw FetchError(.forbiddenAddress, url: url.absoluteString, "\(host) is not a literal address that is fetched")
        } else {
            do {
                addresses = try resolver.addresses(of: host)
            } catch let error as FetchError {
                throw error
            } catch {
                throw FetchError(.unresolvableHost, url: url.absoluteString, "\(error)")
            }
            guard !addresses.isEmpty else { throw FetchError(.unresolvableHost, url: url.absoluteString, "\(host) has no addresses") }
        }
        if allowsPrivateNetwork || trustedHosts.contains(host.lowercased()) || trustedHosts.contains(rawHost.lowercased()) {
            return addresses
        }
        if let refused = addresses.first(where: { !$0.isPublic }) {
            throw FetchError(
                .forbiddenAddress, url: url.absoluteString,
                (IPAddress(host) == nil ? "\(host) resolves to \(refused), a" : "\(host) is a")
                    + " loopback, private, link-local, multicast or otherwise special-purpose address"
            )
        }
        return addresses
    }

    /// The host without the brackets of an IPv6 literal.
    static func bareHost(_ host: String) -> String {
        host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
    }
}
