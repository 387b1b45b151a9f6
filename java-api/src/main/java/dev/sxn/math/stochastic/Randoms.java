package dev.sxn.math.stochastic;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;

/**
 * Batches of counter-based random numbers of a {@link RandomStream} on every backend: raw bits, uniforms
 * and standard normals over a block of the (lane, step) grid, written step-major
 * ({@code out[offset + (t - firstStep) * rowStride + (p - firstLane)]}: a row is one step across lanes, so
 * vector lanes and GPU work-items run across paths).
 *
 * <p>Reproducibility: the value of (p, t) is a function of the stream and (p, t) alone
 * ({@link RandomStream}), so a block written by one call equals the same block written in pieces by
 * several calls at other offsets, by other threads or on another backend. Bits and uniforms are identical
 * on JAVA, VECTOR, NATIVE and OPENCL; normals are too (each kind repeats AS241 with fdlibm's logarithm
 * in the same IEEE operation order; the ulp budget across kinds is 0, tested over 10^6 draws), provided an
 * OpenCL device honours IEEE double arithmetic, as OpenCL requires of fp64 devices.
 *
 * <p>Backends: {@code backend} non-null pins the call to that kind; null chooses per call (families
 * {@code stochastic.uniform} for bits and uniforms, {@code stochastic.normal}; size = lanes x steps; see
 * {@code crossovers.properties}). Cost: one Philox4x64-10 block per 4 values (Philox4x32-10: per 2); O(1)
 * allocation per call (none proportional to the block).
 *
 * <p>Reference: J. K. Salmon, M. A. Moraes, R. O. Dror, D. E. Shaw, "Parallel Random Numbers: As Easy as
 * 1, 2, 3", SC11 (2011); M. J. Wichura, "Algorithm AS 241", Applied Statistics 37 (1988).
 */
public final class Randoms {
    private Randoms() {}

    private static final KernelSet<RandomKernels> UNIFORM =
            KernelSet.of(KernelFamilies.STOCHASTIC_UNIFORM, RandomKernels.class, new JavaRandomKernels());
    private static final KernelSet<RandomKernels> NORMAL =
            KernelSet.of(KernelFamilies.STOCHASTIC_NORMAL, RandomKernels.class, new JavaRandomKernels());

    /**
     * Writes the raw 64-bit words of lanes {@code [firstLane, firstLane + lanes)} x steps
     * {@code [firstStep, firstStep + steps)} to {@code out[offset + r * rowStride + i]}.
     *
     * @param backend the kind to run on, or null to choose per call
     * @throws IllegalArgumentException if a count is negative, an index is outside the generator's limits,
     *     {@code rowStride < lanes}, or the block does not fit in {@code out}
     * @throws IllegalStateException if the pinned kind is unavailable here
     */
    public static void bits(RandomStream stream, long firstLane, int lanes, long firstStep, int steps,
                            long[] out, int offset, int rowStride, Backend backend) {
        Grid.check(stream, firstLane, lanes, firstStep, steps, out, out == null ? 0 : out.length, "out", offset, rowStride);
        UNIFORM.run(backend, (long) lanes * steps, k -> k.fill(stream, RngConstants.MODE_BITS, firstLane, lanes, firstStep, steps, null, out, offset, rowStride));
    }

    /**
     * Writes the uniforms in {@code interval} of lanes {@code [firstLane, firstLane + lanes)} x steps
     * {@code [firstStep, firstStep + steps)} to {@code out[offset + r * rowStride + i]}; see
     * {@link UniformInterval} for the formulas.
     *
     * @param backend the kind to run on, or null to choose per call
     * @throws IllegalArgumentException as {@link #bits}
     * @throws IllegalStateException if the pinned kind is unavailable here
     */
    public static void uniforms(RandomStream stream, UniformInterval interval, long firstLane, int lanes, long firstStep, int steps,
                                double[] out, int offset, int rowStride, Backend backend) {
        Checks.notNull(interval, "interval");
        Grid.check(stream, firstLane, lanes, firstStep, steps, out, out == null ? 0 : out.length, "out", offset, rowStride);
        int mode = interval == UniformInterval.OPEN ? RngConstants.MODE_OPEN : RngConstants.MODE_CLOSED_OPEN;
        UNIFORM.run(backend, (long) lanes * steps, k -> k.fill(stream, mode, firstLane, lanes, firstStep, steps, out, null, offset, rowStride));
    }

    /**
     * Writes the standard normals (AS241 quantiles of the open uniforms) of lanes
     * {@code [firstLane, firstLane + lanes)} x steps {@code [firstStep, firstStep + steps)} to
     * {@code out[offset + r * rowStride + i]}.
     *
     * @param backend the kind to run on, or null to choose per call
     * @throws IllegalArgumentException as {@link #bits}
     * @throws IllegalStateException if the pinned kind is unavailable here
     */
    public static void normals(RandomStream stream, long firstLane, int lanes, long firstStep, int steps,
                               double[] out, int offset, int rowStride, Backend backend) {
        Grid.check(stream, firstLane, lanes, firstStep, steps, out, out == null ? 0 : out.length, "out", offset, rowStride);
        NORMAL.run(backend, (long) lanes * steps, k -> k.fill(stream, RngConstants.MODE_NORMAL, firstLane, lanes, firstStep, steps, out, null, offset, rowStride));
    }

    /**
     * The open uniforms of lanes {@code [0, lanes)} x steps {@code [0, steps)}, step-major in a new array of
     * {@code lanes * steps}, on the automatically chosen backend.
     *
     * @throws IllegalArgumentException if a count is negative or the grid has more than 2^31 - 1 values
     */
    public static double[] uniforms(RandomStream stream, int lanes, int steps) {
        double[] out = new double[size(lanes, steps)];
        uniforms(stream, UniformInterval.OPEN, 0, lanes, 0, steps, out, 0, lanes, null);
        return out;
    }

    /**
     * The standard normals of lanes {@code [0, lanes)} x steps {@code [0, steps)}, step-major in a new array of
     * {@code lanes * steps}, on the automatically chosen backend.
     *
     * @throws IllegalArgumentException if a count is negative or the grid has more than 2^31 - 1 values
     */
    public static double[] normals(RandomStream stream, int lanes, int steps) {
        double[] out = new double[size(lanes, steps)];
        normals(stream, 0, lanes, 0, steps, out, 0, lanes, null);
        return out;
    }

    private static int size(int lanes, int steps) {
        Checks.atLeast(lanes, "lanes", 0);
        Checks.atLeast(steps, "steps", 0);
        long n = (long) lanes * steps;
        if (n > Integer.MAX_VALUE - 8) throw Checks.invalid("lanes * steps", n, "fit in one array (<= " + (Integer.MAX_VALUE - 8) + ")");
        return (int) n;
    }
}
