# Sourced by the bench/gpu/run-*.sh scripts on the GPU device machine: unpacks the bundle that
# bench/gpu/make-bundle.sh made (carried as target/gpu.tar.xz) and points OpenCL at NVIDIA's driver.
set +e
ROOT=$(pwd)  # the repository root on the device machine
if [ ! -x /tmp/gpu/jre/bin/java ]; then tar -xJf "$ROOT/target/gpu.tar.xz" -C /tmp; fi
G=/tmp/gpu
export LD_LIBRARY_PATH=$G/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
# The GPU host ships libnvidia-opencl but only PoCL's .icd: point the ICD loader at NVIDIA's driver.
lib=$(ldconfig -p | awk '/libnvidia-opencl.so.1 /{print $NF; exit}')
if [ -n "$lib" ]; then mkdir -p /tmp/vendors; echo "$lib" > /tmp/vendors/nvidia.icd; export OCL_ICD_VENDORS=/tmp/vendors; fi
J="$G/jre/bin/java --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED"
CLI=$G/sxn-cli.jar
CP=$G/sxn-math.jar:$G/jocl-2.0.5.jar
JMH="$J -Djmh.ignoreLock=true -cp $G/bench.jar org.openjdk.jmh.Main -f 1 -wi 1 -i 3 -w 1s -r 1s"
