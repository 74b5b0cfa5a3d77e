#!/usr/bin/env bash
# Runs the concurrency tests under ThreadSanitizer: many tasks extracting PNG and SVG badges and verifying
# them through one shared CachingDocumentLoader (offline, and against a loopback HTTP server).
#
#   Scripts/tsan.sh                 the concurrency suite
#   Scripts/tsan.sh <filter>        any other tests, by swift test --filter
#
# The build goes to .build-tsan/ so that it does not disturb the normal debug build. Exits non-zero on any
# data race TSan reports (halt_on_error) or any test failure.
set -euo pipefail
cd "$(dirname "$0")/.."
filter=${1:-"ConcurrencyTests"}
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
export SWIFT_BACKTRACE=enable=no
swift test --scratch-path .build-tsan --sanitize=thread --filter "$filter"
