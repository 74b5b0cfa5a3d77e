import OpenBadgesModel
import Testing

@testable import JSONLD

/// Exact JSON equality (the expansion memo's test of "the same document"): copies of one document that share
/// their unchanged parts compare without a walk, and a change anywhere, however deep, still tells them apart.
@Suite("Exact JSON equality")
struct ExactJSONTests {
    static let document: JSONValue = [
        "@context": ["https://www.w3.org/ns/credentials/v2"], "id": "urn:uuid:1",
        "credentialSubject": ["achievement": ["name": "Swift", "tag": ["a", "b", "c"], "level": 3]],
    ]

    @Test("copies are equal, shared or rebuilt; a deep change in one copy is not", arguments: [false, true])
    func sharedCopies(ordered: Bool) throws {
        var top = try #require(Self.document.objectValue)
        let copy = top
        #expect(top.sharesStorage(with: copy))
        #expect(ExactJSON.equal(.object(top), .object(copy), ordered: ordered))
        // A copy changed at the top keeps sharing its untouched members.
        top["proof"] = "x"
        top["proof"] = nil
        #expect(!top.sharesStorage(with: copy))
        #expect(ExactJSON.equal(.object(top), .object(copy), ordered: ordered))
        // The same text parsed again shares nothing and is still equal.
        let reparsed = try JSONValue(parsing: Self.document.serialized())
        #expect(ExactJSON.equal(reparsed, Self.document, ordered: ordered))
        // One change deep inside: different, from either side.
        var subject = try #require(top["credentialSubject"]?.objectValue)
        var achievement = try #require(subject["achievement"]?.objectValue)
        achievement["tag"] = ["a", "b", "d"]
        subject["achievement"] = .object(achievement)
        var changed = top
        changed["credentialSubject"] = .object(subject)
        #expect(!ExactJSON.equal(.object(changed), .object(copy), ordered: ordered))
        #expect(!ExactJSON.equal(.object(copy), .object(changed), ordered: ordered))
        // Decomposed and precomposed text are different code points.
        achievement["tag"] = ["a", "b", "c"]
        achievement["name"] = "Swi\u{0066}\u{0074}"
        #expect(ExactJSON.equal(.object(achievement), try #require(copy["credentialSubject"]?.objectValue?["achievement"]), ordered: ordered))
        achievement["name"] = "Caf\u{E9}"
        var other = achievement
        other["name"] = "Cafe\u{301}"
        #expect(!ExactJSON.equal(.object(achievement), .object(other), ordered: ordered))
    }

    @Test("arrays that share a buffer are equal; a copy with one element changed is not")
    func sharedArrays() {
        let items: [JSONValue] = ["a", ["b": 1], [2, 3]]
        var copy = items
        #expect(sharesBuffer(items, copy))
        #expect(ExactJSON.equal(.array(items), .array(copy), ordered: true))
        copy[2] = [2, 4]
        #expect(!sharesBuffer(items, copy))
        #expect(!ExactJSON.equal(.array(items), .array(copy), ordered: true))
        #expect(!sharesBuffer([JSONValue](), ["a"]))
    }
}
