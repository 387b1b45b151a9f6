#!/usr/bin/env bash
# Issue 18's host measurement: the JMH rows behind the issue targets under ParallelGC (A) and under G1
# (B, the JDK default), both with the JVM's default heap sizing as a host application has it, alternating
# per row (A, B, A, B, ...) so both collectors see the same load. Usage, from the repository root:
#   bench/gc-compare.sh [OUT_DIR]
# Writes OUT_DIR/<row>-{a,b}.json (default bench-results/gc) and prints the side-by-side table with
# bench/ab-report.py (B / A > 1: G1 faster). ROWS="fft entropy" picks rows; FORKS=N forks per row and side.
# The benchmarks' own JIT warm-up (-Dsxn.bench.warmup, JitWarmUp) runs before JMH's warm-up iterations.
set -euo pipefail
out=${1:-bench-results/gc}
. bin/find-jdk.sh
sxn_find_jdk
java="$SXN_JAVA_HOME/bin/java"
jar=${JAR:-bench/target/benchmarks.jar}
[ -f "$jar" ] || ./mvnw -q -B -pl java-api,bench -am -DskipTests package
mkdir -p "$out"
timing="-f ${FORKS:-1} -wi 3 -w 1s -i 5 -r 1s"
common="--add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
# name | JMH selection and parameters
rows=(
  "leapfrog|DynamicsBench\.leapfrog$ -p n=100000 -p backend=VECTOR,NATIVE"
  "svd|LinalgVectorBench\.svd$ -p impl=VECTOR,NATIVE,EJML"
  "gemm|LinalgVectorBench\.gemm$ -p impl=VECTOR,NATIVE,EJML -p n=64,1024"
  "entropy|SpectralBench\.Rolling -p impl=VECTOR,NATIVE -p step=1"
  "fft|SpectralBench\.Fft\.(complex|realFft)$ -p impl=NATIVE,JTRANSFORMS -p n=1048576,4194304"
  "ind-single|IndicatorsBench\.(sma|ema|rollingStd|copy)$ -p size=1000000 -p backend=VECTOR,NATIVE,TA4J"
  "kalman|KalmanBench\.batch(Step|Run8)$ -p filters=100000 -p backend=VECTOR,NATIVE"
  "random|RandomBench\.(uniforms|normals)$ -p generator=PHILOX_4X64 -p n=1048576 -p backend=VECTOR,NATIVE"
)
for row in "${rows[@]}"; do
  name=${row%%|*} args=${row#*|}
  [ -z "${ROWS:-}" ] || [[ " $ROWS " == *" $name "* ]] || continue
  for side in a b; do
    gc=-XX:+UseParallelGC; [ $side = b ] && gc=-XX:+UseG1GC
    # shellcheck disable=SC2086
    "$java" -Djmh.ignoreLock=true $common -cp "$jar" org.openjdk.jmh.Main $args $timing \
      -jvmArgsAppend "$common $gc" -rf json -rff "$out/$name-$side.json" > "$out/$name-$side.txt" 2>&1 \
      || echo "$name-$side failed: see $out/$name-$side.txt"
  done
  echo "$name done ($(cut -d' ' -f1 /proc/loadavg))"
done
python3 bench/ab-report.py "$out"
