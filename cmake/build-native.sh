#!/usr/bin/env bash
# Builds libsxnkernels.so for the Maven build: build-native.sh SRC_DIR BUILD_DIR OUT_DIR
# Writes OUT_DIR/libsxnkernels.so and OUT_DIR/libsxnkernels.so.sha256 (the hash the loader checks).
# Without cmake or a C compiler it warns and exits 0 (a failing compile is an error): the library then runs without native kernels.
set -euo pipefail
src=$1 build=$2 out=$3
warn() { echo "[WARNING] sxn-math: $* -- the jar is built WITHOUT native kernels (NATIVE backend unavailable)." >&2; }
command -v cmake >/dev/null || { warn "cmake not found"; exit 0; }
cc=${CC:-cc}
command -v "$cc" >/dev/null || { warn "C compiler '$cc' not found"; exit 0; }
if ! cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release >"$build.log" 2>&1 \
   || ! cmake --build "$build" --parallel 2 >>"$build.log" 2>&1; then
  # A compiler that is present but rejects our sources is a bug to see, not to paper over.
  cat "$build.log" >&2
  echo "[ERROR] sxn-math: the CMake build of native/ failed (log above)" >&2
  exit 1
fi
mkdir -p "$out"
cp "$build/libsxnkernels.so" "$out/libsxnkernels.so"
(cd "$out" && sha256sum libsxnkernels.so | cut -d' ' -f1 > libsxnkernels.so.sha256)
echo "sxn-math: built $(cat "$out/libsxnkernels.so.sha256" | cut -c1-16)... libsxnkernels.so"
