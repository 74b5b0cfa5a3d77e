#!/usr/bin/env bash
# Builds the DocC documentation of every library product with the toolchain's docc, warnings as errors.
# Symbol graphs come from `swift package dump-symbol-graph` (it reuses the debug build); the archives are written
# to .build/docs/<Product>.doccarchive.
set -euo pipefail
cd "$(dirname "$0")/.."

products=(BadgeBaking OpenBadgesModel BadgeVerification)
mkdir -p .build/docs
swift package dump-symbol-graph --minimum-access-level public >/dev/null
graphs=$(find .build -type d -name symbolgraph -path "*$(uname -m)*" | head -n 1)
docc=$(command -v docc || xcrun --find docc)

for product in "${products[@]}"; do
    work=$(mktemp -d)
    cp "$graphs/$product.symbols.json" "$work/"
    cp "$graphs/$product"@*.symbols.json "$work/" 2>/dev/null || true
    "$docc" convert "Sources/$product/$product.docc" \
        --additional-symbol-graph-dir "$work" \
        --fallback-display-name "$product" --fallback-bundle-identifier "org.badgebaking.$product" \
        --output-path ".build/docs/$product.doccarchive" \
        --warnings-as-errors --analyze
    rm -rf "$work"
    echo "docs: $product built without warnings"
done
