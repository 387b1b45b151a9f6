#!/usr/bin/env bash
# Runs the JMH rows behind BENCHMARKS.md's target table with two benchmark jars, alternating per row
# (A, B, A, B, ...), so a change can be judged against its baseline on the same machine in the same
# session. Usage, from the repository root:
#   bench/ab-compare.sh BASE_JAR NEW_JAR [OUT_DIR]
# BASE_JAR is typically the benchmarks jar of the commit before the change (git worktree add ... REV,
# then ./mvnw -q -pl java-api,bench -am -DskipTests package there); NEW_JAR bench/target/benchmarks.jar.
# Writes OUT_DIR/<row>-{a,b}.json (default bench-results/ab) and prints the side-by-side table
# (bench/ab-report.py). About 15 minutes on the 2-core build machine. ROWS="fft ind-single" picks rows;
# FORKS=N runs N forks per row and side (default 1).
set -euo pipefail
base=$1 new=$2 out=${3:-bench-results/ab}
. bin/find-jdk.sh
sxn_find_jdk
java="$SXN_JAVA_HOME/bin/java"
mkdir -p "$out"
timing="-f ${FORKS:-1} -wi 3 -w 1s -i 5 -r 1s"
# name | JMH selection and parameters (the rows of the target table)
rows=(
  "ind-single|IndicatorsBench\.(sma|ema|rollingStd|rsi|copy)$ -p size=1000000 -p backend=VECTOR,NATIVE,TA4J"
  "ind-batch|IndicatorsBench\.batch(Ema|Rsi)$ -p assets=1024 -p backend=VECTOR,LOOP"
  "kalman|KalmanBench\.batchStep$ -p filters=100000 -p backend=VECTOR,NATIVE"
  "dynamics|DynamicsBench\.leapfrog$ -p n=100000 -p backend=NATIVE"
  "fft|SpectralBench\.Fft\.(complex|realFft)$ -p impl=NATIVE,JTRANSFORMS -p n=1024,16384,1048576"
  "entropy|SpectralBench\.Rolling -p impl=NATIVE -p step=1"
  "gemm|LinalgVectorBench\.gemm$ -p impl=VECTOR,NATIVE,EJML -p n=1024"
  "svd|LinalgVectorBench\.svd$ -p impl=VECTOR,NATIVE,EJML"
  "mp|MatrixProfileBench -p backend=NATIVE -p n=65536"
)
for row in "${rows[@]}"; do
  name=${row%%|*} args=${row#*|}
  [ -z "${ROWS:-}" ] || [[ " $ROWS " == *" $name "* ]] || continue
  for side in a b; do
    jar=$base; [ $side = b ] && jar=$new
    # shellcheck disable=SC2086
    "$java" -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
      -cp "$jar" org.openjdk.jmh.Main $args $timing -rf json -rff "$out/$name-$side.json" > "$out/$name-$side.txt" 2>&1 \
      || echo "$name-$side failed: see $out/$name-$side.txt"
  done
  echo "$name done"
done
python3 bench/ab-report.py "$out"
