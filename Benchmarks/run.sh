#!/usr/bin/env bash
# Builds the tools and the benchmark in release mode and runs it. Arguments go to the benchmark, e.g.
#   Benchmarks/run.sh --sizes 256K,64M --runs 3
# `bake` is built with the Swift runtime linked statically, as a deployed CLI would be: it halves its start-up
# time. `unbake` cannot be linked that way on Linux (its --verify uses FoundationNetworking, whose static link
# needs a static libcurl), so it is measured as `swift build -c release` builds it.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --scratch-path .build-static --product bake
swift build -c release --product unbake
swift build -c release --product badge-benchmark
exec .build/release/badge-benchmark --bake .build-static/release/bake "$@"
