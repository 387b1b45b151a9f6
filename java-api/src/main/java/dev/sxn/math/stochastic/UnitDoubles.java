package dev.sxn.math.stochastic;

/**
 * The two exact word-to-double maps of {@link UniformInterval}. The open form is computed as
 * {@code bits(1.0 | j) - (1 - 2^-53)}: {@code 1 + j 2^-52} minus a constant whose difference is
 * representable, so the subtraction is exact; the vector kernels use the same two operations because they
 * need no 64-bit integer-to-double conversion. O(1), stateless.
 */
final class UnitDoubles {
    private UnitDoubles() {}

    /** The bits of 1.0: OR-ed with a 52-bit mantissa it gives a double in [1, 2). */
    static final long ONE_BITS = 0x3FF0_0000_0000_0000L;
    /** 1 - 2^-53: subtracted from {@code 1 + j 2^-52} it leaves {@code (2j + 1) 2^-53}. */
    static final double OPEN_SHIFT = 1.0 - 0x1p-53;

    /** {@link UniformInterval#OPEN}: {@code (2 (w >>> 12) + 1) 2^-53}, in (0, 1). */
    static double open(long w) {
        return Double.longBitsToDouble(ONE_BITS | (w >>> 12)) - OPEN_SHIFT;
    }

    /** {@link UniformInterval#CLOSED_OPEN}: {@code (w >>> 11) 2^-53}, in [0, 1). */
    static double closedOpen(long w) {
        return (w >>> 11) * 0x1p-53;
    }
}
