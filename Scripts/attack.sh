#!/usr/bin/env bash
# Issue 12 §1 to §4: runs each hostile case through release builds of `unbake` and `bake` under GNU time and
# prints the exit status, wall time and peak RSS of each, with what the run did. The §1/§2 cases use a small HTTP
# server on 127.0.0.1 (Python) and `--allow-private-network`; no other address is ever contacted.
#
#   Scripts/attack.sh                          build release CLIs (swift build -c release) and run every case
#   BIN=/path/to/release Scripts/attack.sh     use the unbake and bake in BIN (for example an older build)
#   TIMEOUT=30 Scripts/attack.sh               seconds before a case is stopped (reported as status 124)
#
# The inputs are generated into a temporary directory, removed at the end. Nothing here asserts: the tests
# (LinearParsingTests, ActiveContentTests, BakeHardeningTests, JSONParserTests) do; this is for the figures in
# SECURITY.md.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${BIN:-}" ]; then
    swift build -c release --product unbake >&2
    swift build -c release --product bake >&2
    BIN="$(swift build -c release --show-bin-path)"
fi
timeout_s=${TIMEOUT:-30}
[ -x /usr/bin/time ] || { echo "needs GNU time at /usr/bin/time" >&2; exit 1; }

work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import gzip, os, struct, sys, zlib
out = sys.argv[1]

def save(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data)

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

SIG = b"\x89PNG\r\n\x1a\n"
IHDR = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
IDAT = chunk(b"IDAT", zlib.compress(b"\x00\x00"))
IEND = chunk(b"IEND", b"")

def png_with(text):
    return SIG + IHDR + chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00" + text) + IDAT + IEND

HEAD = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="http://openbadges.org">'
BADGE = '<openbadges:assertion verify="https://example.org/a"/>'

def namespaces(levels, per_level, leaves):
    parts = [HEAD]
    for level in range(levels):
        parts.append("<g" + "".join(' xmlns:p%d="urn:%d:%d"' % (k, level, k) for k in range(per_level)) + ">")
    parts.append("<a/>" * leaves)  # unprefixed: resolved through the default namespace declared on the root
    parts.append(BADGE + "</g>" * levels + "</svg>")
    return "".join(parts).encode()

# §3 namespace lookup: the issue's shape (254 × 1 000 bindings, 3.8 MB), its .svgz with 4 MB of leaves
# below the bindings, and a shape under the default binding limit (9 × 1 000) with the same leaves.
save("ns-254x1000.svg", namespaces(254, 1000, 0))
save("ns-254x1000-leaves.svgz", gzip.compress(namespaces(254, 1000, 600_000), 9))
save("ns-9x1000-leaves.svg", namespaces(9, 1000, 600_000))
# §3 payload limit: a 64 KB .svgz whose badge body inflates to 63 MiB.
body = HEAD + "<openbadges:assertion>" + "A" * (63 << 20) + "</openbadges:assertion></svg>"
save("body-63MiB.svgz", gzip.compress(body.encode(), 9))
# §3 text: a 16 MB payload that is one grapheme cluster (a + 8 million combining acute accents), and 16 MB of 'a'.
save("grapheme-16MB.png", png_with(b"a" + "\u0301".encode() * 8_000_000))
save("run-16MB.png", png_with(b"a" * 16_000_000))
# §4: entities in a DOCTYPE internal subset expanding into script and a javascript: link, and an XHTML iframe srcdoc.
save("doctype-entities.svg", b'''<!DOCTYPE svg [<!ENTITY s "<script>alert(1)</script>"><!ENTITY j "javascript:alert(2)">]>
<svg xmlns="http://www.w3.org/2000/svg">&s;<a href="&j;"><text>x</text></a></svg>''')
save("iframe-srcdoc.svg", b'''<svg xmlns="http://www.w3.org/2000/svg">
<h:iframe xmlns:h="http://www.w3.org/1999/xhtml" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/></svg>''')
save("plain.png", SIG + IHDR + IDAT + IEND)
save("trailing-svg.png", SIG + IHDR + IDAT + IEND + (HEAD + '<openbadges:assertion verify="https://evil.example/b"/></svg>').encode())
save("payload.txt", b"https://example.org/assertions/1.json")
os.makedirs(os.path.join(out, "offline"))
save("offline/manifest.tsv", b"")

# §2: an OB 3.0 credential with 16 endorsements, each with 16 nested endorsements, every one with 8 proofs (bogus:
# the cost is in canonicalising what each proof covers). Baked into a PNG under `openbadgecredential`.
import json
proof = {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "created": "2025-01-01T00:00:00Z",
         "verificationMethod": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK",
         "proofPurpose": "assertionMethod", "proofValue": "z" + "3" * 87}
