package dev.sxn.math.stochastic;

/**
 * Multi-word counter arithmetic for the sequential Philox generators: a counter is a little-endian array
 * of 64-bit words (word 0 lowest) and wraps around modulo 2^(64 n). O(n) per call, so skip-ahead is O(1).
 */
final class Counters {
    private Counters() {}

    /** {@code c += d} modulo 2^(64 c.length), where {@code d} is a signed amount (sign-extended over the words). */
    static void add(long[] c, long d) {
        long ext = d < 0 ? -1L : 0L;
        long carry = 0;
        for (int i = 0; i < c.length; i++) {
            long b = i == 0 ? d : ext;
            long s = c[i] + b;
            long c1 = Long.compareUnsigned(s, c[i]) < 0 ? 1 : 0;
            long t = s + carry;
            long c2 = Long.compareUnsigned(t, s) < 0 ? 1 : 0;
            c[i] = t;
            carry = c1 | c2;
        }
    }
}
