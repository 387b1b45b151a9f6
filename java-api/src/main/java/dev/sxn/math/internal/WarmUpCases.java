package dev.sxn.math.internal;

import dev.sxn.math.amm.AmmConfig;
import dev.sxn.math.amm.AmmMetric;
import dev.sxn.math.amm.AmmSweep;
import dev.sxn.math.amm.MinutePrices;
import dev.sxn.math.amm.ParamGrid;
import dev.sxn.math.amm.RuleParams;
import dev.sxn.math.amm.SyntheticMarket;
import dev.sxn.math.amm.TfmmPool;
import dev.sxn.math.amm.WeightRule;
import dev.sxn.math.backend.Backend;
import dev.sxn.math.dynamics.Dynamics;
import dev.sxn.math.dynamics.Ensemble;
import dev.sxn.math.dynamics.IntegrationOptions;
import dev.sxn.math.dynamics.Integrator;
import dev.sxn.math.dynamics.Potential;
import dev.sxn.math.dynamics.Potentials;
import dev.sxn.math.filter.BatchKalman;
import dev.sxn.math.filter.KalmanFilter;
import dev.sxn.math.filter.KalmanModel;
import dev.sxn.math.indicators.IndicatorSet;
import dev.sxn.math.indicators.IndicatorStreams;
import dev.sxn.math.indicators.Indicators;
import dev.sxn.math.indicators.OscillatorBatches;
import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.indicators.TrendBatches;
import dev.sxn.math.indicators.VolatilityEstimators;
import dev.sxn.math.indicators.stream.BatchBarStream;
import dev.sxn.math.indicators.stream.BatchSeriesStream;
import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.linalg.Linalg;
import dev.sxn.math.linalg.VectorOps;
import dev.sxn.math.risk.Garch;
import dev.sxn.math.risk.GarchInnovations;
import dev.sxn.math.risk.GarchModel;
import dev.sxn.math.risk.GarchSpec;
import dev.sxn.math.risk.RollingRisk;
import dev.sxn.math.risk.Scorecard;
import dev.sxn.math.series.MatrixProfile;
import dev.sxn.math.spectral.FFT;
import dev.sxn.math.spectral.SpectralEntropy;
import dev.sxn.math.stochastic.RandomStream;
import dev.sxn.math.stochastic.Antithetic;
import dev.sxn.math.stochastic.Gbm;
import dev.sxn.math.stochastic.Heston;
import dev.sxn.math.stochastic.HestonQe;
import dev.sxn.math.stochastic.PathReduction;
import dev.sxn.math.stochastic.Randoms;
import dev.sxn.math.stochastic.UniformInterval;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import dev.sxn.math.regime.BatchHmm;
import dev.sxn.math.regime.GaussianEmissions;
import dev.sxn.math.regime.HiddenMarkovModel;
import dev.sxn.math.regime.TransitionMatrix;

/**
 * The representative call of each kernel family, for {@link WarmUp}: one public call pinned to a kind, on
 * seeded data made once per warm-up. Sizes are small: the JIT compiles after a number of calls, not of
 * flops, so a smaller call gets there sooner, and a call made before the JIT has compiled the kernel stays
 * short (the warm-up cannot stop a call in progress). They are large enough to take the paths a real call
 * of the family takes (blocked factorisations past one block, whole vectors, more than one tile). Where a family's
 * kernels branch on the shape (edge tiles of a GEMM, blocked or unblocked factorisations, friction or
 * none, complex or real FFT), a case has two shapes, called in turn, so C2 does not compile a path the
 * host's first different call would leave again (a deoptimisation sends it back to the interpreter).
 *
 * <p>Families whose calls run the host's own code in their loops (a user-written potential, a particle
 * filter's transition and likelihood) have no case: a warm-up with the library's own callbacks would put a
 * second receiver type into those call sites, and the host's calls would lose their inlining.
 */
final class WarmUpCases {
    private WarmUpCases() {}

