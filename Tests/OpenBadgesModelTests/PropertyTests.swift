import BadgeTestSupport
import Foundation
import Testing
import OpenBadgesModel

/// Random generators for JSON and for the flexible Open Badges shapes, driven by ``SeededGenerator``.
struct Gen {
    var rng: SeededGenerator

    mutating func int(_ range: Range<Int>) -> Int { Int.random(in: range, using: &rng) }
    mutating func bool() -> Bool { Bool.random(using: &rng) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(0..<xs.count)] }

    mutating func string() -> String {
        let pool: [String] = ["a", "Z", "0", " ", "\"", "\\", "/", "\n", "\t", "\u{01}", "é", "日本", "😀", "$", "@", ".", "-"]
        return (0..<int(0..<12)).map { _ in pick(pool) }.joined()
    }

    mutating func iri() -> String {
        pick(["https://example.org/", "urn:uuid:", "did:web:example.org:", "http://a.com/"]) + String(int(0..<100_000))
    }

    mutating func number() -> JSONNumber {
        pick([
            JSONNumber(int(-1000..<1000)), JSONNumber(text: "1.50")!, JSONNumber(text: "-0")!, JSONNumber(text: "6.02e23")!,
            JSONNumber(text: "12345678901234567890")!, JSONNumber(text: "1E-7")!,
        ])
    }

    mutating func json(depth: Int = 0) -> JSONValue {
        switch int(0..<(depth > 3 ? 4 : 6)) {
        case 0: return .null
        case 1: return .bool(bool())
        case 2: return .number(number())
        case 3: return .string(string())
        case 4: return .array((0..<int(0..<4)).map { _ in json(depth: depth + 1) })
        default:
            var o = JSONObject()
            for _ in 0..<int(0..<4) { o["k" + string()] = json(depth: depth + 1) }
            return .object(o)
        }
    }

    /// Extra members that no model knows.
    mutating func extras(into o: inout JSONObject) {
        for i in 0..<int(0..<3) { o["x-ext\(i)"] = json(depth: 2) }
    }

    /// A valid date in one of the accepted forms, with its expected UTC instant.
    mutating func date() -> (JSONValue, String) {
        let y = int(1971..<2100)
        let m = int(1..<13)
        let dim = [31, (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]
        let d = int(1..<dim + 1)
        let h = int(0..<24)
        let mi = int(0..<60)
        let s = int(0..<60)
        func p(_ v: Int, _ w: Int = 2) -> String { String(repeating: "0", count: max(0, w - String(v).count)) + String(v) }
        let dateText = "\(p(y, 4))-\(p(m))-\(p(d))"
        let iso = "\(dateText)T\(p(h)):\(p(mi)):\(p(s))Z"
        switch int(0..<4) {
        case 0: return (.string(dateText), "\(dateText)T00:00:00Z")
        case 1: return (.string("\(dateText)T\(p(h)):\(p(mi)):\(p(s)).000Z"), iso)
        case 2:
            let date = try! FlexibleDate(iso).date
            let seconds = Int(date.timeIntervalSince1970)
            return bool() ? (.number(JSONNumber(seconds)), iso) : (.string(String(seconds)), iso)
        default: return (.string("\(dateText)T\(p(h)):\(p(mi)):\(p(s))+00:00"), iso)
        }
    }

    mutating func oneOrMany(_ values: [JSONValue]) -> JSONValue {
        values.count == 1 && bool() ? values[0] : .array(values)
    }

    mutating func image() -> JSONValue {
        if bool() { return .string(bool() ? iri() : "data:image/png;base64,iVBORw0KGgo=") }
        var o: JSONObject = ["id": .string(iri())]
        if bool() { o["caption"] = .string(string()) }
        extras(into: &o)
        return .object(o)
    }

    mutating func evidence() -> JSONValue {
        if bool() { return .string(iri()) }
        var o: JSONObject = ["type": .string("Evidence")]
        if bool() { o["id"] = .string(iri()) }
        if bool() { o["name"] = .string(string()) }
        if bool() { o["narrative"] = .string(string()) }
        extras(into: &o)
        return .object(o)
    }

    mutating func profile() -> JSONValue {
        if bool() { return .string(iri()) }
        var o: JSONObject = ["id": .string(iri()), "type": oneOrMany([.string("Profile")]), "name": .string(string())]
        if bool() { o["image"] = image() }
        extras(into: &o)
        return .object(o)
    }

    mutating func badgeClass() -> JSONValue {
        if bool() { return .string(iri()) }
        var o: JSONObject = ["type": .string("BadgeClass"), "name": .string(string()), "issuer": profile()]
        if bool() { o["image"] = image() }
        if bool() { o["criteria"] = bool() ? .string(iri()) : .object(["narrative": .string(string())]) }
        if bool() { o["tags"] = oneOrMany((0..<int(1..<4)).map { _ in .string(string()) }) }
        extras(into: &o)
        return .object(o)
    }

    /// A random OB 2.0 assertion and the issuedOn instant it should read as.
    mutating func assertion() -> (JSONValue, String) {
        let (issued, iso) = date()
        var recipient: JSONObject = ["type": .string("email"), "identity": .string(string() + "@example.org")]
        switch int(0..<3) {
        case 0: recipient["salt"] = .null
        case 1: recipient["salt"] = .string(string())
        default: break
        }
        if bool() { recipient["hashed"] = .bool(false) }
        var o: JSONObject = [
            "@context": .string("https://w3id.org/openbadges/v2"),
            "type": oneOrMany([.string("Assertion")]),
            "id": .string(iri()),
            "recipient": .object(recipient),
            "badge": badgeClass(),
            "verification": .object(["type": .string(pick(["hosted", "HostedBadge", "Hosted", "HOSTED"]))]),
            "issuedOn": issued,
        ]
        if bool() { o["evidence"] = oneOrMany((0..<int(1..<4)).map { _ in evidence() }) }
        if bool() { o["image"] = image() }
        extras(into: &o)
        return (.object(o), iso)
    }
}

