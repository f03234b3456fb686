#!/usr/bin/env bash
# Instructions per call of every AD kernel of benches/ad_count.rs (or those
# whose name contains FILTER), counted by callgrind, and each one's ratio to
# the hand-written kernel of the same workload:
#   bash benches/ad_count.sh [FILTER] [CALLS]
# Per call = (count with CALLS calls - count with 0 calls) / CALLS, which
# cancels start-up; callgrind counts are deterministic.
set -euo pipefail
cd "$(dirname "$0")/.."
filter=${1:-}
calls=${2:-200}
build=$(cargo bench --bench ad_count --no-run 2>&1) || { echo "$build" >&2; exit 1; }
bin=$(echo "$build" | sed -n 's/.*(\([^)]*ad_count-[0-9a-f]*\)).*/\1/p' | tail -1)
[ -x "$bin" ] || { echo "could not build the ad_count driver" >&2; exit 1; }
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" 2>&1 |
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
declare -A per
# The hand-written kernels first, so every other line can give its ratio.
for k in $("$bin" --list | grep '/hand$') $("$bin" --list | grep -v '/hand$'); do
  [[ -z "$filter" || "$k" == *"$filter"* ]] || continue
  n=$calls
  # The large chunked kernels are slow under valgrind: fewer calls.
  [[ "$k" == *4096* ]] && n=2
  [[ "$k" == *256/* ]] && n=20
  c0=$(count "$k" 0)
  c1=$(count "$k" "$n")
  per[$k]=$(( (c1 - c0) / n ))
  hand=${k%/*}/hand
  if [[ -n "${per[$hand]:-}" && "$k" != "$hand" ]]; then
    ratio=$(awk -v a="${per[$k]}" -v b="${per[$hand]}" 'BEGIN { printf "%.2f", a / b }')
    printf '%-28s %12d  %6s x hand\n' "$k" "${per[$k]}" "$ratio"
  else
    printf '%-28s %12d\n' "$k" "${per[$k]}"
  fi
done
