#!/usr/bin/env bash
# On the GPU device machine (repository root; target/gpu.tar.xz carried): the environment, `sxn info`,
# every backend-agreement test class (OPENCL on the GPU against plain Java) and `sxn demo`.
# Results: $OUT/checks.tgz.
. bench/gpu/common.sh
R=/tmp/checks; mkdir -p $R
{ nvidia-smi -L; echo "OCL_ICD_VENDORS=$OCL_ICD_VENDORS"; lscpu | grep -E "Model name|^CPU\(s\)"; } > $R/env.txt 2>&1
timeout 60 $J -cp $CLI:$CP dev.sxn.math.cli.Main info > $R/info.txt 2>&1
timeout 300 $J -jar $G/junit-console.jar execute -cp $CP:$G/test-classes --scan-classpath $G/test-classes \
  --include-classname '.*(Backends|OpenClGemm|VectorOps|RandomizedSvd|DynamicsUserPotential|BatchKalman|MatrixProfile|LinalgBackendAgreement|KernelSet)Test' \
  --details=tree --disable-banner > $R/tests.txt 2>&1
echo "tests rc=$?" >> $R/tests.txt
timeout 180 $J -cp $CLI:$CP dev.sxn.math.cli.Main demo > $R/demo.txt 2>&1
echo "demo rc=$?" >> $R/demo.txt
cat $R/env.txt; head -12 $R/info.txt; grep -E "tests (successful|failed|skipped)|rc=" $R/tests.txt; tail -2 $R/demo.txt
tar -czf $OUT/checks.tgz -C /tmp checks
