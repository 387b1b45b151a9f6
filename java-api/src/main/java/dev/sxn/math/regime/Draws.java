package dev.sxn.math.regime;

import dev.sxn.math.stochastic.RandomStream;
import dev.sxn.math.stochastic.Variates;

/** A sequential reader of one Philox4x64 stream (lane 0, steps 0, 1, 2, ...): reproducible from (seed, stream). */
final class Draws {
    private final RandomStream random;
    private long step;

    Draws(long seed, long stream) {
        this.random = RandomStream.philox4x64(seed, stream);
    }

    /** A uniform in (0, 1). */
    double uniform() {
        return random.uniform(0, step++);
    }

    /** A standard normal. */
    double normal() {
        return random.normal(0, step++);
    }

    /** A Gamma(shape, 1) variate (lane 1 of the same stream, so it never reuses a normal's slot). */
    double gamma(double shape) {
        return Variates.gamma(random, shape, 1, step++);
    }

    /** An index drawn from the probabilities {@code p[0 .. k)} (inverse CDF). */
    int index(double[] p, int off, int k) {
        double u = uniform();
        double c = 0;
        for (int i = 0; i < k - 1; i++) {
            c += p[off + i];
            if (u < c) return i;
        }
        return k - 1;
    }
}
