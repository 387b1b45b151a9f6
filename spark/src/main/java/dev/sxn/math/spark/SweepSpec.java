package dev.sxn.math.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A parameter sweep: one strategy, a price panel (assets x bars of closes, all of equal length) and a grid of
 * parameter sets; set {@code i} has id {@code i}.
 *
 * @param strategy the strategy backtested
 * @param closes {@code closes[a]} is asset a's closes
 * @param grid the parameter sets
 * @param periodsPerYear bars per year for the annualised metrics
 * @param topK how many best sets (by Sharpe ratio, ties by id) come back to the driver
 * @param partitions partitions the sets are spread over (0: default parallelism)
 */
public record SweepSpec(SweepStrategy strategy, double[][] closes, List<double[]> grid, double periodsPerYear, int topK, int partitions)
        implements Serializable {

    /** Checks the panel and every set. */
    public SweepSpec {
        SparkChecks.notNull(strategy, "strategy");
        SparkChecks.notNull(closes, "closes");
        SparkChecks.notNull(grid, "grid");
        SparkChecks.atLeast(closes.length, "closes.length (assets)", 1);
        int t = closes[0].length;
        SparkChecks.atLeast(t, "closes[0].length (bars)", 3);
        for (int a = 0; a < closes.length; a++) {
            if (closes[a].length != t) throw SparkChecks.invalid("closes[" + a + "].length", closes[a].length, "be " + t + " (as closes[0])");
            for (int i = 0; i < t; i++) {
                if (!(closes[a][i] > 0) || !Double.isFinite(closes[a][i])) throw SparkChecks.invalid("closes[" + a + "][" + i + "]", closes[a][i], "be positive and finite");
            }
        }
        grid = List.copyOf(grid);
        SparkChecks.atLeast(grid.size(), "grid.size()", 1);
        for (int i = 0; i < grid.size(); i++) strategy.check(i, grid.get(i), t);
        SparkChecks.positive(periodsPerYear, "periodsPerYear");
        SparkChecks.atLeast(topK, "topK", 1);
        SparkChecks.atLeast(partitions, "partitions", 0);
    }

    /** Every (fast, slow) pair with fast < slow from the two lists, fast-major. */
    public static List<double[]> maGrid(int[] fasts, int[] slows) {
        List<double[]> g = new ArrayList<>();
        for (int f : fasts) for (int s : slows) if (f < s) g.add(new double[] {f, s});
        return g;
    }

    /** Every (window, lower, upper) with lower < upper from the three lists, window-major. */
    public static List<double[]> rsiGrid(int[] windows, double[] lowers, double[] uppers) {
        List<double[]> g = new ArrayList<>();
        for (int w : windows) for (double lo : lowers) for (double hi : uppers) if (lo < hi) g.add(new double[] {w, lo, hi});
        return g;
    }
}
