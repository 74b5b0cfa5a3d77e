import Testing

@testable import JSONLD

/// The code point helpers compare and cut UTF-8 bytes: a code point prefix is a byte prefix, and an ASCII code point
/// is its own byte. A combining mark or a precomposed letter is never mistaken for what it resembles.
@Suite("Code point helpers")
struct ScalarHelperTests {
    @Test func prefixesAreCodePoints() {
        #expect("_:b0".scalarHasPrefix("_:"))
        #expect("_:".scalarHasPrefix("_:") && "x".scalarHasPrefix(""))
        #expect(!"_".scalarHasPrefix("_:"))
        #expect(!"e\u{301}x".scalarHasPrefix("\u{E9}"))  // decomposed é is not precomposed é
        #expect("e\u{301}x".scalarHasPrefix("e"))  // but it starts with the code point e
        #expect(!"\u{E9}x".scalarHasPrefix("e"))
    }

    @Test func containsFindsCodePoints() {
        #expect(":\u{301}".scalarContains(":"))  // a colon followed by a combining mark is still a colon
        #expect(!"abc".scalarContains(":"))
        #expect("e\u{301}".scalarContains("\u{301}") && !"e\u{301}".scalarContains("\u{E9}"))
    }

    @Test func dropFirstCountsCodePoints() {
        #expect("_:b0".scalarDropFirst(2) == "b0")
        #expect("_:".scalarDropFirst(2) == "" && "_".scalarDropFirst(2) == "")
        // Non-ASCII first code points: dropped whole, by code point.
        let dropped = "\u{E9}\u{301}xy".scalarDropFirst(2)
        #expect(Array(dropped.unicodeScalars) == ["x", "y"])
        #expect(Array("ab\u{301}c".scalarDropFirst(2).unicodeScalars) == ["\u{301}", "c"])
    }

    @Test func keywordsAreExactCodePoints() {
        let keywords = [
            "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included", "@index", "@json",
            "@language", "@list", "@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse", "@set", "@type",
            "@value", "@version", "@vocab", "@default", "@embed", "@explicit", "@omitDefault", "@requireAll",
        ]
        for keyword in keywords {
            #expect(isKeyword(keyword), "\(keyword)")
            // The same text in a large (heap) string, as a parser may produce: found all the same.
            var large = keyword + String(repeating: "x", count: 20)
            large.removeLast(20)
            #expect(isKeyword(large), "\(keyword) (large)")
            #expect(!isKeyword(String(keyword.dropLast())) && !isKeyword(keyword + "s") && !isKeyword(keyword.uppercased()))
            // A trailing combining mark makes another string, although it renders on the keyword's last letter.
            #expect(!isKeyword(keyword + "\u{301}"))
        }
        #expect(!isKeyword("") && !isKeyword("@") && !isKeyword("type") && !isKeyword("@ty\u{301}pe") && !isKeyword("@requireAll@@@@@@"))
        #expect(!isKeyword("\u{FF20}type"))  // a full-width commercial at
    }

    /// Of an expanded node's members, only IRIs, `@id` and `@type` stand for plain JSON data; anything else that
    /// starts with `@` does not, a combining mark after the `@` included (which `hasPrefix("@")` would not see).
    @Test func dataMembersAreIRIsIdAndType() {
        for iri in ["https://schema.org/name", "urn:uuid:1", "_:b0", "@id", "@type"] { #expect(isDataMember(iri), "\(iri)") }
        for iri in ["@included", "@reverse", "@graph", "@index", "@value", "@", "@\u{301}x", "@id\u{301}", "@ID", "@types"] {
            #expect(!isDataMember(iri), "\(iri)")
        }
    }

    @Test func compactIRISplitsAtTheFirstColon() {
        #expect("p:x".compactIRISplit()! == ("p", false))
        #expect("https://e/x".compactIRISplit()! == ("https", true))
        #expect("a://".compactIRISplit()! == ("a", true) && "a:/".compactIRISplit()! == ("a", false))
        #expect("_:b0".compactIRISplit()! == ("_", false))
        #expect("p:x:y".compactIRISplit()! == ("p", false) && "p:x:y".compactIRISuffix("p") == "x:y")
        #expect(":x".compactIRISplit() == nil && "term".compactIRISplit() == nil && "".compactIRISplit() == nil)
        // Multi-byte code points before and after the colon, and a combining mark right after it.
        #expect("\u{E9}t\u{E9}:\u{1F600}".compactIRISplit()! == ("\u{E9}t\u{E9}", false))
        #expect("\u{E9}t\u{E9}:\u{1F600}".compactIRISuffix("\u{E9}t\u{E9}") == "\u{1F600}")
        let marked = "p:\u{301}x"
        #expect(marked.compactIRISplit()! == ("p", false))
        #expect(Array(marked.compactIRISuffix("p").unicodeScalars) == ["\u{301}", "x"])
    }
}
