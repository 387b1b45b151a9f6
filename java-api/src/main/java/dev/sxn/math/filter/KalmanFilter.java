package dev.sxn.math.filter;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * A linear Kalman filter for a {@link KalmanModel}: n states, m observations, optional control.
 *
 * <p>Each step is {@link #predict()} (x = F x + B u, P = F P F' + Q) followed by {@link #update(double[])}:
 * with the observed rows o of z, the innovation v = z_o - H_o x, its covariance S = H_o P H_o' + R_oo,
 * factored S = L L' by Cholesky (never inverted), the gain K = P H_o' S^-1 from two triangular
 * solves, x += K v, and the Joseph-form covariance P = (I - K H_o) P (I - K H_o)' + K R_oo K', which
 * stays symmetric positive semidefinite in floating point where the short form P - K S K' need not.
 * P is symmetrised after every step.
 *
 * <p>Missing data: a NaN component of z is missing and its row is skipped; an all-NaN z leaves the
 * prediction as the filtered state (R's {@code KalmanRun} does the same). Time-varying models: pass F
 * and Q per step to {@link #predict(double[][], double[][], double[])}, or let the model build them
 * from each step's length with {@link #predictDt(double)} (see {@link KalmanModel.TimeStep}).
 *
 * <p>Backends (kernel family {@code filter.KalmanFilter}, chosen per step from the state dimension n,
 * or pinned with {@link #KalmanFilter(KalmanModel, double[], double[][], Backend)} and
 * {@link #rtsSmooth(KalmanResult, Backend)}): JAVA (plain loops, the reference) and VECTOR (Vector
 * API). Every predict, update and smoother run is one call through the family's {@link KernelSet}: it
 * computes into scratch and replaces the state (x, P) only at its end, so when an unpinned VECTOR
 * kernel fails part-way the state is as it was and the JAVA retry recomputes the step exactly.
 *
 * <p>On VECTOR these run vectorised along the contiguous dimension: x = F x, F P F', H_o P,
 * S = H_o P H_o', the gain solve K' = S^-1 H_o P (forward and backward substitution over whole rows),
 * the Joseph factor I - K H_o, A P A' and K R_oo K', and in the smoother F P_t, the solve with
 * P_{t+1|t}, C dP C' and C dx. The Cholesky factorisations themselves (of the ko x ko S and, in the
 * smoother, of P_{t+1|t}), the innovation, x += K v, the log-density and the symmetrisation stay
 * scalar on every backend (O(n^2) or O(m^3) against the O(n^3) products). VECTOR results agree with
 * JAVA to rounding (FMA and a different summation order), not bit for bit.
 *
 * <p>Cost per step O(n^3 + m^3) with small dense loops (no allocation on the step path). Not
 * thread-safe: one filter per thread (the model itself is immutable and can be shared).
 */
public final class KalmanFilter {
    private static final double LOG_2PI = Math.log(2 * Math.PI);
    private static final KalmanKernels JAVA = new JavaKalmanKernels();

    // Crossover (states n) and its evidence: crossovers.properties (filter.KalmanFilter), from KalmanFilterCrossoverProbe.
    private static final KernelSet<KalmanKernels> KERNELS = KernelSet.of(KernelFamilies.KALMAN, KalmanKernels.class, JAVA);

    private final KalmanModel model;
    private final int n;
    private final int m;
    private final double[] x;
    private double[] p;
    private long step;
    private final KernelSet<KalmanKernels> set;
    private final Backend pinned;
    // Scratch, sized once. pNext receives each step's covariance, then trades places with p.
    private double[] pNext;
    private final double[] fCur;
    private final double[] qCur;
    private final double[] tmpN;
    private final double[] tmpNN;
    private final double[] tmpNN2;
    private final double[] ho;
    private final double[] hp;
    private final double[] kt;
    private final double[] rk;
    private final double[] roo;
    private final double[] work;
    private final double[] s;
    private final double[] l;
    private final double[] v;
    private final double[] w;
    private final int[] obs;
    // The arguments of the step being dispatched: fields, so the two ops below are built once and a step
    // allocates nothing.
    private double[] stepF;
    private double[] stepQ;
    private double[] stepU;
    private double[] updZ;
    private int updZOff;
    private double[] updInnov;
    private int updIOff;
    private double[] updStd;
    private int updSOff;
    private final Consumer<KalmanKernels> predictOp = this::predictOn;
    private final ToDoubleFunction<KalmanKernels> updateOp = this::updateOn;

    /**
     * A filter at the prior x_0 ~ N(x0, P0): the state at time 0, before the first {@link #predict()}.
     *
     * @throws IllegalArgumentException if x0 is not of length n or not finite, or P0 is not an n x n
     *     symmetric positive semidefinite finite matrix
     */
    public KalmanFilter(KalmanModel model, double[] x0, double[][] p0) {
        this(model, x0, p0, null);
    }

    /**
     * As {@link #KalmanFilter(KalmanModel, double[], double[][])}, with the dense kernels pinned to
     * {@code backend} (null: chosen per step from the state dimension; JAVA or VECTOR).
     *
     * @throws IllegalArgumentException if the family has no kernel of that kind (NATIVE, OPENCL)
     * @throws IllegalStateException if the kind is unavailable here (e.g. VECTOR without
     *     {@code --add-modules jdk.incubator.vector})
     */
    public KalmanFilter(KalmanModel model, double[] x0, double[][] p0, Backend backend) {
        this(model, x0, p0, backend, KERNELS);
    }

    /** The constructor on a given kernel set: {@link #KERNELS}, or a test's set with a kernel that fails. */
    KalmanFilter(KalmanModel model, double[] x0, double[][] p0, Backend backend, KernelSet<KalmanKernels> set) {
        this.model = Checks.notNull(model, "model");
        if (backend != null) set.kernel(backend); // a kind the family lacks or that is unavailable throws here, naming why
        this.set = set;
        this.pinned = backend;
        this.n = model.n;
        this.m = model.m;
        this.x = Args.vector(x0, "x0", n, "the state dimension");
        this.p = Args.matrix(p0, "P0", n, n, "n x n");
        Args.positiveSemidefinite(p, n, "P0");
        pNext = new double[n * n];
        fCur = model.f.clone();
        qCur = model.q.clone();
        tmpN = new double[n];
        tmpNN = new double[n * n];
        tmpNN2 = new double[n * n];
        ho = new double[m * n];
        hp = new double[m * n];
        kt = new double[m * n];
        rk = new double[m * n];
        roo = new double[m * m];
        work = new double[n * Math.max(n, m)];
        s = new double[m * m];
        l = new double[m * m];
        v = new double[m];
        w = new double[m];
        obs = new int[m];
    }

    /** A copy of {@code o} (the streaming verb {@link #copy()}): its state, step count and backend, fresh scratch. */
    private KalmanFilter(KalmanFilter o) {
        this(o.model, o.x, Dense.unflatten(o.p, 0, o.n, o.n), o.pinned, o.set);
        this.step = o.step;
    }

    /**
     * An independent filter in this one's state (mean, covariance, step count; same model and backend): the
     * streaming verb {@code copy()}, to fork a filter and try a path without touching this one. O(n^2 + m^2).
     */
    public KalmanFilter copy() {
        return new KalmanFilter(this);
    }

    /**
     * What {@link #update(double[])} with {@code z} would report, committing nothing (the streaming verb
     * {@code peek}: the innovation of a forming bar): the same kernels run, then the mean and covariance are put
     * back. The would-be mean is written into {@code stateOut} (length n) when it is not null.
     *
     * @throws IllegalArgumentException as {@link #update(double[])}, or if stateOut is not of length n
     * @throws ArithmeticException as {@link #update(double[])} (the filter is unchanged)
     */
    public KalmanUpdate peek(double[] z, double[] stateOut) {
        if (stateOut != null) Checks.length(stateOut, "stateOut", n, "n, the state dimension");
        Checks.length(z, "z", m, "m, the observation dimension");
        Args.finiteOrMissing(z, 0, m, "z");
        double[] keepX = x.clone();
        double[] keepP = p;
        try {
            KalmanUpdate u = update(z);
            if (stateOut != null) System.arraycopy(x, 0, stateOut, 0, n);
            return u;
        } finally {
            // An update commits by copying the mean and swapping the covariance arrays: undo both.
            System.arraycopy(keepX, 0, x, 0, n);
            if (p != keepP) {
                pNext = p;
                p = keepP;
            }
        }
    }

    /** {@link #peek(double[], double[])} for a one-observation model, without the state. */
    public KalmanUpdate peek(double z) {
        return peek(new double[] {z}, null);
    }

    /** The model. */
    public KalmanModel model() {
        return model;
    }

    /** A copy of the current mean. */
    public double[] state() {
        return x.clone();
    }

    /** A copy of the current covariance. */
    public double[][] covariance() {
        return Dense.unflatten(p, 0, n, n);
    }

    /** The number of predictions made so far. */
    public long steps() {
        return step;
    }

    /** Predicts one step with the model's F and Q (no control). */
    public void predict() {
        predictFlat(model.f, model.q, null);
    }

    /** Predicts one step with the model's F, Q and control input u (length c). */
    public void predict(double[] u) {
        predictFlat(model.f, model.q, control(u));
    }

    /**
     * Predicts one step with this step's F and Q (time-varying models); a null F or Q means the
     * model's, a null u no control.
     */
    public void predict(double[][] f, double[][] q, double[] u) {
        double[] ff = f == null ? model.f : Args.matrix(f, "F", n, n, "n x n");
        double[] qq = model.q;
        if (q != null) {
            qq = Args.matrix(q, "Q", n, n, "n x n");
            Args.positiveSemidefinite(qq, n, "Q");
        }
        predictFlat(ff, qq, u == null ? null : control(u));
    }

    /**
     * Predicts over a step of length dt (>= 0, finite) with F(dt) and Q(dt) from the model's
     * {@link KalmanModel.TimeStep}.
     *
     * @throws IllegalStateException if the model has no time step
     */
    public void predictDt(double dt) {
        stepMatrices(dt);
        predictFlat(fCur, qCur, null);
    }

    private void stepMatrices(double dt) {
        if (model.timeStep == null) throw new IllegalStateException("the model has no TimeStep: build it with KalmanModel.Builder.timeStep");
        Checks.nonNegative(dt, "dt");
        model.timeStep.fill(dt, fCur, qCur);
        for (int i = 0; i < n * n; i++) {
            if (!Double.isFinite(fCur[i])) throw Checks.invalid("the TimeStep's F(dt = " + dt + ")[" + i + "]", fCur[i], "be finite");
            if (!Double.isFinite(qCur[i])) throw Checks.invalid("the TimeStep's Q(dt = " + dt + ")[" + i + "]", qCur[i], "be finite");
        }
    }

    private double[] control(double[] u) {
        if (model.c == 0) throw Checks.invalid("u", "given", "be null (the model has no control matrix B)");
        return Args.vector(u, "u", model.c, "the control dimension");
    }

    private void predictFlat(double[] f, double[] q, double[] u) {
        stepF = f;
        stepQ = q;
        stepU = u;
        set.run(pinned, n, predictOp);
        step++;
    }

    /** The prediction on kernel k, into scratch; x and P are replaced at the end, so a retry starts from the same state. */
    private void predictOn(KalmanKernels k) {
        double[] f = stepF;
        double[] u = stepU;
        k.mulVec(f, x, tmpN, n, n);
        if (u != null) {
            int c = model.c;
            for (int i = 0; i < n; i++) {
                double acc = 0;
                for (int j = 0; j < c; j++) acc += model.b[i * c + j] * u[j];
                tmpN[i] += acc;
            }
        }
        k.mul(f, p, tmpNN, n, n, n);
        k.mulTransB(tmpNN, f, pNext, n, n, n, work);
        double[] q = stepQ;
        for (int i = 0; i < n * n; i++) pNext[i] += q[i];
        Dense.symmetrize(pNext, n);
        commit();
    }

    /** Makes the step's result (x in tmpN, P in pNext) the state: the last action of a step's op. */
    private void commit() {
        System.arraycopy(tmpN, 0, x, 0, n);
        double[] t = p;
        p = pNext;
        pNext = t;
    }

    /** {@link #update(double[])} for a one-observation model. */
    public KalmanUpdate update(double z) {
        return update(new double[] {z});
    }

    /**
     * Updates with the observation z (length m; NaN components are missing, infinities are rejected).
     *
     * @return the innovation, its standardised form and the log-density of the observed components
     * @throws ArithmeticException if the innovation covariance is not positive definite (only possible
     *     when a time-varying Q or F drove P into a non-PSD state)
     */
    public KalmanUpdate update(double[] z) {
        Checks.length(z, "z", m, "m, the observation dimension");
        Args.finiteOrMissing(z, 0, m, "z");
        double[] innov = new double[m];
        double[] std = new double[m];
        double ll = updateFlat(z, 0, innov, 0, std, 0);
        int observed = 0;
        for (double zi : z) if (!Double.isNaN(zi)) observed++;
        return new KalmanUpdate(innov, std, ll, observed);
    }

    /**
     * The update on checked arrays: writes innovations and standardised innovations of this step (NaN
     * where missing) and returns the log-density of the observed components (0 if none).
     */
    private double updateFlat(double[] z, int zOff, double[] innovOut, int iOff, double[] stdOut, int sOff) {
        updZ = z;
        updZOff = zOff;
        updInnov = innovOut;
        updIOff = iOff;
        updStd = stdOut;
        updSOff = sOff;
        return set.callDouble(pinned, n, updateOp);
    }

    /**
     * The update on kernel k: rewrites every innovation it reports, computes x and P into scratch and
     * replaces the state at the end, so a retry starts from the same state.
     */
    private double updateOn(KalmanKernels k) {
        double[] z = updZ;
        int zOff = updZOff;
        double[] innovOut = updInnov;
        int iOff = updIOff;
        double[] stdOut = updStd;
        int sOff = updSOff;
        int ko = 0;
        for (int i = 0; i < m; i++) {
            innovOut[iOff + i] = Double.NaN;
            stdOut[sOff + i] = Double.NaN;
            if (!Double.isNaN(z[zOff + i])) obs[ko++] = i;
        }
        if (ko == 0) return 0.0;
        // H_o and v = z_o - H_o x.
        for (int a = 0; a < ko; a++) {
            System.arraycopy(model.h, obs[a] * n, ho, a * n, n);
            double hx = 0;
            for (int j = 0; j < n; j++) hx += ho[a * n + j] * x[j];
            v[a] = z[zOff + obs[a]] - hx;
            innovOut[iOff + obs[a]] = v[a];
        }
        // HP (ko x n) = H_o P; S = HP H_o' + R_oo.
        k.mul(ho, p, hp, ko, n, n);
        k.mulTransB(hp, ho, s, ko, n, ko, work);
        for (int a = 0; a < ko; a++) {
            for (int b = 0; b < ko; b++) {
                double rab = model.r[obs[a] * m + obs[b]];
                roo[a * ko + b] = rab;
                s[a * ko + b] += rab;
            }
        }
        Dense.symmetrize(s, ko);
        int bad = Dense.cholesky(s, l, ko);
        if (bad >= 0) {
            throw new ArithmeticException("innovation covariance S is not positive definite at step " + step + " (pivot " + bad + " = "
                    + Dense.pivot(s, l, ko, bad) + ")");
        }
        // K' (ko x n) = S^-1 H_o P (P is symmetric, so this is (P H_o' S^-1)').
        System.arraycopy(hp, 0, kt, 0, ko * n);
        k.cholSolve(l, kt, ko, n);
        // Standardised innovation L^-1 v and the log-density.
        System.arraycopy(v, 0, w, 0, ko);
        Dense.forward(l, w, 0, ko);
        double quad = 0;
        double logDet = 0;
        for (int a = 0; a < ko; a++) {
            quad += w[a] * w[a];
            logDet += 2 * Math.log(l[a * ko + a]);
            stdOut[sOff + obs[a]] = w[a];
        }
        // x + K v, into tmpN.
        for (int j = 0; j < n; j++) {
            double acc = 0;
            for (int a = 0; a < ko; a++) acc += kt[a * n + j] * v[a];
            tmpN[j] = x[j] + acc;
        }
        // Joseph form: A = I - K H_o = I - K'' H_o; P = A P A' + K R_oo K' with K R_oo K' = K'' (R_oo K').
        java.util.Arrays.fill(tmpNN2, 0, n * n, 0.0);
        for (int i = 0; i < n; i++) tmpNN2[i * n + i] = 1;
        k.mulTransAAdd(-1, kt, ho, tmpNN2, ko, n, n);
        k.mul(tmpNN2, p, tmpNN, n, n, n);
        k.mulTransB(tmpNN, tmpNN2, pNext, n, n, n, work);
        k.mul(roo, kt, rk, ko, ko, n);
        k.mulTransAAdd(1, kt, rk, pNext, ko, n, n);
        Dense.symmetrize(pNext, n);
        commit();
        return -0.5 * (ko * LOG_2PI + logDet + quad);
    }

    /** {@link #filter(double[][], double[][], double[])} without control or step lengths. */
    public KalmanResult filter(double[][] zs) {
        return filter(zs, null, null);
    }

    /**
     * Runs predict-then-update over the observations zs[t] (each of length m; NaN = missing) from the
     * current state, which it advances. us[t] (optional, length c) is the control of step t; dts[t]
     * (optional, needs a model with a {@link KalmanModel.TimeStep}) the length of step t, from which
     * F_t and Q_t are built. O(T (n^3 + m^3)).
     */
    public KalmanResult filter(double[][] zs, double[][] us, double[] dts) {
        Checks.notNull(zs, "zs");
        int steps = zs.length;
        for (int t = 0; t < steps; t++) {
            double[] z = zs[t];
            if (z == null || z.length != m) Checks.length(z, "zs[" + t + "]", m, "m, the observation dimension");
            for (int i = 0; i < m; i++) if (Double.isInfinite(z[i])) throw Args.infinite("zs[" + t + "][" + i + "]", z[i]);
        }
        double[][] uc = null;
        if (us != null) {
            if (us.length != steps) throw Checks.invalid("us.length", us.length, "be " + steps + " (one control per step)");
            uc = new double[steps][];
            for (int t = 0; t < steps; t++) uc[t] = control(us[t]);
        }
        if (dts != null) {
            Checks.length(dts, "dts", steps, "one step length per step");
            if (model.timeStep == null) throw Checks.invalid("dts", "given", "be null (the model has no TimeStep)");
        }
        int nn = n * n;
        double[] means = new double[steps * n];
        double[] covs = new double[steps * nn];
        double[] pMeans = new double[steps * n];
        double[] pCovs = new double[steps * nn];
        double[] trans = new double[steps * nn];
        double[] innov = new double[steps * m];
        double[] std = new double[steps * m];
        double ll = 0;
        int observations = 0;
        for (int t = 0; t < steps; t++) {
            double[] f = model.f;
            double[] q = model.q;
            if (dts != null) {
                stepMatrices(dts[t]);
                f = fCur;
                q = qCur;
            }
            predictFlat(f, q, uc == null ? null : uc[t]);
            System.arraycopy(f, 0, trans, t * nn, nn);
            System.arraycopy(x, 0, pMeans, t * n, n);
            System.arraycopy(p, 0, pCovs, t * nn, nn);
            ll += updateFlat(zs[t], 0, innov, t * m, std, t * m);
            for (int i = 0; i < m; i++) if (!Double.isNaN(zs[t][i])) observations++;
            System.arraycopy(x, 0, means, t * n, n);
            System.arraycopy(p, 0, covs, t * nn, nn);
        }
        return new KalmanResult(steps, n, m, means, covs, pMeans, pCovs, trans, innov, std, ll, observations);
    }

    /**
     * Rauch-Tung-Striebel fixed-interval smoother over a {@link #filter} result: backwards from
     * x_{T-1|T-1}, with C_t = P_{t|t} F_{t+1}' P_{t+1|t}^-1 (a Cholesky solve, no inverse),
     * x_{t|T} = x_{t|t} + C_t (x_{t+1|T} - x_{t+1|t}) and
     * P_{t|T} = P_{t|t} + C_t (P_{t+1|T} - P_{t+1|t}) C_t'. Equals R's {@code KalmanSmooth} (de Jong's
     * form) wherever P_{t+1|t} is invertible. O(T n^3); stateless and thread-safe.
     *
     * @throws ArithmeticException if some predicted covariance P_{t+1|t} is singular (Q singular and a
     *     degenerate prior), naming the step
     */
    public static SmoothedStates rtsSmooth(KalmanResult r) {
        return rtsSmooth(r, null);
    }

    /**
     * {@link #rtsSmooth(KalmanResult)} with the dense kernels pinned to {@code backend} (null: chosen
     * from the state dimension; JAVA or VECTOR).
     *
     * @throws IllegalArgumentException if the family has no kernel of that kind (NATIVE, OPENCL)
     * @throws IllegalStateException if the kind is unavailable here
     */
    public static SmoothedStates rtsSmooth(KalmanResult r, Backend backend) {
        return rtsSmooth(r, backend, KERNELS);
    }

    /** {@link #rtsSmooth(KalmanResult, Backend)} on a given kernel set (tests inject one with a kernel that fails). */
    static SmoothedStates rtsSmooth(KalmanResult r, Backend backend, KernelSet<KalmanKernels> set) {
        Checks.notNull(r, "r");
        if (backend != null) set.kernel(backend);
        RtsSmoother smoother = new RtsSmoother(r);
        if (r.steps() > 1) set.run(backend, r.stateDim(), smoother::run);
        return smoother.result();
    }
}
