package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GBM paths and reductions: the JAVA kernel against an independent scalar recomputation from
 * {@link RandomStream#normal} and {@link StrictMath#exp} (tolerance 2 ulp: the kernel's {@link PathExp} is
 * within 1 ulp of fdlibm, the log-space sums are the same operations); every kind against JAVA bit for bit
 * (ulp budget 0); blocks cut differently and on several threads; antithetic pairs; moments.
 */
class GbmPathsTest {
    static final Gbm MODEL = new Gbm(100.0, 0.05, 0.2);
    static final RandomStream S = RandomStream.philox4x64(0x9b3L, 3);

    static Stream<Backend> kinds() {
        return BackendSupport.kinds(KernelFamilies.STOCHASTIC_PATHS);
    }

    @Test
    void javaPathsAreTheScalarRecurrence() {
        int paths = 70, steps = 45, ld = 73, off = 3;
        double dt = 1.0 / 52;
        double[] out = new double[off + steps * ld];
        for (Antithetic a : Antithetic.values()) {
            MODEL.paths(S, dt, 5, paths, steps, a, out, off, ld, Backend.JAVA);
            double drift = (0.05 - 0.5 * 0.04) * dt, vol = 0.2 * Math.sqrt(dt);
            for (int i = 0; i < paths; i++) {
                long p = 5 + i;
                double x = StrictMath.log(100.0);
                for (int t = 0; t < steps; t++) {
                    double z = S.normal(a.lane(p), t);
                    if (a.mirrored(p)) z = -z;
                    x = x + (drift + vol * z);
                    double want = StrictMath.exp(x);
                    assertEquals(want, out[off + t * ld + i], 2 * Math.ulp(want), a + " path " + p + " step " + t);
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void everyKindIsJavaBitForBit(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int paths = 203, steps = 70, ld = 211;
        for (Antithetic a : Antithetic.values()) {
            for (long first : new long[] {0, 7}) {
                double[] got = new double[steps * ld], want = new double[got.length];
                MODEL.paths(S, 0.01, first, paths, steps, a, got, 0, ld, kind);
                MODEL.paths(S, 0.01, first, paths, steps, a, want, 0, ld, Backend.JAVA);
                assertArrayEquals(want, got, kind + " paths " + a + " from " + first);
                double[] r = new double[4 * paths], rw = new double[r.length];
                MODEL.reduce(S, 0.01, first, paths, steps, a, EnumSet.allOf(PathReduction.class), r, 0, paths, kind);
                MODEL.reduce(S, 0.01, first, paths, steps, a, EnumSet.allOf(PathReduction.class), rw, 0, paths, Backend.JAVA);
                assertArrayEquals(rw, r, kind + " reductions " + a + " from " + first);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void reductionsAreThoseOfTheStoredPaths(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int paths = 67, steps = 33;
        double[] path = new double[paths * steps];
        MODEL.paths(S, 0.02, 11, paths, steps, Antithetic.NONE, path, 0, paths, kind);
        for (PathReduction red : PathReduction.values()) {
            double[] r = new double[paths];
            MODEL.reduce(S, 0.02, 11, paths, steps, Antithetic.NONE, red, r, 0, kind);
            for (int i = 0; i < paths; i++) {
                double mx = Double.NEGATIVE_INFINITY, mn = Double.POSITIVE_INFINITY, sum = 0;
                for (int t = 0; t < steps; t++) {
                    double v = path[t * paths + i];
                    mx = Math.max(mx, v);
                    mn = Math.min(mn, v);
                    sum += v;
                }
                double want = switch (red) {
                    case TERMINAL -> path[(steps - 1) * paths + i];
                    case MAXIMUM -> mx;
                    case MINIMUM -> mn;
                    case AVERAGE -> sum / steps;
                };
                // TERMINAL and AVERAGE are the same operations; MAXIMUM/MINIMUM exponentiate the extreme log value.
                assertEquals(want, r[i], red == PathReduction.MAXIMUM || red == PathReduction.MINIMUM ? Math.ulp(want) : 0.0, red + " " + i);
            }
        }
    }

    /** The same paths from blocks of other sizes and offsets, on several threads. */
    @ParameterizedTest
    @MethodSource("kinds")
    void blocksOfAnySizeOnAnyThreadGiveTheSamePaths(Backend kind) throws Exception {
        BackendSupport.assumeAvailable(kind);
        int paths = 300, steps = 40;
        for (Antithetic a : Antithetic.values()) {
            double[] whole = new double[paths], pieces = new double[paths];
            MODEL.reduce(S, 0.01, 0, paths, steps, a, PathReduction.AVERAGE, whole, 0, kind);
            int[] cuts = {0, 1, 2, 9, 64, 65, 128, 131, 257, paths};
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int c = 0; c + 1 < cuts.length; c++) {
                    int from = cuts[c], n = cuts[c + 1] - from;
                    fs.add(pool.submit(() -> MODEL.reduce(S, 0.01, from, n, steps, a, PathReduction.AVERAGE, pieces, from, kind)));
                }
                for (Future<?> f : fs) f.get();
            } finally {
                pool.shutdown();
            }
            assertArrayEquals(whole, pieces, kind + " " + a);
        }
    }

    @Test
    void antitheticPairsMirrorTheirLogIncrements() {
        int paths = 10, steps = 5;
        double dt = 0.1;
        double[] out = new double[paths * steps];
        MODEL.paths(S, dt, 0, paths, steps, Antithetic.PAIRED, out, 0, paths, Backend.JAVA);
        double drift = (0.05 - 0.02) * dt;
        for (int k = 0; k < paths / 2; k++) {
            for (int t = 0; t < steps; t++) {
                double even = Math.log(out[t * paths + 2 * k] / 100) - drift * (t + 1);
                double odd = Math.log(out[t * paths + 2 * k + 1] / 100) - drift * (t + 1);
                assertEquals(-even, odd, 1e-12);
            }
        }
        // The even path is the plain path of lane k.
        double[] plain = new double[paths * steps];
        MODEL.paths(S, dt, 0, paths / 2, steps, Antithetic.NONE, plain, 0, paths, Backend.JAVA);
        for (int k = 0; k < paths / 2; k++) assertEquals(plain[(steps - 1) * paths + k], out[(steps - 1) * paths + 2 * k]);
    }

    /** Terminal mean and variance of 2 10^5 paths against the lognormal's, each within 4 standard errors. */
    @Test
    void terminalMomentsAreLognormal() {
        int n = 200_000, steps = 4;
        double t = 1.0;
        double[] st = new double[n];
        MODEL.reduce(S, t / steps, 0, n, steps, Antithetic.NONE, PathReduction.TERMINAL, st, 0, null);
        double mean = 0, m2 = 0;
        for (double v : st) mean += v;
        mean /= n;
        for (double v : st) m2 += (v - mean) * (v - mean);
        double var = m2 / (n - 1);
        double wantMean = 100 * Math.exp(0.05), wantVar = wantMean * wantMean * (Math.exp(0.04) - 1);
        assertEquals(wantMean, mean, 4 * Math.sqrt(wantVar / n));
        // The sample variance's relative standard error is sqrt((kurtosis - 1) / n), the lognormal's kurtosis
        // e^{4 s^2} + 2 e^{3 s^2} + 3 e^{2 s^2} - 3 with s^2 = sigma^2 T = 0.04.
        double kurtosis = Math.exp(0.16) + 2 * Math.exp(0.12) + 3 * Math.exp(0.08) - 3;
        assertEquals(wantVar, var, 4 * wantVar * Math.sqrt((kurtosis - 1) / n));
    }

    @Test
    void badArgumentsAreNamed() {
        double[] out = new double[100];
        assertThrows(IllegalArgumentException.class, () -> new Gbm(0, 0.1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new Gbm(1, Double.NaN, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new Gbm(1, 0.1, -0.2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MODEL.paths(S, 0.0, 0, 10, 10, Antithetic.NONE, out, 0, 10, null));
        assertTrue(e.getMessage().startsWith("dt must"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MODEL.paths(S, 0.1, 0, 10, 0, Antithetic.NONE, out, 0, 10, null));
        assertTrue(e.getMessage().startsWith("steps must"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MODEL.paths(S, 0.1, 0, 10, 11, Antithetic.NONE, out, 0, 10, null));
        assertTrue(e.getMessage().contains("out.length"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MODEL.paths(S, 0.1, 0, 10, 5, Antithetic.NONE, out, 0, 9, null));
        assertTrue(e.getMessage().startsWith("rowStride must"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MODEL.paths(S, 0.1, -1, 10, 5, Antithetic.NONE, out, 0, 10, null));
        assertThrows(IllegalArgumentException.class,
                () -> MODEL.reduce(S, 0.1, 0, 10, 5, Antithetic.NONE, EnumSet.noneOf(PathReduction.class), out, 0, 10, null));
        assertThrows(NullPointerException.class, () -> MODEL.reduce(S, 0.1, 0, 10, 5, Antithetic.NONE, (PathReduction) null, out, 0, null));
        assertThrows(NullPointerException.class, () -> MODEL.paths(null, 0.1, 0, 10, 5, Antithetic.NONE, out, 0, 10, null));
    }
}
