package dev.sxn.math.indicators;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rolling variance and standard deviation of values too large to square (|x| above about 1.3e154, up to
 * 1.2e307, where even the window's sum overflows), on every kind of the single-series and batched
 * families, pinned, and through the automatic choice (Bollinger, z-score): every kind must give the
 * true value, +Infinity only where the true variance exceeds Double.MAX_VALUE (the std of values
 * around 1e200 is finite). Series mix ordinary prices, huge stretches and ordinary prices again (the
 * windows after a huge stretch, across the 1024-step re-summation, are checked too), a NaN inside a
 * huge stretch and flat huge windows (exactly 0).
 *
 * <p>Reference: the window's mean and sum of squared deviations in BigDecimal (every value and
 * operation rounded to 40 digits), rounded once to double. Tolerance: relative 1e-11 for variance and
 * std (the stated bounds are 2^-40 + 2 ulps on the single-series fast paths, a two-pass's w u
 * elsewhere), absolute 0, infinities and NaN exactly; batches on VECTOR and NATIVE equal JAVA's bit for
 * bit (they run its arithmetic, the overflow path included); Bollinger's band width / 2k and the
 * z-score within 1e-10 relative (+ 1e-10 absolute for the z-score, an O(1) number from a difference of
 * two huge ones).
 */
class IndicatorsVarianceOverflowTest {
    private static final double RTOL = 1e-11;
    private static final MathContext MC = new MathContext(40);
    /** References by (variant, seed, length, w, ddof): shared by the kinds, each computed once. */
    private static final Map<String, double[][]> REFS = new ConcurrentHashMap<>();
    private static final int[] WINDOWS = {2, 5, 14, 20, 33, 64, 100};

    static Stream<Backend> seriesKinds() {
        return BackendSupport.kinds(KernelFamilies.INDICATORS_SERIES_VARIANCE);
    }

    static Stream<Backend> batchKinds() {
        return BackendSupport.kinds(KernelFamilies.INDICATORS_BATCH_WINDOWS);
    }

    /**
     * Variant 0..3: the whole series at scale 1e154, 1e200, 1e300, 5e306 (values in [1, 2.5] times it,
     * drifting); 4: ordinary prices, then 1e200-scale values with a NaN and a flat stretch, then prices
     * again, then 1e160-scale values, then prices.
     */
    static double[] series(int variant, int t, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[t];
        double level = 1.75;
        for (int i = 0; i < t; i++) {
            level = Math.min(2.2, Math.max(1.3, level + 0.02 * (r.nextDouble() - 0.5)));
            x[i] = level + 0.3 * (r.nextDouble() - 0.5);
        }
        double[] scales = {1e154, 1e200, 1e300, 5e306};
        if (variant < 4) {
            for (int i = 0; i < t; i++) x[i] *= scales[variant];
            for (int i = t / 2; i < t / 2 + 120 && i < t; i++) x[i] = x[t / 2 - 1]; // flat, huge
            return x;
        }
        for (int i = 0; i < t; i++) {
            double s = i < t / 5 ? 100 : i < 2 * t / 5 ? 1e200 : i < 3 * t / 5 ? 100 : i < 4 * t / 5 ? 1e160 : 100;
            x[i] *= s;
        }
        x[t / 5 + 150] = Double.NaN;
        for (int i = t / 5 + 300; i < t / 5 + 420; i++) x[i] = x[t / 5 + 299];
        return x;
    }

    /** {variance, std} of the window ending at x[p] (values stride apart): NaN with a non-finite value. */
    static double[] reference(double[] x, int p, int stride, int w, int ddof) {
        BigDecimal sum = BigDecimal.ZERO;
        boolean flat = true;
        for (int j = p - (w - 1) * stride; j <= p; j += stride) {
            if (!Double.isFinite(x[j])) return new double[] {Double.NaN, Double.NaN};
            sum = sum.add(new BigDecimal(x[j], MC), MC);
            flat &= x[j] == x[p];
        }
        if (flat) return new double[] {0, 0};
        BigDecimal mean = sum.divide(BigDecimal.valueOf(w), MC), m2 = BigDecimal.ZERO;
        for (int j = p - (w - 1) * stride; j <= p; j += stride) {
            BigDecimal d = new BigDecimal(x[j], MC).subtract(mean, MC);
            m2 = m2.add(d.multiply(d, MC), MC);
        }
        BigDecimal var = m2.divide(BigDecimal.valueOf(w - ddof), MC);
        return new double[] {var.doubleValue(), var.sqrt(MC).doubleValue()};
    }

    /** {variances, stds} of every window of {@link #series}(variant, t, seed), NaN in the warm-up. */
    static double[][] reference(int variant, int t, long seed, int w, int ddof) {
        return REFS.computeIfAbsent(variant + "/" + seed + "/" + t + "/" + w + "/" + ddof, key -> {
            double[] x = series(variant, t, seed);
            double[][] out = new double[2][t];
            for (int i = 0; i < t; i++) {
                double[] v = i < w - 1 ? new double[] {Double.NaN, Double.NaN} : reference(x, i, 1, w, ddof);
                out[0][i] = v[0];
                out[1][i] = v[1];
            }
            return out;
        });
    }