    /** Why {@code family} has no representative call, or null when it has one. */
    static String noCase(KernelFamily family) {
        if (family == KernelFamilies.DYNAMICS_USER) {
            return "its calls run the host's own potential: warm it with the host's own calls";
        }
        if (family == KernelFamilies.PARTICLE) {
            return "its calls run the host's own transition and likelihood: warm it with the host's own calls";
        }
        return null;
    }

    /**
     * Fresh representative calls of {@code family} (their data made now), one per shape, each taking the kind
     * to pin; null when the family has none ({@link #noCase}) or is not known here.
     */
    static List<Consumer<Backend>> of(KernelFamily family) {
        return switch (family.name()) {
            case "linalg.VectorOps.reduce" -> reduce();
            case "linalg.VectorOps.elementwise" -> elementwise();
            case "linalg.gemm" -> gemm();
            case "linalg.lu" -> lu();
            case "linalg.qr" -> qr();
            case "linalg.svd" -> svd();
            case "linalg.cholesky" -> cholesky();
            case "linalg.eigSymmetric" -> eig();
            case "indicators.Indicators.series" -> series();
            case "indicators.Indicators.seriesVariance" -> seriesVariance();
            case "indicators.Indicators.batch" -> batch();
            case "indicators.Indicators.batchWindows" -> batchWindows();
            case "series.MatrixProfile" -> matrixProfile();
            case "dynamics.integrate" -> dynamics();
            case "filter.BatchKalman" -> batchKalman();
            case "filter.KalmanFilter" -> kalman();
            case "spectral.FFT" -> fft();
            case "spectral.rollingEntropy" -> rollingEntropy();
            case "stochastic.uniform" -> uniforms();
            case "stochastic.normal" -> normals();
            case "stochastic.paths" -> gbmPaths();
            case "indicators.stream.batch" -> streamRows();
            case "risk.garch" -> garchBatch();
            case "risk.scorecard" -> scorecard();
            case "regime.forward" -> regimeForward();
            case "risk.rolling" -> rollingRisk();
            case "amm.sweep" -> ammSweep();
            case "indicators.ttr.oscillators" -> ttrOscillators();
            case "indicators.ttr.trend" -> ttrTrend();
            default -> null;
        };
    }

    // ---- data