@Suite("Property-based round trips (seeded)")
struct PropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 42, 2026]

    @Test("any JSON value survives serialise → parse, compact and pretty", arguments: seeds)
    func jsonRoundTrip(seed: UInt64) throws {
        var g = Gen(rng: SeededGenerator(seed: seed))
        for _ in 0..<300 {
            let v = g.json()
            #expect(try JSONValue(parsing: v.serialized()) == v)
            #expect(try JSONValue(parsing: v.serialized(pretty: true)) == v)
        }
    }

    @Test("IRI-or-object keeps its shape and content", arguments: seeds)
    func iriOrObject(seed: UInt64) throws {
        var g = Gen(rng: SeededGenerator(seed: seed))
        for _ in 0..<300 {
            let v = g.image()
            let image = try IRIOrObject<OB2.Image>(jsonValue: v, path: "$.image")
            #expect(image.jsonValue == v)
            #expect(try IRIOrObject<OB2.Image>(jsonValue: JSONValue(parsing: image.jsonValue.serialized()), path: "$") == image)
            switch v {
            case .string(let s): #expect(image.iri == s && image.id == s)
            default: #expect(image.object?.id == v["id"]?.stringValue && image.iri == nil)
            }
            let profile = g.profile()
            let p = try IRIOrObject<OB3.Profile>(jsonValue: profile, path: "$.issuer")
            #expect(p.jsonValue == profile)
            #expect(p.id == (profile.stringValue ?? profile["id"]?.stringValue))
        }
    }

    @Test("one-or-many keeps single values single and arrays arrays", arguments: seeds)
    func oneOrMany(seed: UInt64) throws {
        var g = Gen(rng: SeededGenerator(seed: seed))
        for _ in 0..<300 {
            let items = (0..<g.int(0..<4)).map { _ in g.evidence() }
            let v = items.count == 1 && g.bool() ? items[0] : .array(items)
            let decoded = try OneOrMany<IRIOrObject<OB2.Evidence>>(jsonValue: v, path: "$.evidence")
            #expect(decoded.values.count == items.count)
            #expect(decoded.isArray == (v.arrayValue != nil))
            #expect(decoded.jsonValue == v)
            let strings = (0..<g.int(1..<4)).map { _ in g.string() }
            let sv: JSONValue = strings.count == 1 && g.bool() ? .string(strings[0]) : .array(strings.map { .string($0) })
            let s = try OneOrMany<String>(jsonValue: sv, path: "$.type")
            #expect(s.values == strings && s.jsonValue == sv)
        }
    }

    @Test("random messy assertions decode, round-trip and keep unknown members", arguments: seeds)
    func assertions(seed: UInt64) throws {
        var g = Gen(rng: SeededGenerator(seed: seed))
        for _ in 0..<200 {
            let (v, iso) = g.assertion()
            let a = try OB2.Assertion(jsonValue: v, path: "$")
            #expect(a.issuedOn?.iso8601 == iso)
            #expect(a.verificationKind == .hosted)
            #expect(a.recipient.salt == v["recipient"]?["salt"]?.stringValue)
            #expect(a.evidence.count == (v["evidence"].map { $0.arrayValue?.count ?? 1 } ?? 0))
            #expect(a.badge.id == (v["badge"]?.stringValue ?? v["badge"]?["id"]?.stringValue))
            let again = try OB2.Assertion(jsonText: a.jsonValue.serialized())
            #expect(again == a)
            #expect(Set(again.unknownProperties.keys) == Set(v.objectValue!.keys.filter { $0.hasPrefix("x-ext") }))
            let viaCodable = try JSONDecoder().decode(OB2.Assertion.self, from: JSONEncoder().encode(a))
            #expect(viaCodable.issuedOn?.date == a.issuedOn?.date)
            #expect(viaCodable.unknownProperties.count == a.unknownProperties.count)
        }
    }

    @Test("random dates read back to the instant they were written for", arguments: seeds)
    func dates(seed: UInt64) throws {
        var g = Gen(rng: SeededGenerator(seed: seed))
        for _ in 0..<500 {
            let (v, iso) = g.date()
            #expect(try FlexibleDate(jsonValue: v, path: "$").iso8601 == iso)
        }
    }
}

