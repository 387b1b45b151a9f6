package dev.sxn.math.stochastic;

/**
 * The per-slot uniform sequence of a (lane, step) of a stream, for samplers that reject or need several
 * uniforms per variate: uniform {@code n} is the open uniform ({@link UnitDoubles#open}) of word
 * {@code n % V} of block {@code n / V} of the slot's sequence ({@link Layout#slot}; V = the generator's
 * words per block). Each variate draws from its own sequence, so however many uniforms one variate
 * rejects, no other variate's numbers move: results stay independent of the batch and its partition.
 *
 * <p>A cursor: {@link #reset} to a slot, then {@link #next()}. One block is computed per V uniforms. Not
 * thread-safe; a fill uses one per call.
 */
final class SlotUniforms {
    private final long[] words = new long[4];
    private Generator g;
    private long seed, stream, lane, step;
    private long block;
    private int position, perBlock;

    /** Points the cursor at uniform 0 of slot (lane, step) of {@code s}. */
    SlotUniforms reset(RandomStream s, long lane, long step) {
        this.g = s.generator();
        this.seed = s.seed();
        this.stream = s.stream();
        this.lane = lane;
        this.step = step;
        this.perBlock = g.stepsPerBlock();
        this.block = -1;
        this.position = perBlock;
        return this;
    }

    /** The next uniform of the slot's sequence, in (0, 1). */
    double next() {
        if (position == perBlock) {
            Layout.slot(g, seed, stream, lane, step, ++block, words);
            position = 0;
        }
        return UnitDoubles.open(words[position++]);
    }
}
