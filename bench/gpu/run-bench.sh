#!/usr/bin/env bash
# On the GPU device machine: the JMH runs behind bench/results/history/gpu.md, OPENCL (the GPU) beside the
# host CPU's best kinds in the same run. Results: $OUT/bench.tgz (JMH JSON and text per family).
# Arguments pick families (gemm rolling dynamics indicators kalman mp); none = all, which takes
# longer than one 10-minute device call, so split it over two calls.
. bench/gpu/common.sh
R=/tmp/bench; mkdir -p $R
JMH="$JMH -wi 2"
PICK="$*"
# The run's start and load, for the machine file each JSON gets beside it (sxn bench writes one itself; JMH's CLI does not).
START=$(date -u +%Y-%m-%dT%H:%M:%SZ); LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
jmh() { local name=$1; shift; [ -n "$PICK" ] && [[ " $PICK " != *" $name "* ]] && return; timeout 200 $JMH "$@" -rf json -rff $R/$name.json > $R/$name.txt 2>&1; grep -E "^[A-Z][A-Za-z]*Bench" $R/$name.txt; }
jmh gemm 'LinalgVectorBench.gemm' -p impl=NATIVE,VECTOR,OPENCL -p n=128,256,512,1024,2048
jmh rolling 'SpectralBench.Rolling' -p impl=NATIVE,OPENCL -p points=2000,10000,100000,1000000 -p step=1,16
jmh dynamics 'DynamicsBench.leapfrog' -p backend=VECTOR,NATIVE,OPENCL -p n=1000,10000,100000,1000000
jmh indicators 'IndicatorsBench.batch' -p assets=64,256,1024,4096 -p backend=VECTOR,NATIVE,OPENCL
jmh kalman 'KalmanBench.batch(Step|Run8)' -p backend=VECTOR,NATIVE,OPENCL -p filters=1000,100000,1000000
jmh mp 'MatrixProfileBench' -p backend=NATIVE,OPENCL
# The machine file beside each JSON (this host, its OpenCL devices with the GPU, the run's start and end load), then
# the same report as sxn bench --report, for this host. BENCHMARKS.md gains its GPU section when these JSON files and
# their machine files are copied into bench/results/ and listed in bench/results/sources.txt.
for f in $R/*.json; do [ "$f" -nt "${f%.json}.machine.properties" ] && $J -Djava.awt.headless=true -cp $G/bench.jar dev.sxn.math.bench.BenchMain --machine-file "$f" \
  --since "$START" --load-start "$LOAD0" --command "bench/gpu/run-bench.sh $PICK" >> $R/report.txt 2>&1; done
ls $R/*.json >/dev/null 2>&1 && $J -Djava.awt.headless=true -cp $G/bench.jar dev.sxn.math.bench.BenchMain --report \
  $(for f in $R/*.json; do printf -- '--from %s ' "$f"; done) --out $R/report >> $R/report.txt 2>&1
tar -czf $OUT/bench.tgz -C /tmp bench
