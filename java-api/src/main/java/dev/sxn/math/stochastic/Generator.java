package dev.sxn.math.stochastic;

/**
 * The counter-based generator behind a {@link RandomStream}, and how its blocks cover the (lane, step)
 * grid. Both are Random123's Philox with 10 rounds (Salmon et al., SC11, 2011); see {@link RandomStream}
 * for the layout. The generator is part of a stream's identity: the same (generator, seed, stream) gives
 * the same bits on every backend.
 */
public enum Generator {
    /**
     * Philox4x32-10: one block (128 bits) gives two 64-bit words, so it covers two consecutive steps of one
     * lane. Key = the seed's low and high 32-bit halves; counter = (lane, step / 2, stream, 0). Limits: lanes
     * below 2^32, steps below 2^33, stream ids in [0, 2^32).
     */
    PHILOX_4X32(2, 1L << 32, 1L << 33, 1L << 32),
    /**
     * Philox4x64-10: one block (256 bits) gives four 64-bit words, so it covers four consecutive steps of one
     * lane. Key = (seed, stream); counter = (lane, step / 4, 0, 0). Lanes and steps are any non-negative
     * {@code long}; stream ids any {@code long} (read as unsigned).
     */
    PHILOX_4X64(4, Long.MAX_VALUE, Long.MAX_VALUE, 0);

    private final int stepsPerBlock;
    private final long laneLimit, stepLimit, streamLimit;

    Generator(int stepsPerBlock, long laneLimit, long stepLimit, long streamLimit) {
        this.stepsPerBlock = stepsPerBlock;
        this.laneLimit = laneLimit;
        this.stepLimit = stepLimit;
        this.streamLimit = streamLimit;
    }

    /** How many consecutive steps of one lane one block covers (64-bit words per block): 2 or 4. */
    public int stepsPerBlock() {
        return stepsPerBlock;
    }

    /** One past the largest lane index this generator's counter holds. */
    public long laneLimit() {
        return laneLimit;
    }

    /** One past the largest step index this generator's counter holds ({@code Long.MAX_VALUE}: any). */
    public long stepLimit() {
        return stepLimit;
    }

    /** One past the largest stream id, or 0 when every {@code long} is a stream id. */
    long streamLimit() {
        return streamLimit;
    }
}
