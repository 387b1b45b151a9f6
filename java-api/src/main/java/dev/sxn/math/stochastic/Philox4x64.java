package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * Philox4x64-10, Random123's counter-based generator on four 64-bit words with a 128-bit key (J. K.
 * Salmon, M. A. Moraes, R. O. Dror, D. E. Shaw, "Parallel Random Numbers: As Easy as 1, 2, 3", SC11,
 * 2011): the block function {@link #block}, and a sequential generator over consecutive counters.
 *
 * <p>The block function is a bijection of the 256-bit counter for each key; its outputs for Random123's
 * published known-answer vectors (tests/kat_vectors) are reproduced bit for bit. The counter is a 256-bit
 * little-endian integer (word 0 lowest); the sequential generator adds one per block with carry, and its
 * {@link PhiloxConvention} says whether the first block is that of the given counter (Random123) or of
 * counter + 1 (NumPy's {@code numpy.random.Philox}, the same bit generator, and Commons RNG 1.7's
 * {@code Philox4x64}).
 *
 * <p>For simulation, {@link RandomStream} lays Philox blocks out over (path, step) with random access;
 * this class is the plain generator. An instance is not thread-safe; {@link #block} is.
 */
public final class Philox4x64 {
    private final long key0, key1;
    private final long[] ctr = new long[4]; // counter of the block in the buffer
    private final long[] buffer = new long[4];
    private int position = 4; // next word of the buffer; 4 = empty

    /**
     * A sequential generator with key {@code key} (2 words) starting at {@code counter} (4 words, word 0
     * lowest) under {@code convention}.
     *
     * @throws IllegalArgumentException if {@code key.length != 2} or {@code counter.length != 4}
     */
    public Philox4x64(long[] key, long[] counter, PhiloxConvention convention) {
        Checks.notNull(key, "key");
        Checks.notNull(counter, "counter");
        Checks.notNull(convention, "convention");
        if (key.length != 2) throw Checks.invalid("key.length", key.length, "be 2 (Philox4x64 has a 128-bit key)");
        if (counter.length != 4) throw Checks.invalid("counter.length", counter.length, "be 4 (Philox4x64 has a 256-bit counter)");
        key0 = key[0];
        key1 = key[1];
        System.arraycopy(counter, 0, ctr, 0, 4);
        // The buffer is filled by incrementing first; Random123's first block is the given counter itself.
        if (convention == PhiloxConvention.RANDOM123) Counters.add(ctr, -1);
    }

    /**
     * The block function: {@code out = Philox4x64-10(counter, key)}, as Random123's {@code philox4x64(ctr, key)}.
     *
     * @param counter 4 words, word 0 lowest
     * @param key 2 words
     * @param out receives the 4 output words
     * @throws IllegalArgumentException if an array has the wrong length
     */
    public static void block(long[] counter, long[] key, long[] out) {
        Checks.notNull(counter, "counter");
        Checks.notNull(key, "key");
        Checks.notNull(out, "out");
        if (counter.length != 4) throw Checks.invalid("counter.length", counter.length, "be 4");
        if (key.length != 2) throw Checks.invalid("key.length", key.length, "be 2");
        if (out.length != 4) throw Checks.invalid("out.length", out.length, "be 4");
        PhiloxCore.block64(counter[0], counter[1], counter[2], counter[3], key[0], key[1], out, 0);
    }

    /** The next 64-bit output word: the words of each block in order, then the next counter's block. */
    public long nextLong() {
        if (position == 4) {
            Counters.add(ctr, 1);
            PhiloxCore.block64(ctr[0], ctr[1], ctr[2], ctr[3], key0, key1, buffer, 0);
            position = 0;
        }
        return buffer[position++];
    }

    /**
     * The next double in [0, 1): {@code (nextLong() >>> 11) * 2^-53}, as NumPy's {@code Generator.random()}
     * and Commons RNG's {@code nextDouble()}.
     */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1p-53;
    }

    /**
     * Skips {@code blocks} blocks in O(1): the words left in the current block are dropped and the next
     * output is the first word of the block {@code blocks} after the one that would have come next.
     *
     * @param blocks the number of blocks to skip, {@code >= 0}
     * @throws IllegalArgumentException if {@code blocks < 0}
     */
    public void advance(long blocks) {
        Checks.atLeast(blocks, "blocks", 0);
        Counters.add(ctr, blocks);
        position = 4;
    }

    /** The counter of the block the next {@link #nextLong()} reads from (a new array, word 0 lowest). */
    public long[] counter() {
        long[] c = ctr.clone();
        if (position == 4) Counters.add(c, 1);
        return c;
    }
}
