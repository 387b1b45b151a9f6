package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;
import java.util.Arrays;

/**
 * Monte Carlo value at risk and expected shortfall of a portfolio of positions in the assets of a
 * {@link GbmCorrelated} model over a horizon. Scenario p is path p of the stream, simulated exactly in one step
 * of length {@code horizon} ({@link GbmCorrelated#terminal}); its loss is
 * {@code L_p = sum_i q_i (S_i(0) - S_i(horizon))} (positions {@code q_i} in units of each asset; negative for
 * short). Definitions (the risk domain's): {@code VaR_alpha} = the alpha-quantile of the losses by linear
 * interpolation between order statistics (R's type 7: {@code h = (n - 1) alpha}); {@code ES_alpha} = the mean of
 * the losses {@code >= VaR_alpha}; both positive for losses. Model drifts are real-world drifts for risk.
 *
 * <p>Plain Java; O(paths d^2) to simulate and O(paths log paths) to sort; memory O(paths) for the losses (a
 * quantile needs them all). Reproducible: the same arguments give the same bits.
 */
public final class PortfolioRisk {
    private PortfolioRisk() {}

    private static final int BLOCK = 4096;

    /**
     * VaR and ES at level {@code alpha} of the portfolio {@code positions} over {@code horizon}, from {@code paths}
     * scenarios of {@code stream}.
     *
     * @throws IllegalArgumentException if positions' length is not the model's asset count or has a non-finite
     *     entry, horizon is not positive and finite, alpha is not in (0, 1), or paths {@code < 2}
     */
    public static PortfolioRiskEstimate monteCarlo(GbmCorrelated model, double[] positions, double horizon, double alpha, RandomStream stream,
                                                   int paths) {
        Checks.notNull(model, "model");
        Checks.notNull(positions, "positions");
        int d = model.assets();
        if (positions.length != d) throw Checks.invalid("positions.length", positions.length, "be the model's asset count (" + d + ")");
        Checks.allFinite(positions, "positions");
        Checks.positive(horizon, "horizon");
        Checks.inOpen(alpha, "alpha", 0, 1);
        Checks.atLeast(paths, "paths", 2);
        PathChecks.block(stream, 0, paths, 1, d, Antithetic.NONE);
        double v0 = 0;
        for (int i = 0; i < d; i++) v0 += positions[i] * model.spot(i);
        double[] loss = new double[paths];
        double[] block = new double[d * BLOCK];
        for (int first = 0; first < paths; first += BLOCK) {
            int n = Math.min(BLOCK, paths - first);
            model.terminal(stream, horizon, first, n, 1, Antithetic.NONE, block, 0, BLOCK);
            for (int p = 0; p < n; p++) {
                double v = 0;
                for (int i = 0; i < d; i++) v += positions[i] * block[i * BLOCK + p];
                loss[first + p] = v0 - v;
            }
        }
        double mean = 0;
        for (double l : loss) mean += l;
        mean /= paths;
        Arrays.sort(loss);
        double h = (paths - 1) * alpha;
        int lo = (int) Math.floor(h);
        double var = lo + 1 < paths ? loss[lo] + (h - lo) * (loss[lo + 1] - loss[lo]) : loss[lo];
        int from = lo;
        while (from < paths && loss[from] < var) from++;
        double tail = 0;
        for (int i = from; i < paths; i++) tail += loss[i];
        double es = tail / (paths - from);
        return new PortfolioRiskEstimate(var, es, mean, alpha, paths);
    }
}
