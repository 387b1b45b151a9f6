package dev.sxn.math.internal;

import static dev.sxn.math.backend.Backend.NATIVE;
import static dev.sxn.math.backend.Backend.OPENCL;
import static dev.sxn.math.backend.Backend.VECTOR;

import java.util.List;

/**
 * The registry: every kernel family of the library, declared in one place with the kernel class of
 * each kind. {@code Backends.describe()} lists these, tests run each family on
 * {@link KernelFamily#availableKinds()}, and each facade binds its family to its kernel interface with
 * {@link KernelSet#of(KernelFamily, Class, Object)}. Crossover sizes are in {@code crossovers.properties}.
 *
 * <p>Adding a kernel family: declare it here, give each kind a line in {@code crossovers.properties}
 * (with the benchmark that measured it), bind it in the facade (see docs/DESIGN.md, "How to add a kernel").
 */
public final class KernelFamilies {
    private KernelFamilies() {}

    private static final String P = "dev.sxn.math.";

    // ---- linalg
    /** BLAS level-1 reductions (dot, sum, sum of squares). */
    public static final KernelFamily VECTOR_OPS_REDUCE = KernelFamily.named("linalg.VectorOps.reduce")
            .with(VECTOR, P + "linalg.VectorVectorOpsKernels").with(NATIVE, P + "linalg.NativeVectorOpsKernels")
            .with(OPENCL, P + "linalg.OpenClVectorOpsKernels").build();
    /** BLAS level-1 element-wise updates (axpy, scale). */
    public static final KernelFamily VECTOR_OPS_ELEMENTWISE = KernelFamily.named("linalg.VectorOps.elementwise")
            .with(VECTOR, P + "linalg.VectorVectorOpsKernels").with(NATIVE, P + "linalg.NativeVectorOpsKernels")
            .with(OPENCL, P + "linalg.OpenClVectorOpsKernels").build();
    /** General matrix product. */
    public static final KernelFamily GEMM = linalg("linalg.gemm").with(OPENCL, P + "linalg.OpenClGemmKernels").build();
    /** LU with partial pivoting, solve, inverse. */
    public static final KernelFamily LU = linalg("linalg.lu").build();
    /** Householder QR. */
    public static final KernelFamily QR = linalg("linalg.qr").build();
    /** Thin SVD. */
    public static final KernelFamily SVD = linalg("linalg.svd").build();
    /** Cholesky factorisation. */
    public static final KernelFamily CHOLESKY = linalg("linalg.cholesky").build();
    /** Symmetric eigendecomposition. */
    public static final KernelFamily EIG_SYMMETRIC = linalg("linalg.eigSymmetric").build();

    // ---- indicators: four families over one kernel interface, because the best kind depends on the shape
    /** Single series (one asset): windows and recurrences along time. */
    public static final KernelFamily INDICATORS_SERIES = indicators("indicators.Indicators.series");
    /** Single-series rolling variance/std, whose NATIVE kernel is taken only where it says it has a fast path. */
    public static final KernelFamily INDICATORS_SERIES_VARIANCE = indicators("indicators.Indicators.seriesVariance");
    /** Batched recurrences (EMA, Wilder, RSI) over many assets. */
    public static final KernelFamily INDICATORS_BATCH = indicators("indicators.Indicators.batch");
    /** Batched rolling windows (sums, variances) over many assets. */
    public static final KernelFamily INDICATORS_BATCH_WINDOWS = indicators("indicators.Indicators.batchWindows");

    // ---- series
    /** Matrix profile (STOMP diagonals). */
    public static final KernelFamily MATRIX_PROFILE = KernelFamily.named("series.MatrixProfile")
            .with(VECTOR, P + "series.VectorMatrixProfileKernels").with(NATIVE, P + "series.NativeMatrixProfileKernels")
            .with(OPENCL, P + "series.OpenClMatrixProfileKernels").build();

