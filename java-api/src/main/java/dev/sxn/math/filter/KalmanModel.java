package dev.sxn.math.filter;

import dev.sxn.math.internal.Checks;

/**
 * A linear Gaussian state-space model: n states, m observations, optional control input of size c.
 *
 * <pre>
 *   x_t = F x_{t-1} + B u_t + w_t,   w_t ~ N(0, Q)      (transition)
 *   z_t = H x_t + v_t,               v_t ~ N(0, R)      (observation)
 * </pre>
 *
 * F (n x n), H (m x n), Q (n x n, symmetric positive semidefinite), R (m x m, symmetric positive
 * definite) and B (n x c) are checked once when the model is built: dimensions, finite entries, and
 * definiteness (a NaN in F or a non-SPD R is an {@link IllegalArgumentException} naming the matrix and
 * the offending entry or pivot). A model may also carry a {@link TimeStep} that builds F and Q from the
 * time elapsed since the previous observation, for irregularly spaced ticks.
 *
 * <p>Immutable and thread-safe; accessors return copies.
 */
public final class KalmanModel {
    /**
     * Builds the transition F and process noise Q of one step from its length {@code dt} (in the
     * caller's time unit). Implementations write row-major n x n arrays; they must be pure and
     * thread-safe.
     */
    @FunctionalInterface
    public interface TimeStep {
        /** Writes F(dt) into {@code f} and Q(dt) into {@code q}, both row-major n x n. */
        void fill(double dt, double[] f, double[] q);
    }

    final int n;
    final int m;
    final int c;
    final double[] f;
    final double[] h;
    final double[] q;
    final double[] r;
    final double[] b;
    final TimeStep timeStep;
    /** The acceleration density of a {@link #constantVelocity} model (BatchKalman's per-filter dt path), else NaN. */
    final double cvDensity;

    private KalmanModel(Builder bld) {
        this.n = bld.n;
        this.m = bld.m;
        if (bld.f == null) throw Checks.invalid("the transition F", "not set", "be set (Builder.transition)");
        if (bld.h == null) throw Checks.invalid("the observation matrix H", "not set", "be set (Builder.observation)");
        if (bld.q == null) throw Checks.invalid("the process noise Q", "not set", "be set (Builder.processNoise)");
        if (bld.r == null) throw Checks.invalid("the observation noise R", "not set", "be set (Builder.observationNoise)");
        this.f = Args.matrix(bld.f, "F", n, n, "n x n");
        this.h = Args.matrix(bld.h, "H", m, n, "m x n");
        this.q = Args.matrix(bld.q, "Q", n, n, "n x n");
        this.r = Args.matrix(bld.r, "R", m, m, "m x m");
        Args.positiveSemidefinite(q, n, "Q");
        Args.positiveDefinite(r, m, "R");
        if (bld.b != null) {
            if (bld.b.length != n) throw Checks.invalid("B.length", bld.b.length, "be " + n + " (n rows)");
            this.c = bld.b[0] == null ? 0 : bld.b[0].length;
            if (c == 0) throw Checks.invalid("B", n + "x0", "have at least one column");
            this.b = Args.matrix(bld.b, "B", n, c, "n x c");
        } else {
            this.c = 0;
            this.b = null;
        }
        this.timeStep = bld.timeStep;
        this.cvDensity = bld.cvDensity;
    }

    /** Starts a model with {@code stateDim} states and {@code obsDim} observations (both >= 1). */
    public static Builder builder(int stateDim, int obsDim) {
        Checks.atLeast(stateDim, "stateDim", 1);
        Checks.atLeast(obsDim, "obsDim", 1);
        return new Builder(stateDim, obsDim);
    }

    /** Builder of a {@link KalmanModel}; matrices are copied by {@link #build()}. Not thread-safe. */
    public static final class Builder {
        private final int n;
        private final int m;
        private double[][] f;
        private double[][] h;
        private double[][] q;
        private double[][] r;
        private double[][] b;
        private TimeStep timeStep;
        private double cvDensity = Double.NaN;

        private Builder(int n, int m) {
            this.n = n;
            this.m = m;
        }

        /** The transition F (n x n). */
        public Builder transition(double[][] f) {
            this.f = Checks.notNull(f, "F");
            return this;
        }

        /** The observation matrix H (m x n). */
        public Builder observation(double[][] h) {
            this.h = Checks.notNull(h, "H");
            return this;
        }

        /** The process noise covariance Q (n x n, symmetric positive semidefinite). */
        public Builder processNoise(double[][] q) {
            this.q = Checks.notNull(q, "Q");
            return this;
        }

        /** The observation noise covariance R (m x m, symmetric positive definite). */
        public Builder observationNoise(double[][] r) {
            this.r = Checks.notNull(r, "R");
            return this;
        }

        /** The control matrix B (n x c): the prediction adds B u. */
        public Builder control(double[][] b) {
            this.b = Checks.notNull(b, "B");
            return this;
        }

