#!/usr/bin/env bash
# Prints the sizes of a built bundle, raw and gzip (-9), by kind: wasm, JS, CSS, data.
set -euo pipefail
dir=${1:-dist}
[ -d "$dir" ] || { echo "no $dir: run 'make build' first" >&2; exit 1; }
printf '%-34s %10s %10s\n' file raw gzip
total_raw=0; total_gz=0
for f in "$dir"/*; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f"); gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw)); total_gz=$((total_gz + gz))
  printf '%-34s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
for kind in wasm js css json html; do
  raw=0; gz=0
  for f in "$dir"/*."$kind"; do
    [ -f "$f" ] || continue
    raw=$((raw + $(stat -c %s "$f"))); gz=$((gz + $(gzip -9 -c "$f" | wc -c)))
  done
  printf '%-34s %10d %10d\n' "all .$kind" "$raw" "$gz"
done
printf '%-34s %10d %10d\n' total "$total_raw" "$total_gz"
