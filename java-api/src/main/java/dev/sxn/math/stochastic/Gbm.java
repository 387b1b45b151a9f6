package dev.sxn.math.stochastic;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import java.util.Set;

/**
 * Geometric Brownian motion {@code dS = mu S dt + sigma S dW}, simulated exactly on a uniform grid:
 * {@code S_{t+1} = S_t exp((mu - sigma^2/2) dt + sigma sqrt(dt) z_t)}, in log space
 * ({@code x_{t+1} = x_t + ((mu - sigma^2/2) dt + sigma sqrt(dt) z_t)}, {@code x_0 = ln S_0}). Under the
 * risk-neutral measure {@code mu} is the rate minus the dividend yield. Units: rates and variance per year
 * (or per whatever unit {@code dt} is in).
 *
 * <p>Random numbers: {@code z_t} of path p is the AS241 normal of slot (lane, t) of the stream, lane =
 * {@link Antithetic#lane}(p) (mirrored for the odd path of a pair), so a path is the same whatever the block,
 * offset, thread split or backend. Path outputs are step-major ({@code out[offset + t * rowStride + i]} =
 * {@code S_{t+1}} of path {@code firstPath + i}); reductions ({@link PathReduction}) keep one value per path
 * without storing the path.
 *
 * <p>Backends: family {@code stochastic.paths} (size paths x steps), JAVA, VECTOR, NATIVE and OPENCL; every kind gives the
 * JAVA kernel's bits ({@link PathKernels}). {@code backend} non-null pins the call. Cost O(paths x steps),
 * one Philox4x64 block per four normals; O(1) allocation per call (per-thread scratch).
 *
 * @param spot the start value {@code S_0}, finite and {@code > 0}
 * @param drift {@code mu}, finite
 * @param volatility {@code sigma}, finite and {@code >= 0}
 */
public record Gbm(double spot, double drift, double volatility) {
    static final KernelSet<PathKernels> PATHS = KernelSet.of(KernelFamilies.STOCHASTIC_PATHS, PathKernels.class, new JavaPathKernels());

    /** Checks the parameters. */
    public Gbm {
        Checks.positive(spot, "spot");
        Checks.finite(drift, "drift");
        Checks.nonNegative(volatility, "volatility");
    }

    /**
     * Writes the values {@code S_1 .. S_steps} of paths {@code [firstPath, firstPath + paths)} step-major to
     * {@code out[offset + t * rowStride + i]}.
     *
     * @param backend the kind to run on, or null to choose per call
     * @throws IllegalArgumentException if dt is not positive and finite, steps {@code < 1}, paths {@code < 0},
     *     a lane or step is beyond the generator's limits, {@code rowStride < paths}, or the block does not fit in out
     * @throws IllegalStateException if the pinned kind is unavailable here
     */
    public void paths(RandomStream stream, double dt, long firstPath, int paths, int steps, Antithetic antithetic,
                      double[] out, int offset, int rowStride, Backend backend) {
        PathChecks.dt(dt);
        PathChecks.block(stream, firstPath, paths, steps, 1, antithetic);
        PathChecks.output(out, offset, rowStride, steps, paths);
        run(stream, dt, firstPath, paths, steps, antithetic, PathKernels.WHAT_PATHS, out, offset, rowStride, backend);
    }

    /**
     * Writes one {@code reduction} of each path of {@code [firstPath, firstPath + paths)} over steps
     * {@code 1..steps} to {@code out[offset + i]}, without storing the paths.
     *
     * @throws IllegalArgumentException as {@link #paths}
     * @throws IllegalStateException if the pinned kind is unavailable here
     */
    public void reduce(RandomStream stream, double dt, long firstPath, int paths, int steps, Antithetic antithetic,
                       PathReduction reduction, double[] out, int offset, Backend backend) {
        Checks.notNull(reduction, "reduction");
        PathChecks.dt(dt);
        PathChecks.block(stream, firstPath, paths, steps, 1, antithetic);
        PathChecks.output(out, offset, paths, 1, paths);
        run(stream, dt, firstPath, paths, steps, antithetic, reduction.bit(), out, offset, paths, backend);
    }

    /**
     * Writes several reductions of each path in one pass: the reductions of {@code reductions} in
     * {@link PathReduction} order go to rows 0, 1, ...: {@code out[offset + row * rowStride + i]}.
     *
     * @throws IllegalArgumentException as {@link #paths}, or if reductions is empty
     * @throws IllegalStateException if the pinned kind is unavailable here
     */
    public void reduce(RandomStream stream, double dt, long firstPath, int paths, int steps, Antithetic antithetic,
                       Set<PathReduction> reductions, double[] out, int offset, int rowStride, Backend backend) {
        Checks.notNull(reductions, "reductions");
        if (reductions.isEmpty()) throw Checks.invalid("reductions", reductions, "name at least one reduction");
        int what = 0;
        for (PathReduction r : reductions) what |= Checks.notNull(r, "reductions element").bit();
        PathChecks.dt(dt);
        PathChecks.block(stream, firstPath, paths, steps, 1, antithetic);
        PathChecks.output(out, offset, rowStride, Integer.bitCount(what), paths);
        run(stream, dt, firstPath, paths, steps, antithetic, what, out, offset, rowStride, backend);
    }

    /**
     * The exact value at time {@code t} of the path driven by the Brownian value {@code w = W_t}:
     * {@code S_0 exp((mu - sigma^2/2) t + sigma w)}. O(1).
     */
    public double valueAt(double t, double w) {
        return spot * Math.exp((drift - 0.5 * volatility * volatility) * t + volatility * w);
    }

    /** The mean {@code E[S_t] = S_0 exp(mu t)}. */
    public double mean(double t) {
        return spot * Math.exp(drift * t);
    }

    /** The log-space constants and the dispatch, arguments checked. */
    void run(RandomStream stream, double dt, long firstPath, int paths, int steps, Antithetic antithetic, int what,
             double[] out, int offset, int rowStride, Backend backend) {
        double x0 = StrictMath.log(spot);
        double driftStep = (drift - 0.5 * volatility * volatility) * dt;
        double volStep = volatility * Math.sqrt(dt);
        boolean anti = antithetic == Antithetic.PAIRED;
        PATHS.run(backend, (long) paths * steps,
                k -> k.gbm(stream, x0, driftStep, volStep, firstPath, paths, steps, anti, what, out, offset, rowStride));
    }
}
