// swift-tools-version:6.0
// libFuzzer targets for BadgeBaking. Build and run them with ./fuzz.sh (see README.md); they need the
// `-sanitize=fuzzer,address -parse-as-library` flags, which fuzz.sh passes to every module so that the
// library code under test is instrumented for coverage too.
import PackageDescription

let fuzzTargets: [(name: String, directory: String)] = [
    ("png-extract", "FuzzPNGExtract"),
    ("png-bake", "FuzzPNGBake"),
    ("svg-extract", "FuzzSVGExtract"),
    ("svg-bake", "FuzzSVGBake"),
    ("json-model", "FuzzJSON"),
    ("jws", "FuzzJWS"),
]

let package = Package(
    name: "BadgeBakingFuzzTesting",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "BadgeBaking", path: "..")],
    targets: [
        // The declaration of LLVMFuzzerRunDriver, and the entry point and driver every target shares.
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzDriver", dependencies: ["CLibFuzzer"]),
        // The invariants live in the root package's BadgeTestSupport target (product `_BadgeTestSupport`), so that
        // `swift test` replays every fail case through the very checks these targets run.
        .executableTarget(
            name: "jsonld-rdfc",
            dependencies: [.product(name: "_BadgeTestSupport", package: "BadgeBaking"), "FuzzDriver"],
            path: "Sources/FuzzJSONLD"
        ),
        .executableTarget(
            name: "verify",
            dependencies: [.product(name: "_BadgeTestSupport", package: "BadgeBaking"), "FuzzDriver"],
            path: "Sources/FuzzVerify"
        ),
    ]
        + fuzzTargets.map { target in
            .executableTarget(
                name: target.name, dependencies: [.product(name: "_BadgeTestSupport", package: "BadgeBaking"), "FuzzDriver"],
                path: "Sources/\(target.directory)")
        }
)
