import Crypto
import DataIntegrity
import Foundation
import JSONLD
import Testing
import OpenBadgesModel
import RDFCanonicalization

let vectorsDir = Suites.testsuites.appendingPathComponent("vc-di-eddsa/TestVectors")
let contextIndex = Suites.contexts.appendingPathComponent("INDEX.tsv")

struct VectorCase: CustomTestStringConvertible, Sendable {
    let folder: String
    let suffix: String
    let rdfc: Bool
    var testDescription: String { folder }
}

let vectorCases: [VectorCase] = [
    VectorCase(folder: "eddsa-rdfc-2022", suffix: "DataInt", rdfc: true),
    VectorCase(folder: "eddsa-rdfc-2022/employ", suffix: "DataInt", rdfc: true),
    VectorCase(folder: "Ed25519Signature2020", suffix: "EdSig", rdfc: true),
    VectorCase(folder: "eddsa-jcs-2022", suffix: "JCS", rdfc: false),
]

@Suite("vc-di-eddsa test vectors", .enabled(if: Suites.exists(vectorsDir) && Suites.exists(contextIndex)))
struct DataIntegrityVectorTests {
    @Test("canonical document, proof options, hashes and signature through the DataIntegrity library", arguments: vectorCases)
    func vector(_ v: VectorCase) throws {
        let dir = vectorsDir.appendingPathComponent(v.folder)
        func text(_ name: String) throws -> String { try Suites.readText(dir.appendingPathComponent(name + v.suffix + ".txt")) }
        func trimmed(_ name: String) throws -> String { try text(name).trimmingCharacters(in: .whitespacesAndNewlines) }
        let signed = try #require(try Suites.readJSON(dir.appendingPathComponent("signed\(v.suffix).json")).objectValue)
        let proof = try #require(DataIntegrity.proofs(of: signed).first)
        let suite = try #require(DataIntegritySuite(proof: proof))
        #expect(suite.usesRDFCanonicalization == v.rdfc)
        let loader = try StaticDocumentLoader(contextIndexTSV: contextIndex.path)
        let processor = JSONLDProcessor(options: JSONLDOptions(documentLoader: loader))
        let data = try DataIntegrity.hashData(secured: signed, proof: proof, processor: processor)
        // The library's proof configuration is the vector's proofConfig (with the document's @context).
        var proofConfig = try #require(try Suites.readJSON(dir.appendingPathComponent("proofConfig\(v.suffix).json")).objectValue)
        if proofConfig["@context"] == nil { proofConfig["@context"] = signed["@context"] }
        #expect(DataIntegrity.proofConfiguration(proof, document: signed) == proofConfig)
        #expect(data.canonicalDocument == (try text("canonDoc")))
        #expect(data.canonicalProofConfiguration == (try text("proofCanon")))
        #expect(data.droppedTerms.isEmpty)
        let hex = { (b: [UInt8]) in b.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(data.documentHash) == (try trimmed("docHash")))
        #expect(hex(data.proofHash) == (try trimmed("proofHash")))
        #expect(hex(data.signedBytes) == (try trimmed("combinedHash")))
        #expect(hex(data.signature) == (try trimmed("sigHex")))
        #expect(Multibase.encodeBase58btc(data.signature) == (try trimmed("sigBTC58")))
        // The signature verifies with the vector key; re-signing reproduces it (Ed25519 is deterministic).
        let keyPair = try #require(try Suites.readJSON(vectorsDir.appendingPathComponent("keyPair.json")).objectValue)
        guard case .ed25519(let publicRaw)? = MultikeyPublicKey(multibase: keyPair["publicKeyMultibase"]?.stringValue ?? "") else {
            Issue.record("bad public key")
            return
        }
        let publicKey = try Curve25519.Signing.PublicKey(rawRepresentation: publicRaw)
        #expect(DataIntegrity.verify(data, key: publicKey))
        let seed = try #require(Multibase.decode(keyPair["privateKeyMultibase"]?.stringValue ?? ""))
        #expect(seed.count == 34 && seed[0] == 0x80 && seed[1] == 0x26)
        let privateKey = try Curve25519.Signing.PrivateKey(rawRepresentation: seed[2...])
        var unsecured = signed
        unsecured["proof"] = nil
        var options = proof
        options["proofValue"] = nil
        let resigned = try DataIntegrity.sign(unsecured, proofOptions: options, key: privateKey, processor: processor)
        #expect(resigned["proof"]?["proofValue"]?.stringValue == proof["proofValue"]?.stringValue)
        // Tampering with the document breaks the signature.
        var tampered = signed
        tampered["issuer"] = "https://example.invalid/issuer"
        #expect(!DataIntegrity.verify(try DataIntegrity.hashData(secured: tampered, proof: proof, processor: processor), key: publicKey))
    }
}