    // ---- dynamics
    /** Ensemble integration of built-in and user-written potentials. */
    public static final KernelFamily DYNAMICS = KernelFamily.named("dynamics.integrate")
            .with(VECTOR, P + "dynamics.VectorDynamicsKernels").with(NATIVE, P + "dynamics.NativeDynamicsKernels")
            .with(OPENCL, P + "dynamics.OpenClDynamicsKernels").build();
    /** Ensemble integration of user-written (Java) potentials: JAVA and VECTOR only (C and OpenCL cannot call Java). */
    public static final KernelFamily DYNAMICS_USER = KernelFamily.named("dynamics.integrateUser")
            .with(VECTOR, P + "dynamics.VectorDynamicsKernels").build();

    // ---- filter
    /** Many small Kalman filters advanced together. */
    public static final KernelFamily BATCH_KALMAN = KernelFamily.named("filter.BatchKalman")
            .with(VECTOR, P + "filter.VectorBatchKalmanKernels").with(NATIVE, P + "filter.NativeBatchKalmanKernels")
            .with(OPENCL, P + "filter.OpenClBatchKalmanKernels").build();
    /** One Kalman filter's dense predict/update. */
    public static final KernelFamily KALMAN = KernelFamily.named("filter.KalmanFilter")
            .with(VECTOR, P + "filter.VectorKalmanKernels").build();
    /** Particle filter weights and resampling. */
    public static final KernelFamily PARTICLE = KernelFamily.named("filter.ParticleFilter")
            .with(VECTOR, P + "filter.VectorParticleKernels").build();

    // ---- spectral
    /** Fast Fourier transforms. */
    public static final KernelFamily FFT = KernelFamily.named("spectral.FFT")
            .with(VECTOR, P + "spectral.VectorFftKernels").with(NATIVE, P + "spectral.NativeFftKernels").build();
    /** Rolling spectral entropy. */
    public static final KernelFamily ROLLING_ENTROPY = KernelFamily.named("spectral.rollingEntropy")
            .with(VECTOR, P + "spectral.VectorEntropyKernels").with(NATIVE, P + "spectral.NativeEntropyKernels")
            .with(OPENCL, P + "spectral.OpenClEntropyKernels").build();

    // ---- stochastic
    /** Counter-based random numbers: raw bits and uniforms over a (lane, step) block. */
    public static final KernelFamily STOCHASTIC_UNIFORM = stochastic("stochastic.uniform");
    /** Counter-based standard normals (AS241 inverse CDF) over a (lane, step) block. */
    public static final KernelFamily STOCHASTIC_NORMAL = stochastic("stochastic.normal");
    /** Path simulations (GBM paths and per-path reductions), size = paths x steps. */
    public static final KernelFamily STOCHASTIC_PATHS = KernelFamily.named("stochastic.paths")
            .with(VECTOR, P + "stochastic.VectorPathKernels").with(NATIVE, P + "stochastic.NativePathKernels")
            .with(OPENCL, P + "stochastic.OpenClPathKernels").build();

    // ---- indicators.stream (issue 22)
    /** Batched streams: one row (a tick of each of k assets) of EMA, RSI, SMA or ATR; size = assets. */
    public static final KernelFamily INDICATOR_STREAMS = KernelFamily.named("indicators.stream.batch")
            .with(VECTOR, P + "indicators.VectorStreamRowKernels").with(NATIVE, P + "indicators.NativeStreamRowKernels").build();
    // ---- risk
    /** Batched GARCH(1,1)/GJR likelihoods and gradients over assets, size = assets x returns. */
    public static final KernelFamily RISK_GARCH = KernelFamily.named("risk.garch")
            .with(VECTOR, P + "risk.VectorGarchKernels").with(NATIVE, P + "risk.NativeGarchKernels")
            .with(OPENCL, P + "risk.OpenClGarchKernels").build();
    /** The batched scorecard (one pass of sums per asset), size = assets x returns. */
    public static final KernelFamily RISK_SCORECARD = KernelFamily.named("risk.scorecard")
            .with(VECTOR, P + "risk.VectorScorecardKernels").with(NATIVE, P + "risk.NativeScorecardKernels")
            .with(OPENCL, P + "risk.OpenClScorecardKernels").build();
    // ---- regime
    /** Batched forward filter and log-likelihood of Gaussian hidden Markov models, size = lanes x steps. */
    public static final KernelFamily REGIME_FORWARD = KernelFamily.named("regime.forward")
            .with(VECTOR, P + "regime.VectorRegimeKernels").with(NATIVE, P + "regime.NativeRegimeKernels")
            .with(OPENCL, P + "regime.OpenClRegimeKernels").build();
    /** Rolling vol, Sharpe and historical VaR/ES over a batch of assets, size = assets x returns. */
    public static final KernelFamily RISK_ROLLING = KernelFamily.named("risk.rolling")
            .with(VECTOR, P + "risk.VectorRollingKernels").with(NATIVE, P + "risk.NativeRollingKernels")
            .with(OPENCL, P + "risk.OpenClRollingKernels").build();

