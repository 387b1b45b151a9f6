package dev.sxn.math.dynamics;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import java.util.Arrays;

/**
 * Symplectic integration of unit-mass Hamiltonian systems H = |p|^2 / 2 + V(q): ensembles of many
 * independent particles ({@link #integrate(Ensemble, Potential, Integrator, double, long, IntegrationOptions)}),
 * single trajectories with exact failure reporting, and energy-drift diagnostics.
 *
 * <p>Schemes: {@link Integrator}; friction is the exact damping flow p *= exp(-gamma dt), split half
 * before and half after each step (Strang), so gamma = 0 is exactly symplectic. Cost per particle-step:
 * {@link Integrator#gradientsPerStep()} gradient evaluations plus O(d) multiply-adds.
 *
 * <p>Backends: built-in {@link Potentials} run on JAVA, VECTOR (lanes across particles), NATIVE (C with
 * AVX-512 / AVX2 / baseline bodies chosen at run time) and OPENCL (one work-item per particle). A
 * user-written {@link Potential} runs on JAVA and VECTOR only: VECTOR does the integrator's own work
 * (drifts, kicks, friction, sub-steps, observer reductions) in SIMD lanes over cached blocks of
 * particles and takes the gradient from {@link Potential#gradients} (per-particle Java calls by
 * default, or the user's vectorised override); NATIVE and OPENCL cannot call Java code per particle,
 * so pinning them with a user potential throws. All kernels keep a particle's state in registers
 * over a chunk of up to {@value #CHUNK} steps before moving on (blocking over time), so a large ensemble
 * is streamed through memory once per chunk, not once per step. Backends agree with JAVA within
 * rounding (fused multiply-adds on VECTOR, NATIVE and OPENCL); the tests bound the difference at 1e-12
 * relative to the state's magnitude after a few steps.
 * Each chunk is one call through the family's {@code KernelSet}: with no pinned backend, a kernel that fails is
 * switched off and the chunk re-runs on JAVA from the chunk's start (built-in kernels write q and p only after their
 * work succeeded; for a user potential, whose accelerated kernel writes back block by block, the chunk's start is
 * kept and put back). An exception thrown by a user potential is its own: it propagates as thrown and switches no
 * kind off. A pinned kernel that fails raises; the ensemble then holds the state after the last completed chunk,
 * and {@link Ensemble#stepsTaken()} counts those chunks.
 *
 * <p>Non-finite states: a non-finite initial coordinate or parameter is an
 * {@link IllegalArgumentException}. In an ensemble, a member that turns non-finite is flagged with the
 * end of the chunk (at most {@value #CHUNK} steps) in which it did ({@link Ensemble#nonFiniteStep}) and
 * the rest carry on; a single trajectory ({@link #integrate(Potential, double[], double[], Integrator, double, long, double)})
 * stops with an {@link ArithmeticException} naming the exact step.
 *
 * <p>Thread-safe: calls on different ensembles may run concurrently.
 */
public final class Dynamics {
    /** Steps per kernel call: the time block, and the resolution of non-finite flags in ensembles. */
    public static final int CHUNK = 256;

    /** The largest dimension the VECTOR, NATIVE and OPENCL kernels take; larger ensembles run on JAVA. */
    public static final int MAX_ACCELERATED_DIMENSION = 64;

    private static final JavaDynamicsKernels JAVA = new JavaDynamicsKernels();

    // Crossovers (particles) and their evidence: crossovers.properties (dynamics.integrate, from DynamicsBench;
    // dynamics.integrateUser, user-written potentials, which C and OpenCL kernels cannot call).
    private static final KernelSet<DynamicsKernels> KERNELS = KernelSet.of(KernelFamilies.DYNAMICS, DynamicsKernels.class, JAVA);
    private static final KernelSet<DynamicsKernels> USER = KernelSet.of(KernelFamilies.DYNAMICS_USER, DynamicsKernels.class, JAVA);

    private Dynamics() {}

    /** {@link #integrate(Ensemble, Potential, Integrator, double, long, IntegrationOptions)} with {@link IntegrationOptions#DEFAULT}. */
    public static IntegrationResult integrate(Ensemble ensemble, Potential potential, Integrator integrator, double dt, long steps) {
        return integrate(ensemble, potential, integrator, dt, steps, IntegrationOptions.DEFAULT);
    }

