package dev.sxn.math.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The backtests without Spark, against a plain loop. */
class SweepKernelTest {

    static double[][] panel(int assets, int bars) {
        return SparkFixtures.assets(assets, 99, bars).stream().map(AssetBars::close).toArray(double[][]::new);
    }

    @Test
    void maCrossoverMatchesAPlainLoop() {
        double[][] c = panel(4, 260);
        SweepSpec s = new SweepSpec(SweepStrategy.MA_CROSSOVER, c, SweepSpec.maGrid(new int[] {5, 10}, new int[] {20, 50}), 252, 2, 0);
        List<SweepRow> rows = SweepKernel.local(s);
        assertEquals(4, rows.size());
        SweepRow r = rows.get(1); // fast 5, slow 50
        int t = c[0].length;
        double[] port = new double[t - 1];
        long trades = 0;
        for (double[] x : c) {
            boolean on = false;
            for (int i = 0; i < t - 1; i++) {
                boolean next = i >= 49 && mean(x, i, 5) > mean(x, i, 50);
                if (next != on) trades++;
                on = next;
                if (on) port[i] += (x[i + 1] / x[i] - 1) / c.length;
            }
        }
        double m = 0;
        for (double v : port) m += v;
        m /= port.length;
        double ss = 0;
        for (double v : port) ss += (v - m) * (v - m);
        double sharpe = m / Math.sqrt(ss / (port.length - 1)) * Math.sqrt(252);
        assertEquals(trades, r.trades());
        assertEquals(sharpe, r.sharpe(), 1e-9 * Math.abs(sharpe));
        double eq = 1, peak = 1, mdd = 0;
        for (double v : port) {
            eq *= 1 + v;
            peak = Math.max(peak, eq);
            mdd = Math.max(mdd, 1 - eq / peak);
        }
        assertEquals(mdd, r.maxDrawdown(), 1e-12);
    }

    private static double mean(double[] x, int end, int w) {
        double s = 0;
        for (int j = end - w + 1; j <= end; j++) s += x[j];
        return s / w;
    }

    @Test
    void topIsBestSharpeFirstWithTiesById() {
        SweepRow a = new SweepRow(0, new double[0], 1.0, 0, 0, 0), b = new SweepRow(1, new double[0], Double.NaN, 0, 0, 0),
                c = new SweepRow(2, new double[0], 2.0, 0, 0, 0), d = new SweepRow(3, new double[0], 1.0, 0, 0, 0);
        List<SweepRow> top = SweepKernel.top(List.of(a, b, c, d), 3);
        assertEquals(List.of(2, 0, 3), top.stream().map(SweepRow::id).toList());
    }

    @Test
    void badGridNamesTheSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SweepSpec(SweepStrategy.MA_CROSSOVER, panel(2, 50), List.of(new double[] {5, 20}, new double[] {30, 10}), 252, 1, 0));
        assertTrue(e.getMessage().startsWith("grid[1][1] (slow window) must be an integer in (fast, 49]"), e.getMessage());
    }
}
