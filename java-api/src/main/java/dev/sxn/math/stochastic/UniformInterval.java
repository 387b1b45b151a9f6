package dev.sxn.math.stochastic;

/**
 * Which unit interval uniform doubles lie in, and the formula that makes one from a 64-bit word
 * {@code w} of a Philox block. Both are exact: every value is representable, no rounding happens, so the
 * result is the same on every backend.
 */
public enum UniformInterval {
    /**
     * (0, 1), the default: {@code u = (2j + 1) 2^-53} with {@code j = w >>> 12} (the top 52 bits), that is
     * the midpoints of the 2^52 cells of width 2^-52. Never 0 or 1, so logarithms and normal quantiles of it
     * are finite; symmetric ({@code 1 - u} is a value of the same set), so antithetic variates are exact.
     * One bit fewer than {@link #CLOSED_OPEN}: a 53-bit open grid would need values that doubles near 1
     * cannot hold.
     */
    OPEN,
    /**
     * [0, 1): {@code u = (w >>> 11) 2^-53} (the top 53 bits), the convention of NumPy's
     * {@code Generator.random()}, Commons RNG's {@code nextDouble()} and {@code java.util.SplittableRandom}.
     */
    CLOSED_OPEN
}
