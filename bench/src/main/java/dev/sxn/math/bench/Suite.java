package dev.sxn.math.bench;

import java.util.List;

/** Every benchmark class of the suite, in the order {@code sxn bench} runs them. */
final class Suite {
    private Suite() {}

    static final List<Class<?>> CLASSES = List.of(
            PeakFlopsBench.class,
            BandwidthBench.class,
            VectorOpsBench.class,
            IndicatorsBench.class,
            IndicatorsSweepBench.class,
            IndicatorsBatch2Bench.class,
            SpectralBench.class,
            LinalgBench.class,
            LinalgVectorBench.class,
            MatrixProfileBench.class,
            DynamicsBench.class,
            KalmanBench.class,
            RandomBench.class,
            PathBench.class,
            StreamBench.class,
            GarchBench.class,
            RiskBench.class,
            RegimeBench.class,
            AmmBench.class,
            IndicatorsTrendBatchBench.class);
}