@Suite("JSON-LD API behaviour")
struct JSONLDBehaviourTests {
    @Test func reportsUndefinedTerms() throws {
        let doc = try JSONValue(
            parsing: #"""
                {"@context": {"name": "http://schema.org/name"}, "name": "x", "unsigned": 1, "nested": {"a": 1},
                 "knows": {"@id": "urn:a"}}
                """#)
        let p = JSONLDProcessor()
        let out = try p.expand(doc)
        #expect(out.count == 1)
        #expect(Set(p.droppedKeys.map(\.description)) == ["/unsigned", "/nested", "/knows"])
    }

    @Test func dropsAreLocatedThroughObjectsAndArrays() throws {
        let doc = try JSONValue(
            parsing: #"""
                {"@context": {"p": "http://e/p", "q": "http://e/q", "n": "@nest"},
                 "p": [{"q": {"bad": 1}}, {"bad2": 2}, [{"bad3": 3}]], "n": [{"q": {"bad4": 4}}]}
                """#)
        let p = JSONLDProcessor()
        // An expansion that fails deep inside first: the next one's locations start from the root again.
        let failing = try JSONValue(parsing: #"{"@context": {"p": "http://e/p", "q": "http://e/q"}, "p": [{"q": [{"@id": 5}]}]}"#)
        #expect(throws: JSONLDError.self) { try p.expand(failing) }
        _ = try p.expand(doc)
        #expect(p.droppedKeys.map(\.description) == ["/p/0/q/bad", "/p/1/bad2", "/p/2/0/bad3", "/n/0/q/bad4"])
        #expect(p.droppedKeys.last?.path == ["n", "0", "q"])
    }

    @Test func noNetworkByDefault() throws {
        let doc = try JSONValue(parsing: #"{"@context": "https://www.w3.org/ns/credentials/v2", "id": "urn:x"}"#)
        do {
            _ = try JSONLDProcessor().expand(doc)
            Issue.record("expected failure")
        } catch let e as JSONLDError {
            #expect(e.code == .loadingRemoteContextFailed)
        }
    }

    @Test func depthIsBounded() throws {
        var v: JSONValue = ["http://e/p": "x"]
        for _ in 0..<200 { v = ["http://e/p": v] }
        do {
            _ = try JSONLDProcessor().expand(v)
            Issue.record("expected failure")
        } catch let e as JSONLDError {
            #expect(e.code == .maximumDepthExceeded)
        }
    }

    @Test func recursiveRemoteContextIsAnError() throws {
        let loader = StaticDocumentLoader(documents: ["urn:ctx:a": ["@context": ["urn:ctx:b"]], "urn:ctx:b": ["@context": "urn:ctx:a"]])
        let doc: JSONValue = ["@context": "urn:ctx:a", "@id": "urn:x"]
        do {
            _ = try JSONLDProcessor(options: JSONLDOptions(documentLoader: loader)).expand(doc)
            Issue.record("expected failure")
        } catch let e as JSONLDError {
            #expect(e.code == .recursiveContextInclusion)
        }
    }

    @Test(
        "IRI resolution (RFC 3986 §5.4)",
        arguments: [
            ("g:h", "g:h"), ("g", "http://a/b/c/g"), ("./g", "http://a/b/c/g"), ("g/", "http://a/b/c/g/"), ("/g", "http://a/g"),
            ("//g", "http://g"), ("?y", "http://a/b/c/d;p?y"), ("g?y", "http://a/b/c/g?y"), ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"), (";x", "http://a/b/c/;x"), ("", "http://a/b/c/d;p?q"), (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"), ("..", "http://a/b/"), ("../g", "http://a/b/g"), ("../..", "http://a/"), ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"), ("/./g", "http://a/g"), ("/../g", "http://a/g"), ("g.", "http://a/b/c/g."), (".g", "http://a/b/c/.g"),
            ("g..", "http://a/b/c/g.."), ("..g", "http://a/b/c/..g"), ("./../g", "http://a/b/g"), ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"), ("g/../h", "http://a/b/c/h"), ("g;x=1/./y", "http://a/b/c/g;x=1/y"), ("g;x=1/../y", "http://a/b/c/y"),
            ("g?y/./x", "http://a/b/c/g?y/./x"), ("g#s/../x", "http://a/b/c/g#s/../x"),
        ])
    func resolve(_ ref: String, _ expected: String) {
        #expect(IRI.resolve(ref, against: "http://a/b/c/d;p?q") == expected)
    }
}

@Suite("JSON-LD dropped RDF values")
struct DroppedRDFValueTests {
    @Test func relativeTypeAndPropertyAreReported() throws {
        let doc = try JSONValue(
            parsing: #"""
                {"@context": {"name": "http://schema.org/name", "T": "http://e/T"},
                 "@id": "http://e/s", "@type": ["T", "Undefined"], "name": {"@value": "x", "@language": "not a tag"}}
                """#)
        let p = JSONLDProcessor()
        let d = try p.toRDF(doc)
        #expect(d.quads.count == 1)
        #expect(Set(p.droppedRDFValues.map(\.description)) == ["type Undefined", "languageTag not a tag"])
    }
}

@Suite("JSON-LD hostile contexts")
struct HostileContextTests {
    @Test func explodingScopedContextsAreBounded() throws {
        // Each context level defines 8 terms whose scoped context is the next level: 8^12 validations if unbounded.
        var docs: [String: JSONValue] = [:]
        for level in 0..<12 {
            var ctx = JSONObject()
            for i in 0..<8 {
                ctx["t\(i)"] = .object(JSONObject([("@id", .string("http://e/\(i)")), ("@context", .string("urn:ctx:\(level + 1)"))]))
            }
            docs["urn:ctx:\(level)"] = .object(JSONObject([("@context", .object(ctx))]))
        }
        docs["urn:ctx:12"] = ["@context": [:]]
        let loader = StaticDocumentLoader(documents: docs)
        let doc: JSONValue = ["@context": "urn:ctx:0", "@id": "urn:x", "t0": "v"]
        do {
            _ = try JSONLDProcessor(options: JSONLDOptions(documentLoader: loader)).expand(doc)
            Issue.record("expected failure")
        } catch let e as JSONLDError {
            #expect(e.code == .contextOverflow)
        }
    }
}

@Suite("JSON-LD scaling")
struct ScalingTests {
    @Test func manyValuesOfOneProperty() throws {
        // 20 000 values for one property, half duplicates: toRdf writes each where it is met, and canonicalization
        // removes the duplicates (RDFC-1.0 takes a set) by sorting the lines once, in n log n time.
        let values: [JSONValue] = (0..<20_000).map { .string("v\($0 % 10_000)") }
        let doc: JSONValue = ["@id": "http://e/s", "http://e/p": .array(values)]
        let d = try JSONLDProcessor().toRDF(doc)
        #expect(d.quads.count == 20_000)
        #expect(try RDFCanonicalizer().canonicalize(d).quadCount == 10_000)
    }

    @Test func manyPropertiesOfOneNode() throws {
        // 20 000 properties on one node, each with two values, one repeated: one set of 40 000 quads.
        var members: [(String, JSONValue)] = [("@id", "http://e/s")]
        for i in 0..<20_000 { members.append(("http://e/p\(i)", ["a", "b", "a"])) }
        let d = try JSONLDProcessor().toRDF(.object(JSONObject(members)))
        #expect(try RDFCanonicalizer().canonicalize(d).quadCount == 40_000)
    }

    @Test func manyTermsInOneContext() throws {
        // 20 000 terms in one inline context: each definition changes the active context's term table in place (the
        // context's box is let go first), not a copy of the whole table per term.
        var terms: [(String, JSONValue)] = []
        for i in 0..<20_000 { terms.append(("t\(i)", .string("http://e/p\(i)"))) }
        var options = JSONLDOptions()
        options.maximumContextWork = 1_000_000
        let doc: JSONValue = ["@context": .object(JSONObject(terms)), "@id": "http://e/s", "t19999": "x", "t0": "y"]
        let d = try JSONLDProcessor(options: options).toRDF(doc)
        #expect(Set(d.quads.map { NQuads.serialize($0.predicate) }) == ["<http://e/p19999>", "<http://e/p0>"])
    }
}

@Suite("Exact code point comparison")
struct CodePointTests {
    @Test func canonicallyEquivalentLiteralsStayDistinct() throws {
        // "é" precomposed and decomposed are different RDF literals (Swift's == would call them equal).
        let doc: JSONValue = ["@id": "http://e/s", "http://e/p": ["\u{E9}", "e\u{301}"]]
        let d = try JSONLDProcessor().toRDF(doc)
        #expect(d.quads.count == 2)
        let c = try RDFCanonicalizer().canonicalize(d)
        #expect(c.quadCount == 2)
    }

    @Test func delimitersAndPrefixesAreCodePoints() throws {
        // A compact IRI splits at its first ":" even when a combining mark follows it; a prefix is matched by code
        // points ("e" + U+0301 is not the term "é"); "_:" starts a blank node only as those two code points.
        let context: JSONValue = ["ex": "http://e/", "\u{E9}": "http://precomposed/"]
        let doc: JSONValue = [
            "@context": context, "@id": "http://e/s",
            "ex:\u{301}a": "1", "e\u{301}:b": "2", "\u{E9}:c": "3",
            "http://e/p": [["@id": "_:x"], ["@id": "_\u{301}:y"]],
        ]
        let expanded = try JSONLDProcessor().expand(doc)
        let node = try #require(expanded.first?.objectValue)
        #expect(node["http://e/\u{301}a"] != nil)
        #expect(node["http://precomposed/c"] != nil)
        #expect(node["http://e/\u{301}b"] == nil && node["http://precomposed/b"] == nil)
        let quads = try JSONLDProcessor().toRDF(doc).quads
        // `_:x` is a blank node (relabelled); `_` + U+0301 + `:y` is not one.
        #expect(quads.filter { $0.object.isBlankNode }.count == 1)
    }

    @Test func malformedIRIsAreDroppedByTheirBytes() throws {
        // Two fragments, a space, a control character or a "<" make an IRI that toRdf leaves out; non-ASCII is kept.
        let bad = ["http://e/a#b#c", "http://e/a b", "http://e/a\u{7F}", "http://e/<a>", "1http://e/", "ht\u{E9}p://e/"]
        let good = ["http://e/\u{E9}t\u{E9}#x", "urn:uuid:1", "a+b-c.d:x"]
        for iri in bad + good {
            let doc: JSONValue = ["@id": "http://e/s", "http://e/p": ["@id": .string(iri)]]
            let quads = try JSONLDProcessor().toRDF(doc).quads
            #expect(quads.contains { $0.object == .iri(iri) } == good.contains(iri), "\(iri)")
        }
    }
}

@Suite("StaticDocumentLoader")
struct LoaderTests {
    @Test func prefixMappingStaysInsideFolder() throws {
        let loader = StaticDocumentLoader(prefixes: [("https://example.org/ctx/", "/tmp")])
        for bad in ["https://example.org/ctx/../etc/passwd", "https://example.org/ctx//etc/passwd", "https://example.org/ctx/a/%2e%2e/b"] {
            #expect(throws: JSONLDError.self) { _ = try loader.loadDocument(bad) }
        }
    }
}

@Suite("JSON-LD deep inputs")
struct DeepInputTests {
    @Test func deeplyNestedScopedContextsDoNotCrash() throws {
        // 120 nested inline scoped contexts (JSON depth 242; the parser is given a bound of 256).
        var ctx = "{}"
        for i in 0..<120 { ctx = #"{"t\#(i)": {"@id": "http://e/\#(i)", "@context": \#(ctx)}}"# }
        let text = #"{"@context": \#(ctx), "@id": "http://e/s", "t119": "x"}"#
        let doc = try JSONValue(parsing: text, options: JSONParsingOptions(maximumDepth: 256))
        do {
            let out = try JSONLDProcessor().toRDF(doc)
            #expect(out.quads.count == 1)
        } catch let e as JSONLDError {
            #expect(e.code == .contextOverflow || e.code == .maximumDepthExceeded)
        }
    }

    @Test func deeplyNestedNodesDoNotCrash() throws {
        let text = String(repeating: #"{"http://e/p": "#, count: 120) + "1" + String(repeating: "}", count: 120)
        let d = try JSONLDProcessor().toRDF(try JSONValue(parsing: text, options: JSONParsingOptions(maximumDepth: 256)))
        #expect(d.quads.count == 120)
    }
}

struct MemoryAsyncLoader: AsyncDocumentLoader {
    let docs: [String: JSONValue]
    func loadDocument(_ url: String) async throws -> RemoteDocument {
        guard let d = docs[url] else { throw JSONLDError(.loadingDocumentFailed, url) }
        return RemoteDocument(documentURL: url, document: d)
    }
}

@Suite("Async document loading")
struct AsyncLoadingTests {
    @Test func fetchesContextsOnDemand() async throws {
        let loader = MemoryAsyncLoader(docs: [
            "urn:ctx:1": ["@context": ["name": "http://schema.org/name", "Person": ["@id": "http://schema.org/Person", "@context": "urn:ctx:2"]]],
            "urn:ctx:2": ["@context": ["knows": "http://schema.org/knows"]],
        ])
        let doc: JSONValue = ["@context": "urn:ctx:1", "@id": "urn:a", "@type": "Person", "name": "A", "knows": ["@id": "urn:b"]]
        let quads = try await JSONLDProcessor.run(options: JSONLDOptions(), asyncLoader: loader) { try $0.toRDF(doc).quads }
        #expect(quads.count == 3)
    }

    @Test func missingDocumentIsTyped() async throws {
        let loader = MemoryAsyncLoader(docs: [:])
        let doc: JSONValue = ["@context": "urn:ctx:none", "@id": "urn:a"]
        do {
            _ = try await JSONLDProcessor.run(options: JSONLDOptions(), asyncLoader: loader) { try $0.expand(doc) }
            Issue.record("expected failure")
        } catch let e as JSONLDError {
            #expect(e.code == .loadingRemoteContextFailed)
        }
    }
}

@Suite("Code-point delimiters")
struct DelimiterTests {
    @Test func combiningMarkAfterDelimiterStillSplits() {
        // "#" followed by U+0301 is one Character in Swift but two code points for RFC 3986.
        #expect(IRI.resolve("#\u{301}x", against: "http://a/b?q") == "http://a/b?q#\u{301}x")
        #expect(IRI.resolve("../\u{301}g", against: "http://a/b/c/d") == "http://a/b/\u{301}g")
        #expect(IRI.isAbsolute("ex:\u{301}y"))
    }

    @Test("multi-byte code points beside every delimiter survive parsing, dot removal and recomposition")
    func multiByteCodePointsBesideDelimiters() {
        #expect(IRI.resolve("./é/../ü/ß?ø=ā#ḋ", against: "http://ドメイン/ア/イ") == "http://ドメイン/ア/ü/ß?ø=ā#ḋ")
        #expect(IRI.resolve("//ü.example/ö/./x", against: "http://a/b") == "http://ü.example/ö/x")
        #expect(IRI.resolve("?q\u{10348}", against: "http://a/𐍈/c") == "http://a/𐍈/c?q\u{10348}")
        // A scheme is ASCII only: "é:" is a relative path, resolved against the base.
        #expect(IRI.resolve("é:x", against: "http://a/b/c") == "http://a/b/é:x")
    }

    @Test func compactIRIWithCombiningMarkAfterColon() throws {
        let doc: JSONValue = ["@context": ["ex": "http://e/"], "@id": "http://e/s", "ex:\u{301}p": "v"]
        let d = try JSONLDProcessor().toRDF(doc)
        #expect(d.quads.first?.predicate == .iri("http://e/\u{301}p"))
    }
}

@Suite("Code-point keys")
struct CodePointKeyTests {
    @Test func normalizationVariantsAreDistinctKeysTermsAndNodes() throws {
        // Precomposed and decomposed "é" in object keys, term names and node ids stay distinct, as in JavaScript.
        let text =
            "{\"@context\": {\"caf\u{E9}\": \"http://e/nfc\"}, \"@id\": \"http://e/caf\u{E9}\", \"caf\u{E9}\": \"1\", \"cafe\u{301}\": \"2\","
            + " \"http://e/p\": [{\"@id\": \"http://e/cafe\u{301}\", \"http://e/q\": \"3\"}]}"
        let doc = try JSONValue(parsing: text)
        #expect(doc.objectValue?.count == 5)
        let p = JSONLDProcessor()
        let d = try p.toRDF(doc)
        // "café" (NFC) is the term; "café" (NFD) is undefined and dropped; the two node ids are different nodes.
        #expect(p.droppedKeys.map(\.key) == ["cafe\u{301}"])
        #expect(d.quads.count == 3)
        let subjects = Set(d.quads.map { Array(NQuads.serialize($0.subject).utf8) })
        #expect(subjects.count == 2)
    }
}

let ecdsaVectorsDir = Suites.testsuites.appendingPathComponent("vc-di-ecdsa/TestVectors")

/// One vc-di-ecdsa vector folder: its file suffix and the curve of its key.
struct ECDSAVectorCase: CustomTestStringConvertible, Sendable {
    let folder: String
    let suffix: String
    let p384: Bool
    let rdfc: Bool
    var testDescription: String { folder }
}

let ecdsaVectorCases: [ECDSAVectorCase] = [
    ECDSAVectorCase(folder: "ecdsa-rdfc-2019-p256", suffix: "ECDSAP256", p384: false, rdfc: true),
    ECDSAVectorCase(folder: "ecdsa-rdfc-2019-p256/employ", suffix: "ECDSAP256", p384: false, rdfc: true),
    ECDSAVectorCase(folder: "ecdsa-rdfc-2019-p384", suffix: "ECDSAP384", p384: true, rdfc: true),
    ECDSAVectorCase(folder: "ecdsa-rdfc-2019-p384/employ", suffix: "ECDSAP384", p384: true, rdfc: true),
    ECDSAVectorCase(folder: "ecdsa-jcs-2019-p256", suffix: "JCSECDSAP256", p384: false, rdfc: false),
    ECDSAVectorCase(folder: "ecdsa-jcs-2019-p384", suffix: "JCSECDSAP384", p384: true, rdfc: false),
]

@Suite("vc-di-ecdsa test vectors", .enabled(if: Suites.exists(ecdsaVectorsDir) && Suites.exists(contextIndex)))
struct ECDSAVectorTests {
    @Test("canonical document, proof options, hashes (SHA-384 for P-384) and signature, step by step", arguments: ecdsaVectorCases)
    func vector(_ v: ECDSAVectorCase) throws {
        let dir = ecdsaVectorsDir.appendingPathComponent(v.folder)
        func text(_ name: String) throws -> String { try Suites.readText(dir.appendingPathComponent(name + v.suffix + ".txt")) }
        func trimmed(_ name: String) throws -> String { try text(name).trimmingCharacters(in: .whitespacesAndNewlines) }
        let hex = { (b: [UInt8]) in b.map { String(format: "%02x", $0) }.joined() }
        let signed = try #require(try Suites.readJSON(dir.appendingPathComponent("signed\(v.suffix).json")).objectValue)
        let proof = try #require(DataIntegrity.proofs(of: signed).first)
        let suite = try #require(DataIntegritySuite(proof: proof))
        #expect(suite.isECDSA)
        #expect(suite.usesRDFCanonicalization == v.rdfc)
        let processor = JSONLDProcessor(options: JSONLDOptions(documentLoader: try StaticDocumentLoader(contextIndexTSV: contextIndex.path)))
        // P-384: RDFC-1.0 and both hashes use SHA-384.
        let computed = try DataIntegrity.hashData(secured: signed, proof: proof, processor: processor, digest: v.p384 ? .sha384 : .sha256)
        let data = computed
        #expect(data.canonicalDocument == (try text("canonDoc")))
        #expect(data.canonicalProofConfiguration == (try text("proofCanon")))
        #expect(hex(data.documentHash) == (try trimmed("docHash")))
        #expect(hex(data.proofHash) == (try trimmed("proofHash")))
        #expect(hex(data.signedBytes) == (try trimmed("combinedHash")))
        #expect(hex(data.signature) == (try trimmed("sigHex")))
        #expect(Multibase.encodeBase58btc(data.signature) == (try trimmed("sigBTC58")))

        // The vector's signature verifies with its public key (Multikey, compressed point); a tampered document does not.
        let keyPair = try #require(try Suites.readJSON(ecdsaVectorsDir.appendingPathComponent(v.p384 ? "p384KeyPair.json" : "p256KeyPair.json")).objectValue)
        let multikey = MultikeyPublicKey(multibase: keyPair["publicKeyMultibase"]?.stringValue ?? "")
        var tampered = signed
        tampered["issuer"] = "https://example.invalid/issuer"
        let tamperedData = try DataIntegrity.hashData(secured: tampered, proof: proof, processor: processor, digest: v.p384 ? .sha384 : .sha256)
        // ECDSA signatures are randomised: signing again with the vector's secret key gives another signature that verifies.
        let secret = try #require(Multibase.decode(keyPair["secretKeyMultibase"]?.stringValue ?? ""))
        var unsecured = signed
        unsecured["proof"] = nil
        var options = proof
        options["proofValue"] = nil
        switch multikey {
        case .p256(let raw)?:
            let key = try P256.Signing.PublicKey(compressedRepresentation: raw)
            #expect(DataIntegrity.verify(computed, p256: key))
            #expect(!DataIntegrity.verify(tamperedData, p256: key))
            #expect(secret.count == 34 && secret[0] == 0x86 && secret[1] == 0x26, "P-256 secret key multicodec 0x1306")
            let privateKey = try P256.Signing.PrivateKey(rawRepresentation: secret[2...])
            #expect(privateKey.publicKey.compressedRepresentation == Data(raw))
            let resigned = try DataIntegrity.sign(unsecured, proofOptions: options, signingKey: .p256(privateKey), processor: processor)
            let again = try DataIntegrity.hashData(secured: resigned, proof: try #require(DataIntegrity.proofs(of: resigned).first), processor: processor)
            #expect(DataIntegrity.verify(again, p256: key))
        case .p384(let raw)?:
            let key = try P384.Signing.PublicKey(compressedRepresentation: raw)
            #expect(DataIntegrity.verify(computed, p384: key))
            #expect(!DataIntegrity.verify(tamperedData, p384: key))
            // The SHA-256 hash data does not verify with the P-384 key.
            #expect(!DataIntegrity.verify(try DataIntegrity.hashData(secured: signed, proof: proof, processor: processor), p384: key))
            #expect(secret.count == 50 && secret[0] == 0x87 && secret[1] == 0x26, "P-384 secret key multicodec 0x1307")
            let privateKey = try P384.Signing.PrivateKey(rawRepresentation: secret[2...])
            let resigned = try DataIntegrity.sign(unsecured, proofOptions: options, signingKey: .p384(privateKey), processor: processor)
            let again = try DataIntegrity.hashData(
                secured: resigned, proof: try #require(DataIntegrity.proofs(of: resigned).first), processor: processor, digest: .sha384)
            #expect(DataIntegrity.verify(again, p384: key))
        default:
            Issue.record("the vector's public key is not a P-256 or P-384 Multikey")
        }
    }
}
