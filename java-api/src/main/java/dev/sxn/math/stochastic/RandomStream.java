package dev.sxn.math.stochastic;

import dev.sxn.math.internal.Checks;

/**
 * A reproducible stream of random numbers over a grid of lanes (paths) by steps: the generator, a 64-bit
 * seed and a stream id, in the layout <b>key = (seed, stream id), counter = (step, lane)</b>. Every value
 * of lane {@code p}, step {@code t} comes from one Philox block that depends on (seed, stream, p, t) only,
 * so it is the same on every backend, whatever the batch size, the thread count or the partition of the
 * grid into calls; reaching any (p, t) costs O(1) (skip-ahead is a counter, not a walk).
 *
 * <p>Layout ({@link Generator}): with {@code V = generator.stepsPerBlock()}, lane {@code p} and step block
 * {@code b = t / V} select a block; its 64-bit word {@code t % V} is the slot's word {@code w}.
 * Philox4x64-10: key {@code (seed, stream)}, counter {@code (p, b, 0, 0)}, {@code V = 4}. Philox4x32-10: key
 * {@code (seed mod 2^32, seed >>> 32)}, counter {@code (p, b, stream, 0)}, {@code V = 2}, and
 * {@code w = x[2k+1] << 32 | x[2k]} for word {@code k}. Per-slot sequences for samplers that need several
 * uniforms per variate ({@link Variates}) use counters that no dense slot uses (see {@link Variates}).
 *
 * <p>Values: {@link #bits} is {@code w}; {@link #uniform} maps {@code w} exactly into (0, 1) or [0, 1)
 * ({@link UniformInterval}); {@link #normal} is the AS241 normal quantile of the open uniform (Wichura 1988),
 * with fdlibm's logarithm. Batches of them, on every backend, come from {@link Randoms}.
 *
 * <p>Immutable and thread-safe; every method is O(1) and allocates nothing. Reference: J. K. Salmon, M. A.
 * Moraes, R. O. Dror, D. E. Shaw, "Parallel Random Numbers: As Easy as 1, 2, 3", SC11 (2011).
 */
public final class RandomStream {
    private final Generator generator;
    private final long seed;
    private final long stream;

    private RandomStream(Generator generator, long seed, long stream) {
        this.generator = generator;
        this.seed = seed;
        this.stream = stream;
    }

    /**
     * The stream {@code stream} of {@code seed} on {@code generator}.
     *
     * @throws IllegalArgumentException if the stream id is outside the generator's range (Philox4x32: [0, 2^32))
     */
    public static RandomStream of(Generator generator, long seed, long stream) {
        Checks.notNull(generator, "generator");
        if (generator.streamLimit() != 0 && (stream < 0 || stream >= generator.streamLimit())) {
            throw Checks.invalid("stream", stream, "be in [0, " + generator.streamLimit() + ") for " + generator);
        }
        return new RandomStream(generator, seed, stream);
    }

    /** Stream {@code stream} of {@code seed} on Philox4x64-10 (any {@code long} stream id). */
    public static RandomStream philox4x64(long seed, long stream) {
        return of(Generator.PHILOX_4X64, seed, stream);
    }

    /** Stream {@code stream} (in [0, 2^32)) of {@code seed} on Philox4x32-10. */
    public static RandomStream philox4x32(long seed, long stream) {
        return of(Generator.PHILOX_4X32, seed, stream);
    }

    /** The same seed and generator with another stream id: independent numbers over the same grid. */
    public RandomStream withStream(long stream) {
        return of(generator, seed, stream);
    }

    /** The generator. */
    public Generator generator() {
        return generator;
    }

    /** The seed (the key's first 64 bits). */
    public long seed() {
        return seed;
    }

    /** The stream id. */
    public long stream() {
        return stream;
    }

    /**
     * The 64 raw bits of (lane, step).
     *
     * @throws IllegalArgumentException if lane or step is negative or beyond the generator's limits
     */
    public long bits(long lane, long step) {
        checkSlot(lane, step);
        return Layout.denseWord(generator, seed, stream, lane, step);
    }

    /** The uniform of (lane, step) in (0, 1): {@code (2 (bits >>> 12) + 1) 2^-53} ({@link UniformInterval#OPEN}). */
    public double uniform(long lane, long step) {
        return UnitDoubles.open(bits(lane, step));
    }

    /** The uniform of (lane, step) in {@code interval} (see {@link UniformInterval} for the formulas). */
    public double uniform(long lane, long step, UniformInterval interval) {
        Checks.notNull(interval, "interval");
        long w = bits(lane, step);
        return interval == UniformInterval.OPEN ? UnitDoubles.open(w) : UnitDoubles.closedOpen(w);
    }

    /** The standard normal of (lane, step): the AS241 quantile of {@link #uniform(long, long)}. */
    public double normal(long lane, long step) {
        return NormalQuantile.of(uniform(lane, step));
    }

    private void checkSlot(long lane, long step) {
        if (lane < 0 || lane >= generator.laneLimit()) throw Checks.invalid("lane", lane, "be in [0, " + generator.laneLimit() + ") for " + generator);
        if (step < 0 || step >= generator.stepLimit()) throw Checks.invalid("step", step, "be in [0, " + generator.stepLimit() + ") for " + generator);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RandomStream s && s.generator == generator && s.seed == seed && s.stream == stream;
    }

    @Override
    public int hashCode() {
        return (generator.hashCode() * 31 + Long.hashCode(seed)) * 31 + Long.hashCode(stream);
    }

    @Override
    public String toString() {
        return generator + "(seed=" + seed + ", stream=" + stream + ")";
    }
}