        /** F and Q as functions of the step length, for {@link KalmanFilter#predictDt(double)}. */
        public Builder timeStep(TimeStep timeStep) {
            this.timeStep = Checks.notNull(timeStep, "timeStep");
            return this;
        }

        /** Marks the model as {@link KalmanModel#constantVelocity}'s, whose F(dt), Q(dt) BatchKalman knows in closed form. */
        private Builder constantVelocity(double accelDensity) {
            this.cvDensity = accelDensity;
            return this;
        }

        /** The checked, immutable model. */
        public KalmanModel build() {
            return new KalmanModel(this);
        }
    }

    /**
     * Local level (random walk plus noise): x_t = x_{t-1} + w_t, z_t = x_t + v_t, Var w = levelVar,
     * Var v = obsVar. R's {@code StructTS(type = "level")} model.
     */
    public static KalmanModel localLevel(double levelVar, double obsVar) {
        Checks.nonNegative(levelVar, "levelVar");
        Checks.positive(obsVar, "obsVar");
        return builder(1, 1).transition(new double[][] {{1}}).observation(new double[][] {{1}})
                .processNoise(new double[][] {{levelVar}}).observationNoise(new double[][] {{obsVar}}).build();
    }

    /**
     * Local linear trend (price and velocity): level_t = level_{t-1} + slope_{t-1} + w1,
     * slope_t = slope_{t-1} + w2, z_t = level_t + v; F = [[1, 1], [0, 1]], H = [1, 0],
     * Q = diag(levelVar, slopeVar), R = obsVar. R's {@code StructTS(type = "trend")} model.
     */
    public static KalmanModel localLinearTrend(double levelVar, double slopeVar, double obsVar) {
        Checks.nonNegative(levelVar, "levelVar");
        Checks.nonNegative(slopeVar, "slopeVar");
        Checks.positive(obsVar, "obsVar");
        return builder(2, 1).transition(new double[][] {{1, 1}, {0, 1}}).observation(new double[][] {{1, 0}})
                .processNoise(new double[][] {{levelVar, 0}, {0, slopeVar}}).observationNoise(new double[][] {{obsVar}}).build();
    }

    /**
     * Constant velocity with irregular ticks: state (position, velocity), white-noise acceleration of
     * spectral density {@code accelDensity} (position-units^2 per time-unit^3). For a step of length dt:
     * F = [[1, dt], [0, 1]], Q = accelDensity * [[dt^3/3, dt^2/2], [dt^2/2, dt]] (the exact
     * discretisation); H = [1, 0], R = obsVar. The fixed F and Q are those of dt = 1; use
     * {@link KalmanFilter#predictDt(double)} or {@link KalmanFilter#filter(double[][], double[][], double[])}
     * with each tick's dt.
     */
    public static KalmanModel constantVelocity(double accelDensity, double obsVar) {
        Checks.positive(accelDensity, "accelDensity");
        Checks.positive(obsVar, "obsVar");
        TimeStep ts = (dt, f, q) -> {
            f[0] = 1;
            f[1] = dt;
            f[2] = 0;
            f[3] = 1;
            q[0] = accelDensity * dt * dt * dt / 3;
            q[1] = accelDensity * dt * dt / 2;
            q[2] = q[1];
            q[3] = accelDensity * dt;
        };
        double[] f = new double[4];
        double[] q = new double[4];
        ts.fill(1.0, f, q);
        return builder(2, 1).transition(Dense.unflatten(f, 0, 2, 2)).observation(new double[][] {{1, 0}})
                .processNoise(Dense.unflatten(q, 0, 2, 2)).observationNoise(new double[][] {{obsVar}}).timeStep(ts).constantVelocity(accelDensity)
                .build();
    }

    /** The number of states n. */
    public int stateDim() {
        return n;
    }

    /** The number of observations m. */
    public int obsDim() {
        return m;
    }

    /** The control dimension c (0 without control). */
    public int controlDim() {
        return c;
    }

    /** Whether this is a {@link #constantVelocity} model (BatchKalman accepts per-filter step lengths for it). */
    public boolean isConstantVelocity() {
        return !Double.isNaN(cvDensity);
    }

    /** Whether the model builds F and Q from a step length. */
    public boolean hasTimeStep() {
        return timeStep != null;
    }

    /** A copy of F. */
    public double[][] transition() {
        return Dense.unflatten(f, 0, n, n);
    }

    /** A copy of H. */
    public double[][] observation() {
        return Dense.unflatten(h, 0, m, n);
    }

    /** A copy of Q. */
    public double[][] processNoise() {
        return Dense.unflatten(q, 0, n, n);
    }

    /** A copy of R. */
    public double[][] observationNoise() {
        return Dense.unflatten(r, 0, m, m);
    }

    /** A copy of B, or null without control. */
    public double[][] control() {
        return b == null ? null : Dense.unflatten(b, 0, n, c);
    }
}
