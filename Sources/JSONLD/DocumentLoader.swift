import Foundation
import OpenBadgesModel

/// A loaded remote document (a context or an input document).
package struct RemoteDocument: Sendable {
    /// The final URL of the document (after redirects), used as base URL for relative references.
    package var documentURL: String
    /// The parsed document.
    package var document: JSONValue
    /// The context URL from an HTTP `Link` header (`contextUrl` in the JSON-LD API), if any.
    package var contextURL: String?
    /// The loader's promise that this URL always gives this document (a hash-pinned bundled context, say): only
    /// contexts processed from immutable documents are kept in a ``JSONLDContextCache``.
    package var isImmutable: Bool

    /// Makes a remote document.
    package init(documentURL: String, document: JSONValue, contextURL: String? = nil, isImmutable: Bool = false) {
        self.documentURL = documentURL
        self.document = document
        self.contextURL = contextURL
        self.isImmutable = isImmutable
    }
}

/// Loads remote JSON-LD documents (contexts). Implementations must never block indefinitely; the library ships no
/// network loader: fetching is the application's decision.
package protocol DocumentLoader: Sendable {
    func loadDocument(_ url: String) throws -> RemoteDocument
}

/// Refuses every URL (the default: JSON-LD processing never touches the network unless a loader is supplied).
package struct NoNetworkDocumentLoader: DocumentLoader {
    /// Makes the loader.
    package init() {}
    /// Always throws `loading document failed`.
    package func loadDocument(_ url: String) throws -> RemoteDocument {
        throw JSONLDError(.loadingDocumentFailed, "no document loader configured for \(url)")
    }
}

/// Serves documents from memory and from local files: exact URL → file/JSON maps, plus URL prefix → directory maps.
package struct StaticDocumentLoader: DocumentLoader {
    /// Parsed documents by exact URL.
    package var documents: [String: JSONValue]
    /// Local file paths by exact URL.
    package var files: [String: String]
    /// (URL prefix, local directory path) pairs; the remainder of the URL is appended to the directory.
    package var prefixes: [(String, String)]

    /// Makes a loader from in-memory documents, files by URL and (URL prefix, directory) pairs.
    package init(documents: [String: JSONValue] = [:], files: [String: String] = [:], prefixes: [(String, String)] = []) {
        self.documents = documents
        self.files = files
        self.prefixes = prefixes
    }

    /// Builds a loader from an `INDEX.tsv` with `url` and `file` columns (as in the shared contexts folder).
    /// Rows whose file lives under `alternates/` are skipped.
    package init(contextIndexTSV path: String) throws {
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var files: [String: String] = [:]
        for (i, line) in text.split(separator: "\n").enumerated() where i > 0 {
            let cols = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard cols.count >= 2, !cols[1].hasPrefix("alternates/") else { continue }
            files[String(cols[0])] = dir + "/" + cols[1]
        }
        self.init(files: files)
    }

    /// Serves `url` (fragment removed) from `documents`, then `files`, then the first matching prefix; throws `loading document failed` when none has it.
    package func loadDocument(_ url: String) throws -> RemoteDocument {
        var key = url
        if let h = key.firstIndex(of: "#") { key = String(key[..<h]) }
        if let d = documents[key] { return RemoteDocument(documentURL: key, document: d) }
        var path = files[key]
        if path == nil {
            for (prefix, dir) in prefixes where key.hasPrefix(prefix) {
                let rest = key.dropFirst(prefix.count)
                // Never leave the directory: no dot segments, escapes, queries or absolute paths.
                let segments = rest.split(separator: "/", omittingEmptySubsequences: false)
                if rest.hasPrefix("/") || segments.contains(where: { $0 == ".." || $0 == "." })
                    || rest.contains(where: { "\\%?".contains($0) })
                {
                    throw JSONLDError(.loadingDocumentFailed, "refusing path outside the mapped folder: \(url)")
                }
                path = dir + "/" + rest
                break
            }
        }
        guard let path, let data = FileManager.default.contents(atPath: path) else {
            throw JSONLDError(.loadingDocumentFailed, "no local document for \(url)")
        }
        do {
            return RemoteDocument(documentURL: key, document: try JSONValue(parsing: Array(data)))
        } catch {
            throw JSONLDError(.loadingDocumentFailed, "\(url): \(error)")
        }
    }
}
