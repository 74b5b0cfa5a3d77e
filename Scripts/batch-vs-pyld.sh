#!/usr/bin/env bash
# Batch verification against PyLD, on the same fresh credentials:
#   1. makes N fresh eddsa-rdfc-2022 credentials, each signed by a fresh did:key (Benchmarks/BadgeBenchmark,
#      BenchCredential.swift: VC 2.0 + OB 3.0.3, achievement with alignments and tags, about 2.6 KB), as JSON and
#      baked into small PNGs;
#   2. times `unbake --verify --json --jobs 1` and `--jobs 2` over the PNGs (whole processes, release build), and
#      checks that every one verified;
#   3. times PyLD over the same JSON documents in one Python process: canonicalize the document and the proof
#      configuration (RDFC-1.0 / URDNA2015), hash both (SHA-256), verify the Ed25519 signature, contexts cached
#      (the bundled context files), interpreter start-up not counted;
#   4. prints the rates and the ratios.
#
#   Scripts/batch-vs-pyld.sh [N=300]        (needs python3 with pyld and cryptography: pip install pyld cryptography)
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-300}"
SCRATCH="${SCRATCH:-.build}"
swift build -c release --scratch-path "$SCRATCH" --product unbake >&2
swift build -c release --scratch-path "$SCRATCH" --product badge-benchmark >&2
BIN="$SCRATCH/release"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
"$BIN/badge-benchmark" --make-credentials "$WORK" --count "$N"

run_unbake() {  # jobs -> seconds
    local start end
    start=$(date +%s.%N)
    if ! "$BIN/unbake" --verify --json --jobs "$1" "$WORK"/credential-*.png > "$WORK/out-$1.jsonl"; then
        echo "unbake --jobs $1: not every credential verified:" >&2
        grep -v '"verdict":"verified"' "$WORK/out-$1.jsonl" | head -3 >&2
        exit 1
    fi
    end=$(date +%s.%N)
    python3 -c "print($end - $start)"
}
# One warm-up run (page cache), then five rounds of --jobs 1 and --jobs 2 one after the other, so that a slow
# spell of this shared machine falls on both; the best of each.
run_unbake 1 > /dev/null
J1=; J2=
for _ in 1 2 3 4 5; do
    t1=$(run_unbake 1); t2=$(run_unbake 2)
    J1=$(python3 -c "print(min(${J1:-$t1}, $t1))"); J2=$(python3 -c "print(min(${J2:-$t2}, $t2))")
done
lines=$(wc -l < "$WORK/out-1.jsonl")
[ "$lines" -eq "$N" ] || { echo "expected $N lines, got $lines" >&2; exit 1; }

PY=$(python3 - "$WORK" "$N" Sources/BadgeVerification/Contexts <<'PYEOF'
import hashlib, json, os, sys, time
from pyld import jsonld
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
work, n, contexts = sys.argv[1], int(sys.argv[2]), sys.argv[3]
import re
table = open(os.path.join(os.path.dirname(contexts), "OB3", "BundledContexts.swift")).read()
files = {url: os.path.join(contexts, f) for url, f in re.findall(r'url:\s*"([^"]+)",\s*file:\s*"([^"]+)"', table)}
parsed = {}
def loader(url, options=None):
    key = url.split("#")[0]
    if key not in parsed: parsed[key] = json.load(open(files[key]))
    return {"contextUrl": None, "documentUrl": key, "document": parsed[key]}
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
def b58(s):
    v = 0
    for c in s: v = v * 58 + ALPHABET.index(c)
    raw = v.to_bytes((v.bit_length() + 7) // 8, "big")
    return b"\0" * (len(s) - len(s.lstrip("1"))) + raw
docs = [json.load(open(os.path.join(work, "credential-%d.json" % i))) for i in range(n)]
opts = {"base": None, "algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": loader}
def verify(doc):
    doc = dict(doc); proof = dict(doc.pop("proof"))
    signature = b58(proof.pop("proofValue")[1:])
    proof["@context"] = doc["@context"]
    doc_hash = hashlib.sha256(jsonld.normalize(doc, opts).encode()).digest()
    proof_hash = hashlib.sha256(jsonld.normalize(proof, opts).encode()).digest()
    multikey = proof["verificationMethod"].split("#")[1]
    key = Ed25519PublicKey.from_public_bytes(b58(multikey[1:])[2:])
    key.verify(signature, proof_hash + doc_hash)   # raises when invalid
verify(docs[0])   # warm-up: contexts loaded and resolved once
t = time.perf_counter()
for d in docs: verify(d)
print(time.perf_counter() - t)
PYEOF
)
python3 - "$N" "$J1" "$J2" "$PY" <<'PYEOF'
import sys
n, j1, j2, py = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
print("%d fresh eddsa-rdfc-2022 credentials (fresh did:key each)" % n)
print("unbake --verify --json --jobs 1 : %7.3f s  %8.1f credentials/s (whole process)" % (j1, n / j1))
print("unbake --verify --json --jobs 2 : %7.3f s  %8.1f credentials/s" % (j2, n / j2))
print("PyLD canonicalize+hash+Ed25519  : %7.3f s  %8.1f credentials/s (in-process, contexts cached)" % (py, n / py))
print("unbake --jobs 1 / PyLD          : %7.2fx" % (py / j1))
print("unbake --jobs 2 / --jobs 1      : %7.2fx" % (j1 / j2))
PYEOF
