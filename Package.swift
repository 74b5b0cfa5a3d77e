// swift-tools-version:6.0
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// On Linux, release builds of the tools carry the Swift runtime and Foundation inside: they run without a Swift
/// toolchain, and they start in half the time (no dynamic binding of thousands of runtime symbols). The tools' own
/// module is compiled against the static Foundation too, so that it names that one's libraries to the linker, which
/// takes only what is called: the package calls Foundation's portable core only (FoundationEssentials), so neither
/// CoreFoundation nor ICU's data comes in (`FoundationFootprintTests`). They export no symbols: nothing loads them as a library, and the runtime's
/// start-up `dladdr` would walk every exported one. Unsafe flags only bar these two executable products from being
/// used by other packages; the libraries are untouched.
let staticStandardLibrary = BuildSettingCondition.when(platforms: [.linux], configuration: .release)
let toolSwiftSettings = strictSettings + [.unsafeFlags(["-static-stdlib"], staticStandardLibrary)]
let toolLinkerSettings: [LinkerSetting] = [.unsafeFlags(["-static-stdlib", "-Xlinker", "--no-export-dynamic"], staticStandardLibrary)]

let package = Package(
    name: "BadgeBaking",
    platforms: [.macOS(.v13), .iOS(.v16)],
    products: [
        .library(name: "BadgeBaking", targets: ["BadgeBaking"]),
        .library(name: "OpenBadgesModel", targets: ["OpenBadgesModel"]),
        .library(name: "BadgeVerification", targets: ["BadgeVerification"]),
        // Not API: the fuzz package (FuzzTesting/) runs the same checks as the tests through this.
        .library(name: "_BadgeTestSupport", targets: ["BadgeTestSupport"]),
        .executable(name: "unbake", targets: ["unbake"]),
        .executable(name: "bake", targets: ["bake"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        // HTTP(S) fetching on SwiftNIO: the verifier connects only to addresses its FetchPolicy checked.
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.100.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.30.0"),
    ],
    targets: [
        // C system libraries.
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .systemLibrary(
            name: "CLibPNG",
            pkgConfig: "libpng",
            providers: [.apt(["libpng-dev"]), .brew(["libpng"])]
        ),

        // The tools' process-level C: bake's signal handlers (async-signal-safe removal of its temporary file on
        // SIGINT/SIGTERM/SIGHUP; the library installs none), and the release of the loader's relocation table.
        .target(name: "CBadgeSupport"),

        // zlib behind a small Swift API: bounded inflate, deflate, CRC-32.
        .target(name: "Zlib", dependencies: ["CZlib"], swiftSettings: strictSettings),

        // Format layers.
        .target(name: "SVGBadge", dependencies: ["Zlib", "OpenBadgesModel"], swiftSettings: strictSettings),
        .target(name: "OpenBadgesModel", swiftSettings: strictSettings),
        .target(
            name: "BadgeBaking",
            dependencies: ["Zlib", "SVGBadge", "OpenBadgesModel"],
            swiftSettings: strictSettings
        ),

        // Verification: fetching (with a safe policy), signatures, checks and reports.
        .target(
            name: "BadgeVerification",
            dependencies: [
                "BadgeBaking", "OpenBadgesModel", "DataIntegrity", "JSONLD", "RDFCanonicalization", "JSONSchema", "Zlib",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            // JSON-LD contexts for OB 3.0 proofs, pinned by SHA-256 in OB3/BundledContexts.swift.
            resources: [.copy("Contexts")],
            swiftSettings: strictSettings
        ),

        // libpng, kept out of the bake/extract path: a full, independent decode for validation and tests.
        .target(name: "PNGValidation", dependencies: ["CLibPNG"], swiftSettings: strictSettings),

        // Command-line tools.
        .executableTarget(
            name: "unbake",
            dependencies: [
                "BadgeBaking", "OpenBadgesModel", "BadgeVerification", "CBadgeSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: toolSwiftSettings,
            linkerSettings: toolLinkerSettings
        ),
        .executableTarget(
            name: "bake",
            dependencies: ["BadgeBaking", "OpenBadgesModel", "CBadgeSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: toolSwiftSettings,
            linkerSettings: toolLinkerSettings
        ),

        // What the tests, the benchmark and the fuzzers share: the shared-files locator, a loopback HTTP server, the
        // fuzz invariants and fail cases.
        .target(
            name: "BadgeTestSupport",
            dependencies: [
                "BadgeBaking", "BadgeVerification", "OpenBadgesModel", "SVGBadge", "JSONLD", "RDFCanonicalization", "DataIntegrity",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Tests/BadgeTestSupport",
            swiftSettings: strictSettings
        ),

        // Release-mode benchmark: swift build -c release && .build/release/badge-benchmark
        .executableTarget(
            name: "badge-benchmark",
            dependencies: [
                "BadgeBaking", "BadgeVerification", "BadgeTestSupport", "OpenBadgesModel", "Zlib", "DataIntegrity", "JSONLD", "JSONSchema",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            path: "Benchmarks/BadgeBenchmark",
            swiftSettings: strictSettings
        ),

        // Linked data (internal modules, not products): RDF model + RDFC-1.0, JSON-LD 1.1 expansion and toRdf, on
        // OpenBadgesModel's JSONValue and string primitives.
        .target(
            name: "RDFCanonicalization",
            dependencies: ["OpenBadgesModel", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(name: "JSONLD", dependencies: ["OpenBadgesModel", "RDFCanonicalization"], swiftSettings: strictSettings),
        // JSON Schema draft 2019-09 validation, with the 1EdTech OB 3.0 / CLR 2.0 schemas pinned by SHA-256 in BundledSchemas.swift.
        .target(
            name: "JSONSchema", dependencies: ["OpenBadgesModel", "JSONLD", .product(name: "Crypto", package: "swift-crypto")], resources: [.copy("Schemas")],
            swiftSettings: strictSettings),
        // Data Integrity proofs with Ed25519 (eddsa-rdfc-2022, eddsa-jcs-2022, Ed25519Signature2020/2018), multibase, Multikey.
        .target(
            name: "DataIntegrity",
            dependencies: ["OpenBadgesModel", "JSONLD", "RDFCanonicalization", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),

        // Tests.
        .testTarget(
            name: "LinkedDataTests",
            dependencies: [
                "BadgeVerification", "BadgeTestSupport", "OpenBadgesModel", "RDFCanonicalization", "JSONLD", "DataIntegrity",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BadgeBakingTests",
            dependencies: ["BadgeBaking", "BadgeTestSupport", "CBadgeSupport", "OpenBadgesModel", "PNGValidation", "SVGBadge", "Zlib"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "SVGBadgeTests",
            dependencies: ["BadgeTestSupport", "SVGBadge", "OpenBadgesModel", "Zlib"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "BadgeVerificationTests",
            dependencies: [
                "BadgeVerification", "BadgeBaking", "OpenBadgesModel", "BadgeTestSupport", "DataIntegrity", "JSONLD", "Zlib",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                // TLSLoopbackServer.swift: an HTTPS server on loopback for the TLS tests.
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "JSONSchemaTests",
            dependencies: ["BadgeTestSupport", "JSONSchema", "OpenBadgesModel"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "OpenBadgesModelTests",
            dependencies: ["BadgeTestSupport", "OpenBadgesModel"],
            swiftSettings: strictSettings
        ),
    ]
)
