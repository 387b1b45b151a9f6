package dev.sxn.math.internal.calibration;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamily;
import java.util.function.IntFunction;

/**
 * How to time one kernel family: a geometric sweep of problem sizes, each given in the family's own size unit
 * (what its dispatch compares with the crossover: elements, the largest matrix dimension, assets x samples,
 * window pairs, particles, ...), and for each size a call through the public API on data made for it.
 *
 * @param family the family the calls dispatch on
 * @param sizes the sizes of the sweep, ascending, each exactly the size the family's dispatch sees for that call
 * @param at the call for {@code sizes[i]}, on data allocated once for it
 */
record Probe(KernelFamily family, long[] sizes, IntFunction<Call> at) {
    /** One public call on fixed data, pinned to a kind; made many times (it may update its own data in place). */
    @FunctionalInterface
    interface Call {
        /** Makes the call on {@code kind}. */
        void run(Backend kind);
    }

    /** A probe whose sizes are {@code params} themselves. */
    static Probe of(KernelFamily family, int[] params, IntFunction<Call> byParam) {
        long[] sizes = new long[params.length];
        for (int i = 0; i < params.length; i++) sizes[i] = params[i];
        return new Probe(family, sizes, i -> byParam.apply(params[i]));
    }

    /** {@code n} sizes from {@code first}, each {@code factor} times the last. */
    static int[] geometric(int first, int factor, int n) {
        int[] s = new int[n];
        s[0] = first;
        for (int i = 1; i < n; i++) s[i] = s[i - 1] * factor;
        return s;
    }
}
