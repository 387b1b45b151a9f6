package dev.sxn.math.indicators;

import static dev.sxn.math.testing.Tolerance.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties on random inputs: NaN poisons exactly the windows that contain it (window indicators)
 * or the rest of the run with a fresh warm-up after it (recurrences); SMA of a constant; rolling
 * min <= SMA <= rolling max; batched equals one by one.
 *
 * <p>Tolerance where a value is recomputed along a different path (a restarted running sum): 1e-12
 * relative plus 1e-12 absolute (values are O(1..100)).
 */
class IndicatorsPropertiesTest {
    static double[] prices(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            p *= Math.exp(0.01 * (r.nextDouble() - 0.5));
            x[i] = p;
        }
        return x;
    }

    static double[] volumes(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = 1000 + r.nextInt(5000);
        return v;
    }

    static final int N = 10;

    /** Window indicators of window N over one series. */
    static Map<String, Function<double[], double[]>> windowIndicators() {
        Map<String, Function<double[], double[]>> m = new LinkedHashMap<>();
        double[] vol = volumes(9, 400);
        m.put("sma", x -> Indicators.sma(x, N));
        m.put("rollingSum", x -> Indicators.rollingSum(x, N));
        m.put("rollingVar", x -> Indicators.rollingVar(x, N, false));
        m.put("rollingStd", x -> Indicators.rollingStd(x, N, true));
        m.put("rollingMin", x -> Indicators.rollingMin(x, N));
        m.put("rollingMax", x -> Indicators.rollingMax(x, N));
        m.put("wma", x -> Indicators.wma(x, N));
        m.put("zscore", x -> CompositeIndicators.zscore(x, N));
        m.put("vwap", x -> CompositeIndicators.vwap(x, vol, N));
        m.put("bollinger.upper", x -> CompositeIndicators.bollinger(x, N, 2).upper());
        return m;
    }

    /** Recursive indicators: NaN from the NaN on, then a fresh warm-up. */
    static Map<String, Function<double[], double[]>> recurrences() {
        Map<String, Function<double[], double[]>> m = new LinkedHashMap<>();
        m.put("ema", x -> Indicators.ema(x, N));
        m.put("wilder", x -> Indicators.wilder(x, N));
        m.put("dema", x -> CompositeIndicators.dema(x, N));
        m.put("tema", x -> CompositeIndicators.tema(x, N));
        m.put("rsi", x -> Indicators.rsi(x, N));
        m.put("macd", x -> CompositeIndicators.macd(x, 5, 12, 4).histogram());
        m.put("atr", x -> {
            double[] h = x.clone(), l = x.clone();
            for (int i = 0; i < x.length; i++) {
                h[i] = x[i] * 1.01;
                l[i] = x[i] * 0.99;
            }
            return CompositeIndicators.atr(h, l, x, N);
        });
        m.put("obv", x -> Indicators.obv(x, volumes(3, x.length)));
        m.put("vwapCumulative", x -> Indicators.vwapCumulative(x, volumes(4, x.length)));
        m.put("timeEma", x -> {
            double[] t = new double[x.length];
            for (int i = 0; i < t.length; i++) t[i] = i * 1.5;
            return Indicators.timeEma(x, t, 4);
        });
        return m;
    }

    @Test
    void nanPoisonsExactlyTheWindowsContainingIt() {
        double[] clean = prices(1, 400);
        int p = 137;
        double[] dirty = clean.clone();
        dirty[p] = Double.NaN;
        windowIndicators().forEach((name, f) -> {
            double[] a = f.apply(clean), b = f.apply(dirty);
            for (int i = 0; i < a.length; i++) {
                boolean contains = i >= p && i < p + N;
                if (contains) assertTrue(Double.isNaN(b[i]), name + "[" + i + "] must be NaN (window holds the NaN)");
                else assertClose(a[i], b[i], 1e-12, 1e-12, name + "[" + i + "]");
            }
        });
    }

    @Test
    void infinityIsMissingToo() {
        double[] x = prices(2, 100);
        x[50] = Double.POSITIVE_INFINITY;
        double[] s = Indicators.sma(x, 5);
        for (int i = 50; i < 55; i++) assertTrue(Double.isNaN(s[i]), "sma[" + i + "]");
        assertTrue(Double.isFinite(s[55]));
    }

    @Test
    void nanRestartsRecurrencesWithAFreshWarmUp() {
        double[] clean = prices(5, 400);
        int p = 151;
        double[] dirty = clean.clone();
        dirty[p] = Double.NaN;
        double[] tail = Arrays.copyOfRange(clean, p + 1, clean.length);
        recurrences().forEach((name, f) -> {
            double[] a = f.apply(clean), b = f.apply(dirty);
            for (int i = 0; i < p; i++) assertClose(a[i], b[i], 0, 0, name + "[" + i + "] before the NaN");
            assertTrue(Double.isNaN(b[p]), name + "[" + p + "] at the NaN");
            if (name.equals("obv") || name.equals("vwapCumulative")) return; // their volumes differ by index; checked below
            double[] fresh = f.apply(tail);
            for (int i = p + 1; i < b.length; i++) {
                assertClose(fresh[i - p - 1], b[i], 1e-12, 1e-12, name + "[" + i + "] after the NaN");
            }
        });
    }

    @Test
    void obvAndCumulativeVwapRestartAfterNan() {
        double[] x = prices(6, 200), v = volumes(7, 200);
        int p = 80;
        x[p] = Double.NaN;
        double[] obv = Indicators.obv(x, v), cv = Indicators.vwapCumulative(x, v);
        assertTrue(Double.isNaN(obv[p]) && Double.isNaN(cv[p]));
        assertEquals(v[p + 1], obv[p + 1], "obv restarts at the volume");
        assertEquals(x[p + 1], cv[p + 1], 1e-12, "vwap restarts at the price");
    }

    @Test
    void smaOfAConstantIsThatConstant() {
        for (double c : new double[] {0.1, 100.37, -3.3e5, 7}) {
            double[] x = new double[300];
            Arrays.fill(x, c);
            for (int n : new int[] {1, 3, 20, 300}) {
                double[] s = Indicators.sma(x, n);
                for (int i = n - 1; i < x.length; i++) assertClose(c, s[i], 0, 0x1p-52, "sma(" + c + ", " + n + ")[" + i + "]");
                double[] sd = Indicators.rollingStd(x, Math.max(2, n), false);
                for (int i = Math.max(2, n) - 1; i < x.length; i++) assertEquals(0.0, sd[i], "sd of a flat window");
            }
        }
    }

    @Test
    void rollingMinLeSmaLeRollingMax() {
        SplittableRandom r = new SplittableRandom(11);
        for (int trial = 0; trial < 20; trial++) {
            double[] x = new double[50 + r.nextInt(500)];
            for (int i = 0; i < x.length; i++) x[i] = r.nextDouble() * 200 - 100;
            int n = 1 + r.nextInt(x.length);
            double[] lo = Indicators.rollingMin(x, n), s = Indicators.sma(x, n), hi = Indicators.rollingMax(x, n);
            for (int i = n - 1; i < x.length; i++) {
                double slack = 1e-13 * (Math.abs(lo[i]) + Math.abs(hi[i]));
                assertTrue(lo[i] - slack <= s[i] && s[i] <= hi[i] + slack, "min <= sma <= max at " + i);
            }
            // The deque against a naive scan.
            for (int i = n - 1; i < x.length; i++) {
                double mn = Double.POSITIVE_INFINITY, mx = Double.NEGATIVE_INFINITY;
                for (int j = i - n + 1; j <= i; j++) {
                    mn = Math.min(mn, x[j]);
                    mx = Math.max(mx, x[j]);
                }
                assertEquals(mn, lo[i]);
                assertEquals(mx, hi[i]);
            }
        }
    }

    @Test
    void longSeriesRunningSumsStayAccurate() {
        // 10^6 prices: the compensated running sum and the re-summed variance against exact windows.
        double[] x = prices(12, 1_000_000);
        int n = 50;
        double[] s = Indicators.sma(x, n), v = Indicators.rollingVar(x, n, true);
        for (int i = x.length - 2000; i < x.length; i += 97) {
            double m = 0;
            for (int j = i - n + 1; j <= i; j++) m += x[j];
            m /= n;
            double q = 0;
            for (int j = i - n + 1; j <= i; j++) q += (x[j] - m) * (x[j] - m);
            assertClose(m, s[i], 0, 1e-14, "sma[" + i + "]");
            assertClose(q / (n - 1), v[i], 0, 1e-12, "var[" + i + "]");
        }
    }

    /** Prices around 100 whose volatility switches between 1e-2 and 1e-7 relative every 37 steps. */
    static double[] stormAndCalm(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] x = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            double vol = (i / 37) % 2 == 0 ? 1e-2 : 1e-7;
            p *= 1 + vol * (r.nextDouble() - 0.5);
            x[i] = p;
        }
        return x;
    }

    /** The naive two-pass variance of each window (TTR's method), relative error about w u. */
    static double[] twoPassVar(double[] x, int w, int ddof) {
        double[] out = new double[x.length];
        Arrays.fill(out, Double.NaN);
        for (int i = w - 1; i < x.length; i++) {
            double m = 0;
            for (int j = i - w + 1; j <= i; j++) m += x[j];
            m /= w;
            double q = 0;
            for (int j = i - w + 1; j <= i; j++) q += (x[j] - m) * (x[j] - m);
            out[i] = q / (w - ddof);
        }
        return out;
    }

    @Test
    void calmWindowsAfterStormsKeepTheirRelativeAccuracy() {
        // A window 1e-5 times calmer than the one 37 steps before: a sliding update would carry the
        // storm's absolute rounding error into the calm window; the adaptive two-pass must not.
        double[] x = stormAndCalm(3, 5000);
        for (int w : new int[] {2, 5, 20}) {
            // 1e-26 absolute: the window mean's rounding to the price's ulp, see IndicatorsBackendsTest.
            assertClose(twoPassVar(x, w, 1), Indicators.rollingVar(x, w, true), 1e-26, 1e-11, "calm var w=" + w);
        }
    }

    @Test
    void batchedEqualsOneByOne() {
        int k = 7, t = 300;
        double[][] close = new double[k][], high = new double[k][], low = new double[k][], vol = new double[k][];
        for (int a = 0; a < k; a++) {
            close[a] = prices(100 + a, t);
            high[a] = close[a].clone();
            low[a] = close[a].clone();
            for (int i = 0; i < t; i++) {
                high[a][i] *= 1.004;
                low[a][i] *= 0.996;
            }
            vol[a] = volumes(200 + a, t);
        }
        close[3][40] = Double.NaN; // one asset with a gap: its lanes restart, the others do not
        SeriesBatch c = SeriesBatch.of(close), h = SeriesBatch.of(high), l = SeriesBatch.of(low), v = SeriesBatch.of(vol);
        Map<String, SeriesBatch> batched = new LinkedHashMap<>();
        Map<String, Function<Integer, double[]>> single = new LinkedHashMap<>();
        put(batched, single, "sma", Indicators.sma(c, 9), a -> Indicators.sma(close[a], 9));
        put(batched, single, "rollingSum", Indicators.rollingSum(c, 9), a -> Indicators.rollingSum(close[a], 9));
        put(batched, single, "rollingVar", Indicators.rollingVar(c, 9, true), a -> Indicators.rollingVar(close[a], 9, true));
        put(batched, single, "rollingStd", Indicators.rollingStd(c, 9, false), a -> Indicators.rollingStd(close[a], 9, false));
        put(batched, single, "zscore", CompositeIndicators.zscore(c, 9), a -> CompositeIndicators.zscore(close[a], 9));
        put(batched, single, "rollingMin", Indicators.rollingMin(c, 9), a -> Indicators.rollingMin(close[a], 9));
        put(batched, single, "rollingMax", Indicators.rollingMax(c, 9), a -> Indicators.rollingMax(close[a], 9));
        put(batched, single, "ema", Indicators.ema(c, 9), a -> Indicators.ema(close[a], 9));
        put(batched, single, "wilder", Indicators.wilder(c, 9), a -> Indicators.wilder(close[a], 9));
        put(batched, single, "wma", Indicators.wma(c, 9), a -> Indicators.wma(close[a], 9));
        put(batched, single, "dema", CompositeIndicators.dema(c, 9), a -> CompositeIndicators.dema(close[a], 9));
        put(batched, single, "tema", CompositeIndicators.tema(c, 9), a -> CompositeIndicators.tema(close[a], 9));
        put(batched, single, "rsi", Indicators.rsi(c, 14), a -> Indicators.rsi(close[a], 14));
        put(batched, single, "macd.signal", CompositeIndicators.macd(c, 12, 26, 9).signal(),
                a -> CompositeIndicators.macd(close[a], 12, 26, 9).signal());
        put(batched, single, "bollinger.lower", CompositeIndicators.bollinger(c, 20, 2).lower(),
                a -> CompositeIndicators.bollinger(close[a], 20, 2).lower());
        put(batched, single, "atr", CompositeIndicators.atr(h, l, c, 14),
                a -> CompositeIndicators.atr(high[a], low[a], close[a], 14));
        put(batched, single, "vwap", CompositeIndicators.vwap(c, v, 10), a -> CompositeIndicators.vwap(close[a], vol[a], 10));
        put(batched, single, "vwapCumulative", Indicators.vwapCumulative(c, v), a -> Indicators.vwapCumulative(close[a], vol[a]));
        put(batched, single, "obv", Indicators.obv(c, v), a -> Indicators.obv(close[a], vol[a]));
        put(batched, single, "stochastic.d", CompositeIndicators.stochastic(h, l, c, 14, 3).d(),
                a -> CompositeIndicators.stochastic(high[a], low[a], close[a], 14, 3).d());
        double[] time = new double[t];
        for (int i = 0; i < t; i++) time[i] = i + 0.25 * (i % 3);
        put(batched, single, "timeEma", Indicators.timeEma(c, time, 6), a -> Indicators.timeEma(close[a], time, 6));
        batched.forEach((name, b) -> {
            for (int a = 0; a < k; a++) assertClose(single.get(name).apply(a), b.series(a), 1e-12, 1e-12, name + " asset " + a);
        });
    }

    private static void put(Map<String, SeriesBatch> b, Map<String, Function<Integer, double[]>> s, String name, SeriesBatch batch,
                            Function<Integer, double[]> one) {
        b.put(name, batch);
        s.put(name, one);
    }

    @Test
    void intoFormsEqualAllocatingForms() {
        double[] x = prices(21, 200), out = new double[200];
        Indicators.smaInto(x, 7, out);
        assertClose(Indicators.sma(x, 7), out, 0, 0, "smaInto");
        Indicators.emaInto(x, 7, out);
        assertClose(Indicators.ema(x, 7), out, 0, 0, "emaInto");
        Indicators.rsiInto(x, 7, out);
        assertClose(Indicators.rsi(x, 7), out, 0, 0, "rsiInto");
        Indicators.rollingStdInto(x, 7, true, out);
        assertClose(Indicators.rollingStd(x, 7, true), out, 0, 0, "rollingStdInto");
        Indicators.wmaInto(x, 7, out);
        assertClose(Indicators.wma(x, 7), out, 0, 0, "wmaInto");
        Macd m = new Macd(new double[200], new double[200], new double[200]);
        CompositeIndicators.macdInto(x, 5, 11, 3, m);
        assertClose(CompositeIndicators.macd(x, 5, 11, 3).histogram(), m.histogram(), 0, 0, "macdInto");
    }

    @Test
    void priceMatrixRowsAndNaN() {
        SeriesBatch p = SeriesBatch.of(new double[] {100, 110, 99}, new double[] {50, 50, Double.NaN}, new double[] {10, 12, 9});
        SeriesBatch d = PriceMatrices.delta(p), dp = PriceMatrices.deltaPercent(p), dc = PriceMatrices.deltaPercentChange(p);
        assertTrue(Double.isNaN(d.get(0, 0)));
        assertEquals(10, d.get(0, 1), 1e-12);
        assertEquals(10, dp.get(0, 1), 1e-12);
        assertEquals(20, dp.get(2, 1), 1e-12);
        assertEquals(-10 - 10, dc.get(0, 2), 1e-12);
        assertTrue(Double.isNaN(dp.get(1, 2)));
        SeriesBatch z = PriceMatrices.crossSectionalZScore(dp);
        // Row 1: deltas % {10, 0, 20}: mean 10, population sd sqrt(200/3).
        assertEquals(0, z.get(0, 1), 1e-12);
        assertEquals(-10 / Math.sqrt(200 / 3.0), z.get(1, 1), 1e-12);
        assertTrue(Double.isNaN(z.get(0, 0)), "row 0 is all NaN");
    }
}
