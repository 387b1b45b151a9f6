package dev.sxn.math.stochastic;

import static dev.sxn.math.stochastic.RngConstants.MODE_BITS;
import static dev.sxn.math.stochastic.RngConstants.MODE_CLOSED_OPEN;
import static dev.sxn.math.stochastic.RngConstants.MODE_OPEN;

/**
 * The plain-Java reference: one Philox block per (lane, step block), its words converted one by one and
 * written to their rows. The other kinds are tested against it bit for bit. Stateless.
 */
final class JavaRandomKernels implements RandomKernels {
    @Override
    public void fill(RandomStream s, int mode, long lane0, int lanes, long step0, int steps, double[] d, long[] bits, int off, int ld) {
        fillJava(s, mode, lane0, lanes, step0, steps, d, bits, off, ld);
    }

    /** The fill, static: also the lane tails of the VECTOR kernel. */
    static void fillJava(RandomStream s, int mode, long lane0, int lanes, long step0, int steps, double[] d, long[] bits, int off, int ld) {
        fillJava(s, mode, lane0, lanes, step0, steps, d, bits, off, ld, new long[4]);
    }

    /** The fill with the caller's scratch for one block's words ({@code w.length >= 4}): the path kernels' tiles. */
    static void fillJava(RandomStream s, int mode, long lane0, int lanes, long step0, int steps, double[] d, long[] bits, int off, int ld,
                         long[] w) {
        if (lanes <= 0 || steps <= 0) return;
        Generator g = s.generator();
        long seed = s.seed(), stream = s.stream();
        int v = g.stepsPerBlock();
        long end = step0 + steps;
        for (long b = step0 / v; b * v < end; b++) {
            long first = b * v;
            int w0 = (int) (Math.max(step0, first) - first);
            int w1 = (int) Math.min(v, end - first);
            int row0 = (int) (first + w0 - step0);
            for (int i = 0; i < lanes; i++) {
                Layout.dense(g, seed, stream, lane0 + i, b, w);
                for (int k = w0, idx = off + row0 * ld + i; k < w1; k++, idx += ld) {
                    long word = w[k];
                    switch (mode) {
                        case MODE_BITS -> bits[idx] = word;
                        case MODE_OPEN -> d[idx] = UnitDoubles.open(word);
                        case MODE_CLOSED_OPEN -> d[idx] = UnitDoubles.closedOpen(word);
                        default -> d[idx] = NormalQuantile.of(UnitDoubles.open(word));
                    }
                }
            }
        }
    }
}
