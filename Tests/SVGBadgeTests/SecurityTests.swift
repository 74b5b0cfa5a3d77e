import BadgeTestSupport
import Foundation
import SVGBadge
import Testing
import Zlib

@Suite struct SecurityTests {
    @Test func externalEntitiesAreNeverResolved() throws {
        let svg = try Support.fixture("xxe-local-file.svg")
        let element = try #require(try SVGBadgeReader.extract(from: svg))
        #expect(element.body == #"{"stolen":"&xxe;"}"#)
        #expect(element.verify == "https://example.org/&xxe;")
        #expect(!(element.body ?? "").contains("root:"))
        let codes = Set(element.warnings.map(\.code))
        #expect(codes == [.internalSubsetIgnored, .undecodedEntityReference])
        // Baking leaves the DOCTYPE alone and writes no file contents either.
        let baked = try SVGBadgeBaker.bake(svg, content: BakerTests.signed)
        #expect(baked.occurrences(of: "root:") == 0)
        #expect(baked.occurrences(of: "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">") == 1)
    }

    @Test func externalDTDIsNotFetched() throws {
        let element = try #require(try SVGBadgeReader.extract(from: try Support.fixture("external-dtd.svg")))
        #expect(element.verify == "https://example.org/a")
        #expect(element.warnings.isEmpty)
    }

    @Test func billionLaughsIsNeutralised() throws {
        let svg = try Support.fixture("billion-laughs.svg")
        let element = try #require(try SVGBadgeReader.extract(from: svg))
        #expect(element.body == "&lol9;")
        #expect(element.verify == "&lol9;")
        #expect(element.warnings.contains { $0.code == .undecodedEntityReference })
        let baked = try SVGBadgeBaker.bake(svg, content: BakerTests.ob3JWS)
        #expect(baked.count < svg.count + 1024)
    }

