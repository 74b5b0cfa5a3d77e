import Foundation
import OpenBadgesModel

/// Fetches and decodes the documents an OB 0.5–2.0 verification needs, recording network failures as checks.
struct DocumentFetcher {
    let loader: any DocumentLoader

    enum Failure: Error {
        /// The fetch failed (network, status, policy).
        case fetch(FetchError)
        /// The document arrived but is not what was expected.
        case decode(String)
    }

    func document(_ iri: String, kind: DocumentKind = .json) async -> Result<LoadedDocument, Failure> {
        guard let url = URL(string: iri) else { return .failure(.decode("\(iri) is not a URL")) }
        do {
            return .success(try await loader.load(url, kind: kind))
        } catch {
            return .failure(.fetch(error))
        }
    }

    func decoded(_ iri: String) async -> Result<BadgeDocument, Failure> {
        switch await document(iri) {
        case .failure(let failure): return .failure(failure)
        case .success(let loaded):
            do {
                return .success(try BadgeDocument(jsonBytes: loaded.body))
            } catch {
                return .failure(.decode("\(iri) is not a valid Open Badges document: \(error)"))
            }
        }
    }

    /// Resolves an IRI-or-object to the object, fetching it when it is an IRI.
    func resolve<Object>(_ value: IRIOrObject<Object>?, as extract: (BadgeDocument) -> Object?, what: String) async -> Result<Object, Failure> {
        guard let value else { return .failure(.decode("no \(what)")) }
        if let object = value.object { return .success(object) }
        guard let iri = value.iri else { return .failure(.decode("no \(what)")) }
        switch await decoded(iri) {
        case .failure(let failure): return .failure(failure)
        case .success(let document):
            guard let object = extract(document) else { return .failure(.decode("\(iri) is not a \(what) (it is a \(document.kindName))")) }
            return .success(object)
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
