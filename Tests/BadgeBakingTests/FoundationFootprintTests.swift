import Foundation
import Testing

/// The library and the tools use Foundation's portable core only (FoundationEssentials on Linux). One call into
/// swift-corelibs-foundation (`NSLock`, `CharacterSet`, `String(format:)`, `NSRegularExpression`, `trimmingCharacters`…)
/// would link CoreFoundation and ICU's 30 MB of data into the static `unbake` and `bake`, and slow their start.
@Suite(
    "Foundation footprint",
    .enabled(if: TestPaths.products != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/nm"), "no build products or no nm")
)
struct FoundationFootprintTests {
    static let modules = [
        "OpenBadgesModel", "BadgeBaking", "SVGBadge", "Zlib", "BadgeVerification", "JSONLD", "JSONSchema", "RDFCanonicalization",
        "DataIntegrity", "unbake", "bake",
    ]

    #if os(Linux)
        @Test("no object of the library or the tools refers to swift-corelibs-foundation", arguments: modules)
        func noCorelibsFoundation(module: String) throws {
            let folder = TestPaths.products!.appendingPathComponent("\(module).build")
            // SwiftPM's generated `Bundle.module` accessor is left out: the package never calls it, and optimized builds drop it.
            let objects = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
                $0.hasSuffix(".o") && $0 != "resource_bundle_accessor.swift.o"
            }
            #expect(!objects.isEmpty, "\(module) has no objects in \(folder.path)")
            let output = try run(URL(fileURLWithPath: "/usr/bin/nm"), ["-u"] + objects.map { folder.appendingPathComponent($0).path })
            // `$s10Foundation…` (its types) and `$s…10FoundationE…` (its extensions of standard types).
            let references = output.stdoutText.split(separator: "\n").filter { $0.contains("10Foundation") }
            #expect(references.isEmpty, "\(module): \(references.prefix(5).joined(separator: ", "))")
        }
    #endif
}
