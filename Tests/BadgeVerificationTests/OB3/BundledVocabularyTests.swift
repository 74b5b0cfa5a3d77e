import Foundation
import JSONLD
import OpenBadgesModel
import Testing

@testable import BadgeVerification

@Suite("The bundled contexts' published vocabulary")
struct BundledVocabularyTests {
    /// The generated file that holds ``BundledContexts/publishedVocabularySnapshot``.
    static let snapshotFile = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/BadgeVerification/OB3/BundledVocabulary.swift")

    @Test("the snapshot the verifier reads is the vocabulary the bundled contexts give (BADGE_RECORD_VOCABULARY=1 rewrites it)")
    func snapshotMatchesContexts() throws {
        let computed = BundledContexts.computePublishedVocabulary()
        let text = try #require(computed.snapshot, "a bundled term or IRI holds a tab or a line break")
        if ProcessInfo.processInfo.environment["BADGE_RECORD_VOCABULARY"] == "1" {
            try Self.source(for: text).write(to: Self.snapshotFile, atomically: true, encoding: .utf8)
        }
        #expect(JSONLDVocabulary(snapshot: text) == computed, "the snapshot text does not read back as the vocabulary it was made from")
        #expect(
            BundledContexts.vocabulary == computed,
            "Sources/BadgeVerification/OB3/BundledVocabulary.swift is out of date: run BADGE_RECORD_VOCABULARY=1 swift test --filter BundledVocabularyTests")
        // Each bundled context that can be processed contributes all of its names. (Three cannot on their own: they
        // import contexts outside the bundle, which are never fetched, or hold an invalid scoped context.)
        var processed = 0
        for entry in BundledContexts.entries {
            let processor = JSONLDProcessor(options: JSONLDOptions(documentLoader: BundledContextLoader(caching: false)))
            guard let terms = try? processor.vocabulary(of: .string(entry.url)) else { continue }
            processed += 1
            for (iri, names) in terms.namesByIRI { #expect(names.isSubset(of: computed.names(of: iri)), "\(entry.url): \(iri)") }
        }
        #expect(processed >= BundledContexts.entries.count - 3)
    }

    @Test("each usual @context list names nothing beyond the bundled vocabulary, which verifications then read it under")
    func usualListsAddNothing() throws {
        #expect(BundledContexts.listsNamedByVocabulary.count == 10)
        for list in BundledContexts.listsNamedByVocabulary {
            let processor = JSONLDProcessor(options: JSONLDOptions(documentLoader: BundledContextLoader(caching: false)))
            let context = JSONValue.array(list.map { .string($0.string) })
            guard let terms = try? processor.vocabulary(of: context) else {
                Issue.record("\(list.map(\.string)) cannot be processed")
                continue
            }
            var merged = BundledContexts.vocabulary
            merged.merge(terms)
            #expect(merged == BundledContexts.vocabulary, "\(list.map(\.string)) names more than the bundled vocabulary")
            #expect(!terms.names.isEmpty)
        }
    }

    @Test("names a published context gives are known, and the published names of core terms are there")
    func knownNames() {
        let vocabulary = BundledContexts.vocabulary
        #expect(vocabulary.names(of: "https://www.w3.org/2018/credentials#VerifiableCredential").contains("VerifiableCredential"))
        #expect(vocabulary.names(of: "https://purl.imsglobal.org/spec/vc/ob/vocab.html#Achievement").contains("Achievement"))
        #expect(vocabulary.names(of: "@id").contains("id"))
        #expect(vocabulary.names.contains("credentialSubject"))
        #expect(!vocabulary.names.contains("notATermAnywhere"))
        // Names only a scoped context defines (the proof's, in the security vocabulary). Collected in term order,
        // they are there in every process; they used to depend on hash order.
        for name in ["proofValue", "nonce", "expires", "challenge", "domain", "proofPurpose", "verificationMethod"] {
            #expect(vocabulary.names.contains(name), "\(name)")
        }
    }

    @Test("isName answers as names(of:) does, by code points, for terms and for names after a @vocab")
    func isNameAgreesWithNames() {
        var vocabulary = JSONLDVocabulary(snapshot: "@vocab\thttps://example.com/\nhttps://schema.org/name\tname\ttitle\ttitr\u{E9}")
        vocabulary.add(name: "a", iri: "https://example.com/a")
        let iris = [
            "https://schema.org/name", "https://example.com/", "https://example.com/a", "https://example.com/b",
            "https://example.com/caf\u{E9}", "https://example.com/cafe\u{301}", "https://other.example/a", "",
        ]
        let names = ["name", "title", "titr\u{E9}", "titre\u{301}", "a", "b", "", "caf\u{E9}", "cafe\u{301}", "https://example.com/a"]
        for iri in iris {
            let known = vocabulary.names(of: iri)
            for name in names {
                let expected = known.contains { CodePointString($0) == CodePointString(name) }
                #expect(vocabulary.isName(name, of: iri) == expected, "\(name) of \(iri)")
            }
        }
        // The @vocab IRI itself names nothing: its rest would be empty.
        #expect(!vocabulary.isName("", of: "https://example.com/"))
        #expect(vocabulary.isName("cafe\u{301}", of: "https://example.com/cafe\u{301}"))
        #expect(!vocabulary.isName("caf\u{E9}", of: "https://example.com/cafe\u{301}"))
    }

    @Test("a snapshot reads back as the vocabulary it shows")
    func roundTrip() throws {
        var vocabulary = JSONLDVocabulary()
        vocabulary.add(name: "name", iri: "https://schema.org/name")
        vocabulary.add(name: "title", iri: "https://schema.org/name")
        vocabulary.add(name: "id", iri: "@id")
        let text = try #require(vocabulary.snapshot)
        #expect(text == "@id\tid\nhttps://schema.org/name\tname\ttitle")
        #expect(JSONLDVocabulary(snapshot: text) == vocabulary)
        // Blank lines and a missing last line break read as nothing; `@vocab` lines name vocabulary IRIs.
        var expected = JSONLDVocabulary(snapshot: "@vocab\thttps://example.com/\nhttps://example.com/a\ta\tb")
        #expect(expected.vocabularies == ["https://example.com/"] && expected.names(of: "https://example.com/a") == ["a", "b"])
        #expect(JSONLDVocabulary(snapshot: "\n@vocab\thttps://example.com/\n\nhttps://example.com/a\tb\ta\n") == expected)
        expected.add(name: "c", iri: "https://example.com/a")
        #expect(JSONLDVocabulary(snapshot: "@vocab\thttps://example.com/\nhttps://example.com/a\ta\tb\tc") == expected)
        var tabbed = JSONLDVocabulary()
        tabbed.add(name: "a\tb", iri: "https://example.com/x")
        #expect(tabbed.snapshot == nil)
    }

    /// The Swift source of the generated file.
    static func source(for snapshot: String) -> String {
        let body = snapshot.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n")
        return """
            // swift-format-ignore-file
            // The published vocabulary of the bundled contexts, as `JSONLDVocabulary.snapshot` writes it.
            // Written by `BundledVocabularyTests` (BADGE_RECORD_VOCABULARY=1 swift test --filter BundledVocabularyTests); do not edit.
            extension BundledContexts {
                /// See ``BundledContexts/vocabulary``.
                static let publishedVocabularySnapshot = #\"\"\"
            \(body)
                    \"\"\"#
            }

            """
    }
}