ctx = ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"]
def endorsement(inner):
    e = {"@context": ctx, "id": "urn:uuid:e", "type": ["VerifiableCredential", "EndorsementCredential"],
         "issuer": {"id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "type": ["Profile"], "name": "E"},
         "validFrom": "2025-01-01T00:00:00Z", "name": "E",
         "credentialSubject": {"id": "urn:uuid:c", "type": ["EndorsementSubject"], "endorsementComment": "x" * 300},
         "proof": [proof] * 8}
    if inner: e["endorsement"] = inner
    return e
flood = {"@context": ctx, "id": "urn:uuid:c", "type": ["VerifiableCredential", "OpenBadgeCredential"],
         "issuer": {"id": "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK", "type": ["Profile"], "name": "I"},
         "validFrom": "2025-01-01T00:00:00Z", "name": "Flood",
         "credentialSubject": {"id": "did:example:l", "type": ["AchievementSubject"],
                               "achievement": {"id": "urn:uuid:a", "type": ["Achievement"], "name": "A", "criteria": {"narrative": "n"}}},
         "endorsement": [endorsement([endorsement(None)] * 16)] * 16, "proof": [proof]}
text = json.dumps(flood).encode()
save("endorsement-flood.png", SIG + IHDR + chunk(b"iTXt", b"openbadgecredential\x00\x00\x00\x00\x00" + text) + IDAT + IEND)
save("endorsement-flood.bytes", str(len(text)).encode())
PY

# §1/§2: a loopback server for hosted badges: a body trickled at 1 byte/s, and an issuer listing 1 000 keys.
port_file="$work/port"
python3 - "$work" "$port_file" <<'PY' &
import http.server, json, os, socketserver, sys, threading, time
work, port_file = sys.argv[1], sys.argv[2]
class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args): pass
    def do_GET(self):
        base = "http://127.0.0.1:%d" % self.server.server_address[1]
        if self.path == "/trickle.json":
            self.send_response(200); self.send_header("Content-Type", "application/json"); self.send_header("Content-Length", "100000"); self.end_headers()
            for _ in range(100000):
                try: self.wfile.write(b" "); self.wfile.flush(); time.sleep(1)
                except Exception: return
            return
        docs = {
            "/issuer.json": {"@context": "https://w3id.org/openbadges/v2", "type": "Profile", "id": base + "/issuer.json", "name": "Keys",
                             "publicKey": [base + "/key%d.json" % i for i in range(1000)]},
            "/badge.json": {"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": base + "/badge.json", "name": "B",
                            "description": "d", "image": base + "/b.png", "criteria": {"narrative": "n"}, "issuer": base + "/issuer.json"},
        }
        body = json.dumps(docs.get(self.path, {})).encode()
        self.send_response(200 if self.path in docs else 404); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
class Server(socketserver.ThreadingMixIn, http.server.HTTPServer): daemon_threads = True
server = Server(("127.0.0.1", 0), Handler)
open(port_file, "w").write(str(server.server_address[1]))
threading.Timer(300, server.shutdown).start()
server.serve_forever()
PY
server_pid=$!
trap 'kill $server_pid 2>/dev/null; chmod -R u+w "$work"; rm -rf "$work"' EXIT
for _ in $(seq 50); do [ -s "$port_file" ] && break; sleep 0.1; done
port=$(cat "$port_file")
python3 - "$work" "$port" <<'PY'
import base64, json, os, struct, sys, zlib
out, port = sys.argv[1], int(sys.argv[2])
def chunk(kind, data): return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
SIG = b"\x89PNG\r\n\x1a\n"
IHDR = chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0))
IDAT = chunk(b"IDAT", zlib.compress(b"\x00\x00"))
IEND = chunk(b"IEND", b"")
def png(text): return SIG + IHDR + chunk(b"iTXt", b"openbadges\x00\x00\x00\x00\x00" + text) + IDAT + IEND
base = "http://127.0.0.1:%d" % port
open(os.path.join(out, "trickle.png"), "wb").write(png((base + "/trickle.json").encode()))
# A signed assertion (the signature is bogus: what is measured is how many keys get fetched) whose issuer lists 1 000 keys.
b64 = lambda d: base64.urlsafe_b64encode(d).rstrip(b"=")
payload = {"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "urn:uuid:k", "badge": base + "/badge.json",
           "recipient": {"type": "email", "hashed": False, "identity": "a@example.org"}, "verification": {"type": "signed"},
           "issuedOn": "2024-01-01T00:00:00Z"}
jws = b64(b'{"alg":"RS256"}') + b"." + b64(json.dumps(payload).encode()) + b"." + b64(b"x" * 256)
open(os.path.join(out, "thousand-keys.png"), "wb").write(png(jws))
PY

