#!/usr/bin/env bash
# Sourced by ./mvnw and ./sxn: sets SXN_JAVA_HOME to a JDK whose feature version is >= 25.
# Order: JAVA_HOME when it is new enough, then the newest JDK under /usr/lib/jvm (or SXN_JVM_DIRS).
# A JDK counts only if it has bin/javac and whose release file (or java -version) reports >= 25.

sxn_jdk_feature() {  # prints the feature version of the JDK at $1, or nothing
  local rel="$1/release" v
  if [ -r "$rel" ]; then
    v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$rel")
  elif [ -x "$1/bin/java" ]; then
    v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  fi
  # An if, not a bare &&, so a directory without a JDK is not a failing status under `set -e`.
  if [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ]; then printf '%s' "$v"; fi
}

sxn_find_jdk() {
  local min=25 best="" bestv=0 d v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(sxn_jdk_feature "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge "$min" ]; then SXN_JAVA_HOME="$JAVA_HOME"; return 0; fi
  fi
  for d in ${SXN_JVM_DIRS:-/usr/lib/jvm}/*; do
    [ -d "$d" ] || continue
    d=$(cd "$d" && pwd -P)
    v=$(sxn_jdk_feature "$d")
    if [ -n "$v" ] && [ "$v" -ge "$min" ] && [ "$v" -gt "$bestv" ]; then best="$d"; bestv="$v"; fi
  done
  if [ -n "$best" ]; then SXN_JAVA_HOME="$best"; return 0; fi
  echo "error: SxN-Math needs a JDK >= $min with javac, and found none." >&2
  echo "       Looked at JAVA_HOME (${JAVA_HOME:-unset}) and ${SXN_JVM_DIRS:-/usr/lib/jvm}/*." >&2
  echo "       Install one (for example Temurin 25) or point JAVA_HOME at it." >&2
  return 1
}
