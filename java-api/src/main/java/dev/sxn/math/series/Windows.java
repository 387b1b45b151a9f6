package dev.sxn.math.series;

/**
 * The per-window quantities every matrix-profile kernel reads, computed once in plain Java by
 * {@link MatrixProfile} so that all backends start from bit-identical inputs.
 *
 * <p>For window {@code i} (values {@code x[i .. i+m)}):
 * <ul>
 *   <li>{@code mu[i]}: the mean (two-pass, see {@link MatrixProfile});
 *   <li>{@code inv[i]}: {@code 1 / sqrt(sum (x - mu)^2)}, or NaN for a window that takes no part in
 *       the search (constant or non-finite; NaN makes every comparison false, so such a pair never
 *       wins);
 *   <li>{@code df[i] = (x[i+m-1] - x[i-1]) / 2} and
 *       {@code dg[i] = (x[i+m-1] - mu[i]) + (x[i-1] - mu[i-1])} for {@code i >= 1} (0 at i = 0): the
 *       terms of the mean-centred diagonal update (SCAMP, Zimmerman et al. 2019)
 *       {@code cov(i,j) = cov(i-1,j-1) + df[i] dg[j] + df[j] dg[i]}.
 * </ul>
 * {@code x} is the series with non-finite values replaced by the previous finite one (numerics only:
 * windows containing them are excluded through {@code inv}), multiplied by a power of two when its
 * largest |value| is extreme (so squares neither overflow nor underflow; the profile is z-normalised,
 * so that does not change it). The arrays may be longer than that (during a call they are the thread's
 * scratch): kernels read {@code x[0 .. count + m - 1)} and the others' first {@code count} entries only.
 * Immutable after construction.
 */
final class Windows {
    final double[] x;
    final double[] mu;
    final double[] inv;
    final double[] df;
    final double[] dg;
    /** Number of windows, {@code x.length - m + 1}. */
    final int count;

    Windows(double[] x, double[] mu, double[] inv, double[] df, double[] dg, int count) {
        this.x = x;
        this.mu = mu;
        this.inv = inv;
        this.df = df;
        this.dg = dg;
        this.count = count;
    }
}
