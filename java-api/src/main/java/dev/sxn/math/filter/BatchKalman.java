package dev.sxn.math.filter;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;

/**
 * N independent Kalman filters of one {@link KalmanModel} ({@code n <= 4} states, {@code m <= 2} observations, no
 * control, fixed F and Q), advanced together one tick at a time: the hot path of cleaning thousands of
 * price feeds per tick.
 *
 * <p>Layout (struct of arrays, the batch dimension fastest): component c of filter f lives at
 * {@code c * N + f}, with the n means first and then the upper triangle of P row by row
 * (P00, P01, ..., P11, ...). Observations of one tick are {@code z[k * N + f]} ({@code k < m}); NaN is missing
 * (that row is skipped for that filter, as in {@link KalmanFilter}).
 *
 * <p>Each step is predict (x = F x, P = F P F' + Q) and one closed-form scalar update per observed
 * row, sequentially, with R decorrelated by its Cholesky factor (the second row conditioned on the first); this equals
 * the joint update of {@link KalmanFilter} to rounding (the tests compare every filter with a
 * {@link KalmanFilter} run one by one). The covariance update is the short form on the stored upper
 * triangle (P stays exactly symmetric; the Joseph form's extra cost buys nothing at {@code n <= 4} with a
 * positive R). {@link #run} advances many ticks blocked over time (a block of 512 filters goes
 * through every tick with its state in L1), which is how large N stays compute-bound. For a
 * {@link KalmanModel#constantVelocity} model the ticks may be irregular, each filter with its own
 * step length ({@link #run(double[], int, double[], int, int, double[])}).
 *
 * <p>Backends: JAVA; VECTOR (one filter per lane); NATIVE (C with AVX-512 / AVX2 / SSE2 bodies chosen
 * at run time, one filter per lane); OPENCL (one work-item per filter, all ticks of a call inside the
 * work-item). The backend is chosen per call from N, or pinned by the forms that take a {@link Backend}
 * (null there means chosen too); an unpinned kernel that fails falls back to JAVA (kernels write the state
 * only after their work succeeded). Cost O(N n^3) per tick. Not thread-safe (the state is mutable); distinct instances may
 * be used from distinct threads.
 */
public final class BatchKalman {
    private static final BatchKalmanKernels JAVA = new JavaBatchKalmanKernels();

    // Crossovers (filters) and their evidence: crossovers.properties (filter.BatchKalman), from KalmanBench and KalmanCpuTime.
    private static final KernelSet<BatchKalmanKernels> KERNELS = KernelSet.of(KernelFamilies.BATCH_KALMAN, BatchKalmanKernels.class, JAVA);

    private static volatile BatchKalmanKernels SCANNER;

    private final KalmanModel model;
    private final BatchPlan plan;
    private final int filters;
    private final double[] state;

    /**
     * {@code filters} filters, each starting from the prior N(x0, P0) at time 0.
     *
     * @throws IllegalArgumentException if the model has {@code n > 4}, {@code m > 2} or a control matrix, {@code filters < 1},
     *     or x0 / P0 do not fit the model (see {@link KalmanFilter#KalmanFilter})
     */
    public BatchKalman(KalmanModel model, int filters, double[] x0, double[][] p0) {
        this.model = Checks.notNull(model, "model");
        if (model.n > 4) throw Checks.invalid("model", "n = " + model.n, "have n <= 4 states (BatchKalman's limit)");
        if (model.m > 2) throw Checks.invalid("model", "m = " + model.m, "have m <= 2 observations (BatchKalman's limit)");
        if (model.c != 0) throw Checks.invalid("model", "c = " + model.c, "have no control matrix B (BatchKalman takes no control input)");
        Checks.atLeast(filters, "filters", 1);
        this.plan = new BatchPlan(model);
        if ((long) plan.comps * filters > Integer.MAX_VALUE - 8) {
            throw Checks.invalid("filters", filters, "be <= " + (Integer.MAX_VALUE - 8) / plan.comps + " for n = " + model.n + " (one Java array)");
        }
        this.filters = filters;
        this.state = new double[plan.comps * filters];
        double[] x = Args.vector(x0, "x0", model.n, "the state dimension");
        double[] p = Args.matrix(p0, "P0", model.n, model.n, "n x n");
        Args.positiveSemidefinite(p, model.n, "P0");
        for (int f = 0; f < filters; f++) put(f, x, p);
    }

