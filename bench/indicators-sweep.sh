#!/usr/bin/env bash
# Issue 3's benchmark sweep: every indicator on 10^3..10^7 points and the batched kernels on 1..4096
# assets x 10^4 points, per backend, beside ta4j and a plain scalar loop, plus the copy yardstick.
# Writes bench-results/indicators-sweep/*.json; bench/indicators-sweep-report.py turns them into the
# tables of bench/results/history/indicators.md. Run from the repository root (builds the benchmarks jar).
# Arguments pick stages (single batch others ta4j ta4j-1e6); none = all (about 12 minutes on the 2-core machine).
out=bench-results/indicators-sweep
timing="-wi 3 -w 300ms -i 3 -r 300ms"
stages="$*"
. bench/sweep-lib.sh
sizes=1000,10000,100000,1000000,10000000
jmh single 'IndicatorsBench\.(sma|ema|rollingStd|rsi|copy)$' -p size=$sizes -p backend=JAVA,VECTOR,NATIVE,SCALAR
jmh batch 'IndicatorsBench\.batch' -p assets=1,16,256,1024,4096 -p backend=JAVA,VECTOR,NATIVE,LOOP
jmh others 'IndicatorsSweepBench\.ours' -p size=1000,100000,10000000
# ta4j: 10^3 and 10^5 for all, 10^6 for the four kernel-backed ones (10^7 bars do not fit the heap).
jmh ta4j 'IndicatorsBench\.(sma|ema|rollingStd|rsi)$|IndicatorsSweepBench\.ta4j' -p size=1000,100000 -p backend=TA4J
jmh ta4j-1e6 'IndicatorsBench\.(sma|ema|rollingStd|rsi)$' -p size=1000000 -p backend=TA4J
# The indicator families' crossovers from the single and batch stages (printed; WRITE_CROSSOVERS=1 writes them).
crossover single --family indicators.Indicators.series --bench 'IndicatorsBench\.(sma|ema|rsi)$' --size size --kinds VECTOR,NATIVE
crossover batch --family indicators.Indicators.batch --bench 'IndicatorsBench\.batch(Ema|Rsi)$' --size assets --scale 10000 --kinds VECTOR,NATIVE
crossover batch --family indicators.Indicators.batchWindows --bench 'IndicatorsBench\.batchRollingStd$' --size assets --scale 10000 --kinds VECTOR,NATIVE