    // ---- amm (issue 23)
    /** Batched TFMM pool passes over rule parameter sets (zero-fee momentum pass in lanes), size = sets x rows. */
    public static final KernelFamily AMM_SWEEP = KernelFamily.named("amm.sweep").with(VECTOR, P + "amm.VectorSweepKernels")
            .with(NATIVE, P + "amm.NativeSweepKernels").with(OPENCL, P + "amm.OpenClSweepKernels").build();

    // ---- indicators.ttr (issue 22)
    /** Batched TTR oscillators (momentum, ROC, Williams %R, CCI, MFI) over assets, size = assets x bars. */
    public static final KernelFamily INDICATORS_TTR_OSCILLATORS = KernelFamily.named("indicators.ttr.oscillators")
            .with(VECTOR, P + "indicators.VectorTtrOscKernels").with(NATIVE, P + "indicators.NativeTtrOscKernels")
            .with(OPENCL, P + "indicators.OpenClTtrOscKernels").build();

    // ---- indicators.ttr (issue 22)
    /** Batched ADX, TTR's volatility estimators and the moving averages HMA, ZLEMA, ALMA, EVWMA, wilderSum; size = assets x bars. */
    public static final KernelFamily INDICATORS_TTR_TREND = KernelFamily.named("indicators.ttr.trend")
            .with(VECTOR, P + "indicators.VectorTrendKernels").with(NATIVE, P + "indicators.NativeTrendKernels")
            .with(OPENCL, P + "indicators.OpenClTrendKernels").build();

    private static final List<KernelFamily> ALL = List.of(VECTOR_OPS_REDUCE, VECTOR_OPS_ELEMENTWISE, GEMM, LU, QR, SVD, CHOLESKY,
            EIG_SYMMETRIC, INDICATORS_SERIES, INDICATORS_SERIES_VARIANCE, INDICATORS_BATCH, INDICATORS_BATCH_WINDOWS, MATRIX_PROFILE,
            DYNAMICS, DYNAMICS_USER, BATCH_KALMAN, KALMAN, PARTICLE, FFT, ROLLING_ENTROPY, STOCHASTIC_UNIFORM, STOCHASTIC_NORMAL,
            STOCHASTIC_PATHS, INDICATOR_STREAMS, RISK_GARCH, RISK_SCORECARD, RISK_ROLLING, REGIME_FORWARD,
            AMM_SWEEP, INDICATORS_TTR_OSCILLATORS, INDICATORS_TTR_TREND);

    /** Every family, in declaration order. */
    public static List<KernelFamily> all() {
        return ALL;
    }

    /** The family named {@code name}. */
    public static KernelFamily named(String name) {
        for (KernelFamily f : ALL) if (f.name().equals(name)) return f;
        throw new IllegalArgumentException("no kernel family named '" + name + "'");
    }

    private static KernelFamily.Builder linalg(String name) {
        return KernelFamily.named(name).with(VECTOR, P + "linalg.VectorLinalgKernels").with(NATIVE, P + "linalg.NativeLinalgKernels")
                .nativeOnOpenBlas();
    }

    private static KernelFamily indicators(String name) {
        return KernelFamily.named(name).with(VECTOR, P + "indicators.VectorIndicatorKernels")
                .with(NATIVE, P + "indicators.NativeIndicatorKernels").with(OPENCL, P + "indicators.OpenClIndicatorKernels").build();
    }

    private static KernelFamily stochastic(String name) {
        return KernelFamily.named(name).with(VECTOR, P + "stochastic.VectorRandomKernels")
                .with(NATIVE, P + "stochastic.NativeRandomKernels").with(OPENCL, P + "stochastic.OpenClRandomKernels").build();
    }
}
