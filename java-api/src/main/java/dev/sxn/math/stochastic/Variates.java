package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * Exponential, gamma, Student-t and Poisson variates of a {@link RandomStream}, one per (lane, step) slot,
 * reproducible and independent of how a grid is cut into calls: plain Java (JAVA kind only), with
 * {@link StrictMath}'s elementary functions so the bits are the same on every JVM.
 *
 * <p>Counters. The exponential of (p, t) is {@code -log(u)} of the slot's dense open uniform (the uniform
 * {@link Randoms} gives for (p, t), so use another stream id for an independent exponential). The others
 * draw from the slot's own uniform sequence, {@code u_0, u_1, ...}: uniform {@code n} comes from block
 * {@code n / V} of the slot's sequence, Philox4x64 counter {@code (p, t, n / V, 1)}, Philox4x32 counter
 * {@code (p, t, stream, 2^31 | n / V)} (V = 4 or 2 words per block), which no dense slot uses. A rejection
 * sampler's loop is unbounded in principle but each attempt consumes a fixed number of the slot's uniforms
 * (gamma: 2, Poisson PTRS: 2), so a rejection never shifts another slot's numbers, and each slot is
 * reached in O(1). Expected attempts: below 1.06 (gamma, Marsaglia-Tsang) and 1.2 (PTRS).
 *
 * <p>Methods: gamma by Marsaglia and Tsang (2000) with the {@code u^(1/shape)} boost below shape 1;
 * Student-t as {@code z / sqrt(chi2 / nu)}; Poisson by CDF inversion below mean 10 (one uniform, the Merton
 * jump counts), Hörmann's PTRS (1993) from 10. Fills are step-major like {@link Randoms}:
 * {@code out[offset + (t - firstStep) * rowStride + (p - firstLane)]}. O(1) expected per value; a fill
 * allocates O(1).
 */
public final class Variates {
    private Variates() {}

    /** Means up to this are accepted by the Poisson sampler (its counts fit an {@code int}). */
    public static final double POISSON_MAX_MEAN = 0x1p30;

    /** The unit-rate exponential of (lane, step): {@code -log(u)}, u the slot's open uniform; in (0, 36.8]. */
    public static double exponential(RandomStream stream, long lane, long step) {
        Checks.notNull(stream, "stream");
        return -StrictMath.log(stream.uniform(lane, step));
    }

    /**
     * The Gamma(shape, 1) variate of (lane, step) (multiply by a scale for Gamma(shape, scale)).
     *
     * @throws IllegalArgumentException if shape is not positive and finite, or the slot is outside the limits
     */
    public static double gamma(RandomStream stream, double shape, long lane, long step) {
        checkShape(shape, "shape");
        return Samplers.gamma(shape, slot(stream, lane, step));
    }

    /**
     * The Student-t variate with {@code nu} degrees of freedom of (lane, step).
     *
     * @throws IllegalArgumentException if nu is not positive and finite, or the slot is outside the limits
     */
    public static double studentT(RandomStream stream, double nu, long lane, long step) {
        checkShape(nu, "nu");
        return Samplers.studentT(nu, slot(stream, lane, step));
    }

    /**
     * The Poisson(mean) count of (lane, step).
     *
     * @throws IllegalArgumentException if mean is not in [0, {@link #POISSON_MAX_MEAN}], or the slot is outside the limits
     */
    public static int poisson(RandomStream stream, double mean, long lane, long step) {
        checkMean(mean);
        return Samplers.poisson(mean, slot(stream, lane, step));
    }

    /** Fills a block with unit-rate exponentials; arguments as {@link Randoms#uniforms}. */
    public static void exponentials(RandomStream stream, long firstLane, int lanes, long firstStep, int steps,
                                    double[] out, int offset, int rowStride) {
        Grid.check(stream, firstLane, lanes, firstStep, steps, out, out == null ? 0 : out.length, "out", offset, rowStride);
        Randoms.uniforms(stream, UniformInterval.OPEN, firstLane, lanes, firstStep, steps, out, offset, rowStride, null);
        for (int r = 0; r < steps; r++) {
            for (int i = 0, k = offset + r * rowStride; i < lanes; i++, k++) out[k] = -StrictMath.log(out[k]);
        }
    }

    /** Fills a block with Gamma(shape, 1) variates; arguments as {@link Randoms#uniforms}. */
    public static void gammas(RandomStream stream, double shape, long firstLane, int lanes, long firstStep, int steps,
                              double[] out, int offset, int rowStride) {
        checkShape(shape, "shape");
        checkSlots(stream, firstLane, lanes, firstStep, steps, out, out == null ? 0 : out.length, offset, rowStride);
        SlotUniforms u = new SlotUniforms();
        for (int r = 0; r < steps; r++) {
            for (int i = 0; i < lanes; i++) out[offset + r * rowStride + i] = Samplers.gamma(shape, u.reset(stream, firstLane + i, firstStep + r));
        }
    }

    /** Fills a block with Student-t variates of {@code nu} degrees; arguments as {@link Randoms#uniforms}. */
    public static void studentTs(RandomStream stream, double nu, long firstLane, int lanes, long firstStep, int steps,
                                 double[] out, int offset, int rowStride) {
        checkShape(nu, "nu");
        checkSlots(stream, firstLane, lanes, firstStep, steps, out, out == null ? 0 : out.length, offset, rowStride);
        SlotUniforms u = new SlotUniforms();
        for (int r = 0; r < steps; r++) {
            for (int i = 0; i < lanes; i++) out[offset + r * rowStride + i] = Samplers.studentT(nu, u.reset(stream, firstLane + i, firstStep + r));
        }
    }

    /** Fills a block with Poisson(mean) counts; arguments as {@link Randoms#uniforms}. */
    public static void poissons(RandomStream stream, double mean, long firstLane, int lanes, long firstStep, int steps,
                                int[] out, int offset, int rowStride) {
        checkMean(mean);
        checkSlots(stream, firstLane, lanes, firstStep, steps, out, out == null ? 0 : out.length, offset, rowStride);
        SlotUniforms u = new SlotUniforms();
        for (int r = 0; r < steps; r++) {
            for (int i = 0; i < lanes; i++) out[offset + r * rowStride + i] = Samplers.poisson(mean, u.reset(stream, firstLane + i, firstStep + r));
        }
    }

    private static SlotUniforms slot(RandomStream stream, long lane, long step) {
        checkSlots(stream, lane, 1, step, 1, Boolean.TRUE, 1, 0, 1);
        return new SlotUniforms().reset(stream, lane, step);
    }

    /** The grid rules, and Philox4x32's per-slot counter, which holds steps below 2^32 only. */
    private static void checkSlots(RandomStream stream, long firstLane, int lanes, long firstStep, int steps,
                                   Object out, int length, int offset, int rowStride) {
        Grid.check(stream, firstLane, lanes, firstStep, steps, out, length, "out", offset, rowStride);
        if (stream.generator() == Generator.PHILOX_4X32 && firstStep + steps > 1L << 32) {
            throw Checks.invalid("firstStep + steps", firstStep + steps, "be <= 2^32 for the per-slot samplers on PHILOX_4X32");
        }
    }

    private static void checkShape(double v, String name) {
        if (!(v > 0) || v == Double.POSITIVE_INFINITY) throw Checks.invalid(name, v, "be positive and finite");
    }

    private static void checkMean(double mean) {
        if (!(mean >= 0 && mean <= POISSON_MAX_MEAN)) throw Checks.invalid("mean", mean, "be in [0, 2^30]");
    }
}
