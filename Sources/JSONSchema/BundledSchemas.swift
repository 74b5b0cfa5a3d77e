import Foundation
import OpenBadgesModel

/// The 1EdTech JSON Schemas shipped with the package (`Schemas/`): Open Badges 3.0 and CLR 2.0, each pinned by
/// SHA-256 and looked up by its published URL (its `$id`), the URL a credential names in `credentialSchema`.
///
/// Nothing is fetched: the bundled file is read, its hash checked against the table, and the schema compiled once
/// per process.
package enum BundledSchemas {
    /// One bundled schema: the URL it answers for, its file under `Schemas/`, and the file's SHA-256 (hex).
    package struct Entry: Sendable, Hashable {
        /// The schema's published URL (its `$id`).
        package let url: String
        /// The file name under `Schemas/`.
        package let file: String
        /// The file's expected SHA-256, in lowercase hex.
        package let sha256: String
    }

    /// Every URL served from the bundle.
    package static var entries: [Entry] { table }

    /// The entry for a URL (an empty fragment, `…json#`, is ignored); nil for a URL not in the bundle.
    package static func entry(for url: String) -> Entry? {
        byURL[url.hasSuffix("#") ? String(url.dropLast()) : url]
    }

    /// The compiled schema published at `url`, or nil when the URL is not a bundled schema.
    /// - Throws: ``BundledSchemas/SchemaError`` when the bundled file is missing, differs from its pinned hash, or
    ///   does not compile.
    package static func schema(for url: String) throws -> JSONSchema? {
        guard let entry = entry(for: url) else { return nil }
        return try cache.schema(for: entry)
    }

    /// Reads, hash-checks and compiles the bundled schema of `entry` afresh, without the per-process cache (what
    /// ``schema(for:)`` does the first time; the benchmark measures it).
    /// - Throws: ``BundledSchemas/SchemaError`` as ``schema(for:)``.
    package static func compile(_ entry: Entry) throws -> JSONSchema {
        let bytes = try data(for: entry)
        do {
            return try JSONSchema(json: try JSONValue(parsing: bytes))
        } catch {
            throw SchemaError("the bundled schema \(entry.file) does not compile: \(error)")
        }
    }

    /// The bytes of a bundled schema, after checking their hash.
    static func data(for entry: Entry) throws -> [UInt8] {
        guard let directory = schemasDirectory,
            let data = try? Data(contentsOf: directory.appendingPathComponent(entry.file))
        else { throw SchemaError("the bundled schema \(entry.file) is missing") }
        let bytes = [UInt8](data)
        let digest = SHA256Digest.hex(bytes)
        guard digest == entry.sha256 else { throw SchemaError("the bundled schema \(entry.file) has SHA-256 \(digest), expected \(entry.sha256)") }
        return bytes
    }

    /// A bundled schema failed its check.
    package struct SchemaError: Error, CustomStringConvertible {
        /// What failed.
        package let description: String
        init(_ description: String) { self.description = description }
    }

    /// The `Schemas` folder of the package's resource bundle, or nil when it cannot be found (``ResourceFolders``).
    static let schemasDirectory = ResourceFolders.folder("Schemas", of: "BadgeBaking_JSONSchema", holding: table[0].file)

    static let byURL: [String: Entry] = Dictionary(table.map { ($0.url, $0) }, uniquingKeysWith: { a, _ in a })

    static let cache = CompiledCache()

    /// Compiled schemas by file, shared by every caller (compiled schemas are immutable). Each is compiled once:
    /// a caller that asks while another compiles it waits for that compilation. A failure is not kept (the next
    /// caller tries again).
    final class CompiledCache: @unchecked Sendable {
        private let lock = Lock()
        private var slots: [String: Slot] = [:]
        private var compiled = 0

        /// How many schemas were compiled (each at most once while it compiles without error).
        var compilations: Int { lock.withLock { compiled } }

        /// One file's compiled schema, and the lock held while it is compiled.
        private final class Slot: @unchecked Sendable {
            let lock = Lock()
            var schema: JSONSchema?
        }

        func schema(for entry: Entry) throws -> JSONSchema {
            let slot = lock.withLock {
                if let slot = slots[entry.file] { return slot }
                let slot = Slot()
                slots[entry.file] = slot
                return slot
            }
            return try slot.lock.withLock {
                if let schema = slot.schema { return schema }
                let schema = try compile(entry)
                slot.schema = schema
                lock.withLock { compiled += 1 }
                return schema
            }
        }
    }

    static let table: [Entry] = [
        Entry(
            url: "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json",
            file: "ob_v3p0_achievementcredential_schema.json", sha256: "b7358e895f492e74055dc6bfc7ffc420d0e497f90c4579fb83d9519b86d393ea"),
        Entry(
            url: "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json",
            file: "ob_v3p0_endorsementcredential_schema.json", sha256: "786b1190ea97e7e339d8057f02414603c0e2b8b1cbe46fd72165c73f39a256c6"),
        Entry(
            url: "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_getopenbadgecredentialsresponse_schema.json",
            file: "ob_v3p0_getopenbadgecredentialsresponse_schema.json", sha256: "26a2c1ef205f3f49682502994ae6567acfbf64f0edf6c4944e6d411b30c6d566"),
        Entry(
            url: "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_imsx_statusinfo_schema.json", file: "ob_v3p0_imsx_statusinfo_schema.json",
            sha256: "578a26bc71c9c3a63d84ee334d3eb0cc03fee3cbd2716bbf0b5b77e630ae03de"),
        Entry(
            url: "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_profile_schema.json", file: "ob_v3p0_profile_schema.json",
            sha256: "6b268f2caa591bf657e2a290e195713c41dc2db4e1c797723cfd00a1a83f8f13"),
        Entry(
            url: "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_achievementcredential_schema.json",
            file: "clr_v2p0_achievementcredential_schema.json", sha256: "c3cbfc94bde1c1ed8500994933fefb2dadc13a591bbe7b6c58e9978921fd34c3"),
        Entry(
            url: "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json", file: "clr_v2p0_clrcredential_schema.json",
            sha256: "59d778659204b0bd593e9e2ab1683fb6f688e339885c44019f606ed6feb4caee"),
        Entry(
            url: "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_endorsementcredential_schema.json",
            file: "clr_v2p0_endorsementcredential_schema.json", sha256: "0617e920a8daa0497a42537380036617e8239da01bf8ca3e7341e5b3e74b1356"),
        Entry(
            url: "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_getclrcredentialsresponse_schema.json",
            file: "clr_v2p0_getclrcredentialsresponse_schema.json", sha256: "9c5077de9d5e944fc41750ed9add69e8fb55853c04bca94493e38729e70703bf"),
        Entry(
            url: "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_imsx_statusinfo_schema.json", file: "clr_v2p0_imsx_statusinfo_schema.json",
            sha256: "53618e0d672c1db37d265638a085137d2e33276a3f684712de0509dcc2e2eacf"),
        Entry(
            url: "https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_profile_schema.json", file: "clr_v2p0_profile_schema.json",
            sha256: "b9e1ed2da5761c107b1d440dd875374848ad56d40b1c006a8c4198a869d905b3"),
    ]
}
