import Testing

@testable import BadgeBaking

@Suite("Atomic output files")
struct AtomicFileTests {
    @Test("a path splits into its folder and its name, as the temporary file beside it needs")
    func split() {
        #expect(AtomicFile.split("/tmp/badge.png") == ("/tmp", "badge.png"))
        #expect(AtomicFile.split("badge.png") == ("", "badge.png"))
        #expect(AtomicFile.split("/badge.png") == ("/", "badge.png"))
        #expect(AtomicFile.split("out/sub/badge.svg") == ("out/sub", "badge.svg"))
        #expect(AtomicFile.split("./b\u{e9}.png") == (".", "b\u{e9}.png"))
    }
}
