import Crypto
import Foundation
import JSONLD
import JSONSchema
import OpenBadgesModel

/// The JSON-LD contexts shipped with the package (`Contexts/`), each pinned by SHA-256.
///
/// Credentials name contexts by URL; the verifier never fetches the URLs below, it reads the bundled file and checks
/// its hash first. Contexts not listed here are asked of the caller's ``DocumentLoader``.
package enum BundledContexts {
    /// One bundled context: the URL it answers for, its file under `Contexts/`, and the file's SHA-256 (hex).
    package struct Entry: Sendable, Hashable {
        /// The context URL the entry answers for.
        package let url: String
        /// The file name under `Contexts/`.
        package let file: String
        /// The file's expected SHA-256, in lowercase hex.
        package let sha256: String
    }

    /// Every URL served from the bundle.
    package static var entries: [Entry] { table }

    /// The entry for a URL (fragment ignored).
    package static func entry(for url: String) -> Entry? { byURL[url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url] }

    /// The bytes of a bundled context, after checking their hash.
    /// - Throws: ``BundledContexts/ContextError`` when the file is missing or its hash differs from the table.
    package static func data(for url: String) throws -> Data {
        guard let entry = entry(for: url) else { throw ContextError("\(url) is not a bundled context") }
        guard let directory = contextsDirectory,
            let data = try? Data(contentsOf: directory.appendingPathComponent(entry.file))
        else { throw ContextError("the bundled context \(entry.file) is missing") }
        let digest = SHA256Digest.hex(data)
        guard digest == entry.sha256 else { throw ContextError("the bundled context \(entry.file) has SHA-256 \(digest), expected \(entry.sha256)") }
        return data
    }

    /// The `Contexts` folder of the package's resource bundle, or nil when it cannot be found (``ResourceFolders``):
    /// then OB 3.0 checks report "not checked".
    static let contextsDirectory = ResourceFolders.folder(
        "Contexts", of: "BadgeBaking_BadgeVerification", holding: "w3c-credentials-v2.jsonld"
    )

    /// A bundled context failed its check.
    package struct ContextError: Error, CustomStringConvertible {
        /// What failed.
        package let description: String
        init(_ description: String) { self.description = description }
    }

    static let byURL: [String: Entry] = Dictionary(table.map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })

    /// Parsed, checked contexts shared by every ``BundledContextLoader`` that caches.
    static let parsed = LockedMemo<String, JSONValue>(capacity: table.count)

    /// Processed bundled contexts (active contexts, with their scoped contexts), shared by every verification that
    /// caches bundled contexts. Only contexts built from the bundle's hash-pinned documents are kept.
    package static let processedContexts = JSONLDContextCache()

    static let table: [Entry] = [
        Entry(
            url: "https://www.w3.org/2018/credentials/v1", file: "w3c-credentials-v1.jsonld",
            sha256: "ab4ddd9a531758807a79a5b450510d61ae8d147eab966cc9a200c07095b0cdcc"),
        Entry(
            url: "https://www.w3.org/ns/credentials/v2", file: "w3c-credentials-v2.jsonld",
            sha256: "59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734"),
        Entry(
            url: "https://www.w3.org/2018/credentials/examples/v1", file: "w3c-credentials-examples-v1.jsonld",
            sha256: "2070ae4e75bc3b4c2cfe2b8b6e86ec45119672bbb5da283f0399ea96c60a0104"),
        Entry(
            url: "https://www.w3.org/ns/credentials/examples/v2", file: "w3c-credentials-examples-v2.jsonld",
            sha256: "57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c"),
        Entry(
            url: "https://purl.imsglobal.org/spec/ob/v3p0/context.json", file: "ob-v3p0-context-3.0.0.json",
            sha256: "b077fa134d909d92c1dcd1c153f2af1b244aeb415967fdc1467d7fc5dd48ac10"),
        Entry(
            url: "https://imsglobal.github.io/openbadges-specification/context.json", file: "ob-v3p0-context-3.0.0.json",
            sha256: "b077fa134d909d92c1dcd1c153f2af1b244aeb415967fdc1467d7fc5dd48ac10"),
        Entry(
            url: "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json", file: "ob-v3p0-context-3.0.1.json",
            sha256: "d582f3564282fb3b709136d28412e78e70b678b4dbc2f0221f67d84932748355"),
        Entry(
            url: "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", file: "ob-v3p0-context-3.0.2.json",
            sha256: "00666ad080ba407687ed1846b7f5e7495f5019042b202a727de47c48a1755c53"),
        Entry(
            url: "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", file: "ob-v3p0-context-3.0.3.json",
            sha256: "3d34f4d4ef1bce691106e63798beb5e7b862ba841423f5ee1e53ab7ddf3bca84"),
        Entry(
            url: "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json", file: "ob-v3p0-extensions.json",
            sha256: "146f85aa16effd7ca1da8056eb443f53ce1eca8a34186cb062832c0a97d889c3"),
        Entry(
            url: "https://purl.imsglobal.org/spec/clr/v2p0/context.json", file: "clr-v2p0-context.json",
            sha256: "e198d7b517d74c5036434ce495086f67b10244709e9a3df9dcb7f8b1579b6167"),
        Entry(
            url: "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json", file: "clr-v2p0-context-2.0.1.json",
            sha256: "880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6"),
        Entry(url: "https://w3id.org/openbadges/v2", file: "ob-v2p0-context.json", sha256: "393a890d7d95eb3a86f5f12309648a64c2d0676e5270e2967b5341a2dcea13d2"),
        Entry(
            url: "https://openbadgespec.org/v2/context.json", file: "ob-v2p0-context.json",
            sha256: "393a890d7d95eb3a86f5f12309648a64c2d0676e5270e2967b5341a2dcea13d2"),
        Entry(url: "https://w3id.org/openbadges/v1", file: "ob-v1p1-context.json", sha256: "406ec07d0e758a41e84bac6361d29e391188492eb25f7efc51bfa19d8b2db810"),
        Entry(url: "https://w3id.org/security/v1", file: "security-v1.jsonld", sha256: "abaf97e107d1925503c433dcaf3ffd2831697cacc1ed2a293e1bc8030d5bcb47"),
        Entry(url: "https://w3id.org/security/v2", file: "security-v2.jsonld", sha256: "611bd81151d5efe53ec9aed78f5a813e577287bc9451ee26d6879b1b8b46bc3b"),
        Entry(
            url: "https://w3id.org/security/data-integrity/v1", file: "data-integrity-v1.jsonld",
            sha256: "b5d829bd09aa7c42abc6efa0c8ed7635313b5487f37ccfce3ecd149ca9418554"),
        Entry(
            url: "https://w3id.org/security/data-integrity/v2", file: "data-integrity-v2.jsonld",
            sha256: "67f21e6e33a6c14e5ccfd2fc7865f7474fb71a04af7e94136cb399dfac8ae8f4"),
        Entry(
            url: "https://w3id.org/security/multikey/v1", file: "multikey-v1.jsonld", sha256: "ba2c182de2d92f7e47184bcca8fcf0beaee6d3986c527bf664c195bbc7c58597"
        ),
        Entry(
            url: "https://w3id.org/security/suites/ed25519-2020/v1", file: "ed25519-signature-2020-v1.jsonld",
            sha256: "b9e1ab971fd8bf2c7553e0c4a9438e0b9450afde1ea1ca5b2492368b9f549588"),
        Entry(
            url: "https://w3id.org/security/suites/ed25519-2018/v1", file: "ed25519-signature-2018-v1.jsonld",
            sha256: "166c6abb9e08176cee5f6c87c9c1bbfefa5717da391bcac525e5437f93eab809"),
        Entry(
            url: "https://w3id.org/vc/status-list/2021/v1", file: "status-list-2021-v1.jsonld",
            sha256: "6dd06a52bedb771e059c1083ba8ba7848dce22f6b4a8cfa0b98ba3fc188870e4"),
        Entry(
            url: "https://www.w3.org/ns/credentials/status/v1", file: "bitstring-status-list-v1.jsonld",
            sha256: "fda5add353231e6a6884a46b12e6c75464281900cb348284d9c360f62381d9f7"),
        Entry(url: "https://www.w3.org/ns/did/v1", file: "did-v1.jsonld", sha256: "4f3eae5568c9c5f036a082088f9e192019ee06faa78973c87ff91d5421b88dad"),
        Entry(url: "https://w3id.org/did/v1", file: "did-v1.jsonld", sha256: "4f3eae5568c9c5f036a082088f9e192019ee06faa78973c87ff91d5421b88dad"),
        Entry(url: "https://w3id.org/did/v0.11", file: "did-v0.11.jsonld", sha256: "a3b2a2a54e69384f41cdb0f9a86ba8bf4a700b996d816ac48abe5a2f285d5db5"),
        Entry(
            url: "https://w3c-ccg.github.io/vc-ed/plugfest-1-2022/jff-vc-edu-plugfest-1-context.json", file: "jff-vc-edu-plugfest-1-context.json",
            sha256: "3bc63c2ac768b6c3ae9a1beeb2564b3156b47c4a3ffae1ae49b553d3664f2749"),
        Entry(
            url: "https://w3id.org/citizenship/v4rc1", file: "citizenship-v4rc1.jsonld",
            sha256: "5038c7383afd7ab2158f1b997913a8f60978a0abcf96e0b0d08e29f146d2db1e"),
        Entry(
            url: "https://credentials.andamio.io/context/v0.jsonld", file: "andamio-context-v0.jsonld",
            sha256: "1823b3d6fe67dc271b702e899f53db6cbd0a3171baa50cb1336706768ab6932d"),
        Entry(
            url: "https://credentials.andamio.io/context/v1.jsonld", file: "andamio-context-v1.jsonld",
            sha256: "1823b3d6fe67dc271b702e899f53db6cbd0a3171baa50cb1336706768ab6932d"),
        Entry(
            url: "https://lib.velocitynetwork.foundation/contexts/credential-extensions-2022.jsonld.json",
            file: "velocity-credential-extensions-2022.jsonld.json", sha256: "db497200debbfe16c36d18c15a4ca8df8bf541e1c38818b880148feaa028cbe9"),
        Entry(
            url: "https://raw.githubusercontent.com/educredentials/obv3-examples/refs/heads/main/contexts/educredential.json",
            file: "educredentials-educredential.json", sha256: "c56c11e50a8222d9a3420779b44c5959d0b88feabe10e8757e422efba11ad129"),
    ]
}