@Suite("Mutated corpus input never crashes", .enabled(if: Corpus.isAvailable))
struct MutationTests {
    @Test("random byte edits of every corpus payload give a value or a ModelError", arguments: [UInt64(11), 12, 13])
    func mutations(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let files = CorpusDecodingTests.goodJSONFiles + CorpusDecodingTests.jwtFiles
        for file in files {
            let original = [UInt8](try Corpus.data(file))
            for _ in 0..<40 {
                var bytes = original
                for _ in 0..<Int.random(in: 1...4, using: &rng) where !bytes.isEmpty {
                    let i = Int.random(in: 0..<bytes.count, using: &rng)
                    switch Int.random(in: 0..<3, using: &rng) {
                    case 0: bytes[i] = UInt8.random(in: 0...255, using: &rng)
                    case 1: bytes.remove(at: i)
                    default: bytes.insert(["{", "}", "[", "\"", ",", ":", "."].map { UInt8(ascii: $0) }.randomElement(using: &rng)!, at: i)
                    }
                }
                do {
                    _ = try BadgeDocument(jsonBytes: bytes)
                } catch {
                    #expect(error is ModelError)
                }
                do {
                    _ = try BadgeSummary(payload: String(decoding: bytes, as: UTF8.self))
                } catch {
                    #expect(error is ModelError)
                }
            }
        }
    }
}