    private static double[] column(double[] data, int k, int t, int a) {
        double[] c = new double[t];
        for (int i = 0; i < t; i++) c[i] = data[i * k + a];
        return c;
    }

    @ParameterizedTest
    @MethodSource("seriesKinds")
    void singleSeriesOfHugeValuesMatchTheExactVariance(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        IndicatorSet on = Indicators.on(kind);
        for (int variant = 0; variant < 5; variant++) {
            int t = variant == 4 ? 2600 : 700;
            double[] x = series(variant, t, 17 + variant);
            for (int wi = 0; wi < WINDOWS.length; wi++) {
                // Sample and population alternate over the windows (the divisor is the only difference).
                int w = WINDOWS[wi];
                boolean sample = (wi + variant) % 2 == 0;
                double[][] ref = reference(variant, t, 17 + variant, w, sample ? 1 : 0);
                String what = kind + " variant " + variant + " w=" + w + (sample ? " sample" : " population");
                assertClose(ref[0], on.rollingVar(x, w, sample), 0, RTOL, what + " var");
                assertClose(ref[1], on.rollingStd(x, w, sample), 0, RTOL, what + " std");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("batchKinds")
    void batchesOfHugeValuesMatchTheExactVariance(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        IndicatorSet on = Indicators.on(kind);
        for (int k : new int[] {3, 17, 37}) {
            int t = 1100;
            double[] data = new double[k * t];
            for (int a = 0; a < k; a++) {
                double[] s = series(a % 5, t, 100 + a % 10);
                for (int i = 0; i < t; i++) data[i * k + a] = s[i];
            }
            SeriesBatch b = SeriesBatch.wrap(k, t, data);
            for (int w : new int[] {5, 20}) {
                double[] var = on.rollingVar(b, w, true).data(), std = on.rollingStd(b, w, false).data();
                if (kind == Backend.VECTOR || kind == Backend.NATIVE) {
                    // Their batches run JAVA's arithmetic operation for operation, the overflow path included.
                    IndicatorSet java = Indicators.on(Backend.JAVA);
                    assertArrayEquals(java.rollingVar(b, w, true).data(), var, kind + " k=" + k + " w=" + w + " var bits");
                    assertArrayEquals(java.rollingStd(b, w, false).data(), std, kind + " k=" + k + " w=" + w + " std bits");
                }
                for (int a = 0; a < k; a++) {
                    String what = kind + " k=" + k + " asset " + a + " w=" + w;
                    assertClose(reference(a % 5, t, 100 + a % 10, w, 1)[0], column(var, k, t, a), 0, RTOL, what + " sample var");
                    assertClose(reference(a % 5, t, 100 + a % 10, w, 0)[1], column(std, k, t, a), 0, RTOL,
                            what + " population std");
                }
            }
        }
    }

    /**
     * The automatic choice (NATIVE where it is available): Bollinger's band width follows the std on the
     * mixed series and on 1e200-scale values; the z-score on 1e200-scale values (its mean is the rolling
     * sum's, whose stated error grows with the magnitudes summed over the run, so the z-score of ordinary
     * windows after a huge stretch is not this item's to check; flat windows are 0 / 0 or a rounding of
     * the mean over 0, also not checked here).
     */
    @Test
    void bollingerAndZscoreOfHugeValuesFollow() {
        int n = 20;
        for (int variant : new int[] {4, 1}) {
            int t = variant == 4 ? 2600 : 700;
            long seed = 17 + variant;
            double[] x = series(variant, t, seed);
            double[][] pops = reference(variant, t, seed, n, 0), smps = reference(variant, t, seed, n, 1);
            Bollinger bb = CompositeIndicators.bollinger(x, n, 2.0);
            double[] z = CompositeIndicators.zscore(x, n);
            for (int i = n - 1; i < x.length; i++) {
                String at = "variant " + variant + " at " + i;
                assertClose(pops[1][i], (bb.upper()[i] - bb.lower()[i]) / 4, 0, 1e-10, "bollinger width / 4, " + at);
                double sd = smps[1][i];
                if (variant == 4 || sd == 0) continue;
                BigDecimal sum = BigDecimal.ZERO;
                for (int j = i - n + 1; j <= i; j++) sum = sum.add(new BigDecimal(x[j]));
                double want = new BigDecimal(x[i]).subtract(sum.divide(BigDecimal.valueOf(n), MC), MC)
                        .divide(new BigDecimal(sd), MC).doubleValue();
                assertClose(want, z[i], 1e-10, 1e-10, "z-score, " + at);
            }
        }
    }
}
