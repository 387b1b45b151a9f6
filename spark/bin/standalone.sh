#!/usr/bin/env bash
# A Spark standalone cluster on this machine from Maven artifacts only: one master and N workers, each a
# separate JVM; the workers start executor JVMs of their own. The Spark home is assembled by the spark
# module's build (target/spark-home/jars = the resolved Spark jars; `./mvnw -pl spark -am package -DskipTests`).
#
#   spark/bin/standalone.sh start [workers]   start master + workers (default 2), print the master URL
#   spark/bin/standalone.sh stop              stop them (workers first)
#   spark/bin/standalone.sh status            the master URL and the live processes
#   spark/bin/standalone.sh worker-pid N      the process id of worker N (1-based), for fault tests
#
# Environment: JAVA_HOME (else the Temurin 25 under /usr/lib/jvm), SXN_SPARK_PORT (master port, default
# 7177), SXN_SPARK_STATE (state and logs, default spark/target/standalone), SXN_WORKER_MEMORY (default 1g).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
export SPARK_HOME="$here/target/spark-home"
# The worker's executor command builder asks for the Scala version of a source build unless told.
export SPARK_SCALA_VERSION=2.13
state="${SXN_SPARK_STATE:-$here/target/standalone}"
port="${SXN_SPARK_PORT:-7177}"
java="${JAVA_HOME:-$(ls -d /usr/lib/jvm/temurin-25* 2>/dev/null | head -1)}/bin/java"
flags=(-XX:+IgnoreUnrecognizedVMOptions --add-modules=jdk.incubator.vector --enable-native-access=ALL-UNNAMED
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Dio.netty.tryReflectionSetAccessible=true -Xmx256m)

alive() { [[ -f "$1" ]] && kill -0 "$(cat "$1")" 2>/dev/null; }

wait_for_log() { # file pattern seconds
  for _ in $(seq 1 "$3"); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "standalone.sh: '$2' not seen in $1 within $3 s" >&2
  tail -20 "$1" >&2 || true
  return 1
}

start() {
  local workers="${1:-2}"
  [[ -d "$SPARK_HOME/jars" ]] || { echo "standalone.sh: no $SPARK_HOME/jars; run ./mvnw -pl spark -am package -DskipTests" >&2; exit 1; }
  mkdir -p "$state" "$SPARK_HOME/conf"
  if alive "$state/master.pid"; then echo "standalone.sh: already running (spark://127.0.0.1:$port)" >&2; exit 1; fi
  rm -f "$state"/*.pid "$state"/*.log
  "$java" "${flags[@]}" -Dspark.master.rest.enabled=false -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port 0 >"$state/master.log" 2>&1 &
  echo $! >"$state/master.pid"
  wait_for_log "$state/master.log" "I have been elected leader" 120
  for i in $(seq 1 "$workers"); do
    mkdir -p "$state/work-$i"
    "$java" "${flags[@]}" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
      --host 127.0.0.1 --cores 1 --memory "${SXN_WORKER_MEMORY:-1g}" --webui-port 0 --work-dir "$state/work-$i" \
      "spark://127.0.0.1:$port" >"$state/worker-$i.log" 2>&1 &
    echo $! >"$state/worker-$i.pid"
  done
  for i in $(seq 1 "$workers"); do wait_for_log "$state/worker-$i.log" "Successfully registered with master" 120; done
  echo "spark://127.0.0.1:$port" | tee "$state/master.url"
}

stop() {
  for f in "$state"/worker-*.pid "$state"/master.pid; do
    [[ -f "$f" ]] || continue
    if alive "$f"; then
      kill "$(cat "$f")" 2>/dev/null || true
      for _ in $(seq 1 20); do alive "$f" || break; sleep 0.5; done
      alive "$f" && kill -9 "$(cat "$f")" 2>/dev/null || true
    fi
    rm -f "$f"
  done
}

case "${1:-}" in
  start) start "${2:-2}" ;;
  stop) stop ;;
  status)
    [[ -f "$state/master.url" ]] && cat "$state/master.url"
    for f in "$state"/*.pid; do [[ -f "$f" ]] && { alive "$f" && echo "$(basename "$f" .pid) $(cat "$f") up" || echo "$(basename "$f" .pid) down"; }; done ;;
  worker-pid) cat "$state/worker-${2:?worker number}.pid" ;;
  *) sed -n '2,14p' "$0"; exit 2 ;;
esac
