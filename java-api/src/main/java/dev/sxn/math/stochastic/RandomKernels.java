package dev.sxn.math.stochastic;

/**
 * Fills a block of the (lane, step) grid of a {@link RandomStream}: lanes {@code [lane0, lane0 + lanes)} by
 * steps {@code [step0, step0 + steps)}, step-major, so that (lane0 + i, step0 + r) goes to
 * {@code out[off + r * ld + i]} and a row holds one step across lanes (the layout in which vector lanes run
 * across paths). Every kind computes each value from its own block by the stream's layout ({@link Layout}):
 * bits and uniforms are bit-identical across kinds, and so are normals (all kinds run {@link NormalQuantile}
 * with {@link FdLog} in the same operation order; tests hold them to 0 ulp).
 *
 * <p>Arguments are checked by {@link Randoms} ({@link Grid}); kernels never re-check. Every output element
 * of the block is written and nothing is read, so a failed call is re-run by the JAVA kernel exactly.
 * Implementations are stateless or serialise their own state.
 */
interface RandomKernels {
    /**
     * Fills the block for {@code mode} (an {@link RngConstants} mode): raw 64-bit words into {@code bits}
     * for {@link RngConstants#MODE_BITS} ({@code d} is null), else doubles into {@code d} ({@code bits} is
     * null): open or [0, 1) uniforms, or standard normals by the AS241 quantile of the open uniforms.
     */
    void fill(RandomStream s, int mode, long lane0, int lanes, long step0, int steps, double[] d, long[] bits, int off, int ld);
}