/// Serves the bundled contexts to a JSON-LD processor (plus documents the caller adds in memory).
///
/// With `caching` (the default) each file is read, hash-checked and parsed once per process; without it every load
/// reads and checks the file again (a "cold" verification).
package struct BundledContextLoader: JSONLD.DocumentLoader {
    /// Extra documents by URL, served before the bundle.
    package var documents: [String: JSONValue]
    /// Whether parsed contexts are shared across loads.
    package var caching: Bool

    /// Makes a loader that serves `documents` before the bundle; `caching` shares parsed contexts across loads.
    package init(documents: [String: JSONValue] = [:], caching: Bool = true) {
        self.documents = documents
        self.caching = caching
    }

    /// Serves `url` (fragment removed) from `documents`, else from the bundle after checking the file's hash; throws `loading document failed` for other URLs.
    package func loadDocument(_ url: String) throws -> RemoteDocument {
        let key = url.split(separator: "#", maxSplits: 1).first.map(String.init) ?? url
        if let document = documents[key] { return RemoteDocument(documentURL: key, document: document) }
        guard let entry = BundledContexts.entry(for: key) else {
            throw JSONLDError(.loadingDocumentFailed, "\(url) is not a bundled context")
        }
        if caching, let cached = BundledContexts.parsed.get(entry.file) { return RemoteDocument(documentURL: key, document: cached, isImmutable: true) }
        let data: Data
        do {
            data = try BundledContexts.data(for: key)
        } catch {
            throw JSONLDError(.loadingDocumentFailed, "\(error)")
        }
        let value: JSONValue
        do {
            value = try JSONValue(parsing: Array(data))
        } catch {
            throw JSONLDError(.loadingDocumentFailed, "\(url): \(error)")
        }
        if caching { BundledContexts.parsed.set(entry.file, value) }
        // Hash-pinned: the URL always gives this document.
        return RemoteDocument(documentURL: key, document: value, isImmutable: true)
    }
}

