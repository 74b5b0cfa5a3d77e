#!/usr/bin/env bash
# Builds the tools and the benchmark in release mode and runs it. Arguments go to the benchmark, e.g.
#   Benchmarks/run.sh --sizes 256K,64M --runs 3
# `bake` and `unbake` are built with the Swift runtime and Foundation linked statically, as deployed CLIs would
# be (README, "Static binaries"): it halves their start-up time. Verification fetches with AsyncHTTPClient
# (SwiftNIO), not FoundationNetworking, so `unbake` needs no libcurl and links statically too.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --scratch-path .build-static --product bake
swift build -c release --static-swift-stdlib --scratch-path .build-static --product unbake
swift build -c release --product badge-benchmark
exec .build/release/badge-benchmark --bake .build-static/release/bake --unbake .build-static/release/unbake "$@"
