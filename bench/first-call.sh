#!/usr/bin/env bash
# Issue 18, item 3: the first call in a fresh JVM, per operation and backend. Each configuration starts
# RUNS JVMs (after one uncounted start that fills the native cache) that make one call through the public API
# (dev.sxn.forkcheck.FirstCall in java-api's test classes: SMA over 10^4 points, dot over 10^4, GEMM 64x64,
# complex FFT of 1024) and prints the first call's wall time and the calling thread's CPU time, min / median /
# max in milliseconds. Run from the repository root after `./mvnw -B -q -pl java-api test-compile`.
# Usage: bench/first-call.sh [RUNS] [OPS] [KINDS] [-- extra JVM flags]
#   OPS default "sma dot gemm fft"; KINDS default "auto java vector native opencl" (auto: unpinned).
# CLASSES=dir overrides java-api/target (a directory holding classes/ and test-classes/ of another build).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
. "$root/bin/find-jdk.sh"
sxn_find_jdk
runs=${1:-5}; ops=${2:-sma dot gemm fft}; kinds=${3:-auto java vector native opencl}
shift $(( $# < 3 ? $# : 3 )); [ "${1:-}" = "--" ] && shift
extra=("$@")
cls=${CLASSES:-$root/java-api/target}
deps=$root/java-api/target/first-call.classpath
[ -s "$deps" ] || "$root/mvnw" -B -q -f "$root/pom.xml" -pl java-api dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile="$deps" >/dev/null
cp="$cls/classes:$cls/test-classes:$(cat "$deps")"
stats() { sort -n | awk '{a[NR]=$1} END {printf "%8.1f %8.1f %8.1f", a[1], a[int((NR+1)/2)], a[NR]}'; }
printf '%-5s %-7s %26s   %26s\n' op kind "wall ms: min median max" "thread CPU ms: min med max"
for op in $ops; do
  for kind in $kinds; do
    out=$(mktemp)
    for i in $(seq 0 "$runs"); do
      line=$("$SXN_JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED ${extra[@]+"${extra[@]}"} \
        -cp "$cp" dev.sxn.forkcheck.FirstCall "$op" "$kind" 2>/dev/null | sed -n 's/^first .*: \([0-9.]*\) ms, calling thread.s CPU \([0-9.-]*\) ms.*/\1 \2/p') || true
      if [ "$i" -gt 0 ] && [ -n "$line" ]; then echo "$line" >>"$out"; fi
    done
    if [ -s "$out" ]; then
      printf '%-5s %-7s %26s   %26s  (n=%d)\n' "$op" "$kind" "$(cut -d' ' -f1 "$out" | stats)" "$(cut -d' ' -f2 "$out" | stats)" "$(wc -l <"$out")"
    else
      printf '%-5s %-7s no result: the call failed (run FirstCall %s %s to see why)\n' "$op" "$kind" "$op" "$kind"
    fi
    rm -f "$out"
  done
done
