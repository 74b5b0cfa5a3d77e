#!/usr/bin/env bash
# Builds the tools in release mode (with the Swift runtime linked statically, as a deployed CLI would be:
# it halves their start-up time) and runs the benchmark. Arguments go to the benchmark, e.g. --sizes 256K,64M --runs 3.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --static-swift-stdlib --scratch-path .build-release-static --product bake
swift build -c release --static-swift-stdlib --scratch-path .build-release-static --product unbake
swift build -c release --static-swift-stdlib --scratch-path .build-release-static --product badge-benchmark
exec .build-release-static/release/badge-benchmark "$@"
