package dev.sxn.math.stochastic;

/**
 * The map from (stream, lane, step) to Philox counters and keys, in one place for every Java kernel
 * (NATIVE and OPENCL repeat it in {@code native/src/stochastic.h} and {@code kernels/stochastic.cl}).
 *
 * <ul>
 *   <li><b>Dense</b> (bits, uniforms, normals: one 64-bit word per (lane, step)): the block of step block
 *       {@code b = step / V} ({@code V = stepsPerBlock}) of a lane; word {@code step % V} belongs to the step.
 *       Philox4x64: key (seed, stream), counter (lane, b, 0, 0). Philox4x32: key (seed low, seed high),
 *       counter (lane, b, stream, 0), words {@code x1:x0} and {@code x3:x2}.
 *   <li><b>Per-slot sequences</b> (the samplers that reject or need several uniforms per variate): block
 *       {@code j = 0, 1, ...} of slot (lane, step), giving uniforms {@code V j .. V j + V - 1} of the slot.
 *       Philox4x64: counter (lane, step, j, 1). Philox4x32: counter (lane, step, stream, 2^31 | j). The last
 *       word (1, or the top bit) keeps them apart from every dense block.
 * </ul>
 * Nothing depends on how a batch is cut, so the bits of (lane, step) are the same whatever the backend,
 * batch size, thread count or partition, and any block is reached in O(1).
 */
final class Layout {
    private Layout() {}

    /** Counter word 3 of Philox4x64 per-slot sequences (dense blocks have 0). */
    static final long SLOT_TAG_64 = 1;
    /** Bit OR-ed into counter word 3 of Philox4x32 per-slot sequences (dense blocks have 0). */
    static final int SLOT_TAG_32 = 0x8000_0000;

    /** Writes the {@code g.stepsPerBlock()} words of dense step block {@code b} of {@code lane} to {@code out[0..)}. */
    static void dense(Generator g, long seed, long stream, long lane, long b, long[] out) {
        if (g == Generator.PHILOX_4X64) PhiloxCore.block64(lane, b, 0, 0, seed, stream, out, 0);
        else PhiloxCore.block32As64((int) lane, (int) b, (int) stream, 0, (int) seed, (int) (seed >>> 32), out, 0);
    }

    /** The dense word of (lane, step). */
    static long denseWord(Generator g, long seed, long stream, long lane, long step) {
        if (g == Generator.PHILOX_4X64) return PhiloxCore.word64(lane, step >>> 2, 0, 0, seed, stream, (int) (step & 3));
        return PhiloxCore.word32As64((int) lane, (int) (step >>> 1), (int) stream, 0, (int) seed, (int) (seed >>> 32), (int) (step & 1));
    }

    /** Writes the words of block {@code j} of the per-slot sequence of (lane, step) to {@code out[0..)}. */
    static void slot(Generator g, long seed, long stream, long lane, long step, long j, long[] out) {
        if (g == Generator.PHILOX_4X64) PhiloxCore.block64(lane, step, j, SLOT_TAG_64, seed, stream, out, 0);
        else PhiloxCore.block32As64((int) lane, (int) step, (int) stream, SLOT_TAG_32 | (int) j, (int) seed, (int) (seed >>> 32), out, 0);
    }
}
