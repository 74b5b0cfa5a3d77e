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
        // The invariants, shared with the root package's FailCaseReplayTests (symlinked there).
        .target(
            name: "FuzzInvariants",
            dependencies: [
                .product(name: "BadgeBaking", package: "BadgeBaking"),
                .product(name: "SVGBadge", package: "BadgeBaking"),
                .product(name: "OpenBadgesModel", package: "BadgeBaking"),
            ]
        ),
        // The JSON-LD / RDFC-1.0 and verification checks, shared with the root package's LinkedDataTests (symlinked there).
        .target(
            name: "LinkedDataFuzzInvariants",
            dependencies: [
                .product(name: "BadgeVerification", package: "BadgeBaking"),
                .product(name: "JCS", package: "BadgeBaking"),
                .product(name: "JSONLD", package: "BadgeBaking"),
                .product(name: "RDFCanonicalization", package: "BadgeBaking"),
            ]
        ),
        .executableTarget(
            name: "jsonld-rdfc",
            dependencies: ["LinkedDataFuzzInvariants", "FuzzDriver"],
            path: "Sources/FuzzJSONLD"
        ),
        .executableTarget(
            name: "verify",
            dependencies: ["LinkedDataFuzzInvariants", "FuzzDriver"],
            path: "Sources/FuzzVerify"
        ),
    ]
        + fuzzTargets.map { target in
            .executableTarget(name: target.name, dependencies: ["FuzzInvariants", "FuzzDriver"], path: "Sources/\(target.directory)")
        }
)
