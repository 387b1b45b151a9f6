package dev.sxn.math.internal.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;

/** Describes the Vector API's preferred double species. Loaded only after VectorSupport's checks. */
public final class VectorInfo {
    private VectorInfo() {}

    /** "Vector API, preferred species 512 bits (8 doubles)". */
    public static String describe() {
        return "Vector API, preferred species " + VectorShape.preferredShape().vectorBitSize() + " bits ("
                + DoubleVector.SPECIES_PREFERRED.length() + " doubles)";
    }

    /** The preferred vector width in bits. */
    public static int preferredBits() {
        return VectorShape.preferredShape().vectorBitSize();
    }
}
