# Sourced by bench/*-sweep.sh after they set $out (result folder), $timing (JMH iteration options)
# and $stages (the stage names picked on the command line; empty = all). Finds a JDK >= 25, builds
# the benchmarks jar if it is missing, and defines `jmh NAME ARGS...`, which runs JMH with ARGS into
# $out/NAME.json and $out/NAME.txt when NAME is picked.
set -euo pipefail
. bin/find-jdk.sh
sxn_find_jdk
java="$SXN_JAVA_HOME/bin/java"
[ -f bench/target/benchmarks.jar ] || ./mvnw -q -B -pl java-api,bench -am -DskipTests package
mkdir -p "$out"
jmh() {
  local name=$1; shift
  [ -z "$stages" ] || [[ " $stages " == *" $name "* ]] || return 0
  # shellcheck disable=SC2086
  "$java" -Djmh.ignoreLock=true --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED \
    -cp bench/target/benchmarks.jar org.openjdk.jmh.Main "$@" -f 1 $timing \
    -rf json -rff "$out/$name.json" > "$out/$name.txt" 2>&1
  echo "$name: $(grep -c '^# Benchmark:' "$out/$name.txt") configurations"
}
# The CPU family this machine belongs to (dev.sxn.math.internal.CpuKey: amd-zen5, intel-spr, ..., generic):
# crossovers measured here are that family's section of crossovers.properties. CROSSOVERS_CPU=generic (or
# another key) overrides it, e.g. to rewrite the generic lines.
cpu_key=${CROSSOVERS_CPU:-$("$java" -cp bench/target/benchmarks.jar dev.sxn.math.internal.CpuKey)} ||
  { echo "bench/target/benchmarks.jar has no CpuKey: rebuild it (./mvnw -q -B -pl java-api,bench -am -DskipTests package)" >&2; exit 1; }
# `crossover STAGE ARGS...`: the crossover lines bench/crossovers.py derives from STAGE's JSON (ARGS name
# the family, benchmarks and size parameter), as lines of this CPU family's section; WRITE_CROSSOVERS=1
# writes them into crossovers.properties.
crossover() {
  local name=$1; shift
  [ -f "$out/$name.json" ] || return 0
  python3 bench/crossovers.py "$out/$name.json" "$@" --cpu "$cpu_key" ${WRITE_CROSSOVERS:+--write}
}
