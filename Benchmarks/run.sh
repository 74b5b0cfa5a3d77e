#!/usr/bin/env bash
# Builds the tools and the benchmark in release mode and runs it. Arguments go to the benchmark, e.g.
#   Benchmarks/run.sh --sizes 256K,64M --runs 3
# On Linux, release builds of `bake` and `unbake` link the Swift runtime and Foundation statically, as deployed CLIs
# are (Package.swift, README "Static binaries"): it halves their start-up time. Verification fetches with
# AsyncHTTPClient (SwiftNIO), not FoundationNetworking, so `unbake` needs no libcurl.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product bake
swift build -c release --product unbake
swift build -c release --product badge-benchmark
exec .build/release/badge-benchmark --bake .build/release/bake --unbake .build/release/unbake "$@"
