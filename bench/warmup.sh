#!/usr/bin/env bash
# Issue 18's warm-up measurement: time to steady state of each kernel per backend, one fresh JVM per
# run (bench/src/main/java/dev/sxn/math/bench/WarmupHarness.java says what "steady" means), FORKS runs
# per case and kind, interleaved (fork-major) so that a burst of load on the shared machine spreads over
# every case instead of hitting one. Writes bench-results/warmup/runs.jsonl (one JSON line per run);
# bench/warmup-report.py turns it into the tables of bench/results/history/warmup.md.
#
#   bench/warmup.sh [FORKS]                 every case on JAVA, VECTOR and NATIVE (3 forks: ~30 minutes)
#   CASES="gemm64 sma1e5" KINDS="VECTOR JAVA>VECTOR@2000" bench/warmup.sh 1
#   HEAP="" bench/warmup.sh                 the JVM's default heap (G1 growing its heap as it goes)
#   EXTRA="warmup=3000" bench/warmup.sh     Backends.warmUp(3 s, the case's family) before the timed calls
#   JAR=/tmp/base.jar bench/warmup.sh      another build of the benchmarks jar (a baseline kept aside)
#
# The default heap flags (-Xms2g -Xmx2g -XX:+AlwaysPreTouch, G1) keep the heap's first-touch page faults
# out of the calls, so the tables measure the JIT's warm-up; with HEAP="" the allocation-heavy kernels
# also show G1 growing its heap into fresh memory (issue 18, item 1).
set -euo pipefail
forks=${1:-3}
out=${OUT:-bench-results/warmup}
cases=${CASES:-gemm64 gemm256 svd100 fft1024 sma1e5 ema1e5 std1e5 dot1e5 kalman leapfrog}
kinds=${KINDS:-JAVA VECTOR NATIVE}
heap=${HEAP-"-Xms2g -Xmx2g -XX:+AlwaysPreTouch"}
extra=${EXTRA:-}
. bin/find-jdk.sh
sxn_find_jdk
java="$SXN_JAVA_HOME/bin/java"
jar=${JAR:-bench/target/benchmarks.jar}
[ -f "$jar" ] || ./mvnw -q -B -pl java-api,bench -am -DskipTests package
mkdir -p "$out"
for f in $(seq 1 "$forks"); do
  for c in $cases; do
    for k in $kinds; do
      # shellcheck disable=SC2086
      line=$("$java" $heap --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
        -cp "$jar" dev.sxn.math.bench.WarmupHarness "$c" "$k" ${MIN:-min=6} ${MAX:-max=30} $extra 2>/dev/null | tail -1)
      echo "${line%\}},\"fork\":$f,\"heap\":\"$heap\",\"extra\":\"$extra\",\"load\":\"$(cut -d' ' -f1 /proc/loadavg)\"}" | tee -a "$out/runs.jsonl"
    done
  done
done