extension BundledContexts {
    /// The names every bundled context gives to IRIs, scoped contexts included: the published vocabulary against
    /// which a signed credential's JSON is read (``SignedDataAgreement``).
    ///
    /// Read from ``publishedVocabularySnapshot``, which `BundledVocabularyTests` checks against
    /// ``computePublishedVocabulary()`` (the bundle is pinned, so it only changes with the table or the JSON-LD code):
    /// computing it means processing every bundled context and each of its scoped contexts, about 30 ms, which every
    /// `unbake --verify` process would otherwise pay before its first check.
    static let vocabulary = JSONLDVocabulary(snapshot: publishedVocabularySnapshot)

    /// The `@context` lists of nearly every Open Badges 3.0 and CLR 2.0 credential (VC 1.1 or 2.0 with an OB 3.0 or
    /// CLR 2.0 context) whose published vocabulary is ``vocabulary`` itself: processed together, with every scoped
    /// context in them, they name nothing that the bundled contexts do not name one by one. `BundledVocabularyTests`
    /// checks each. A document whose `@context` values are all such lists is read under ``vocabulary`` without its
    /// scoped contexts being walked again.
    static let listsNamedByVocabulary: Set<[CodePointString]> = {
        let credentials = ["https://www.w3.org/2018/credentials/v1", "https://www.w3.org/ns/credentials/v2"]
        let contexts = [
            "https://purl.imsglobal.org/spec/ob/v3p0/context.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            "https://purl.imsglobal.org/spec/clr/v2p0/context.json", "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
        ]
        var lists: Set<[CodePointString]> = []
        for credential in credentials {
            // OB 3.0.0 and 3.0.1 redefine terms that VC 2.0 protects: those lists cannot be processed at all.
            for context in contexts where credential == credentials[0] || !contexts.prefix(2).contains(context) {
                lists.insert([CodePointString(credential), CodePointString(context)])
            }
        }
        return lists
    }()

    /// The published vocabulary computed from the bundled contexts: each context in ``entries`` processed, with its
    /// scoped contexts, and their terms merged. A context that cannot be read is left out.
    package static func computePublishedVocabulary() -> JSONLDVocabulary {
        var vocabulary = JSONLDVocabulary()
        let processor = JSONLDProcessor(options: JSONLDOptions(documentLoader: BundledContextLoader(caching: false)))
        for entry in table {
            if let terms = try? processor.vocabulary(of: .string(entry.url)) { vocabulary.merge(terms) }
        }
        return vocabulary
    }
}