    /** A seeded random walk around 100 (prices, never NaN). */
    private static double[] walk(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) x[i] = p += 0.1 * r.nextGaussian();
        return x;
    }

    private static DMatrix random(int rows, int cols, long seed) {
        return DMatrix.random(rows, cols, seed);
    }

    /** A symmetric positive definite n x n matrix: X X^T + n I. */
    private static DMatrix spd(int n, long seed) {
        DMatrix x = random(n, n, seed);
        DMatrix s = Linalg.gemm(Backend.JAVA, 1.0, x, false, x, true, 0.0, DMatrix.zeros(n, n));
        for (int i = 0; i < n; i++) s.set(i, i, s.get(i, i) + n);
        for (int j = 0; j < n; j++) for (int i = 0; i < j; i++) s.set(i, j, s.get(j, i));
        return s;
    }

    /** Two shapes, which the warm-up calls in turn. */
    private static List<Consumer<Backend>> alternate(Consumer<Backend> even, Consumer<Backend> odd) {
        return List.of(even, odd);
    }

    /** One shape. */
    private static List<Consumer<Backend>> one(Consumer<Backend> call) {
        return List.of(call);
    }

    // ---- cases, by domain

    private static List<Consumer<Backend>> reduce() {
        double[] x = walk(4096, 1), y = walk(4096, 2);
        double[] sink = {0};
        return alternate(k -> sink[0] += VectorOps.dot(k, x, 0, y, 0, x.length),
                k -> sink[0] += VectorOps.sum(k, x, 1, x.length - 3) + VectorOps.sumOfSquares(k, y, 3, y.length - 5));
    }

    private static List<Consumer<Backend>> elementwise() {
        double[] x = walk(4096, 3), y = new double[4096];
        return alternate(k -> VectorOps.axpy(k, 1e-3, x, 0, y, 0, x.length), k -> VectorOps.scale(k, 0.5, y, 1, y.length - 3));
    }

    private static List<Consumer<Backend>> gemm() {
        DMatrix a = random(64, 64, 4), b = random(64, 64, 5), c = DMatrix.zeros(64, 64);
        // Edge tiles in both directions, B transposed, and beta != 0: the branches a square product skips.
        DMatrix a2 = random(37, 45, 6), b2 = random(29, 45, 7), c2 = random(37, 29, 8);
        return alternate(k -> Linalg.gemm(k, 1.0, a, false, b, false, 0.0, c), k -> Linalg.gemm(k, 0.5, a2, false, b2, true, 0.25, c2));
    }

    private static List<Consumer<Backend>> lu() {
        DMatrix a = random(64, 64, 9), b = random(64, 3, 10);
        return alternate(k -> Linalg.lu(k, a), k -> Linalg.solve(k, a, b));
    }

    private static List<Consumer<Backend>> qr() {
        DMatrix a = random(64, 64, 11), tall = random(96, 36, 12);
        return alternate(k -> Linalg.qr(k, a, false).q(), k -> Linalg.qr(k, tall, false).r());
    }

    private static List<Consumer<Backend>> svd() {
        DMatrix a = random(48, 48, 13), tall = random(64, 36, 14);
        return alternate(k -> Linalg.svd(k, a), k -> Linalg.svd(k, tall));
    }

    private static List<Consumer<Backend>> cholesky() {
        // Above the unblocked limit, so the blocked path (its GEMM trailing update) is the one compiled.
        DMatrix a = spd(160, 15), small = spd(48, 16);
        return alternate(k -> Linalg.cholesky(k, a), k -> Linalg.cholesky(k, small));
    }

    private static List<Consumer<Backend>> eig() {
        DMatrix a = spd(48, 17);
        return one(k -> Linalg.eigSymmetric(k, a));
    }

    private static IndicatorSet[] sets() {
        IndicatorSet[] s = new IndicatorSet[Backend.values().length];
        for (Backend b : Backend.values()) s[b.ordinal()] = Indicators.on(b);
        return s;
    }

    private static List<Consumer<Backend>> series() {
        double[] x = walk(4096, 18), out = new double[x.length];
        IndicatorSet[] s = sets();
        return alternate(k -> s[k.ordinal()].smaInto(x, 20, out), k -> s[k.ordinal()].emaInto(x, 20, out));
    }

    private static List<Consumer<Backend>> seriesVariance() {
        double[] x = walk(4096, 19), out = new double[x.length];
        IndicatorSet[] s = sets();
        return alternate(k -> s[k.ordinal()].rollingStdInto(x, 20, false, out), k -> s[k.ordinal()].rollingVarInto(x, 50, true, out));
    }

    private static List<Consumer<Backend>> batch() {
        SeriesBatch x = SeriesBatch.wrap(20, 512, walk(20 * 512, 20)), out = SeriesBatch.zeros(20, 512);
        IndicatorSet[] s = sets();
        return alternate(k -> s[k.ordinal()].emaInto(x, 20, out), k -> s[k.ordinal()].rsiInto(x, 14, out));
    }

    private static List<Consumer<Backend>> batchWindows() {
        SeriesBatch x = SeriesBatch.wrap(20, 512, walk(20 * 512, 21)), out = SeriesBatch.zeros(20, 512);
        IndicatorSet[] s = sets();
        return alternate(k -> s[k.ordinal()].smaInto(x, 20, out), k -> s[k.ordinal()].rollingStdInto(x, 20, false, out));
    }

    private static List<Consumer<Backend>> matrixProfile() {
        double[] x = walk(512, 22);
        return one(k -> MatrixProfile.compute(k, x, 16));
    }

    private static List<Consumer<Backend>> dynamics() {
        Potential v = Potentials.anharmonic(1.0, 1.0);
        Ensemble e = new Ensemble(256, 3);
        SplittableRandom r = new SplittableRandom(23);
        for (int j = 0; j < 3 * 256; j++) {
            e.positions()[j] = r.nextDouble(-1, 1);
            e.momenta()[j] = r.nextDouble(-0.5, 0.5);
        }
        IntegrationOptions[] plain = new IntegrationOptions[Backend.values().length], damped = plain.clone();
        for (Backend b : Backend.values()) {
            plain[b.ordinal()] = IntegrationOptions.DEFAULT.withBackend(b);
            damped[b.ordinal()] = plain[b.ordinal()].withFriction(0.1);
        }
        return alternate(k -> Dynamics.integrate(e, v, Integrator.LEAPFROG, 0.01, 16, plain[k.ordinal()]),
                k -> Dynamics.integrate(e, v, Integrator.LEAPFROG, 0.01, 16, damped[k.ordinal()]));
    }

    private static List<Consumer<Backend>> batchKalman() {
        int filters = 256, ticks = 8;
        KalmanModel model = KalmanModel.localLinearTrend(1e-6, 1e-8, 2.5e-7);
        double[] z = walk(filters * ticks, 24);
        BatchKalman bk = new BatchKalman(model, filters, new double[] {100, 0}, new double[][] {{1, 0}, {0, 1e-4}});
        return alternate(k -> bk.run(k, z, 0, ticks, null), k -> bk.run(k, z, 0, 1, null));
    }

    private static List<Consumer<Backend>> kalman() {
        int n = 8, m = 2;
        double[][] f = new double[n][n], h = new double[m][n], q = new double[n][n], rr = new double[m][m], p0 = new double[n][n];
        for (int i = 0; i < n; i++) {
            f[i][i] = 1;
            if (i + 1 < n) f[i][i + 1] = 0.1;
            q[i][i] = 1e-4;
            p0[i][i] = 1;
        }
        for (int i = 0; i < m; i++) {
            h[i][i] = 1;
            rr[i][i] = 1e-2;
        }
        KalmanModel model = KalmanModel.builder(n, m).transition(f).observation(h).processNoise(q).observationNoise(rr).build();
        KalmanFilter[] filters = new KalmanFilter[Backend.values().length];
        double[] z = {1.0, 0.5};
        return one(k -> {
            KalmanFilter kf = filters[k.ordinal()];
            if (kf == null) filters[k.ordinal()] = kf = new KalmanFilter(model, new double[n], p0, k);
            kf.predict();
            kf.update(z);
        });
    }

    private static List<Consumer<Backend>> fft() {
        double[] re = walk(1024, 25), im = walk(1024, 26), x = walk(1000, 27), outRe = new double[501], outIm = new double[501];
        // Unitary, so repeating the transform in place keeps the values' scale.
        return alternate(k -> FFT.forward(k, re, im, FFT.Norm.ORTHO), k -> FFT.rfft(k, x, 0, x.length, outRe, outIm, FFT.Norm.BACKWARD));
    }

    private static List<Consumer<Backend>> rollingEntropy() {
        double[] x = walk(400, 28);
        return one(k -> SpectralEntropy.rollingEntropy(k, x, 32, 1, 2.0, true, false));
    }

    private static List<Consumer<Backend>> uniforms() {
        // Both generators and both intervals: each is its own branch of the kernels.
        RandomStream s64 = RandomStream.philox4x64(29, 0), s32 = RandomStream.philox4x32(29, 0);
        double[] out = new double[64 * 16];
        return alternate(k -> Randoms.uniforms(s64, UniformInterval.OPEN, 0, 64, 0, 16, out, 0, 64, k),
                k -> Randoms.uniforms(s32, UniformInterval.CLOSED_OPEN, 0, 64, 0, 16, out, 0, 64, k));
    }

    private static List<Consumer<Backend>> normals() {
        RandomStream s64 = RandomStream.philox4x64(30, 0), s32 = RandomStream.philox4x32(30, 0);
        double[] out = new double[64 * 16];
        return alternate(k -> Randoms.normals(s64, 0, 64, 0, 16, out, 0, 64, k), k -> Randoms.normals(s32, 0, 64, 0, 16, out, 0, 64, k));
    }

    private static List<Consumer<Backend>> gbmPaths() {
        // Reduction and stored paths are separate loops of the kernels; antithetic tiles another branch.
        Gbm model = new Gbm(100, 0.03, 0.2);
        RandomStream s = RandomStream.philox4x64(31, 0);
        double[] out = new double[128 * 16];
        // Heston QE is a third loop of the same family.
        Heston heston = new Heston(100, 0.09, 1.0, 0.09, 1.2, -0.9, 0.03);
        return List.of(k -> model.reduce(s, 1.0 / 16, 0, 128, 16, Antithetic.PAIRED, PathReduction.AVERAGE, out, 0, k),
                k -> model.paths(s, 1.0 / 16, 0, 128, 16, Antithetic.NONE, out, 0, 128, k),
                k -> HestonQe.paths(heston, s, 1.0 / 16, 0, 128, 16, Antithetic.NONE, true, out, 0, 128, k));
    }

    private static List<Consumer<Backend>> streamRows() {
        // The four row kernels are separate loops; a universe of 70 assets has a tail beyond the vectors.
        double[] row = walk(70, 41), lo = new double[70], hi = new double[70];
        for (int a = 0; a < 70; a++) {
            lo[a] = row[a] - 0.5;
            hi[a] = row[a] + 0.5;
        }
        return List.of(k -> {
            BatchSeriesStream e = IndicatorStreams.emaBatch(70, 5, k), r = IndicatorStreams.rsiBatch(70, 5, k), s = IndicatorStreams.smaBatch(70, 5, k);
            for (int i = 0; i < 16; i++) {
                e.update(row);
                r.update(row);
                s.update(row);
            }
        }, k -> {
            BatchBarStream atr = IndicatorStreams.atrBatch(70, 5, k);
            for (int i = 0; i < 16; i++) atr.update(hi, lo, row);
        });
    }

    private static List<Consumer<Backend>> garchBatch() {
        // A lane group and a tail, GARCH-normal and GJR-t: the kernels' two time loops and their GJR terms.
        SplittableRandom r = new SplittableRandom(41);
        double[] d = new double[11 * 120];
        for (int i = 0; i < d.length; i++) d[i] = r.nextGaussian() * (1 + 0.5 * Math.sin(i / 97.0));
        SeriesBatch x = SeriesBatch.wrap(11, 120, d);
        GarchSpec normal = GarchSpec.of(GarchModel.GARCH, GarchInnovations.NORMAL), t = GarchSpec.of(GarchModel.GJR, GarchInnovations.STUDENT_T);
        return alternate(k -> Garch.fitBatch(x, normal, k), k -> Garch.fitBatch(x, t, k));
    }

    private static List<Consumer<Backend>> scorecard() {
        // Lane groups and a tail: 21 assets of a year of daily returns.
        SplittableRandom r = new SplittableRandom(43);
        double[] d = new double[21 * 252];
        for (int i = 0; i < d.length; i++) d[i] = 0.0004 + 0.01 * r.nextGaussian();
        SeriesBatch x = SeriesBatch.wrap(21, 252, d);
        return List.of(k -> Scorecard.of(x, 0.02, 0.0, 252, k));
    }

    private static List<Consumer<Backend>> regimeForward() {
        // Two shapes: one full-covariance model over assets with filtered output, a diagonal sweep of models, likelihood only.
        HiddenMarkovModel full = HiddenMarkovModel.of(new double[] {0.5, 0.5},
                TransitionMatrix.of(new double[][] {{0.9, 0.1}, {0.2, 0.8}}),
                GaussianEmissions.full(new double[][] {{-1, 0}, {1, 0.5}},
                        new double[][][] {{{1, 0.3}, {0.3, 1}}, {{0.5, 0.1}, {0.1, 0.4}}}));
        HiddenMarkovModel[] sweep = new HiddenMarkovModel[8];
        for (int i = 0; i < sweep.length; i++) {
            sweep[i] = HiddenMarkovModel.of(new double[] {0.5, 0.5},
                    TransitionMatrix.of(new double[][] {{0.9, 0.1}, {0.1 + 0.05 * i, 0.9 - 0.05 * i}}),
                    GaussianEmissions.univariate(new double[] {-1, 1}, new double[] {1 + 0.1 * i, 0.5}));
        }
        double[] xa = walk(2 * 32 * 16, 40), xs = walk(64, 41), filtered = new double[16 * 2 * 32], ll = new double[32];
        double[] ll8 = new double[sweep.length];
        for (int i = 0; i < xa.length; i++) xa[i] -= 100;
        for (int i = 0; i < xs.length; i++) xs[i] -= 100;
        return alternate(k -> BatchHmm.filterAssets(full, xa, 32, filtered, ll, k),
                k -> BatchHmm.logLikelihoodModels(sweep, xs, ll8, k));
    }

    private static List<Consumer<Backend>> rollingRisk() {
        // Lane groups and a tail: 13 assets of a year of daily returns, a quarter's window.
        SplittableRandom r = new SplittableRandom(47);
        double[] d = new double[13 * 252];
        for (int i = 0; i < d.length; i++) d[i] = 0.0004 + 0.01 * r.nextGaussian();
        SeriesBatch x = SeriesBatch.wrap(13, 252, d), v = SeriesBatch.zeros(13, 252), e = SeriesBatch.zeros(13, 252);
        return alternate(k -> RollingRisk.volatility(x, 63, 252, v, k), k -> RollingRisk.historical(x, 63, 0.05, v, e, k));
    }

    // ---- added for amm (issue 23)
    private static List<Consumer<Backend>> ammSweep() {
        // A chunk of 16 sets and a tail of 5 (whole lane groups and JAVA's tail), momentum and anti-momentum, 2 days.
        MinutePrices prices = SyntheticMarket.twoAssets(3 * 1440, 0.3, 47);
        AmmConfig config = AmmConfig.defaults().withChunks(60, 60);
        RuleParams[] sets = ParamGrid.over(RuleParams.momentum(5, 20, 60)).log2Range(1, 1, 1024, 21).build();
        AmmMetric[] metrics = {AmmMetric.DAILY_LOG_SHARPE};
        double[] out = new double[sets.length];
        TfmmPool momentum = TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.5, 0.5}, config);
        TfmmPool anti = TfmmPool.of(WeightRule.ANTI_MOMENTUM, new double[] {0.5, 0.5}, config);
        return alternate(k -> AmmSweep.metrics(momentum, prices, 1440, 2 * 1440, sets, metrics, out, 1, k),
                k -> AmmSweep.metrics(anti, prices, 1440, 2 * 1440, sets, metrics, out, 1, k));
    }

    private static List<Consumer<Backend>> ttrOscillators() {
        // A lane group and a tail: 11 assets of 200 bars, every kernel of the family (each is its own loop).
        SeriesBatch[] b = TtrOscillatorData.bars(11, 200, 45);
        SeriesBatch h = b[0], l = b[1], c = b[2], v = b[3];
        return one(k -> {
            OscillatorBatches.rocDiscrete(c, 10, k);
            OscillatorBatches.rocContinuous(c, 10, k);
            OscillatorBatches.momentum(c, 10, k);
            OscillatorBatches.wpr(h, l, c, 14, k);
            OscillatorBatches.cci(h, l, c, 20, 0.015, k);
            OscillatorBatches.cci(c, 20, 0.015, k);
            OscillatorBatches.mfi(h, l, c, v, 14, k);
        });
    }

    // ---- added for indicators.ttr.trend (issue 22)

    private static List<Consumer<Backend>> ttrTrend() {
        // A lane group and a tail (11 assets) of 200 positive bars: ADX, Yang-Zhang (both window routines), HMA.
        double[] d = walk(11 * 200, 47);
        SeriesBatch c = SeriesBatch.wrap(11, 200, d), h = SeriesBatch.wrap(11, 200, d.clone()), l = SeriesBatch.wrap(11, 200, d.clone());
        for (int i = 0; i < d.length; i++) {
            h.data()[i] += 0.3;
            l.data()[i] -= 0.3;
        }
        return alternate(k -> {
            TrendBatches.adx(h, l, c, 14, k);
            TrendBatches.hma(c, 20, k);
        }, k -> TrendBatches.volatility(c, h, l, c, 10, VolatilityEstimators.Method.YANG_ZHANG, 260, k));
    }
}
