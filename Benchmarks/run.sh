#!/usr/bin/env bash
# Builds the tools and the benchmark in release mode and runs it. Arguments go to the benchmark, e.g.
#   Benchmarks/run.sh --sizes 256K,64M --runs 3
# (Linking the Swift runtime statically, --static-swift-stdlib, would halve the tools' start-up time, but on Linux it
# needs a static libcurl for FoundationNetworking, which `unbake --verify` uses.)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product bake
swift build -c release --product unbake
swift build -c release --product badge-benchmark
exec .build/release/badge-benchmark "$@"
