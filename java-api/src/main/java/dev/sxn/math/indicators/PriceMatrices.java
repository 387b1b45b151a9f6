package dev.sxn.math.indicators;

import java.util.Arrays;

/**
 * Operations on a price matrix: one row per cycle and one column per asset, held as a time-major
 * {@link SeriesBatch} (row i is time step i, so a cycle-based engine appends a row per cycle without a
 * transpose). Per-cycle deltas along time and a cross-sectional z-score across the assets of each row.
 *
 * <p>Plain Java (each is one pass, memory-bound). Non-finite entries follow IEEE arithmetic in the deltas and
 * are left out of a row's statistics in the z-score, as each method says. Stateless and thread-safe; O(k t).
 */
public final class PriceMatrices {
    private PriceMatrices() {}

    /**
     * Per-cycle delta: {@code d[i][a] = p[i][a] - p[i-1][a]}; row 0 is NaN.
     *
     * @throws NullPointerException if prices is null
     */
    public static SeriesBatch delta(SeriesBatch prices) {
        SeriesBatch out = Shapes.like(prices, "prices");
        JavaOnlyKernels.delta(prices.data(), prices.assets(), prices.length(), 1, false, out.data());
        return out;
    }

    /**
     * Per-cycle delta in percent: {@code 100 (p[i][a] - p[i-1][a]) / p[i-1][a]}; row 0 is NaN, a zero previous
     * price gives an IEEE infinity (or NaN for 0/0).
     *
     * @throws NullPointerException if prices is null
     */
    public static SeriesBatch deltaPercent(SeriesBatch prices) {
        SeriesBatch out = Shapes.like(prices, "prices");
        JavaOnlyKernels.delta(prices.data(), prices.assets(), prices.length(), 1, true, out.data());
        return out;
    }

    /**
     * The frame-to-frame change of {@link #deltaPercent(SeriesBatch) delta percent}: {@code deltaPercent[i] -
     * deltaPercent[i-1]}, in percentage points; rows 0 and 1 are NaN.
     *
     * @throws NullPointerException if prices is null
     */
    public static SeriesBatch deltaPercentChange(SeriesBatch prices) {
        SeriesBatch pct = deltaPercent(prices);
        SeriesBatch out = prices.like();
        JavaOnlyKernels.delta(pct.data(), prices.assets(), prices.length(), 1, false, out.data());
        if (prices.length() > 1) Arrays.fill(out.data(), 0, prices.assets() * 2, Double.NaN);
        return out;
    }

    /**
     * Cross-sectional z-score: each row (cycle) normalised over its assets, {@code (v - mean) / sd} with the mean
     * and population standard deviation of the row's finite entries (the row is the whole population being
     * ranked, not a sample). Non-finite entries stay NaN; a row with fewer than two finite entries or no spread is
     * all NaN.
     *
     * @throws NullPointerException if m is null
     */
    public static SeriesBatch crossSectionalZScore(SeriesBatch m) {
        SeriesBatch out = Shapes.like(m, "m");
        crossSectionalZScoreInto(m, out);
        return out;
    }

    /**
     * {@link #crossSectionalZScore(SeriesBatch)} into {@code out}, allocating nothing.
     *
     * @throws IllegalArgumentException if out's shape differs from m's or it shares m's array
     */
    public static void crossSectionalZScoreInto(SeriesBatch m, SeriesBatch out) {
        Shapes.out(out, "out", m, "m");
        JavaOnlyKernels.crossSectionalZ(m.data(), m.assets(), m.length(), out.data());
    }
}
