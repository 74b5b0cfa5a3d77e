import Foundation
import JSONSchema
import OpenBadgesModel

/// JSON Schema cost of an OB 3.0 verification: the one-time load and compile of the bundled AchievementCredential
/// schema (read, SHA-256 check, parse, compile; fresh each time, not the per-process cache), and validations per
/// second of the typical credential against it.
enum SchemaBenchmark {
    /// The schema measured: the one a typical OB 3.0 credential names.
    static let url = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"

    /// Prints the median and fastest of `compiles` fresh loads and compiles, then the validation rate over
    /// `validations` validations.
    static func run(compiles: Int, validations: Int) throws {
        guard let entry = BundledSchemas.entry(for: url) else { throw BenchmarkError("\(url) is not bundled") }
        print("\n== JSON Schema: \(entry.file) (one core: taskset -c 0) ==")

        // (a) Load + compile, as the first `BundledSchemas.schema(for:)` of a process does. The first run is shown on
        // its own (cold caches), then the median and the fastest of the rest.
        var times: [Double] = []
        var schema = try BundledSchemas.compile(entry)
        for _ in 0..<max(1, compiles) {
            let start = DispatchTime.now().uptimeNanoseconds
            schema = try BundledSchemas.compile(entry)
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let sorted = times.sorted()
        print(String(format: "load+compile: median %.3f ms, fastest %.3f ms (%d runs)", sorted[sorted.count / 2], sorted[0], sorted.count))

        // (b) Validations of the typical credential (BenchCredential, signed: valid against the schema).
        let instance = JSONValue.object(try BenchCredential.signed(index: 0))
        let (violations, steps) = schema.validateCountingSteps(instance)
        guard violations.isEmpty else { throw BenchmarkError("the credential is not valid: \(violations.map(\.description))") }
        // Ten batches: the median batch gives the rate, the fastest shows what a quiet machine does.
        let batch = max(1, validations / 10)
        var perValidation: [Double] = []
        for _ in 0..<10 {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<batch {
                guard schema.validateCountingSteps(instance).steps == steps else { throw BenchmarkError("the step count changed") }
            }
            perValidation.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e3 / Double(batch))
        }
        perValidation.sort()
        let median = perValidation[perValidation.count / 2]
        print(
            String(
                format: "validation: %.0f validations/s, median %.2f µs each, fastest batch %.2f µs (%d bytes, %d steps, 10 batches of %d)",
                1e6 / median, median, perValidation[0], instance.serialized().utf8.count, steps, batch))
    }
}
