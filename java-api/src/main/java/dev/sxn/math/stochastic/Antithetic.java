package dev.sxn.math.stochastic;

/**
 * Antithetic variates for the path simulations: whether path {@code p} uses the random numbers of lane
 * {@code p}, or paths come in mirrored pairs.
 *
 * <p>Lane mapping of {@link #PAIRED}: paths {@code 2k} and {@code 2k + 1} both use lane {@code k} of the
 * stream; the even path takes the lane's numbers as they are ({@code z}, {@code u}), the odd path their
 * mirror ({@code -z}, {@code 1 - u}; exact for the open uniforms, and the AS241 normal of {@code 1 - u} is
 * {@code -z} bit for bit). The mapping depends on the path index only, so a pair, or any block of paths, is
 * the same whatever the batch, offset, thread split or backend; a block may start or end in the middle of
 * a pair. An estimator with standard errors must treat each pair as one sample ({@link MonteCarlo} does).
 */
public enum Antithetic {
    /** Path {@code p} uses lane {@code p} of the stream. */
    NONE,
    /** Paths {@code 2k} and {@code 2k + 1} use lane {@code k}: the even one as drawn, the odd one mirrored. */
    PAIRED;

    /** The stream lane of path {@code p}. */
    public long lane(long p) {
        return this == PAIRED ? p >>> 1 : p;
    }

    /** True when path {@code p} uses the mirror of its lane's numbers. */
    public boolean mirrored(long p) {
        return this == PAIRED && (p & 1) != 0;
    }
}
