#!/usr/bin/env bash
# Times `attache draft --format json` over every PolNeAR dev article in one process (JSON
# Lines) and prints words per second. Single-threaded figure: RAYON_NUM_THREADS=1.
# Usage: tests/scripts/bench-polnear.sh [SHARED_DIR] (default: $ATTACHE_SHARED or ../shared)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
shared="${1:-${ATTACHE_SHARED:-$root/../shared}}"
dev="$shared/corpus/polnear/dev/text"
[ -d "$dev" ] || { echo "no PolNeAR dev texts at $dev (pass the shared folder)" >&2; exit 1; }
target="${CARGO_TARGET_DIR:-$root/target}"
(cd "$root" && cargo build --release -q -p attache-cli)
bin="$target/release/attache"
words=$(cat "$dev"/*.txt | wc -w)
run() { # $1 = threads; prints best-of-5 seconds
    local best=999
    for _ in 1 2 3 4 5; do
        local t0 t1 s
        t0=$(date +%s.%N)
        RAYON_NUM_THREADS=$1 "$bin" draft --format json "$dev"/*.txt >/dev/null
        t1=$(date +%s.%N)
        s=$(echo "$t1 - $t0" | bc -l)
        best=$(echo "if ($s < $best) $s else $best" | bc -l)
    done
    echo "$best"
}
for threads in 1 0; do
    label=$([ "$threads" = 1 ] && echo "1 thread" || echo "all cores")
    [ "$threads" = 0 ] && unset threads && threads=""
    s=$(run "$threads")
    printf 'polnear dev: %d files, %d words, %s: %.1f ms (best of 5, whole process), %.0f words/s\n' \
        "$(ls "$dev"/*.txt | wc -l)" "$words" "$label" "$(echo "$s * 1000" | bc -l)" "$(echo "$words / $s" | bc -l)"
done
