import Foundation
import OpenBadgesModel

/// Fetches the documents an OB 0.5–2.0 verification needs, by where they live.
///
/// A document counts as the one at an IRI only when it came from that IRI's origin (no redirect to another
/// origin) and declares that IRI as its `id`, or no id (OB 1.0 documents have none): ``DocumentIdentity``. An
/// embedded object that names an HTTP(S) id is only a hint; the document at that id is fetched and used instead.
struct DocumentFetcher {
    let loader: any DocumentLoader

    enum Failure: Error {
        /// The fetch failed (network, status, policy).
        case fetch(FetchError)
        /// The document arrived but is not what was expected, or is not the document at its IRI.
        case decode(String)
    }

    /// Fetches `iri`, refusing a document that a redirect brought from another origin.
    func document(_ iri: String, kind: DocumentKind = .json) async -> Result<LoadedDocument, Failure> {
        guard let url = URL(string: iri) else { return .failure(.decode("\(iri) is not a URL")) }
        let loaded: LoadedDocument
        do {
            loaded = try await loader.load(url, kind: kind)
        } catch {
            return .failure(.fetch(error))
        }
        if let problem = DocumentIdentity.problem(with: loaded, declaredID: nil, iri: iri) { return .failure(.decode(problem)) }
        return .success(loaded)
    }

    /// Fetches and decodes the Open Badges document at `iri`, which must declare `iri` as its id (or none).
    func decoded(_ iri: String) async -> Result<BadgeDocument, Failure> {
        switch await document(iri) {
        case .failure(let failure): return .failure(failure)
        case .success(let loaded):
            let declared = (try? JSONValue(parsing: loaded.body))?.objectValue?["id"]?.stringValue
            if let problem = DocumentIdentity.problem(with: loaded, declaredID: declared, iri: iri) { return .failure(.decode(problem)) }
            do {
                return .success(try BadgeDocument(jsonBytes: loaded.body))
            } catch {
                return .failure(.decode("\(iri) is not a valid Open Badges document: \(error)"))
            }
        }
    }

    /// Whether an IRI can be dereferenced (http or https).
    static func isDereferenceable(_ iri: String?) -> Bool {
        guard let iri, let url = URL(string: iri) else { return false }
        return url.scheme?.lowercased() == "http" || url.scheme?.lowercased() == "https"
    }

    /// Resolves a reference to the document at its IRI. An embedded object with an HTTP(S) `id` is replaced by the
    /// document at that id; one without is used as it is only when `embeddedAllowed` (its content is then vouched
    /// for by whatever carries it: the signature or the hosting). Returns the object and the IRI it was fetched
    /// from (nil for an embedded object used as it is).
    func resolve<Object>(
        _ value: IRIOrObject<Object>?, as extract: (BadgeDocument) -> Object?, what: String, embeddedAllowed: Bool
    ) async -> Result<(object: Object, iri: String?), Failure> {
        guard let value else { return .failure(.decode("no \(what)")) }
        guard let iri = value.id, Self.isDereferenceable(iri) else {
            if embeddedAllowed, let object = value.object { return .success((object, nil)) }
            let named = value.id.map { " (\($0))" } ?? ""
            return .failure(.decode("the \(what) has no HTTP(S) IRI\(named) to fetch it from, so it cannot be confirmed"))
        }
        switch await decoded(iri) {
        case .failure(let failure): return .failure(failure)
        case .success(let document):
            guard let object = extract(document) else { return .failure(.decode("\(iri) is not a \(what) (it is a \(document.kindName))")) }
            return .success((object, iri))
        }
    }
}

extension ReportBuilder {
    /// Records a fetch or decode failure as the check `id`: a network error, or a failure for bad content.
    mutating func record(_ failure: DocumentFetcher.Failure, as id: CheckID, node: String?) {
        switch failure {
        case .fetch(let error):
            add(id, .networkError, error.description, node: node)
        case .decode(let message):
            add(id, .failed, message, node: node)
        }
    }
}