    /**
     * Advances every member of {@code ensemble} by {@code steps} steps of size {@code dt}, in place.
     *
     * @param ensemble the particles; every coordinate must be finite, except in members already flagged
     *     non-finite by an earlier call (they stay flagged and are carried along)
     * @param potential the potential; its dimension (if fixed) must equal the ensemble's
     * @param integrator the scheme
     * @param dt step size, finite and > 0 (to integrate backwards in time, negate the momenta: every
     *     scheme here except SYMPLECTIC_EULER is time-reversible)
     * @param steps steps, >= 0
     * @param options friction, observer, backend
     * @return the backend used and how many members turned non-finite
     * @throws IllegalArgumentException for a bad argument, a non-finite state, a dimension mismatch, or a
     *     user-written potential pinned to NATIVE or OPENCL (user potentials run on JAVA and VECTOR; an
     *     exception thrown by a user potential propagates as is and leaves the ensemble partly advanced on JAVA,
     *     at the start of the failed chunk on VECTOR)
     * @throws IllegalStateException if the pinned backend is unavailable, naming why
     */
    public static IntegrationResult integrate(Ensemble ensemble, Potential potential, Integrator integrator, double dt, long steps,
            IntegrationOptions options) {
        Checks.notNull(ensemble, "ensemble");
        Checks.notNull(potential, "potential");
        Checks.notNull(integrator, "integrator");
        Checks.notNull(options, "options");
        checkDt(dt);
        Checks.atLeast(steps, "steps", 0);
        checkDimension(potential, ensemble.dimension(), "ensemble");
        checkFinite(ensemble);

        int n = ensemble.size(), d = ensemble.dimension();
        Potential builtIn = builtIn(potential);
        Backend kind;
        if (options.backend() != null) {
            kind = options.backend();
            if (builtIn == null && kind != Backend.JAVA && kind != Backend.VECTOR) {
                throw Checks.invalid("backend", kind, "be JAVA or VECTOR for the user-written potential " + potential + ": user-written Java"
                        + " code runs on JAVA and VECTOR only (native C and OpenCL kernels cannot call Java code per particle; the built-in"
                        + " Potentials run on every backend)");
            }
            if (kind != Backend.JAVA && d > MAX_ACCELERATED_DIMENSION) {
                throw Checks.invalid("d", d, "be <= " + MAX_ACCELERATED_DIMENSION + " on " + kind + " (JAVA takes any d)");
            }
        } else {
            kind = d > MAX_ACCELERATED_DIMENSION ? Backend.JAVA
                    : builtIn == null ? USER.choose(n, DynamicsKernels::runsUserPotentials) : KERNELS.choose(n);
        }
        KernelSet<DynamicsKernels> set = builtIn == null ? USER : KERNELS;
        set.kernel(kind); // throws now, naming why, if a pinned kind is unavailable
        boolean pinned = options.backend() != null;
        // A user potential on an automatically chosen accelerated kind: its own exceptions must not pass for a kernel's
        // failure (which falls back), so they travel as GuardedPotential.Failure and are rethrown below as thrown.
        Potential v = builtIn == null && !pinned && kind != Backend.JAVA ? new GuardedPotential(potential) : potential;

        Scheme scheme = Scheme.of(integrator, dt, options.gamma());
        EnsembleObserver obs = options.observer();
        long every = obs == null ? Long.MAX_VALUE : options.observeEvery();
        long start = ensemble.stepsTaken();
        int flagged = 0;
        long done = 0;
        try {
            if (obs != null) obs.observe(stats(set, pinned, kind, ensemble, v, 0, 0));
            while (done < steps) {
                long nextObs = obs == null ? Long.MAX_VALUE : (done / every + 1) * every;
                long next = Math.min(steps, Math.min(nextObs, done + CHUNK));
                int chunk = (int) (next - done);
                kind = advance(kind, pinned, ensemble, builtIn, v, scheme, chunk, n, d);
                done = next;
                ensemble.addSteps(chunk);
                flagged += ensemble.flagNonFinite(start + done);
                if (obs != null && (done % every == 0 || done == steps)) {
                    obs.observe(stats(set, pinned, kind, ensemble, v, done, done * dt));
                }
            }
        } catch (GuardedPotential.Failure f) {
            throw f.rethrow();
        }
        return new IntegrationResult(kind, steps, steps * dt, flagged);
    }

