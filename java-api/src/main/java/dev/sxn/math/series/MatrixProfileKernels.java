package dev.sxn.math.series;

/**
 * The O(n^2) part of the matrix profile: a walk along the diagonals {@code j = i + k},
 * {@code k in [kLo, kHi)}, of the cross-correlation matrix between the windows of {@code a} (rows i)
 * and {@code b} (columns j), keeping for every row and every column the largest Pearson correlation
 * and where it was found.
 *
 * <p>The arithmetic is fixed so that every backend produces bit-identical correlations:
 * <ul>
 *   <li>at every row {@code i} with {@code i % period == 0} (so at the start of each diagonal) the
 *       centred covariance is recomputed exactly:
 *       {@code c = 0; for t in [0, m): c = fma(a.x[i+t] - a.mu[i], b.x[j+t] - b.mu[j], c)};
 *   <li>at any other row it is updated: {@code c = fma(a.df[i], b.dg[j], c); c = fma(b.df[j], a.dg[i], c)};
 *   <li>the correlation is {@code (c * a.inv[i]) * b.inv[j]}.
 * </ul>
 * A candidate {@code (r, idx)} replaces the best {@code (R, IDX)} of its row or column when
 * {@code r > R}, or {@code r == R} and {@code idx < IDX} (lowest index wins ties; a NaN correlation
 * never wins). Because this rule is a total order, the result does not depend on the order in which
 * a backend visits the pairs.
 *
 * <p>Outputs are updated in place: the caller fills {@code rowCorr}/{@code colCorr} with -infinity and
 * {@code rowIdx}/{@code colIdx} with -1 (indices are stored as doubles, exact below 2^53, so that
 * vector kernels can blend them with the correlations). Arguments are checked by
 * {@link MatrixProfile}: {@code 0 <= kLo <= kHi <= b.count}, {@code period >= 1}. Implementations are
 * stateless or serialise their own state.
 */
interface MatrixProfileKernels {
    void diagonals(Windows a, Windows b, int m, int period, int kLo, int kHi,
                   double[] rowCorr, double[] rowIdx, double[] colCorr, double[] colIdx);
}
