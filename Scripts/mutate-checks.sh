#!/usr/bin/env bash
# Mutation check for the verifiers: for each check, turns every way the code fails it (`report.add(.<check>, .failed`,
# and for OB 3.0 proofs `ProofOutcome(status: .failed`) into a pass, rebuilds, and runs the verification tests. A
# check whose failures no test notices is printed as SURVIVED. Files are restored after each mutation (and on exit).
#
#   Scripts/mutate-checks.sh                           every check of OB 2.0 and OB 3.0
#   CHECKS="ob3:signedData ob2:signature" Scripts/mutate-checks.sh
set -uo pipefail
cd "$(dirname "$0")/.."
ob2=Sources/BadgeVerification/OB2/OB2Verifier.swift
ob3="Sources/BadgeVerification/OB3/OB3Verifier.swift Sources/BadgeVerification/OB3/StatusChecker.swift Sources/BadgeVerification/OB3/KeyResolution.swift"
files="$ob2 $ob3"
for file in $files; do git diff --quiet -- "$file" || { echo "$file has uncommitted changes" >&2; exit 64; }; done
trap 'git checkout -q -- $files' EXIT
tests="BadgeVerificationTests|CLITests|OB3CLITests"
default="ob2:payload ob2:hostedAssertion ob2:verificationType ob2:hostedScope ob2:badgeClass ob2:issuer ob2:signature ob2:keyOwnership ob2:revocation ob2:expiry ob2:recipient"
default+=" ob3:payload ob3:proof ob3:signature ob3:issuerBinding ob3:signedData ob3:jwtClaims ob3:revocation ob3:expiry ob3:recipient"
for entry in ${CHECKS:-$default}; do
    scope=${entry%%:*}
    check=${entry#*:}
    targets=$ob2
    [ "$scope" = ob3 ] && targets=$ob3
    for file in $targets; do
        sed -i "s/report.add(\.$check, \.failed/report.add(.$check, .passed/g" "$file"
        if [ "$check" = proof ]; then sed -i "s/ProofOutcome(status: \.failed/ProofOutcome(status: .passed/g" "$file"; fi
    done
    if ! swift build --build-tests > /tmp/mutate-build.log 2>&1; then
        echo "$scope $check: build failed (see /tmp/mutate-build.log)"
    else
        failures=$(swift test --skip-build --filter "$tests" 2>&1 | grep -c "✘ Test .* failed")
        if [ "$failures" -gt 0 ]; then echo "$scope $check: killed ($failures failing tests)"; else echo "$scope $check: SURVIVED"; fi
    fi
    git checkout -q -- $files
done
