package dev.sxn.math.stochastic;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import java.util.Set;

/**
 * {@link Heston} paths by Andersen's quadratic-exponential (QE) scheme (L. Andersen, "Simple and efficient
 * simulation of the Heston stochastic volatility model", J. Comput. Finance 11(3), 2008), with the central
 * discretisation {@code gamma1 = gamma2 = 1/2} and the switching threshold {@code psi_c = 1.5}:
 *
 * <ul>
 *   <li>variance: {@code m = theta + (v - theta) e^{-kappa dt}},
 *       {@code s^2 = v xi^2 e^{-kappa dt} (1 - e^{-kappa dt}) / kappa + theta xi^2 (1 - e^{-kappa dt})^2 / (2 kappa)},
 *       {@code psi = s^2 / m^2}; for {@code psi <= psi_c} {@code v' = a (b + Z_v)^2} with
 *       {@code b^2 = 2/psi - 1 + sqrt(2/psi) sqrt(2/psi - 1)}, {@code a = m / (1 + b^2)}, {@code Z_v} the AS241 normal
 *       of U; else {@code v' = 0} for {@code U <= p} and {@code ln((1 - p) / (1 - U)) / beta} beyond, with
 *       {@code p = (psi - 1) / (psi + 1)}, {@code beta = (1 - p) / m};
 *   <li>log price: {@code x' = x + mu dt + K0 + K1 v + K2 v' + sqrt(K3 v + K4 v') Z}, with
 *       {@code K0 = -rho kappa theta dt / xi}, {@code K1 = dt/2 (kappa rho / xi - 1/2) - rho / xi},
 *       {@code K2 = dt/2 (kappa rho / xi - 1/2) + rho / xi}, {@code K3 = K4 = dt/2 (1 - rho^2)};
 *   <li>martingale correction (optional, Andersen's section 4.1): K0 replaced per step by the value that makes
 *       {@code E[e^{x'} | x, v] = e^{x + mu dt}} exactly, where it exists ({@code A = K2 + K4/2 < 1/(2a)}, resp.
 *       {@code A < beta}); the plain K0 where it does not.
 * </ul>
 *
 * <p>Random numbers: time step t of path p uses the open uniform of slot (lane(p), 2t) for the variance and the
 * AS241 normal of slot (lane(p), 2t + 1) for the price ({@link Antithetic}: the odd path of a pair takes
 * {@code 1 - U} and {@code -Z}), so a path is the same whatever the block or thread split. Outputs as
 * {@link Gbm}: {@code S_1 .. S_n} step-major, or per-path reductions. Backends: family {@code stochastic.paths},
 * JAVA and VECTOR, bit-identical (every logarithm is {@link FdLog}, every exponential {@link PathExp}, repeated
 * lane-wise in the same order); NATIVE and OPENCL have no Heston code of their own and run JAVA's loop when
 * pinned (the automatic choice passes them over); {@code backend} non-null pins the call. Cost O(paths x steps); O(1) allocation
 * (per-thread scratch).
 */
public final class HestonQe {
    private HestonQe() {}

    /**
     * Writes {@code S_1 .. S_steps} of paths {@code [firstPath, firstPath + paths)} step-major to
     * {@code out[offset + t * rowStride + i]}.
     *
     * @param backend the kind to run on, or null to choose per call
     * @throws IllegalArgumentException if dt is not positive and finite, steps {@code < 1}, a lane or stream step
     *     ({@code 2 steps}) is beyond the generator's limits, or the block does not fit in out
     * @throws IllegalStateException if the pinned kind is unavailable here
     */
    public static void paths(Heston model, RandomStream stream, double dt, long firstPath, int paths, int steps, Antithetic antithetic,
                             boolean martingaleCorrection, double[] out, int offset, int rowStride, Backend backend) {
        check(model, stream, dt, firstPath, paths, steps, antithetic);
        PathChecks.output(out, offset, rowStride, steps, paths);
        run(model, stream, dt, firstPath, paths, steps, antithetic, martingaleCorrection, PathKernels.WHAT_PATHS, out, offset, rowStride, backend);
    }

    /**
     * Writes the reductions of {@code reductions} of each path, in {@link PathReduction} order, to rows 0, 1, ...:
     * {@code out[offset + row * rowStride + i]}.
     *
     * @throws IllegalArgumentException as {@link #paths}, or if reductions is empty
     */
    public static void reduce(Heston model, RandomStream stream, double dt, long firstPath, int paths, int steps, Antithetic antithetic,
                              boolean martingaleCorrection, Set<PathReduction> reductions, double[] out, int offset, int rowStride,
                              Backend backend) {
        Checks.notNull(reductions, "reductions");
        if (reductions.isEmpty()) throw Checks.invalid("reductions", reductions, "name at least one reduction");
        int what = 0;
        for (PathReduction r : reductions) what |= Checks.notNull(r, "reductions element").bit();
        check(model, stream, dt, firstPath, paths, steps, antithetic);
        PathChecks.output(out, offset, rowStride, Integer.bitCount(what), paths);
        run(model, stream, dt, firstPath, paths, steps, antithetic, martingaleCorrection, what, out, offset, rowStride, backend);
    }

    private static void check(Heston model, RandomStream stream, double dt, long firstPath, int paths, int steps, Antithetic antithetic) {
        Checks.notNull(model, "model");
        PathChecks.dt(dt);
        PathChecks.block(stream, firstPath, paths, steps, 2, antithetic);
    }

    /** The QE constants and the loop, arguments checked. */
    static void run(Heston h, RandomStream stream, double dt, long firstPath, int paths, int steps, Antithetic antithetic,
                    boolean correct, int what, double[] out, int offset, int rowStride, Backend backend) {
        double[] c = constants(h, dt, correct);
        double x0 = StrictMath.log(h.spot()), v0 = h.variance();
        boolean anti = antithetic == Antithetic.PAIRED;
        Gbm.PATHS.run(backend, (long) paths * steps, PathKernels::hasOwnHeston,
                k -> k.hestonQe(stream, c, x0, v0, firstPath, paths, steps, anti, what, out, offset, rowStride));
    }

    /** The per-step constants of {@link HestonQeKernel}. */
    static double[] constants(Heston h, double dt, boolean correct) {
        double k = h.kappa(), th = h.theta(), xi = h.volOfVol(), rho = h.rho();
        double e = StrictMath.exp(-k * dt);
        double[] c = new double[HestonQeKernel.SIZE];
        c[HestonQeKernel.THETA] = th;
        c[HestonQeKernel.E] = e;
        c[HestonQeKernel.C1] = xi * xi * e * (1 - e) / k;
        c[HestonQeKernel.C2] = th * xi * xi * (1 - e) * (1 - e) / (2 * k);
        double g = 0.5 * dt * (k * rho / xi - 0.5);
        c[HestonQeKernel.K0] = -rho * k * th * dt / xi;
        c[HestonQeKernel.K1] = g - rho / xi;
        c[HestonQeKernel.K2] = g + rho / xi;
        c[HestonQeKernel.K3] = 0.5 * dt * (1 - rho * rho);
        c[HestonQeKernel.K4] = 0.5 * dt * (1 - rho * rho);
        c[HestonQeKernel.A] = c[HestonQeKernel.K2] + 0.5 * c[HestonQeKernel.K4];
        c[HestonQeKernel.MU_DT] = h.drift() * dt;
        c[HestonQeKernel.CORRECT] = correct ? 1 : 0;
        return c;
    }
}
