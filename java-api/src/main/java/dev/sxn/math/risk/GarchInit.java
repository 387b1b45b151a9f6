package dev.sxn.math.risk;

/**
 * How the variance recursion starts, i.e. the value of {@code h_1}.
 *
 * <ul>
 *   <li>{@link #MCI}: fGarch's default {@code init.rec = "mci"}: {@code h_1 = omega + (alpha + beta) m2} with
 *       {@code m2 = mean((r_t - mu)^2)} over the whole series, recomputed for every {@code mu}. fGarch's compiled
 *       likelihood uses {@code alpha + beta} here for GJR as well (no leverage term), and so do we.</li>
 *   <li>{@link #BACKCAST}: Python arch's backcast: {@code b = sum_i w_i (r_i - rbar)^2} over the first
 *       {@code min(75, n)} residuals about the sample mean with weights {@code w_i} proportional to {@code 0.94^i},
 *       fixed before the fit, and {@code h_1 = omega + (alpha k + beta) b}, {@code k = 1} (GARCH) or
 *       {@code 1 + gamma^2} (GJR, the expectation of {@code (|e| - gamma e)^2} for a symmetric unit-variance
 *       innovation).</li>
 * </ul>
 */
public enum GarchInit {
    /** fGarch's "mci" start (the default). */
    MCI,
    /** Python arch's exponentially weighted backcast. */
    BACKCAST
}
