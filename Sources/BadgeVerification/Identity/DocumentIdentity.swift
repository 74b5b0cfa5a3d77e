import Foundation

/// An HTTP(S) origin: scheme, host and port (the port made explicit).
struct Origin: Hashable, CustomStringConvertible {
    let scheme: String
    let host: String
    let port: Int

    /// The origin of an `http` or `https` URL; nil for any other URL.
    init?(_ url: URL) {
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = url.host?.lowercased(), !host.isEmpty else {
            return nil
        }
        self.scheme = scheme
        self.host = host
        self.port = url.port ?? (scheme == "https" ? 443 : 80)
    }

    /// The origin of an `http` or `https` IRI.
    init?(_ iri: String) {
        guard let url = URL(string: iri) else { return nil }
        self.init(url)
    }

    /// Whether `other` is this origin, or its upgrade from `http` to `https` on the same host with default ports
    /// (the one redirect real issuers commonly add, which moves no identity to another party).
    func admits(_ other: Origin) -> Bool {
        if self == other { return true }
        return scheme == "http" && other.scheme == "https" && host == other.host && port == 80 && other.port == 443
    }

    var description: String {
        let defaultPort = scheme == "https" ? 443 : 80
        return "\(scheme)://\(host)\(port == defaultPort ? "" : ":\(port)")"
    }
}

/// Identity comes from where a document lives, never from what it says about itself.
///
/// A document fetched for an IRI is that IRI's document only when it came from the IRI's own origin (a redirect
/// never carries an identity to another origin) and, when it declares an `id`, that id is the IRI (or the URL it
/// finally came from, on the same origin).
enum DocumentIdentity {
    /// The IRI without its fragment.
    static func base(_ iri: String) -> String {
        iri.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? iri
    }

    /// Why `loaded`, fetched for `iri` and declaring `declaredID`, is not the document at `iri`; nil when it is.
    static func problem(with loaded: LoadedDocument, declaredID: String?, iri: String) -> String? {
        let requested = loaded.requestedURL
        if let from = Origin(requested) {
            guard let to = Origin(loaded.finalURL), from.admits(to) else {
                return "\(iri) redirected to \(loaded.finalURL.absoluteString), another origin, which cannot speak for \(from)"
            }
        }
        guard let declaredID else { return nil }
        let candidates = [base(iri), base(loaded.finalURL.absoluteString), base(requested.absoluteString)]
        if candidates.contains(where: { sameDocument(declaredID, $0) }) { return nil }
        return "the document at \(iri) declares the id \(declaredID), so it is not the document at \(iri)"
    }

    /// Whether two IRIs name the same document: equal, or equal but for an `http` → `https` upgrade.
    static func sameDocument(_ a: String, _ b: String) -> Bool {
        let a = base(a)
        let b = base(b)
        if a == b { return true }
        func upgraded(_ s: String) -> String { s.hasPrefix("http://") ? "https://" + s.dropFirst("http://".count) : s }
        return upgraded(a) == upgraded(b) && (a.hasPrefix("http://") || b.hasPrefix("http://"))
    }
}

/// Why a document could not be used: it could not be fetched, is not what was asked for, or is not the document at
/// its IRI. The message says which, naming the URL.
struct DocumentProblem: Error, CustomStringConvertible {
    let message: String
    init(_ message: String) { self.message = message }
    var description: String { message }
}
