#!/usr/bin/env bash
# Issue 7's JMH sweep: complex and real FFTs for n = 2^6..2^22 and some non-powers of two, per
# backend beside JTransforms (single-threaded), and the rolling entropy of 10^6 points (window 256,
# steps 1 and 16). Writes bench-results/spectral-sweep/*.json; bench/spectral-sweep-report.py prints
# the tables (MFLOP/s by 5 n log2 n, ratios). Run from the repository root. Arguments pick stages
# (powers large others rolling); none = all (about 12 minutes on the 2-core machine).
out=bench-results/spectral-sweep
timing="-wi 3 -w 300ms -i 3 -r 300ms"
stages="$*"
. bench/sweep-lib.sh
small=$(python3 -c 'print(",".join(str(2**e) for e in range(6, 18)))')
large=$(python3 -c 'print(",".join(str(2**e) for e in range(18, 23)))')
# Every power of two: the best CPU backend (NATIVE) beside JTransforms; all backends at a few sizes.
# From 2^18 a transform takes milliseconds, so those get 1-second iterations (0.3 s held only ~20
# operations and one slow GC or page-fault burst moved a whole row).
jmh powers 'SpectralBench\.Fft\.(complex|realFft)' -p impl=NATIVE,JTRANSFORMS -p n=$small
timing="-wi 3 -w 1s -i 5 -r 1s"
jmh large 'SpectralBench\.Fft\.(complex|realFft)' -p impl=NATIVE,JTRANSFORMS -p n=$large
timing="-wi 3 -w 300ms -i 3 -r 300ms"
jmh others 'SpectralBench\.Fft\.(complex|realFft)' -p impl=JAVA,VECTOR,NATIVE,JTRANSFORMS -p n=64,1024,65536,1000,10007,100000
jmh rolling 'SpectralBench\.Rolling' -p impl=JAVA,VECTOR,NATIVE,OPENCL -p step=1,16
# The FFT family's crossovers from the all-backends stage (printed; WRITE_CROSSOVERS=1 writes them).
crossover others --family spectral.FFT --bench 'SpectralBench\.Fft\.complex$' --size n --backend-param impl --kinds VECTOR,NATIVE
