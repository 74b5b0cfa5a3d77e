import Foundation
import OpenBadgesModel

/// Serves documents from a folder, with no network: for verifying with saved documents, and for CI.
///
/// The folder holds a `manifest.tsv` with one document a line: the URL, a tab, and the file's path relative
/// to the folder (an optional third column gives its content type). Lines starting with `#` are comments.
public struct OfflineDocumentLoader: DocumentLoader {
    /// The folder.
    public let directory: URL
    private let files: [String: (path: String, contentType: String?)]

    /// Reads the manifest of `directory`.
    public init(directory: URL) throws(FetchError) {
        self.directory = directory
        let manifest = directory.appendingPathComponent("manifest.tsv")
        guard let text = try? String(contentsOf: manifest, encoding: .utf8) else {
            throw FetchError(.notAvailableOffline, url: manifest.path, "cannot read the offline manifest")
        }
        var files: [String: (String, String?)] = [:]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t").map { $0.trimmingWhitespace(newlines: false) }
            guard fields.count >= 2 else { continue }
            files[fields[0]] = (fields[1], fields.count > 2 ? fields[2] : nil)
        }
        self.files = files
    }

    /// The URLs the folder can serve.
    public var urls: [String] { files.keys.sorted() }

    /// Serves `url` (or `url` without its fragment) from the folder; throws `notAvailableOffline` when it is not listed or cannot be read.
    public func load(_ url: URL, kind: DocumentKind) async throws(FetchError) -> LoadedDocument {
        guard let entry = files[url.absoluteString] ?? files[Self.withoutFragment(url)] else {
            throw FetchError(.notAvailableOffline, url: url.absoluteString, "not in the offline store \(directory.path)")
        }
        let file = directory.appendingPathComponent(entry.path).standardizedFileURL
        guard file.path.hasPrefix(directory.standardizedFileURL.path + "/"), let body = try? Data(contentsOf: file) else {
            throw FetchError(.notAvailableOffline, url: url.absoluteString, "cannot read \(entry.path) in the offline store")
        }
        return LoadedDocument(requestedURL: url, finalURL: url, contentType: entry.contentType, body: body)
    }

    private static func withoutFragment(_ url: URL) -> String {
        url.absoluteString.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url.absoluteString
    }
}
