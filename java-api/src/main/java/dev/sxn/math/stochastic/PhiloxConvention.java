package dev.sxn.math.stochastic;

/**
 * Which counter a sequential Philox generator ({@link Philox4x32}, {@link Philox4x64}) uses for its
 * first block.
 */
public enum PhiloxConvention {
    /**
     * Random123's: the first block is the block function of the given counter, then counter + 1, ... (the
     * convention of the known-answer vectors and of {@link RandomStream}'s random access).
     */
    RANDOM123,
    /**
     * NumPy's {@code numpy.random.Philox} (and Apache Commons RNG 1.7's {@code Philox4x32}/{@code Philox4x64}):
     * the counter is incremented before the first block, so the first block is that of counter + 1.
     */
    NUMPY
}
