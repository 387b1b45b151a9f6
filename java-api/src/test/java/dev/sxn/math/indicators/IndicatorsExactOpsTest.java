package dev.sxn.math.indicators;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The branch-free rolling max/min (van Herk / Gil-Werman on integer keys) and OBV against the
 * algorithms they replaced (the monotonic deque and the if/else OBV, copied here verbatim) and a
 * brute-force window scan. Tolerance 0, compared bit for bit (so -0.0 differs from +0.0): these
 * operations select or add inputs exactly, so any difference is a bug. Inputs draw from a small
 * pool to force ties, both signed zeros, NaN, +-Inf and +-1e308 (an OBV that overflows to
 * Inf), over all windows 1..n, and as batches of several assets. The running-sum WMA against the
 * per-window sum it replaced, within its stated error bound.
 */
class IndicatorsExactOpsTest {
    private static final double[] POOL = {
        0.0, -0.0, 1, 1, -1, 2, 2.5, -2.5, 3, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e308, -1e308
    };

    private static double[] tricky(SplittableRandom r, int n, int missingOneIn) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            double v = POOL[r.nextInt(POOL.length)];
            if (!Double.isFinite(v) && r.nextInt(missingOneIn) != 0) v = r.nextBoolean() ? 0.0 : -0.0;
            x[i] = v;
        }
        return x;
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            long e = Double.doubleToRawLongBits(expected[i]), a = Double.doubleToRawLongBits(actual[i]);
            if (Double.isNaN(expected[i]) && Double.isNaN(actual[i])) continue;
            double ev = expected[i], av = actual[i];
            int at = i;
            assertEquals(e, a, () -> what + " differs at " + at + ": expected " + ev + " was " + av);
        }
    }

    /** The monotonic deque of the previous version (newest of equal values kept). */
    private static double[] deque(double[] x, int w, boolean max) {
        int t = x.length;
        double[] out = new double[t];
        int[] dq = new int[w];
        int head = 0, size = 0, run = 0;
        for (int i = 0; i < t; i++) {
            double v = x[i];
            if (!Double.isFinite(v)) {
                run = 0;
                size = 0;
                out[i] = Double.NaN;
                continue;
            }
            run++;
            if (size > 0 && dq[head] <= i - w) {
                head = head + 1 == w ? 0 : head + 1;
                size--;
            }
            while (size > 0) {
                int tail = head + size - 1;
                if (tail >= w) tail -= w;
                double tv = x[dq[tail]];
                if (max ? tv <= v : tv >= v) size--;
                else break;
            }
            int slot = head + size;
            if (slot >= w) slot -= w;
            dq[slot] = i;
            size++;
            out[i] = run >= w ? x[dq[head]] : Double.NaN;
        }
        return out;
    }

    /** Brute force: NaN if the window is short or holds a non-finite value, else its newest extreme. */
    private static double[] scan(double[] x, int w, boolean max) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = Double.NaN;
            if (i < w - 1) continue;
            double best = Double.NaN;
            boolean ok = true;
            for (int j = i - w + 1; j <= i; j++) {
                if (!Double.isFinite(x[j])) ok = false;
                else if (Double.isNaN(best) || (max ? x[j] >= best : x[j] <= best)) best = x[j];
            }
            if (ok) out[i] = best;
        }
        return out;
    }

    private static double[] obvBranches(double[] price, double[] volume) {
        double[] out = new double[price.length];
        int run = 0;
        double acc = 0, prev = 0;
        for (int i = 0; i < price.length; i++) {
            double pr = price[i], vo = volume[i];
            if (!Double.isFinite(pr) || !Double.isFinite(vo)) {
                run = 0;
                out[i] = Double.NaN;
                continue;
            }
            run++;
            if (run == 1) acc = vo;
            else if (pr > prev) acc += vo;
            else if (pr < prev) acc -= vo;
            prev = pr;
            out[i] = acc;
        }
        return out;
    }

    @Test
    void rollingMaxMinEqualDequeAndScanBitForBit() {
        SplittableRandom r = new SplittableRandom(11);
        for (int rep = 0; rep < 400; rep++) {
            int n = 1 + r.nextInt(rep < 300 ? 60 : 400);
            double[] x = tricky(r, n, 1 + r.nextInt(8));
            for (int w = 1; w <= n; w += rep < 300 ? 1 : 1 + r.nextInt(17)) {
                String at = " n=" + n + " w=" + w + " rep=" + rep;
                double[] mx = Indicators.rollingMax(x, w), mn = Indicators.rollingMin(x, w);
                assertBits(deque(x, w, true), mx, "max vs deque" + at);
                assertBits(deque(x, w, false), mn, "min vs deque" + at);
                assertBits(scan(x, w, true), mx, "max vs scan" + at);
                assertBits(scan(x, w, false), mn, "min vs scan" + at);
            }
        }
    }

    @Test
    void rollingMaxMinOnRandomWalkAcrossManyBlocks() {
        double[] clean = IndicatorsPropertiesTest.prices(5, 20_011), x = clean.clone();
        for (int i = 97; i < x.length; i += 1013) x[i] = Double.NaN;
        double[] zero = clean.clone(), inf = clean.clone(), max = clean.clone();
        zero[15_000] = -0.0;
        inf[15_000] = Double.NEGATIVE_INFINITY;
        max[15_000] = -Double.MAX_VALUE; // finite: must not take the fix-up path's NaN
        for (int w : new int[] {1, 2, 3, 14, 20, 64, 1000}) {
            for (double[] y : new double[][] {clean, x, zero, inf, max}) {
                assertBits(deque(y, w, true), Indicators.rollingMax(y, w), "max w=" + w);
                assertBits(deque(y, w, false), Indicators.rollingMin(y, w), "min w=" + w);
            }
        }
    }

    @Test
    void obvEqualsBranchesBitForBit() {
        SplittableRandom r = new SplittableRandom(12);
        for (int rep = 0; rep < 2000; rep++) {
            int n = 1 + r.nextInt(80);
            double[] p = tricky(r, n, 1 + r.nextInt(8)), v = tricky(r, n, 1 + r.nextInt(8));
            assertBits(obvBranches(p, v), Indicators.obv(p, v), "obv rep=" + rep);
        }
        double[] p = IndicatorsPropertiesTest.prices(6, 10_000), v = IndicatorsPropertiesTest.volumes(7, 10_000);
        for (int i = 0; i < p.length; i += 7) p[i] = p[i - (i > 0 ? 1 : 0)]; // equal prices
        assertBits(obvBranches(p, v), Indicators.obv(p, v), "obv random walk");
    }

    /** The O(w) per-window WMA of the previous version (error <= about w u max|x|). */
    private static double[] wmaPerWindow(double[] x, int w) {
        double[] out = new double[x.length];
        double wsum = w * (w + 1.0) / 2.0;
        int run = 0;
        for (int i = 0; i < x.length; i++) {
            run = Double.isFinite(x[i]) ? run + 1 : 0;
            if (run < w) {
                out[i] = Double.NaN;
                continue;
            }
            double s = 0;
            for (int j = 0; j < w; j++) s += (j + 1) * x[i - w + 1 + j];
            out[i] = s / wsum;
        }
        return out;
    }

    /**
     * The running-sum WMA against the per-window sum on long series (across many re-sums, NaN
     * restarts, prices near 100 and returns around 0): |diff| <= 1e-12 max|x|, above the stated
     * bound (about 680 u max|x| = 1.5e-13 max|x| at w = 20, 6 w u for w >= 64) plus the per-window
     * sum's own w u max|x|.
     */
    @Test
    void wmaRunningSumsStayWithinTheBound() {
        double[] prices = IndicatorsPropertiesTest.prices(8, 30_011);
        double[] rets = new double[prices.length];
        for (int i = 1; i < rets.length; i++) rets[i] = prices[i] / prices[i - 1] - 1;
        for (int i = 5000; i < prices.length; i += 7919) prices[i] = rets[i] = Double.NaN;
        for (double[] x : new double[][] {prices, rets}) {
            double m = 0;
            for (double v : x) if (Double.isFinite(v)) m = Math.max(m, Math.abs(v));
            for (int w : new int[] {1, 2, 5, 20, 63, 64, 65, 200}) {
                double[] e = wmaPerWindow(x, w), a = Indicators.wma(x, w);
                for (int i = 0; i < x.length; i++) {
                    if (Double.isNaN(e[i])) {
                        assertEquals(true, Double.isNaN(a[i]), "wma NaN at " + i + " w=" + w);
                        continue;
                    }
                    double tol = 1e-12 * m;
                    if (Math.abs(e[i] - a[i]) > tol) {
                        throw new AssertionError("wma w=" + w + " at " + i + ": " + e[i] + " vs " + a[i] + " (tol " + tol + ")");
                    }
                }
            }
        }
    }

    /** Stochastics build %K and %D in the output arrays, so those must not be the inputs. */
    @Test
    void stochasticOutputsMustNotAliasTheInputs() {
        double[] h = IndicatorsPropertiesTest.prices(9, 50), l = h.clone(), c = h.clone(), d = new double[50];
        for (int i = 0; i < 50; i++) l[i] -= 1;
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CompositeIndicators.stochasticInto(h, l, c, 14, 3, new Stochastic(h, d)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("out.k") && e.getMessage().contains("high"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> CompositeIndicators.stochasticInto(h, l, c, 14, 3, new Stochastic(d, l)));
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("out.d") && e.getMessage().contains("low"), e.getMessage());
        Stochastic fresh = CompositeIndicators.stochastic(h, l, c, 14, 3), into = new Stochastic(new double[50], d);
        CompositeIndicators.stochasticInto(h, l, c, 14, 3, into);
        assertBits(fresh.k(), into.k(), "stochastic %K Into");
        assertBits(fresh.d(), into.d(), "stochastic %D Into");
    }

    /** The per-step formula of the previous version: expm1 at every step. */
    private static double[] timeEmaPerStep(double[] x, double[] time, double tau) {
        double[] out = new double[x.length];
        boolean live = false;
        double v = 0, last = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                live = false;
                out[i] = Double.NaN;
                continue;
            }
            if (!live) {
                v = x[i];
                live = true;
            } else {
                v += -Math.expm1(-(time[i] - last) / tau) * (x[i] - v);
            }
            last = time[i];
            out[i] = v;
        }
        return out;
    }

    /** Reusing the weight of a repeated step (and across assets) gives the per-step values bit for bit. */
    @Test
    void timeEmaReusesWeightsExactly() {
        SplittableRandom r = new SplittableRandom(14);
        int t = 3000, k = 5;
        double[] time = new double[t];
        double tm = 0;
        for (int i = 0; i < t; i++) {
            tm += switch (r.nextInt(4)) { case 0 -> 0.0; case 1 -> 1.0; case 2 -> 1.0; default -> r.nextDouble() * 3; };
            time[i] = tm;
        }
        double[][] xs = new double[k][];
        for (int a = 0; a < k; a++) {
            xs[a] = IndicatorsPropertiesTest.prices(20 + a, t);
            for (int i = 17 * (a + 1); i < t; i += 211 + 13 * a) xs[a][i] = a % 2 == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        SeriesBatch b = Indicators.timeEma(SeriesBatch.of(xs), time, 7.5);
        for (int a = 0; a < k; a++) {
            double[] e = timeEmaPerStep(xs[a], time, 7.5);
            assertBits(e, Indicators.timeEma(xs[a], time, 7.5), "timeEma single a=" + a);
            assertBits(e, b.series(a), "timeEma batch a=" + a);
        }
    }

    @Test
    void batchesEqualOneByOneBitForBit() {
        SplittableRandom r = new SplittableRandom(13);
        for (int k : new int[] {2, 3, 7, 16}) {
            int t = 50 + r.nextInt(150);
            double[][] xs = new double[k][], vs = new double[k][];
            for (int a = 0; a < k; a++) {
                xs[a] = tricky(r, t, 1 + r.nextInt(10));
                vs[a] = tricky(r, t, 1 + r.nextInt(10));
            }
            SeriesBatch xb = SeriesBatch.of(xs), vb = SeriesBatch.of(vs);
            for (int w : new int[] {1, 2, 5, 14, t}) {
                SeriesBatch mx = Indicators.rollingMax(xb, w), mn = Indicators.rollingMin(xb, w);
                for (int a = 0; a < k; a++) {
                    assertBits(deque(xs[a], w, true), mx.series(a), "batch max k=" + k + " a=" + a + " w=" + w);
                    assertBits(deque(xs[a], w, false), mn.series(a), "batch min k=" + k + " a=" + a + " w=" + w);
                }
            }
            for (int w : new int[] {1, 3, 14}) {
                SeriesBatch wb = Indicators.wma(xb, w);
                for (int a = 0; a < k; a++) assertBits(Indicators.wma(xs[a], w), wb.series(a), "batch wma k=" + k + " a=" + a + " w=" + w);
            }
            SeriesBatch ob = Indicators.obv(xb, vb);
            for (int a = 0; a < k; a++) assertBits(obvBranches(xs[a], vs[a]), ob.series(a), "batch obv k=" + k + " a=" + a);
        }
    }
}
