import Foundation
import Testing

/// Replays `FuzzTesting/FailCases/jsonld-rdfc/` (inputs the `jsonld-rdfc` fuzzer found, minimised and kept as
/// regressions) through the checks the fuzz target runs: LinkedDataFuzzInvariants.swift here is a symlink to
/// `FuzzTesting/Sources/LinkedDataFuzzInvariants/LinkedDataFuzzInvariants.swift`. The same checks also run over
/// the fuzzer's main seeds (the RDFC-1.0 suite's inputs and the OB 3.0 credentials of the shared corpus).
@Suite("JSON-LD / RDFC fuzzer fail cases")
struct LinkedDataFailCaseTests {
    static let failCases = Suites.packageRoot.appendingPathComponent("FuzzTesting/FailCases/\(LinkedDataFuzzInvariants.targetName)")

    static func files(in folder: URL, suffix: String = "") -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && $0.hasSuffix(suffix) }.sorted().map { folder.appendingPathComponent($0) }
    }

    static func seeds() -> [URL] {
        let canon = files(in: Suites.testsuites.appendingPathComponent("rdf-canon/tests/rdfc10"), suffix: "-in.nq")
        let credentials = files(in: Suites.sharedRoot.appendingPathComponent("corpus/ob3"), suffix: ".json")
        return canon + credentials
    }

    @Test("A fail case keeps every invariant", arguments: files(in: failCases))
    func replay(_ file: URL) throws {
        let bytes = [UInt8](try Data(contentsOf: file))
        LinkedDataFuzzInvariants.check(bytes) { message in Issue.record("\(file.lastPathComponent): \(message)") }
    }

    @Test("The fuzzer's seeds keep every invariant", .enabled(if: !seeds().isEmpty, "../shared is absent"))
    func seedsKeepInvariants() throws {
        for file in Self.seeds() {
            let bytes = [UInt8](try Data(contentsOf: file))
            LinkedDataFuzzInvariants.check(bytes) { message in Issue.record("\(file.lastPathComponent): \(message)") }
        }
    }
}