printf '%-44s %6s %8s %10s  %s\n' case status wall_s peak_MiB result
measure() {  # measure NAME COMMAND...: runs COMMAND under time and timeout, prints one line
    local name=$1; shift
    local status=0
    timeout "$timeout_s" /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr" || status=$?
    local wall=">$timeout_s" rss="-"
    if [ "$status" != 124 ] && [ -s "$work/time" ]; then
        read -r wall rss < <(tail -n 1 "$work/time")
        rss=$(awk -v k="$rss" 'BEGIN { printf "%.0f", k / 1024 }')
    fi
    local result
    result=$( (grep -v "^Command exited" "$work/stderr" || true) | head -n 1 | cut -c1-70)
    [ -z "$result" ] && result="stdout $(wc -c <"$work/stdout") bytes"
    printf '%-44s %6s %8s %10s  %s\n' "$name" "$status" "$wall" "$rss" "$result"
}

u="$BIN/unbake"
b="$BIN/bake"
measure "§1 body trickled at 1 byte/s (timeout 10 s)" "$u" --verify --allow-private-network "$work/trickle.png"
measure "§2 issuer listing 1 000 keys" "$u" --verify --allow-private-network "$work/thousand-keys.png"
grep -o 'budget[^"]*' "$work/stdout" | head -n 1 | sed 's/^/    /' || true
measure "§2 16x16 endorsements x 8 proofs ($(cat "$work/endorsement-flood.bytes") B)" "$u" --verify --offline "$work/offline" "$work/endorsement-flood.png"
grep -E "budget" "$work/stdout" | head -n 1 | cut -c1-110 | sed 's/^/    /' || true
measure "§3 ns 254x1000 (3.8 MB)" "$u" "$work/ns-254x1000.svg"
measure "§3 ns 254x1000 + 600k leaves (.svgz)" "$u" "$work/ns-254x1000-leaves.svgz"
measure "§3 ns 9x1000 + 600k leaves" "$u" "$work/ns-9x1000-leaves.svg"
for flags in "" "--summary" "--json"; do
    measure "§3 63 MiB body .svgz, max 1000 ${flags}" "$u" --max-payload-bytes 1000 $flags "$work/body-63MiB.svgz"
done
for flags in "" "--json" "--summary" "--verify --offline $work/offline"; do
    measure "§3 one 16 MB grapheme ${flags%% *}" "$u" $flags "$work/grapheme-16MB.png"
done
for flags in "" "--json"; do
    measure "§3 16 MB of a ${flags}" "$u" $flags "$work/run-16MB.png"
done
measure "§4 DOCTYPE entities, --remove-active-content" "$b" "$work/doctype-entities.svg" --payload "$work/payload.txt" \
    --output "$work/out-entities.svg" --remove-active-content
[ -f "$work/out-entities.svg" ] && echo "    output keeps the internal subset: $(grep -c '<!ENTITY' "$work/out-entities.svg" || true)"
measure "§4 iframe srcdoc, --remove-active-content" "$b" "$work/iframe-srcdoc.svg" --payload "$work/payload.txt" \
    --output "$work/out-iframe.svg" --remove-active-content
[ -f "$work/out-iframe.svg" ] && echo "    output keeps srcdoc: $(grep -c srcdoc "$work/out-iframe.svg" || true)"
mkfifo "$work/payload.fifo"
if "$b" --help | grep -q payload-timeout; then fifo_flags=(--payload-timeout 2); else fifo_flags=(); fi
measure "§4 payload FIFO without a writer" "$b" "$work/plain.png" --payload "$work/payload.fifo" \
    --output "$work/out-fifo.png" "${fifo_flags[@]}"
touch "$work/private.png" && chmod 600 "$work/private.png"
measure "§4 --force over a 0600 file" "$b" "$work/plain.png" --payload "$work/payload.txt" --output "$work/private.png" --force
echo "    mode after --force: $(stat -c %a "$work/private.png"); new file under umask 077: $(umask 077 && "$b" "$work/plain.png" --payload "$work/payload.txt" --output "$work/new.png" && stat -c %a "$work/new.png")"
measure "§4 PNG + trailing SVG badge" "$b" "$work/trailing-svg.png" --payload "$work/payload.txt" --output "$work/out-trailing.png"
last4=$(tail -c 4 "$work/out-trailing.png" | od -An -tx1 | tr -d ' \n')
echo "    output $(stat -c %s "$work/out-trailing.png") bytes, ends with IEND: $([ "$last4" = ae426082 ] && echo yes || echo no), trailing SVG badge kept: $(grep -c 'evil.example' "$work/out-trailing.png" || true)"
