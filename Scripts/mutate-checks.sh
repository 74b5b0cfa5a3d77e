#!/usr/bin/env bash
# Mutation check for the OB 2.0 verifier: for each check id, turns every `report.add(.<check>, .failed` in
# OB2Verifier.swift into `.passed`, rebuilds, and runs the verification tests. A check whose failures no test
# notices is printed as SURVIVED. The file is restored after each mutation (and on exit).
#
#   Scripts/mutate-checks.sh                      every check
#   CHECKS="signature revocation" Scripts/mutate-checks.sh
set -uo pipefail
cd "$(dirname "$0")/.."
file=Sources/BadgeVerification/OB2/OB2Verifier.swift
git diff --quiet -- "$file" || { echo "$file has uncommitted changes" >&2; exit 64; }
trap 'git checkout -q -- "$file"' EXIT
tests="HostedVerificationTests|SignedVerificationTests|FetchingTests|ConcurrencyTests|CLITests"
for check in ${CHECKS:-payload hostedAssertion verificationType hostedScope badgeClass issuer signature keyOwnership revocation expiry recipient}; do
    sed -i "s/report.add(\.$check, \.failed/report.add(.$check, .passed/g" "$file"
    if ! swift build --build-tests > /tmp/mutate-build.log 2>&1; then
        echo "$check: build failed (see /tmp/mutate-build.log)"
    else
        failures=$(swift test --skip-build --filter "$tests" 2>&1 | grep -c "✘ Test .* failed")
        if [ "$failures" -gt 0 ]; then echo "$check: killed ($failures failing tests)"; else echo "$check: SURVIVED"; fi
    fi
    git checkout -q -- "$file"
done
