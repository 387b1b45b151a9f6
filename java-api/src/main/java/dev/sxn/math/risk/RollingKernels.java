package dev.sxn.math.risk;

/**
 * The kernels of family {@code risk.rolling} (size = assets x returns): the rolling metrics of {@link RollingRisk} over
 * a time-major batch ({@code x[t k + a]}, k assets of n returns), outputs in the same layout, warm-up indices NaN.
 *
 * <ul>
 *   <li>{@link #moments}: rolling volatility or Sharpe, per asset {@link RollingRisk#momentsCore}'s operations in its
 *       order (a replace-update of mean and sum of squared deviations at fixed count w, an exact two-pass restart every
 *       w windows). Every kind repeats them lane by lane with contraction off, so every kind gives JAVA's bits.
 *   <li>{@link #historical}: rolling historical VaR and ES, per asset {@link RollingRisk#historicalCore}'s rank window
 *       (the series sorted once, Fenwick trees of counts and sums over the ranks of its distinct values). Kinds that
 *       run this method add and remove the same values in the same order, so they give JAVA's bits too.
 * </ul>
 * Every output element is written (warm-up NaN included), so a failed call is re-run by JAVA exactly. Arguments are
 * checked by {@link RollingRisk}.
 */
interface RollingKernels {
    /** Rolling Sharpe ({@code sharpe}, {@code rf} per period) or volatility, annualised by {@code sqrt(ppy)}. */
    void moments(double[] x, int k, int n, int w, double rf, double ppy, boolean sharpe, double[] out);

    /** Rolling historical VaR and ES at tail probability {@code alpha} (positive losses). */
    void historical(double[] x, int k, int n, int w, double alpha, double[] var, double[] es);
}
