package dev.sxn.math.stochastic;

/**
 * The Philox4x32-10 and Philox4x64-10 block functions of Random123 (J. K. Salmon, M. A. Moraes, R. O.
 * Dror, D. E. Shaw, "Parallel Random Numbers: As Easy as 1, 2, 3", SC11, 2011; include/Random123/philox.h),
 * written with local variables only so that the hot loops of every Java kernel allocate nothing.
 *
 * <p>One round maps the counter {@code (x0, x1, x2, x3)} under the round key {@code (k0, k1)} to
 * {@code (hi(M1 x2) ^ x1 ^ k0, lo(M1 x2), hi(M0 x0) ^ x3 ^ k1, lo(M0 x0))}, where {@code hi}/{@code lo} are
 * the upper and lower halves of the double-width unsigned product; the key is bumped by the Weyl constants
 * {@code (W0, W1)} between rounds; ten rounds make a block. The constants are shared with
 * {@code native/src/stochastic.h} and {@code kernels/stochastic.cl} ({@code StochasticConstantsTest}).
 *
 * <p>Stateless; each block costs O(1) (ten rounds).
 */
final class PhiloxCore {
    private PhiloxCore() {}

    /** Rounds per block: Random123's recommended (and known-answer tested) Philox4xW-10. */
    static final int ROUNDS = 10;

    /** Philox4x32 multipliers and Weyl key increments (PHILOX_M4x32_0/1, PHILOX_W32_0/1). */
    static final int M32_0 = 0xD2511F53, M32_1 = 0xCD9E8D57, W32_0 = 0x9E3779B9, W32_1 = 0xBB67AE85;
    /** Philox4x64 multipliers and Weyl key increments (PHILOX_M4x64_0/1, PHILOX_W64_0/1). */
    static final long M64_0 = 0xD2E7470EE14C6C93L, M64_1 = 0xCA5A826395121157L,
            W64_0 = 0x9E3779B97F4A7C15L, W64_1 = 0xBB67AE8584CAA73BL;

    private static final long MASK32 = 0xFFFF_FFFFL;

    /**
     * Philox4x32-10 as two 64-bit words, {@code (x1 << 32 | x0, x3 << 32 | x2)} (the block's 128 bits read
     * as two little-endian 64-bit words): written to {@code out[off]}, {@code out[off + 1]}.
     */
    static void block32As64(int c0, int c1, int c2, int c3, int k0, int k1, long[] out, int off) {
        long x0 = c0 & MASK32, x1 = c1 & MASK32, x2 = c2 & MASK32, x3 = c3 & MASK32;
        long key0 = k0 & MASK32, key1 = k1 & MASK32;
        for (int r = 0; r < ROUNDS; r++) {
            long p0 = (M32_0 & MASK32) * x0, p1 = (M32_1 & MASK32) * x2;
            long y0 = ((p1 >>> 32) ^ x1 ^ key0), y2 = ((p0 >>> 32) ^ x3 ^ key1);
            x1 = p1 & MASK32;
            x3 = p0 & MASK32;
            x0 = y0;
            x2 = y2;
            key0 = (key0 + (W32_0 & MASK32)) & MASK32;
            key1 = (key1 + (W32_1 & MASK32)) & MASK32;
        }
        out[off] = x1 << 32 | x0;
        out[off + 1] = x3 << 32 | x2;
    }

    /** Philox4x64-10 of counter {@code (c0..c3)} under key {@code (k0, k1)}: writes the four words to {@code out[off..off+4)}. */
    static void block64(long c0, long c1, long c2, long c3, long k0, long k1, long[] out, int off) {
        long x0 = c0, x1 = c1, x2 = c2, x3 = c3;
        for (int r = 0; r < ROUNDS; r++) {
            long hi0 = Math.unsignedMultiplyHigh(M64_0, x0), lo0 = M64_0 * x0;
            long hi1 = Math.unsignedMultiplyHigh(M64_1, x2), lo1 = M64_1 * x2;
            x0 = hi1 ^ x1 ^ k0;
            x1 = lo1;
            x2 = hi0 ^ x3 ^ k1;
            x3 = lo0;
            k0 += W64_0;
            k1 += W64_1;
        }
        out[off] = x0;
        out[off + 1] = x1;
        out[off + 2] = x2;
        out[off + 3] = x3;
    }

    /**
     * Word {@code w} (0..3) of Philox4x64-10 of {@code (c0..c3)} under {@code (k0, k1)}: for O(1) random
     * access to one slot. The scratch array does not escape and is read at constant indices only, so C2
     * replaces it by registers.
     */
    static long word64(long c0, long c1, long c2, long c3, long k0, long k1, int w) {
        long[] t = new long[4];
        block64(c0, c1, c2, c3, k0, k1, t, 0);
        return w == 0 ? t[0] : w == 1 ? t[1] : w == 2 ? t[2] : t[3];
    }

    /** 64-bit word {@code w} (0 or 1) of {@link #block32As64}; see {@link #word64}. */
    static long word32As64(int c0, int c1, int c2, int c3, int k0, int k1, int w) {
        long[] t = new long[2];
        block32As64(c0, c1, c2, c3, k0, k1, t, 0);
        return w == 0 ? t[0] : t[1];
    }
}
