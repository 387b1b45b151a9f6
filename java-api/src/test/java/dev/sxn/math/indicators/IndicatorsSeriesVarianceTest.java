package dev.sxn.math.indicators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.SxnNative;
import dev.sxn.math.testing.BackendSupport;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The single-series rolling variance / std family: NATIVE's AVX-512 eight-lane blocks (windows 16..96,
 * runs of 16, 24 or 32 outputs per lane, blocks of 8 runs after the first w rounded up to 8 outputs) and
 * the automatic choice. Series lengths around the block span, NaN / infinities at run and block
 * boundaries, flat runs over whole runs and inside a run (exactly 0), a 2^34 level jump and a storm then a calm inside
 * one block, against the naive two-pass: variance within 1e-11 relative (+ 1e-27 w absolute), std
 * within 1e-11 relative (+ 1e-14 absolute); the stated bounds are 2^-40 + 2 ulps and about 2^-41 +
 * 3 ulps, so this tolerance is loose by design and still catches a wrong block check.
 */
class IndicatorsSeriesVarianceTest {
    private static final int[] WINDOWS = {16, 17, 19, 20, 23, 24, 27, 28, 31, 33, 40, 41, 63, 64, 96, 97};

    private static int run(int w) {
        return w < 20 ? 16 : w < 28 ? 24 : 32;
    }

    private static double[] series(int t, int w, long seed, int variant) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[t];
        double p = 100;
        for (int i = 0; i < t; i++) {
            p *= 1 + 3e-3 * (r.nextDouble() - 0.5);
            x[i] = p;
        }
        int b = run(w), w8 = (w + 7) / 8 * 8, j0 = w8 + 8 * b;
        if (variant == 0) {
            for (int i = j0 + 2 * b; i < Math.min(t, j0 + 4 * b); i++) x[i] = 0x1p34 * (1 + 1e-3 * r.nextDouble());
            for (int i = Math.max(0, j0 + 5 * b - w); i < Math.min(t, j0 + 7 * b); i++) x[i] = 77.25;
            for (int i = j0 + 7 * b; i < Math.min(t, j0 + 8 * b); i++) x[i] = 100 + (i - j0 - 7 * b < b / 2 ? 10.0 : 1e-8) * r.nextDouble();
            // flat inside a run of the third block: the lane's shift is not 55.5, so its M2 there is
            // rounding noise, not 0, and the lane check must send it to the fallback
            for (int i = j0 + 8 * b + 4 * b + 2; i < Math.min(t, j0 + 8 * b + 4 * b + 2 + w + 4); i++) x[i] = 55.5;
        } else if (variant == 1) {
            int[] marks = {w8, w8 + b, w8 + b - 1, j0, j0 - 1, j0 + 3 * b - w, j0 + 3 * b - w - 1, j0 + 8 * b + 5 * b + 7, t - 1, t - w};
            for (int m = 0; m < marks.length; m++) {
                if (marks[m] >= 0 && marks[m] < t) x[marks[m]] = m % 3 == 0 ? Double.NaN : m % 3 == 1 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            }
        }
        return x;
    }

    /** Two-pass variance (divisor w - ddof), NaN for a window with a non-finite value, 0 for a flat one. */
    private static double[] twoPass(double[] x, int w, int ddof) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            if (i < w - 1) {
                out[i] = Double.NaN;
                continue;
            }
            double s = 0;
            boolean bad = false, flat = true;
            for (int j = i - w + 1; j <= i; j++) {
                s += x[j];
                bad |= !Double.isFinite(x[j]);
                flat &= x[j] == x[i];
            }
            if (bad) {
                out[i] = Double.NaN;
                continue;
            }
            double m = s / w, q = 0;
            for (int j = i - w + 1; j <= i; j++) q += (x[j] - m) * (x[j] - m);
            out[i] = flat ? 0 : q / (w - ddof);
        }
        return out;
    }

    private static void check(double[] want, double[] got, double atol, String what) {
        assertEquals(want.length, got.length, what);
        for (int i = 0; i < want.length; i++) {
            String at = what + " [" + i + "]";
            if (Double.isNaN(want[i])) {
                assertTrue(Double.isNaN(got[i]), at + ": want NaN, got " + got[i]);
            } else if (want[i] == 0) {
                assertEquals(0.0, got[i], 0.0, at + ": flat window must be exactly 0");
            } else {
                assertTrue(Math.abs(got[i] - want[i]) <= atol + 1e-11 * Math.abs(want[i]), at + ": want " + want[i] + ", got " + got[i]);
            }
        }
    }

    /** The family's kinds with their own single-series variance (OPENCL runs its batched kernel, tested elsewhere). */
    static Stream<Backend> cpuKinds() {
        return BackendSupport.kinds(KernelFamilies.INDICATORS_SERIES_VARIANCE).filter(kind -> kind != Backend.OPENCL);
    }

    @ParameterizedTest
    @MethodSource("cpuKinds")
    void laneBlocksAgreeWithTwoPass(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int w : WINDOWS) {
            int w8 = (w + 7) / 8 * 8, span = 8 * run(w);
            for (int t : new int[] {w, w + 1, w8, w8 + 1, w8 + span - 1, w8 + span, w8 + span + 1, w8 + 3 * span + 5, w8 + 4 * span + 7}) {
                for (int v = 0; v < 3; v++) {
                    double[] x = series(t, w, 1000L * w + t + v, v);
                    String what = kind + " w=" + w + " t=" + t + " variant " + v;
                    double[] pop = twoPass(x, w, 0), smp = twoPass(x, w, 1);
                    double[] sd = new double[t];
                    for (int i = 0; i < t; i++) sd[i] = Math.sqrt(smp[i]);
                    check(pop, Indicators.on(kind).rollingVar(x, w, false), 1e-27 * w, what + " var");
                    check(sd, Indicators.on(kind).rollingStd(x, w, true), 1e-14, what + " sample std");
                }
            }
        }
    }

    @Test
    void automaticChoiceTakesNativeLanesOnAvx512() {
        String d = String.join("\n", dev.sxn.math.backend.Backends.operations());
        assertTrue(d.contains("indicators.Indicators.seriesVariance"), d);
        double[] x = series(100_000, 20, 7, 2);
        double[] auto = Indicators.rollingStd(x, 20, false);
        check(twoPass(x, 20, 0), Indicators.rollingVar(x, 20, false), 1e-26, "auto var");
        SxnNative.Library lib = SxnNative.library();
        if (lib != null && lib.isa().equals("AVX-512") && Backends.isAvailable(Backend.NATIVE) && Backends.forced().isEmpty()) {
            assertArrayEquals(Indicators.on(Backend.NATIVE).rollingStd(x, 20, false), auto, "auto std(20) on 10^5 points is NATIVE's");
        }
    }
}
