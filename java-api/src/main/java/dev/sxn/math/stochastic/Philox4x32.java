package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * Philox4x32-10, Random123's counter-based generator on four 32-bit words with a 64-bit key (J. K.
 * Salmon, M. A. Moraes, R. O. Dror, D. E. Shaw, "Parallel Random Numbers: As Easy as 1, 2, 3", SC11,
 * 2011): the block function {@link #block}, and a sequential generator over consecutive counters.
 *
 * <p>The block function reproduces Random123's published known-answer vectors (tests/kat_vectors) bit
 * for bit. The counter is a 128-bit little-endian integer (word 0 lowest); the sequential generator adds
 * one per block with carry, and its {@link PhiloxConvention} says whether the first block is that of the
 * given counter (Random123) or of counter + 1 (as Commons RNG 1.7's {@code Philox4x32}).
 *
 * <p>For simulation, {@link RandomStream} lays Philox blocks out over (path, step) with random access;
 * this class is the plain generator. An instance is not thread-safe; {@link #block} is.
 */
public final class Philox4x32 {
    private final int key0, key1;
    private final long[] ctr = new long[2]; // counter of the buffered block, as two 64-bit words
    private final long[] block = new long[2];
    private int position = 4; // next 32-bit word of the block; 4 = empty

    /**
     * A sequential generator with key {@code key} (2 words) starting at {@code counter} (4 words, word 0
     * lowest) under {@code convention}.
     *
     * @throws IllegalArgumentException if {@code key.length != 2} or {@code counter.length != 4}
     */
    public Philox4x32(int[] key, int[] counter, PhiloxConvention convention) {
        check(counter, key);
        Checks.notNull(convention, "convention");
        key0 = key[0];
        key1 = key[1];
        ctr[0] = join(counter[0], counter[1]);
        ctr[1] = join(counter[2], counter[3]);
        // The buffer is filled by incrementing first; Random123's first block is the given counter itself.
        if (convention == PhiloxConvention.RANDOM123) Counters.add(ctr, -1);
    }

    /**
     * The block function: {@code out = Philox4x32-10(counter, key)}, as Random123's {@code philox4x32(ctr, key)}.
     *
     * @param counter 4 words, word 0 lowest
     * @param key 2 words
     * @param out receives the 4 output words
     * @throws IllegalArgumentException if an array has the wrong length
     */
    public static void block(int[] counter, int[] key, int[] out) {
        check(counter, key);
        Checks.notNull(out, "out");
        if (out.length != 4) throw Checks.invalid("out.length", out.length, "be 4");
        long[] w = new long[2];
        PhiloxCore.block32As64(counter[0], counter[1], counter[2], counter[3], key[0], key[1], w, 0);
        for (int i = 0; i < 4; i++) out[i] = word(w, i);
    }

    /** The next 32-bit output word: the words of each block in order, then the next counter's block. */
    public int nextInt() {
        if (position == 4) {
            Counters.add(ctr, 1);
            PhiloxCore.block32As64((int) ctr[0], (int) (ctr[0] >>> 32), (int) ctr[1], (int) (ctr[1] >>> 32), key0, key1, block, 0);
            position = 0;
        }
        return word(block, position++);
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

    /** The counter of the block the next {@link #nextInt()} reads from (a new array, word 0 lowest). */
    public int[] counter() {
        long[] c = ctr.clone();
        if (position == 4) Counters.add(c, 1);
        return new int[] {(int) c[0], (int) (c[0] >>> 32), (int) c[1], (int) (c[1] >>> 32)};
    }

    private static void check(int[] counter, int[] key) {
        Checks.notNull(counter, "counter");
        Checks.notNull(key, "key");
        if (counter.length != 4) throw Checks.invalid("counter.length", counter.length, "be 4 (Philox4x32 has a 128-bit counter)");
        if (key.length != 2) throw Checks.invalid("key.length", key.length, "be 2 (Philox4x32 has a 64-bit key)");
    }

    private static long join(int lo, int hi) {
        return (long) hi << 32 | (lo & 0xFFFF_FFFFL);
    }

    private static int word(long[] w, int i) {
        long v = w[i >> 1];
        return (i & 1) == 0 ? (int) v : (int) (v >>> 32);
    }
}
