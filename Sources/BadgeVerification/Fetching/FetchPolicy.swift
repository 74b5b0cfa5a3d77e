import Foundation

/// The limits a loader applies to every fetch: what a stranger's badge can make a server do.
///
/// The defaults are safe for a server that verifies badges uploaded by anyone: only `http(s)`, no loopback,
/// private, link-local or multicast addresses (server-side request forgery), bounded time, size and redirects.
public struct FetchPolicy: Sendable, Hashable {
    /// The longest a request may take, in seconds (default 10).
    public var timeout: TimeInterval = 10
    /// The largest response body accepted, in bytes (default 4 MiB).
    public var maximumResponseBytes = 4 << 20
    /// The most redirects followed (default 5).
    public var maximumRedirects = 5
    /// Whether loopback, private, link-local and multicast addresses may be fetched (default false).
    /// Turn on only for tests and closed networks.
    public var allowsPrivateNetwork = false
    /// Host names or literal addresses exempt from the address check (for example an internal badge server),
    /// while every other host is still checked (default none).
    public var trustedHosts: Set<String> = []
    /// Whether plain `http` is allowed (default true: many Open Badges 1.x and 2.0 hosts still use it).
    public var allowsHTTP = true

    /// The default policy.
    public init() {}

    /// Checks a URL's scheme and host before it is fetched (and before each redirect is followed).
    public func check(_ url: URL) throws(FetchError) {
        guard let scheme = url.scheme?.lowercased(), scheme == "https" || (scheme == "http" && allowsHTTP) else {
            throw FetchError(.unsupportedScheme, url: url.absoluteString, "only http and https URLs are fetched")
        }
        guard let host = url.host, !host.isEmpty else {
            throw FetchError(.unsupportedScheme, url: url.absoluteString, "the URL has no host")
        }
        if allowsPrivateNetwork || trustedHosts.contains(host.lowercased()) { return }
        let addresses = try HostResolver.addresses(of: host, url: url.absoluteString)
        if let refused = addresses.first(where: { !$0.isPublic }) {
            throw FetchError(
                .forbiddenAddress, url: url.absoluteString,
                "\(host) resolves to \(refused), a loopback, private, link-local or multicast address"
            )
        }
    }
}