    /** The kernel of {@code kind} (tests). */
    static BatchKalmanKernels kernelFor(Backend kind) {
        return KERNELS.kernel(kind);
    }

    /** The model. */
    public KalmanModel model() {
        return model;
    }

    /** The number of filters N. */
    public int filters() {
        return filters;
    }

    private void put(int f, double[] x, double[] p) {
        int n = model.n;
        for (int i = 0; i < n; i++) state[i * filters + f] = x[i];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) state[plan.cov(i, j) * filters + f] = p[i * n + j];
        }
    }

    /** Sets filter f's mean and covariance (checked as in the constructor). */
    public void setState(int f, double[] x, double[][] p) {
        checkFilter(f);
        double[] xx = Args.vector(x, "x", model.n, "the state dimension");
        double[] pp = Args.matrix(p, "P", model.n, model.n, "n x n");
        Args.positiveSemidefinite(pp, model.n, "P");
        put(f, xx, pp);
    }

    private void checkFilter(int f) {
        if (f < 0 || f >= filters) throw new IndexOutOfBoundsException("f must be in [0, " + filters + "), was " + f);
    }

    /** Filter f's current mean (a new array). */
    public double[] state(int f) {
        checkFilter(f);
        double[] x = new double[model.n];
        for (int i = 0; i < model.n; i++) x[i] = state[i * filters + f];
        return x;
    }

    /** Filter f's current covariance (a new n x n array). */
    public double[][] covariance(int f) {
        checkFilter(f);
        int n = model.n;
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) p[i][j] = state[plan.cov(i, j) * filters + f];
        return p;
    }

    /** State component i of every filter (a new array of length N): e.g. i = 0, every filtered price. */
    public double[] component(int i) {
        if (i < 0 || i >= model.n) throw new IndexOutOfBoundsException("component must be in [0, " + model.n + "), was " + i);
        double[] out = new double[filters];
        System.arraycopy(state, i * filters, out, 0, filters);
        return out;
    }

    /** One tick: z holds m * N observations, {@code z[k * N + f]} (NaN = missing). Backend chosen per call. */
    public void step(double[] z) {
        checkStepZ(z);
        runChecked(null, z, 0, 1, null);
    }

    /** {@link #step(double[])} on the given backend (null: chosen per call; throws if unavailable). */
    public void step(Backend backend, double[] z) {
        checkStepZ(z);
        runChecked(backend, z, 0, 1, null);
    }

    /**
     * {@code ticks} steps in one call, blocked over time: zs holds {@code ticks * m * N} observations
     * from {@code zOff}, tick t's observation k of filter f at {@code zOff + (t * m + k) * N + f}. If out
     * is not null it receives the filtered first state component, {@code out[t * N + f]} (length >=
     * ticks * N). Equals {@code ticks} calls of {@link #step(double[])}.
     */
    public void run(double[] zs, int zOff, int ticks, double[] out) {
        checkZ(zs, zOff, ticks);
        checkOut(out, ticks);
        runChecked(null, zs, zOff, ticks, out);
    }

    /** {@link #run(double[], int, int, double[])} on the given backend (null: chosen per call). */
    public void run(Backend backend, double[] zs, int zOff, int ticks, double[] out) {
        checkZ(zs, zOff, ticks);
        checkOut(out, ticks);
        runChecked(backend, zs, zOff, ticks, out);
    }

    /**
     * Constant velocity with irregular ticks: like {@link #run(double[], int, int, double[])}, with each
     * filter's own step length {@code dts[dOff + t * N + f]} (finite, >= 0, in the model's time unit),
     * from which F = [[1, dt], [0, 1]] and Q = q [[dt^3/3, dt^2/2], [dt^2/2, dt]] are built per filter
     * and tick (the exact discretisation of {@link KalmanModel#constantVelocity}). Equals
     * {@link KalmanFilter#predictDt(double)} + update per filter.
     *
     * @throws IllegalArgumentException if the model is not a {@link KalmanModel#constantVelocity} model,
     *     or dts is too short or holds a negative or non-finite step
     */
    public void run(double[] zs, int zOff, double[] dts, int dOff, int ticks, double[] out) {
        checkZ(zs, zOff, ticks);
        checkDt(dts, dOff, ticks);
        checkOut(out, ticks);
        runDtChecked(null, zs, zOff, dts, dOff, ticks, out);
    }

    /** {@link #run(double[], int, double[], int, int, double[])} on the given backend (null: chosen per call). */
    public void run(Backend backend, double[] zs, int zOff, double[] dts, int dOff, int ticks, double[] out) {
        checkZ(zs, zOff, ticks);
        checkDt(dts, dOff, ticks);
        checkOut(out, ticks);
        runDtChecked(backend, zs, zOff, dts, dOff, ticks, out);
    }

    /** One irregular tick of a constant-velocity batch: z[f] observed dt[f] after filter f's previous tick. */
    public void step(double[] z, double[] dt) {
        run(z, 0, dt, 0, 1, null);
    }

    private void checkDt(double[] dts, int off, int ticks) {
        Checks.notNull(dts, "dts");
        if (!model.isConstantVelocity()) {
            throw Checks.invalid("model", "another model", "be a KalmanModel.constantVelocity model (for per-filter step lengths)");
        }
        int need = checkRange(dts, "dts", off, "dOff", (long) ticks * filters, "ticks * N");
        int inf = scanner().firstInfinite(dts, off, need);
        if (inf >= 0) throw Checks.invalid("dts[" + inf + "]", dts[inf], "be finite and >= 0");
        for (int i = off; i < off + need; i++) {
            // Negative or NaN (infinities were found above); a cheap compare that C2 keeps branch-predicted.
            if (!(dts[i] >= 0)) throw Checks.invalid("dts[" + i + "]", dts[i], "be finite and >= 0");
        }
    }

    /**
     * Checks that {@code a[off .. off+count)} lies inside {@code a}, as {@link Checks#range} words it, for a
     * count that may exceed an int; returns the count.
     */
    private static int checkRange(double[] a, String name, int off, String offName, long count, String countName) {
        Checks.notNull(a, name);
        if (count > a.length) throw Checks.invalid(countName, count, "be <= " + name + ".length (" + a.length + ")");
        Checks.range(a, name, off, offName, (int) count, countName);
        return (int) count;
    }

    private void runDtChecked(Backend pinned, double[] z, int off, double[] dts, int dOff, int ticks, double[] out) {
        if (ticks == 0) return;
        // Kernels write the state only after their work succeeded, so a retry on JAVA starts from the same state.
        KERNELS.run(pinned, filters, k -> k.runDt(plan, state, filters, z, off, dts, dOff, ticks, out));
    }

    private void checkZ(double[] zs, int off, int ticks) {
        Checks.notNull(zs, "zs");
        Checks.atLeast(ticks, "ticks", 0);
        int need = checkRange(zs, "zs", off, "zOff", (long) ticks * model.m * filters, "ticks * m * N");
        int bad = scanner().firstInfinite(zs, off, need);
        if (bad >= 0) throw Args.infinite("zs[" + bad + "]", zs[bad]);
    }

    private void checkStepZ(double[] z) {
        Checks.minLength(z, "z", (long) model.m * filters, "m * N");
        int bad = scanner().firstInfinite(z, 0, model.m * filters);
        if (bad >= 0) throw Args.infinite("z[" + bad + "]", z[bad]);
    }

    /**
     * The kernel whose scan checks the arguments: a scalar Java scan of z costs a sizeable share of a
     * NATIVE tick (KalmanCpuTime, bench/results/history/kalman.md), so the check uses the fastest scan available
     * (VECTOR or NATIVE), whatever kernel then runs the filters.
     */
    private static BatchKalmanKernels scanner() {
        BatchKalmanKernels s = SCANNER;
        if (s == null) {
            s = JAVA;
            for (Backend kind : new Backend[] {Backend.VECTOR, Backend.NATIVE}) {
                if (dev.sxn.math.backend.Backends.isAvailable(kind)) {
                    try {
                        s = KERNELS.kernel(kind);
                        break;
                    } catch (RuntimeException e) {
                        // An unusable kind leaves the scalar scan.
                    }
                }
            }
            SCANNER = s;
        }
        return s;
    }

    private void checkOut(double[] out, int ticks) {
        if (out != null) Checks.minLength(out, "out", (long) ticks * filters, "ticks * N");
    }

    private void runChecked(Backend pinned, double[] z, int off, int ticks, double[] out) {
        if (ticks == 0) return;
        // Kernels write the state only after their work succeeded (OPENCL reads back at the end; NATIVE and
        // VECTOR cannot fail half-way), so a retry on JAVA recomputes from the same state.
        KERNELS.run(pinned, filters, k -> k.run(plan, state, filters, z, off, ticks, out));
    }
}
