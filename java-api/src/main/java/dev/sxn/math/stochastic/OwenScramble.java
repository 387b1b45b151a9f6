package dev.sxn.math.stochastic;

/**
 * A hash-based nested (Owen) scramble of one Sobol coordinate, seeded per dimension, and its map to a double
 * in (0, 1).
 *
 * <p>Nested scrambling (A. B. Owen, "Randomly permuted (t,m,s)-nets and (t,s)-sequences", 1995) flips digit
 * {@code k} of a coordinate by a random bit that depends on the digits above it. Burley ("Practical Hash-based
 * Owen Scrambling", JCGT 9(4), 2020) does it in O(1): reverse the bits, so that digit {@code k} becomes bit
 * {@code k} counted from the least significant, apply a permutation in which every output bit is its input bit
 * XOR a function of the lower bits only (adding a seed, multiplying by an odd number, XOR-ing with a multiple by
 * an even number each have that form), and reverse back. The permutation here is N. Vegdahl's improvement of
 * Laine and Karras's ("Building a Better LK Hash", 2021), {@code x ^= x * 0x3d20adea; x += a; x *= b | 1;
 * x ^= x * 0x05526c56; x ^= x * 0x53a22864}, with the added seed {@code a} and the multiplier {@code b} drawn
 * independently (Vegdahl takes the multiplier from the seed's own bits): with {@code a} uniform, each scrambled
 * coordinate is exactly uniform over the 2^32 values, whatever {@code b}.
 *
 * <p>Consequences, by construction: the scramble is a bijection of the 2^32 digit strings that keeps every
 * prefix's image a prefix, so every elementary interval of the unscrambled points maps onto one of the same
 * shape, and a (t,m,s)-net stays a (t,m,s)-net; each point is uniform, so estimates are unbiased. It is not an
 * independent random permutation at every node of Owen's tree (a 2^32-node tree has no O(1) hash): the tests
 * measure the variance it leaves.
 *
 * <p>Digits below the sequence's 32: a nested scramble makes them uniform given the 32 above, so the next 20
 * come from a 64-bit finaliser (Stafford's "Mix13", SplitMix64's) of the coordinate XOR a third per-dimension
 * seed. The 52 digits then map to the centre of their cell, {@code (2 k + 1) 2^-53}: in (0, 1) (never 0, so the
 * normal quantile is finite), and inside every elementary interval that holds the unscrambled point. O(1),
 * stateless, allocation-free.
 */
final class OwenScramble {
    private OwenScramble() {}

    /** The scrambled 32 digits of {@code x} (the unscrambled coordinate times 2^32) under seeds {@code add}, {@code mul}. */
    static int digits(int x, int add, int mul) {
        int r = Integer.reverse(x);
        r ^= r * 0x3d20adea;
        r += add;
        r *= mul | 1;
        r ^= r * 0x05526c56;
        r ^= r * 0x53a22864;
        return Integer.reverse(r);
    }

    /**
     * The scrambled coordinate in (0, 1): the 32 digits of {@link #digits}, 20 more from {@code low} and
     * {@code x}, centred in the 2^-52 cell; an odd multiple of 2^-53, exact.
     */
    static double uniform(int x, int add, int mul, long low) {
        long top = Integer.toUnsignedLong(digits(x, add, mul));
        long z = low ^ Integer.toUnsignedLong(x);
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        z ^= z >>> 31;
        long k = (top << 20) | (z >>> 44);
        return ((k << 1) | 1) * 0x1p-53;
    }
}
