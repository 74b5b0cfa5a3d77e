#!/usr/bin/env bash
# Generates the seed corpora into Seeds/<target>/ (git-ignored) from the package's Tests/Fixtures, the shared
# corpus of real badges (../shared/corpus next to the repository, when present) and a few synthetic inputs.
# Nothing generated here is committed: run it again whenever the fixtures change.
set -euo pipefail
cd "$(dirname "$0")"
root=..
shared=${BADGE_CORPUS:-$root/../shared/corpus}
rm -rf Seeds
for t in png-extract png-bake svg-extract svg-bake json-model jws jsonld-rdfc verify; do mkdir -p "Seeds/$t"; done

sources=("$root/Tests/Fixtures")
[ -d "$shared" ] && sources+=("$shared")

copy() { # copy <find-name-pattern> <target>...
    local pattern=$1; shift
    find "${sources[@]}" -type f -name "$pattern" -print0 | while IFS= read -r -d '' f; do
        local name
        name=$(printf '%s' "$f" | sha1sum | cut -c1-16)
        for t in "$@"; do cp "$f" "Seeds/$t/$name"; done
    done
}
copy '*.png' png-extract png-bake
copy '*.svg' svg-extract svg-bake
copy '*.svgz' svg-extract svg-bake
copy '*.json' json-model jws
copy '*.jwt' jws json-model

# JSON-LD / RDFC-1.0: OB 3.0 credentials (JSON with a @context), and the W3C suites' inputs (JSON-LD and N-Quads).
testsuites=${BADGE_TESTSUITES:-$root/../shared/testsuites}
find "${sources[@]}" -type f -name '*.json' -print0 | xargs -0 grep -l '"@context"' 2>/dev/null | while read -r f; do
    cp "$f" "Seeds/jsonld-rdfc/$(printf '%s' "$f" | sha1sum | cut -c1-16)"
done
if [ -d "$testsuites" ]; then
    find "$testsuites/json-ld-toRdf" -type f -name '*-in.jsonld' -size -16k -print0 2>/dev/null | while IFS= read -r -d '' f; do
        cp "$f" "Seeds/jsonld-rdfc/$(printf '%s' "$f" | sha1sum | cut -c1-16)"
    done
    find "$testsuites/rdf-canon" -type f -name '*-in.nq' -size -16k -print0 2>/dev/null | while IFS= read -r -d '' f; do
        cp "$f" "Seeds/jsonld-rdfc/$(printf '%s' "$f" | sha1sum | cut -c1-16)"
    done
fi

# Synthetic inputs: small PNGs with each kind of text chunk, gzip-compressed SVGs, JWS taken from the corpus.
python3 - "$@" <<'PY'
import glob, gzip, hashlib, os, re, struct, zlib

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

def png(*extra):
    ihdr = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
    idat = chunk(b"IDAT", zlib.compress(b"\x00\x00"))
    return b"\x89PNG\r\n\x1a\n" + ihdr + b"".join(extra) + idat + chunk(b"IEND", b"")

def save(target, data):
    name = hashlib.sha1(data).hexdigest()[:16]
    with open(os.path.join("Seeds", target, name), "wb") as f:
        f.write(data)

payload = b'{"@context":"https://w3id.org/openbadges/v2","type":"Assertion","id":"https://example.org/a/1"}'
for data in [
    png(),
    png(chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00" + payload)),
    png(chunk(b"iTXt", b"openbadgecredential\x00\x00\x00en\x00\x00" + payload)),
    png(chunk(b"iTXt", b"openbadges\x00\x01\x00\x00\x00" + zlib.compress(payload))),
    png(chunk(b"tEXt", b"openbadges\x00https://example.org/a/1")),
    png(chunk(b"zTXt", b"openbadges\x00\x00" + zlib.compress(payload))),
    png(chunk(b"tEXt", b"Comment\x00hello"), chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00" + payload)) + b"trailing",
]:
    save("png-extract", data)
    save("png-bake", data)

for path in glob.glob("Seeds/svg-extract/*"):
    data = open(path, "rb").read()
    save("svg-extract", gzip.compress(data, mtime=0))
for data in [
    b'<svg xmlns="http://www.w3.org/2000/svg"/>',
    b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org"><openbadges:assertion verify="https://example.org/a/1"><![CDATA[' + payload + b']]></openbadges:assertion></svg>',
]:
    save("svg-extract", data)
    save("svg-bake", data)

# Compact JWS found anywhere in the seeds.
jws = re.compile(rb"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
for path in glob.glob("Seeds/*/*"):
    for match in jws.findall(open(path, "rb").read())[:4]:
        save("jws", match)
PY
# Verification: every badge document and token (the same input is also served for every URL fetched).
cp Seeds/json-model/* Seeds/jws/* Seeds/verify/ 2>/dev/null || true
for t in Seeds/*; do echo "$t: $(ls "$t" | wc -l) files"; done
