#!/usr/bin/env bash
# Packs what the GPU device machine needs to run SxN-Math's tests, demo and benchmarks: that machine
# has CUDA and NVIDIA's OpenCL driver but no JDK and no network. Output: target/gpu.tar.xz (~33 MB),
# carried there and unpacked by bench/gpu/common.sh. Run from the repository root after
# `./mvnw -B -DskipTests package` and `./mvnw -B -pl java-api test-compile`.
set -euo pipefail
. "$(dirname "$0")/../../bin/find-jdk.sh"
sxn_find_jdk; jdk=$SXN_JAVA_HOME
out=target/gpu
rm -rf "$out" && mkdir -p "$out/lib"
# A jlinked runtime: the modules the library, JMH, the JUnit console and the report (java.desktop: XChart) need, debug info stripped.
"$jdk/bin/jlink" --add-modules java.base,jdk.incubator.vector,java.management,jdk.management,java.logging,jdk.unsupported,java.desktop \
    --strip-java-debug-attributes --strip-native-debug-symbols=exclude-debuginfo-files \
    --no-header-files --no-man-pages --compress zip-9 --output "$out/jre"
# The OpenCL ICD loader (the GPU host has NVIDIA's driver library but no loader on our path).
tmp=$(mktemp -d)
(cd "$tmp" && apt-get download ocl-icd-libopencl1 >/dev/null 2>&1) && dpkg-deb -x "$tmp"/ocl-icd-libopencl1_*.deb "$tmp/x"
cp "$tmp"/x/usr/lib/x86_64-linux-gnu/libOpenCL.so.1.* "$out/lib/libOpenCL.so.1"
rm -rf "$tmp"
# The benchmarks jar without the bundled OpenBLAS (the GPU host has a system one) and foreign natives.
cp bench/target/benchmarks.jar "$out/bench.jar"
zip -q -d "$out/bench.jar" 'org/bytedeco/*' 'lib/*arm64*' 'lib/*apple*' 'lib/*windows*' 'lib/*x86.so' 'assets/*' >/dev/null || true
cp java-api/target/sxn-math-*-SNAPSHOT.jar "$out/sxn-math.jar"
cp cli/target/sxn-cli.jar "$out/sxn-cli.jar"
cp "$HOME/.m2/repository/org/jocl/jocl/2.0.5/jocl-2.0.5.jar" "$out/"
cp -r java-api/target/test-classes "$out/test-classes"
console="$HOME/.m2/repository/org/junit/platform/junit-platform-console-standalone/1.11.4/junit-platform-console-standalone-1.11.4.jar"
[ -f "$console" ] || curl -sSfL --create-dirs -o "$console" \
    https://repo1.maven.org/maven2/org/junit/platform/junit-platform-console-standalone/1.11.4/junit-platform-console-standalone-1.11.4.jar
cp "$console" "$out/junit-console.jar"
tar -cJf target/gpu.tar.xz -C target gpu
ls -la target/gpu.tar.xz