    @Test func depthLimitJustUnderAndOver() throws {
        func nested(_ depth: Int) -> [UInt8] {
            // Root + (depth - 2) <g> + the badge element = depth levels.
            let open = String(repeating: "<g>", count: depth - 2)
            let close = String(repeating: "</g>", count: depth - 2)
            return Array(
                #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">\#(open)<openbadges:assertion verify="https://e.org"/>\#(close)</svg>"#
                    .utf8)
        }
        let limits = SVGBadgeLimits(maximumDepth: 20)
        #expect(try SVGBadgeReader.extract(from: nested(20), limits: limits)?.verify == "https://e.org")
        let error = #expect(throws: SVGBadgeError.self) { try SVGBadgeReader.extract(from: nested(21), limits: limits) }
        #expect(error?.code == .depthLimitExceeded)
        let bakeError = #expect(throws: SVGBadgeError.self) {
            try SVGBadgeBaker.bake(nested(21), content: BakerTests.signed, options: SVGBadgeBakeOptions(limits: limits))
        }
        #expect(bakeError?.code == .depthLimitExceeded)
        // The default limit stops deep nesting without exhausting the stack.
        let deep = Array(("<svg>" + String(repeating: "<g>", count: 100_000)).utf8)
        #expect(throws: SVGBadgeError.self) { try SVGBadgeReader.extract(from: deep) }
    }

    @Test func documentSizeJustUnderAndOver() throws {
        let svg = try SVGBadgeBaker.bake(Array(Support.plainSVG.utf8), content: BakerTests.signed)
        let exact = SVGBadgeLimits(maximumDocumentBytes: svg.count)
        #expect(try SVGBadgeReader.extract(from: svg, limits: exact)?.verify == Support.jws)
        #expect(try Support.extractChunked(svg, size: 10, limits: exact).0?.verify == Support.jws)
        let small = SVGBadgeLimits(maximumDocumentBytes: svg.count - 1)
        let error = #expect(throws: SVGBadgeError.self) { try SVGBadgeReader.extract(from: svg, limits: small) }
        #expect(error?.code == .documentTooLarge)
        // Streaming: the limit bites when the data that goes over it is read (badge placed last).
        let late = Array(
            (#"<svg xmlns="http://www.w3.org/2000/svg">"# + String(repeating: " ", count: 5000)
                + #"<openbadges:assertion verify="x"/></svg>"#).utf8)
        let lateError = #expect(throws: SVGBadgeError.self) {
            try Support.extractChunked(late, size: 64, limits: SVGBadgeLimits(maximumDocumentBytes: 1000))
        }
        #expect(lateError?.code == .documentTooLarge)
        #expect(throws: SVGBadgeError.self) {
            try SVGBadgeBaker.bake(svg, content: BakerTests.signed, options: SVGBadgeBakeOptions(limits: small))
        }
    }

    @Test func inflatedSizeJustUnderAndOverAndBombs() throws {
        let svg = try SVGBadgeBaker.bake(Array(Support.plainSVG.utf8), content: BakerTests.ob3JWS)
        let packed = try deflate(svg, container: .gzip)
        #expect(try SVGBadgeReader.extract(from: packed, limits: SVGBadgeLimits(maximumInflatedBytes: svg.count)) != nil)
        let error = #expect(throws: SVGBadgeError.self) {
            try SVGBadgeReader.extract(from: packed, limits: SVGBadgeLimits(maximumInflatedBytes: svg.count - 1))
        }
        #expect(error?.code == .inflatedTooLarge)
        let bakeError = #expect(throws: SVGBadgeError.self) {
            try SVGBadgeBaker.bake(
                packed, content: BakerTests.signed,
                options: SVGBadgeBakeOptions(limits: SVGBadgeLimits(maximumInflatedBytes: svg.count - 1)))
        }
        #expect(bakeError?.code == .inflatedTooLarge)
        // A gzip bomb: 20 MB of spaces after the root start tag, capped at 1 MB.
        let bomb = try deflate(
            Array(#"<svg xmlns="http://www.w3.org/2000/svg">"#.utf8) + [UInt8](repeating: 0x20, count: 20_000_000),
            container: .gzip, level: 9)
        let bombError = #expect(throws: SVGBadgeError.self) {
            try SVGBadgeReader.extract(from: bomb, limits: SVGBadgeLimits(maximumInflatedBytes: 1 << 20))
        }
        #expect(bombError?.code == .inflatedTooLarge)
    }

    @Test func corruptAndTruncatedGzip() throws {
        let packed = try deflate(Array(Support.plainSVG.utf8), container: .gzip)
        let truncated = #expect(throws: SVGBadgeError.self) { try SVGBadgeReader.extract(from: packed.dropLast(8)) }
        #expect(truncated?.code == .corruptCompression)
        var corrupt = packed
        corrupt[12] ^= 0xFF
        corrupt[13] ^= 0xFF
        #expect(throws: SVGBadgeError.self) { try SVGBadgeReader.extract(from: corrupt) }
        #expect(throws: SVGBadgeError.self) { try SVGBadgeBaker.bake(corrupt, content: BakerTests.signed) }
    }

    @Test func attributeLimitsJustUnderAndOver() throws {
        let attributes = (0..<9).map { " a\($0)=\"v\"" }.joined()
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg"\#(attributes)><openbadges:assertion verify="0123456789"/></svg>"#.utf8)
        let fits = SVGBadgeLimits(maximumAttributesPerElement: 10, maximumAttributeBytes: 26)
        #expect(try SVGBadgeReader.extract(from: svg, limits: fits)?.verify == "0123456789")
        let tooMany = #expect(throws: SVGBadgeError.self) {
            try SVGBadgeReader.extract(from: svg, limits: SVGBadgeLimits(maximumAttributesPerElement: 9))
        }
        #expect(tooMany?.code == .tooManyAttributes)
        // The longest value is the SVG namespace URI (26 bytes).
        let tooLong = #expect(throws: SVGBadgeError.self) {
            try SVGBadgeReader.extract(from: svg, limits: SVGBadgeLimits(maximumAttributeBytes: 25))
        }
        #expect(tooLong?.code == .attributeTooLong)
    }

    /// Every prefix of a baked SVG either fails with a typed error or yields exactly the baked payload.
    @Test(arguments: [BakerTests.hosted, BakerTests.ob3JSON])
    func everyPrefixErrorsOrReturnsThePayload(content: SVGBadgeContent) throws {
        let baked = try SVGBadgeBaker.bake(Array(Support.plainSVG.utf8), content: content)
        var successes = 0
        for length in 0...baked.count {
            do {
                let element = try SVGBadgeReader.extract(from: baked[..<length])
                #expect(element?.verify == content.verify && element?.body == content.body, "prefix \(length)")
                successes += 1
            } catch is SVGBadgeError {
                // expected for most prefixes
            }
        }
        #expect(successes > 0)
        // Compressed prefixes too (sampled).
        let packed = try deflate(baked, container: .gzip)
        for length in stride(from: 0, through: packed.count, by: 3) {
            do {
                let element = try SVGBadgeReader.extract(from: packed[..<length])
                #expect(element?.body == content.body)
            } catch is SVGBadgeError {}
        }
    }

    /// Random byte flips never crash the reader or the baker; failures are typed.
    @Test func mutatedInputsNeverCrash() throws {
        let baked = try SVGBadgeBaker.bake(Array(Support.plainSVG.utf8), content: BakerTests.hosted)
        var generator = SeededGenerator(seed: 42)
        for _ in 0..<2000 {
            var mutated = baked
            for _ in 0..<Int(generator.next() % 4 + 1) {
                let index = Int(generator.next() % UInt64(mutated.count))
                mutated[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            do { _ = try SVGBadgeReader.extract(from: mutated) } catch is SVGBadgeError {}
            do { _ = try SVGBadgeBaker.bake(mutated, content: BakerTests.ob3JWS) } catch is SVGBadgeError {}
        }
    }
}
