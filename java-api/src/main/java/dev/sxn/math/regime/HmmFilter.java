package dev.sxn.math.regime;

import dev.sxn.math.internal.Checks;

/**
 * The streaming forward filter of a {@link HiddenMarkovModel}: one observation at a time, with the verbs of
 * the streaming indicators. {@link #update} runs the same step function as the batch
 * {@link HiddenMarkovModel#filter(double[])}, so after the t-th update {@link #value} equals row t of the batch
 * result bit for bit. O(K^2 + K e) per update (e: one emission density), allocation-free.
 *
 * <p>Before the first observation the filter is not ready and its value is pi (the prediction of the first
 * state). A missing observation (any NaN) predicts without updating. Not thread-safe; {@link #copy} forks it.
 */
public final class HmmFilter {
    private final HiddenMarkovModel model;
    private final double[] p;
    private final double[] pred;
    private final double[] logb;
    private final double[] work;
    private final double[] peekOut;
    private long steps;
    private double logLikelihood;

    HmmFilter(HiddenMarkovModel model) {
        this.model = model;
        int k = model.states();
        this.p = model.initialArray().clone();
        this.pred = new double[k];
        this.logb = new double[k];
        this.work = new double[model.dimension()];
        this.peekOut = new double[k];
    }

    private HmmFilter(HmmFilter o) {
        this.model = o.model;
        this.p = o.p.clone();
        this.pred = new double[p.length];
        this.logb = new double[p.length];
        this.work = new double[o.work.length];
        this.peekOut = new double[p.length];
        this.steps = o.steps;
        this.logLikelihood = o.logLikelihood;
    }

    /** The model filtered. */
    public HiddenMarkovModel model() {
        return model;
    }

    /**
     * Takes observation {@code x} (length d) and returns its log-likelihood increment
     * {@code log p(x_t | x_1 .. x_{t-1})} (0 when missing).
     */
    public double update(double[] x) {
        Checks.length(x, "x", model.dimension(), "the observation dimension");
        return step(x, 0);
    }

    /** Takes the observation {@code x[off .. off + d)}; see {@link #update(double[])}. */
    public double update(double[] x, int off) {
        Checks.range(x, "x", off, "off", model.dimension(), "d");
        return step(x, off);
    }

    private double step(double[] x, int off) {
        double inc = Forward.step(model, p, steps == 0, x, off, pred, logb, work, p);
        steps++;
        logLikelihood += inc;
        return inc;
    }

    /**
     * What {@link #update(double[])} would give, without taking the observation: writes the filtered
     * distribution into {@code out} (length K) and returns the log-likelihood increment.
     */
    public double peek(double[] x, double[] out) {
        Checks.length(x, "x", model.dimension(), "the observation dimension");
        Checks.length(out, "out", model.states(), "the number of states");
        double inc = Forward.step(model, p, steps == 0, x, 0, pred, logb, work, peekOut);
        System.arraycopy(peekOut, 0, out, 0, p.length);
        return inc;
    }

    /** An independent copy in the same state. */
    public HmmFilter copy() {
        return new HmmFilter(this);
    }

    /** Writes the current filtered distribution {@code P(s_t = k | x_1 .. x_t)} into {@code out} (length K). */
    public void value(double[] out) {
        Checks.length(out, "out", model.states(), "the number of states");
        System.arraycopy(p, 0, out, 0, p.length);
    }

    /** The current filtered probability of state k. */
    public double value(int k) {
        Checks.inRange(k, "k", 0, p.length - 1, "a state");
        return p[k];
    }

    /** The current most likely state (ties to the lower index). */
    public int mostLikely() {
        int best = 0;
        for (int j = 1; j < p.length; j++) if (p[j] > p[best]) best = j;
        return best;
    }

    /** Whether at least one observation has been taken. */
    public boolean isReady() {
        return steps > 0;
    }

    /** The number of observations taken (missing ones included). */
    public long count() {
        return steps;
    }

    /** The log-likelihood of the observations taken so far. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** h-step state and observation forecasts from the current filtered distribution. */
    public HmmForecast forecast(int horizon) {
        return model.forecastFrom(p, horizon);
    }

    /** Forgets every observation: back to pi, not ready. */
    public void reset() {
        System.arraycopy(model.initialArray(), 0, p, 0, p.length);
        steps = 0;
        logLikelihood = 0;
    }
}