    /**
     * One chunk on {@code kind} (the kind the call started on: chunks stay on it unless it fails). Returns the
     * kind that ran it: JAVA after an unpinned failure, by {@link KernelSet}'s policy, the retry starting from the
     * chunk's start.
     */
    private static Backend advance(Backend kind, boolean pinned, Ensemble e, Potential builtIn, Potential user, Scheme s, int chunk, int n,
            int d) {
        double[] q = e.positions(), p = e.momenta();
        // Pinned to the kind already chosen, unless that choice was automatic: then a failure falls back.
        Backend pin = pinned || kind == Backend.JAVA ? kind : null;
        if (builtIn == null) {
            if (kind == Backend.JAVA) return USER.run(Backend.JAVA, n, k -> k.advanceUser(q, p, n, d, user, s, chunk));
            // An accelerated kernel writes q and p back block by block: the chunk's start is kept, so that the JAVA
            // retry restarts from it and a chunk that fails leaves the ensemble as it found it.
            e.saveChunkStart();
            try {
                return USER.run(pin, n, DynamicsKernels::runsUserPotentials, k -> {
                    if (k == JAVA) e.restoreChunkStart();
                    k.advanceUser(q, p, n, d, user, s, chunk);
                });
            } catch (RuntimeException | Error x) {
                e.restoreChunkStart();
                throw x;
            }
        }
        int code = builtIn instanceof HenonHeilesPotential ? DynamicsKernels.HENON_HEILES : DynamicsKernels.RADIAL;
        double a, b, c;
        if (builtIn instanceof RadialPotential r) {
            a = r.a;
            b = r.b;
            c = r.c;
        } else {
            a = b = c = 0;
        }
        return KERNELS.run(pin, n, k -> k.advance(q, p, n, d, code, a, b, c, s, chunk));
    }

    /**
     * The observer's statistics on the kind the integration runs on: pinned as the chunks are, else chosen again
     * (the same kind unless it has failed), so a kernel failure falls back. A user potential's own exceptions come
     * guarded ({@link GuardedPotential}) and switch no kind off.
     */
    private static EnsembleStats stats(KernelSet<DynamicsKernels> set, boolean pinned, Backend kind, Ensemble e, Potential v, long step,
            double time) {
        Backend pin = pinned || kind == Backend.JAVA ? kind : null;
        return set.call(pin, e.size(), set == USER ? DynamicsKernels::runsUserPotentials : null, k -> k.stats(e, v, step, time));
    }

    /** The built-in form of {@code v} (a regime quadratic's current regime), or null for a user potential. */
    static Potential builtIn(Potential v) {
        if (v instanceof RadialPotential || v instanceof HenonHeilesPotential) return v;
        if (v instanceof RegimeQuadratic r) return r.current();
        return null;
    }

    // ---- single trajectories ----

    /**
     * Advances one trajectory (q, p) in place by {@code steps} steps on the plain-Java kernel, with
     * friction rate {@code gamma} (0: none). Any potential.
     *
     * @throws ArithmeticException if the state turns non-finite, naming the step; q and p then hold the
     *     last finite state (after step - 1 steps)
     * @throws IllegalArgumentException for a bad argument or a non-finite initial state
     */
    public static void integrate(Potential potential, double[] q, double[] p, Integrator integrator, double dt, long steps, double gamma) {
        checkTrajectory(potential, q, p, integrator, dt);
        Checks.atLeast(steps, "steps", 0);
        Checks.nonNegative(gamma, "gamma");
        advanceTrajectory(potential, q, p, Scheme.of(integrator, dt, gamma), steps, 0);
    }

    /** Runs {@code steps} steps, checking every chunk; {@code offset} is added to step numbers in messages. */
    static void advanceTrajectory(Potential v, double[] q, double[] p, Scheme s, long steps, long offset) {
        int d = q.length;
        double[] g = new double[d], q0 = new double[d], p0 = new double[d];
        long done = 0;
        while (done < steps) {
            int chunk = (int) Math.min(64, steps - done);
            System.arraycopy(q, 0, q0, 0, d);
            System.arraycopy(p, 0, p0, 0, d);
            JavaDynamicsKernels.run(q, p, g, v, s, chunk);
            if (!allFinite(q) || !allFinite(p)) {
                // Replay the chunk one step at a time from its start to name the exact step.
                System.arraycopy(q0, 0, q, 0, d);
                System.arraycopy(p0, 0, p, 0, d);
                for (int k = 1; k <= chunk; k++) {
                    System.arraycopy(q, 0, q0, 0, d);
                    System.arraycopy(p, 0, p0, 0, d);
                    JavaDynamicsKernels.run(q, p, g, v, s, 1);
                    if (!allFinite(q) || !allFinite(p)) {
                        System.arraycopy(q0, 0, q, 0, d);
                        System.arraycopy(p0, 0, p, 0, d);
                        long step = offset + done + k;
                        throw new ArithmeticException("trajectory became non-finite at step " + step + " (potential " + v
                                + "); state before it: q=" + Arrays.toString(q0) + ", p=" + Arrays.toString(p0));
                    }
                }
                // Stepping one at a time rounds differently from the joined chunk; if it stayed finite, keep it.
            }
            done += chunk;
        }
    }

