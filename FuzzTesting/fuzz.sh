#!/usr/bin/env bash
# Builds the libFuzzer targets and runs them, or replays the committed FailCases.
#
#   ./fuzz.sh                       build, then fuzz every target for 60 s, one after the other
#   ./fuzz.sh 300                   ... for 300 s each
#   ./fuzz.sh --target png-extract 600
#   ./fuzz.sh --replay              build, then run every FailCases/<target>/* through its target (no fuzzing)
#   ./fuzz.sh --build               build only
#
# Crashes, timeouts and out-of-memory inputs are written to FailCases/<target>/ (libFuzzer's crash-*, timeout-*,
# oom-* files); minimise one with
#   .build/debug/<target> -minimize_crash=1 -runs=10000 -exact_artifact_path=FailCases/<target>/<name> <crash-file>
# and commit it: the root package's FailCaseReplayTests replays every file under FailCases/ in `swift test`.
# Only one fuzzer runs at a time. Logs go to Logs/<target>.log (git-ignored). FUZZ_MAX_LEN overrides -max_len.
set -euo pipefail
cd "$(dirname "$0")"

targets=(png-extract png-bake svg-extract svg-bake json-model jws jsonld-rdfc verify)
mode=fuzz
seconds=60
only=""
while [ $# -gt 0 ]; do
    case $1 in
        --replay) mode=replay ;;
        --build) mode=build ;;
        --target) only=$2; shift ;;
        -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
        *) seconds=$1 ;;
    esac
    shift
done
if [ -n "$only" ]; then
    [[ " ${targets[*]} " == *" $only "* ]] || { echo "unknown target $only (one of: ${targets[*]})" >&2; exit 64; }
    targets=("$only")
fi

flags=(-c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library)
swift build "${flags[@]}" 2>&1 | grep -v "Cannot export local symbol" >&2
bin=$(swift build "${flags[@]}" --show-bin-path)
[ $mode = build ] && exit 0

dict() {
    case $1 in
        png-*) echo Dictionaries/png.dict ;;
        svg-*) echo Dictionaries/svg.dict ;;
        json-*) echo Dictionaries/json.dict ;;
        jws) echo Dictionaries/jws.dict ;;
        jsonld-*|verify) echo Dictionaries/jsonld.dict ;;
    esac
}
maxlen() {
    [ -n "${FUZZ_MAX_LEN:-}" ] && { echo "$FUZZ_MAX_LEN"; return; }
    case $1 in
        png-*|svg-*) echo 65536 ;;
        *) echo 16384 ;;
    esac
}
# A single allocation over 256 MiB, or a process over 2 GiB, is a finding: every default limit is well below.
common=(-rss_limit_mb=2048 -malloc_limit_mb=256 -timeout=20)
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0:allocator_may_return_null=0}
# The Swift runtime's backtracer trips ASan (stack-buffer-underflow in memserver_read); libFuzzer prints the stack.
export SWIFT_BACKTRACE=enable=no

if [ $mode = replay ]; then
    status=0
    for t in "${targets[@]}"; do
        [ -d "FailCases/$t" ] || continue
        files=(FailCases/"$t"/*)
        [ -e "${files[0]}" ] || continue
        echo "== $t: replaying ${#files[@]} file(s)"
        if ! "$bin/$t" "${common[@]}" "${files[@]}" >"/tmp/fuzz-replay-$t.log" 2>&1; then
            tail -30 "/tmp/fuzz-replay-$t.log"
            echo "!! $t: a FailCase crashes" >&2
            status=1
        fi
    done
    exit $status
fi

[ -d Seeds ] || ./make-seeds.sh
mkdir -p Logs
for t in "${targets[@]}"; do
    mkdir -p "Corpus/$t" "FailCases/$t"
    echo "== $t: fuzzing for $seconds s (log: Logs/$t.log)"
    set +e
    "$bin/$t" "Corpus/$t" "Seeds/$t" -dict="$(dict "$t")" -max_len="$(maxlen "$t")" -max_total_time="$seconds" \
        -artifact_prefix="FailCases/$t/" -print_final_stats=1 "${common[@]}" >"Logs/$t.log" 2>&1
    rc=$?
    set -e
    grep -E "stat::number_of_executed_units|stat::new_units_added|stat::peak_rss_mb" "Logs/$t.log" | sed "s/^/   /"
    if [ $rc -ne 0 ]; then
        echo "!! $t: finding (exit $rc), see Logs/$t.log and FailCases/$t/" >&2
        grep -E "^==[0-9]+==ERROR|Fatal error|invariant broken|SUMMARY|Test unit written" "Logs/$t.log" | head -5 >&2
    fi
done
