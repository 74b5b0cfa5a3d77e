import Foundation
import Testing

@testable import BadgeBaking

/// Interoperability with the Python `openbadges-bakery` (PyPI), the reference most OB 2.0 tools use.
/// Skipped, saying so, when python3 or the module is missing.
@Suite("Interop with Python openbadges-bakery", .enabled(if: pythonWithBakery != nil, "python3 with openbadges_bakery is not installed"))
struct InteropTests {
    let python = pythonWithBakery!

    @Test("PNGs we bake are read by openbadges-bakery", arguments: [Payloads.ob2Assertion, Payloads.ob2JWS, Payloads.hostedURL])
    func theyReadOurs(payload: String) throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let image = directory.appendingPathComponent("ours.png")
        try Data(try BadgeBaker().bake(payload, into: TestPNG(width: 50, height: 50).bytes)).write(to: image)
        let script = "import sys, openbadges_bakery as b; sys.stdout.write(b.unbake(open(sys.argv[1], 'rb')))"
        let output = try run(python, ["-c", script, image.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdoutText == payload)
    }

    @Test("PNGs openbadges-bakery bakes are read by us, also when re-baked over our own", arguments: [Payloads.ob2Assertion, Payloads.hostedURL])
    func weReadTheirs(payload: String) throws {
        let directory = try TestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let plain = directory.appendingPathComponent("plain.png")
        let mixed = directory.appendingPathComponent("mixed.png")
        try Data(TestPNG(width: 50, height: 50).bytes).write(to: plain)
        try Data(try BadgeBaker().bake(Payloads.ob2JWS, into: TestPNG(width: 50, height: 50).bytes)).write(to: mixed)
        for (input, name) in [(plain, "theirs.png"), (mixed, "theirs-over-ours.png")] {
            let output = directory.appendingPathComponent(name)
            let script = """
                import sys, shutil, openbadges_bakery as b
                baked = b.bake(open(sys.argv[1], 'rb'), sys.argv[2])
                shutil.copyfile(baked.name, sys.argv[3])
                """
            let result = try run(python, ["-c", script, input.path, payload, output.path])
            #expect(result.status == 0, "\(result.stderr)")
            let badge = try #require(try BadgeExtractor().extract(contentsOf: output))
            #expect(badge.payload == payload)
            #expect(badge.warnings.isEmpty)
        }
    }
}
