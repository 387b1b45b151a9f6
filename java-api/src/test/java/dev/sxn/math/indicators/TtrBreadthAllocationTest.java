package dev.sxn.math.indicators;

import dev.sxn.math.testing.Allocations;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The TTR breadth indicators return new output arrays and allocate nothing else proportional to the input once a
 * thread is warm: their temporaries (ADX's five, DVI's five, Yang-Zhang's four, ...) are per-thread scratch. The
 * budget per call is the outputs' bytes plus 16 KiB; one temporary of the 10^5-point series is 800 KB, so an
 * indicator that allocated a temporary per call would fail.
 */
class TtrBreadthAllocationTest {
    private static final int N = 100_000;
    private static final long ALLOWANCE = 16 * 1024;

    private static long outputs(int lines) {
        return lines * (8L * N + 16);
    }

    @Test
    void onlyTheOutputsAreAllocatedOnceWarm() {
        SplittableRandom r = new SplittableRandom(22);
        double[] o = new double[N], h = new double[N], l = new double[N], c = new double[N], v = new double[N];
        double p = 100;
        for (int i = 0; i < N; i++) {
            o[i] = p;
            p *= Math.exp(0.01 * (r.nextDouble() - 0.5));
            c[i] = p;
            h[i] = Math.max(o[i], p) * 1.001;
            l[i] = Math.min(o[i], p) * 0.999;
            v[i] = 1000 + r.nextInt(10_000);
        }
        Allocations.assertUnder("adx", () -> TrendIndicators.adx(h, l, c, 14), outputs(4) + ALLOWANCE);
        Allocations.assertUnder("dvi", () -> Oscillators.dvi(c, 252), outputs(3) + ALLOWANCE);
        Allocations.assertUnder("yang-zhang", () -> VolatilityEstimators.volatility(o, h, l, c, 10,
                VolatilityEstimators.Method.YANG_ZHANG, 260), outputs(1) + ALLOWANCE);
        Allocations.assertUnder("cci", () -> Oscillators.cci(h, l, c, 20, 0.015), outputs(1) + ALLOWANCE);
        Allocations.assertUnder("keltner", () -> Channels.keltner(h, l, c, 20, 2), outputs(3) + ALLOWANCE);
        SeriesBatch hb = SeriesBatch.wrap(10, N / 10, h), lb = SeriesBatch.wrap(10, N / 10, l);
        SeriesBatch cb = SeriesBatch.wrap(10, N / 10, c), vb = SeriesBatch.wrap(10, N / 10, v);
        Allocations.assertUnder("mfi batch", () -> VolumeIndicators.mfi(hb, lb, cb, vb, 14), outputs(1) + ALLOWANCE);
    }
}
