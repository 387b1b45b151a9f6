#!/usr/bin/env bash
# Runs the C test harness of native/ under AddressSanitizer + UBSan, once per ISA body (ctest).
# Called by the Maven build in the test phase: test-native.sh SRC_DIR BUILD_DIR
# Without cmake or a C compiler it warns and exits 0 (the Java tests still run).
set -euo pipefail
src=$1 build=$2
command -v cmake >/dev/null && command -v "${CC:-cc}" >/dev/null || {
  echo "[WARNING] sxn-math: cmake or a C compiler is missing; the native ASan/UBSan harness did not run." >&2; exit 0; }
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DSXN_NATIVE_TESTS=ON -DSXN_SANITIZE=ON >"$build.log" 2>&1 \
  && cmake --build "$build" --parallel 2 >>"$build.log" 2>&1 || { cat "$build.log" >&2; exit 1; }
# detect_leaks: kernels allocate nothing; a leak would be a harness bug worth seeing.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  ctest --test-dir "$build" --output-on-failure
