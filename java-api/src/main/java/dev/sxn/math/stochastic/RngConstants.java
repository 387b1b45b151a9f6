package dev.sxn.math.stochastic;

/**
 * The codes the Java side shares with {@code native/src/stochastic.h} and {@code kernels/stochastic.cl}
 * (held together by {@code StochasticConstantsTest}): what a fill writes, and which generator runs.
 */
final class RngConstants {
    private RngConstants() {}

    /** Fill mode: raw 64-bit words. */
    static final int MODE_BITS = 0;
    /** Fill mode: uniforms in (0, 1). */
    static final int MODE_OPEN = 1;
    /** Fill mode: uniforms in [0, 1). */
    static final int MODE_CLOSED_OPEN = 2;
    /** Fill mode: standard normals (AS241 of the open uniforms). */
    static final int MODE_NORMAL = 3;

    /** Generator code of {@link Generator#PHILOX_4X32}. */
    static final int GEN_PHILOX_4X32 = 0;
    /** Generator code of {@link Generator#PHILOX_4X64}. */
    static final int GEN_PHILOX_4X64 = 1;

    /** The generator's code. */
    static int code(Generator g) {
        return g == Generator.PHILOX_4X64 ? GEN_PHILOX_4X64 : GEN_PHILOX_4X32;
    }
}
