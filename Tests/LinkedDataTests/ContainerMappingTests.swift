import OpenBadgesModel
import Testing

@testable import JSONLD

/// A term's `@container` is read into ``ContainerMapping`` (a set of bits): the combinations JSON-LD 1.1 allows are
/// kept, every other value is an `invalid container mapping`, and the keywords are matched by their code points.
@Suite("Container mappings")
struct ContainerMappingTests {
    /// Expands `{"p": value}` under a context whose term `p` has `container`.
    private func expand(container: JSONValue, value: JSONValue, processingMode: JSONLDProcessingMode = .jsonld11) throws -> [JSONValue] {
        var options = JSONLDOptions()
        options.processingMode = processingMode
        let context: JSONValue = ["p": ["@id": "http://e/p", "@container": container]]
        return try JSONLDProcessor(options: options).expand(["@context": context, "@id": "http://e/s", "p": value])
    }

    private func code(container: JSONValue, processingMode: JSONLDProcessingMode = .jsonld11) -> JSONLDErrorCode? {
        do {
            _ = try expand(container: container, value: "v", processingMode: processingMode)
            return nil
        } catch let error as JSONLDError {
            return error.code
        } catch {
            return nil
        }
    }

    @Test func allowedCombinationsAreKept() throws {
        let allowed: [JSONValue] = [
            "@list", "@set", "@index", "@id", "@type", "@language", "@graph", ["@set"], ["@graph", "@set"], ["@graph", "@id"],
            ["@graph", "@index", "@set"], ["@id", "@set"], ["@index", "@set"], ["@language", "@set"], ["@set", "@type"],
        ]
        for container in allowed {
            #expect(code(container: container) == nil, "\(container)")
        }
    }

    @Test func otherValuesAreInvalid() {
        let refused: [JSONValue] = [
            [], ["@set", "@set"], ["@list", "@set"], ["@graph", "@list"], ["@id", "@index"], ["@graph", "@id", "@index"],
            "@value", "@json", "set", 5, ["@set", 5],
            // Not the keyword by code points: a combining mark after it, a Cyrillic "ѕ", full-width letters.
            "@set\u{301}", "@\u{455}et", "@\u{FF49}ndex",
        ]
        for container in refused {
            #expect(code(container: container) == .invalidContainerMapping, "\(container)")
        }
    }

    @Test func jsonLD10AllowsOnlyItsOwnContainers() {
        #expect(code(container: "@list", processingMode: .jsonld10) == nil)
        #expect(code(container: "@index", processingMode: .jsonld10) == nil)
        for container: JSONValue in ["@id", "@type", "@graph", ["@set"]] {
            #expect(code(container: container, processingMode: .jsonld10) == .invalidContainerMapping, "\(container)")
        }
    }

    @Test func containersShapeTheExpansion() throws {
        // @list wraps the values in a list object; @language reads a language map; @index drops the map's keys
        // into @index; @set and no container give the plain values.
        let list = try expand(container: "@list", value: ["a", "b"])
        #expect(list[0].objectValue?["http://e/p"] == [["@list": [["@value": "a"], ["@value": "b"]]]])
        let language = try expand(container: "@language", value: ["en": "colour", "fr": "couleur"])
        #expect(
            language[0].objectValue?["http://e/p"]
                == [["@value": "colour", "@language": "en"], ["@value": "couleur", "@language": "fr"]])
        let index = try expand(container: "@index", value: ["k": "v"])
        #expect(index[0].objectValue?["http://e/p"] == [["@value": "v", "@index": "k"]])
        let set = try expand(container: "@set", value: "v")
        #expect(set[0].objectValue?["http://e/p"] == [["@value": "v"]])
    }

    @Test func keywordsAreReadByCodePoints() {
        #expect(ContainerMapping(keyword: "@graph") == .graph)
        #expect(ContainerMapping(keyword: "@type") == .type)
        #expect(ContainerMapping(keyword: "@set\u{301}") == nil)
        #expect(ContainerMapping(keyword: "@Set") == nil)
        #expect(ContainerMapping([.graph, .set, .id]).count == 3)
    }
}