    /**
     * Integrates one trajectory from (q0, p0) without friction (copies; the arrays are not changed)
     * and samples its energy every {@code sampleEvery} steps.
     *
     * @throws ArithmeticException if the trajectory turns non-finite, naming the step
     */
    public static EnergyDrift energyDrift(Potential potential, double[] q0, double[] p0, Integrator integrator, double dt, long steps,
            long sampleEvery) {
        checkTrajectory(potential, q0, p0, integrator, dt);
        Checks.atLeast(steps, "steps", 1);
        Checks.atLeast(sampleEvery, "sampleEvery", 1);
        double[] q = q0.clone(), p = p0.clone();
        Scheme s = Scheme.of(integrator, dt, 0);
        double e0 = hamiltonian(potential, q, p);
        double scale = e0 == 0 ? 1 : Math.abs(e0);
        double maxErr = 0, err = 0, e = e0;
        // Running sums for the least-squares slope of err against t.
        double st = 0, se = 0, stt = 0, ste = 0;
        long samples = 1;
        long done = 0;
        while (done < steps) {
            long chunk = Math.min(sampleEvery, steps - done);
            advanceTrajectory(potential, q, p, s, chunk, done);
            done += chunk;
            e = hamiltonian(potential, q, p);
            err = (e - e0) / scale;
            maxErr = Math.max(maxErr, Math.abs(err));
            double t = done * dt;
            st += t;
            se += err;
            stt += t * t;
            ste += t * err;
            samples++;
        }
        double m = samples; // the t = 0 sample has t = 0 and err = 0: it adds only to the count
        double denom = m * stt - st * st;
        double slope = denom == 0 ? 0 : (m * ste - st * se) / denom;
        return new EnergyDrift(e0, e, maxErr, err, slope, samples, steps);
    }

    /** H = |p|^2 / 2 + V(q). */
    public static double hamiltonian(Potential potential, double[] q, double[] p) {
        double kin = 0;
        for (double x : p) kin += x * x;
        return 0.5 * kin + potential.value(q);
    }

    // ---- checks (once, here; kernels trust their arguments) ----

    static void checkTrajectory(Potential potential, double[] q, double[] p, Integrator integrator, double dt) {
        Checks.notNull(potential, "potential");
        Checks.notNull(q, "q");
        Checks.notNull(p, "p");
        Checks.notNull(integrator, "integrator");
        checkDt(dt);
        Checks.minLength(q, "q", 1, "one coordinate");
        Checks.sameLength(q, "q", p, "p");
        checkDimension(potential, q.length, "q");
        Checks.allFinite(q, "q");
        Checks.allFinite(p, "p");
    }

    static void checkDt(double dt) {
        Checks.positive(dt, "dt");
    }

    /** Checks that {@code v} takes dimension d; a mismatch is worded like the library's shape mismatches. */
    static void checkDimension(Potential v, int d, String what) {
        int vd = v.dimension();
        if (vd != Potential.ANY_DIMENSION && vd != d) {
            throw new IllegalArgumentException("dimension mismatch: potential " + v + " is " + vd + "-dimensional but " + what + " is "
                    + d + "-dimensional");
        }
    }

    private static void checkFinite(Ensemble e) {
        int n = e.size(), d = e.dimension();
        double[] q = e.positions(), p = e.momenta();
        for (int j = 0; j < n * d; j++) {
            if (!Double.isFinite(q[j]) || !Double.isFinite(p[j])) {
                int i = j % n, k = j / n;
                if (e.nonFiniteStep(i) >= 0) continue; // failed in an earlier call and flagged: carried, not rejected
                boolean position = !Double.isFinite(q[j]);
                throw Checks.invalid("ensemble " + (position ? "position" : "momentum") + " of particle " + i + ", coordinate " + k,
                        position ? q[j] : p[j], "be finite");
            }
        }
    }

    static boolean allFinite(double[] x) {
        for (double v : x) if (!Double.isFinite(v)) return false;
        return true;
    }
}
