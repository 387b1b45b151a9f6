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
    private static final VectorShuffle<Double> X512_4 = xor(DoubleVector.SPECIES_512, 4);
    private static final VectorShuffle<Double> X512_2 = xor(DoubleVector.SPECIES_512, 2);
    private static final VectorShuffle<Double> X512_1 = xor(DoubleVector.SPECIES_512, 1);
    private static final VectorShuffle<Double> X256_2 = xor(DoubleVector.SPECIES_256, 2);
    private static final VectorShuffle<Double> X256_1 = xor(DoubleVector.SPECIES_256, 1);
    private static final VectorShuffle<Double> X128_1 = xor(DoubleVector.SPECIES_128, 1);

    private LaneSums() {}

    private static VectorShuffle<Double> xor(VectorSpecies<Double> species, int h) {
        return VectorShuffle.fromOp(species, i -> i ^ h);
    }

    /** The sum of the lanes of {@code v}, in the fixed pairwise order above (in-order for other lengths). */
    public static double sum(DoubleVector v) {
        switch (v.length()) {
            case 8:
                v = v.add(v.rearrange(X512_4));
                v = v.add(v.rearrange(X512_2));
                return v.add(v.rearrange(X512_1)).lane(0);
            case 4:
                v = v.add(v.rearrange(X256_2));
                return v.add(v.rearrange(X256_1)).lane(0);
            case 2:
                return v.add(v.rearrange(X128_1)).lane(0);
            default:
                double s = v.lane(0);
                for (int i = 1; i < v.length(); i++) s += v.lane(i);
                return s;
        }
    }
}
