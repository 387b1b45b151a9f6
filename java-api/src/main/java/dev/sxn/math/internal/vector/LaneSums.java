package dev.sxn.math.internal.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sum of a vector's lanes in one fixed order, the same whether the calling code is interpreted,
 * compiled by C1 or intrinsified by C2.
 *
 * <p>Why not {@code reduceLanes(ADD)}: its order of floating-point additions is unspecified, and
 * HotSpot's Java fallback (a lane-by-lane loop, used until C2 compiles the caller) and C2's
 * intrinsic (a tree) differ, so one kernel gave results one ulp apart on two calls with the same
 * input. Here lane i is added to lane i xor h for h = L/2, ..., 1 (lanewise additions and
 * permutations are exact in every mode), and lane 0 is returned: for 8 lanes
 * ((x0 + x4) + (x2 + x6)) + ((x1 + x5) + (x3 + x7)). Cost: log2(L) permutations and additions.
 * Loaded only by Vector API kernels.
 */
public final class LaneSums {
    /**
     * The one species of the library's Vector API kernels. Shuffles of other species are not even built:
     * loading a second species' vector classes in the JVM was seen to make C2 give up inlining
     * {@code DoubleVector} methods in unrelated kernels ("no static binding"), boxing their vectors.
     */
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    /**
     * The permutations of {@link #sum}'s steps (lane i takes lane i xor 4, 2, 1; null where the species is
     * too short): a kernel whose accumulator must not cross a call (C2 boxes a vector passed to a method it
     * does not inline) writes the steps out with these, in the same order, and gets the same bits.
     */
    public static final VectorShuffle<Double> X4 = L >= 8 ? xor(S, 4) : null;
    /** See {@link #X4}. */
    public static final VectorShuffle<Double> X2 = L >= 4 ? xor(S, 2) : null;
    /** See {@link #X4}. */
    public static final VectorShuffle<Double> X1 = L >= 2 ? xor(S, 1) : null;

    private LaneSums() {}

    private static VectorShuffle<Double> xor(VectorSpecies<Double> species, int h) {
        return VectorShuffle.fromOp(species, i -> i ^ h);
    }

    /**
     * The sum of the lanes of {@code v}, a vector of the preferred species, in the fixed pairwise order above
     * (in lane order for a species of more than 8 lanes).
     */
    public static double sum(DoubleVector v) {
        if (L > 8) {
            double s = v.lane(0);
            for (int i = 1; i < L; i++) s += v.lane(i);
            return s;
        }
        if (L >= 8) v = v.add(v.rearrange(X4));
        if (L >= 4) v = v.add(v.rearrange(X2));
        if (L >= 2) v = v.add(v.rearrange(X1));
        return v.lane(0);
    }
}
