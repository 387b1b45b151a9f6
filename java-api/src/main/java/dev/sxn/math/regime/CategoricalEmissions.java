package dev.sxn.math.regime;

import dev.sxn.math.internal.Checks;

import java.util.Arrays;

/**
 * Categorical (discrete) emissions: in state k the symbol m in {@code 0 .. M-1} appears with probability
 * {@code b[k][m]}. Observations are one value each (d = 1): the symbol as a double (NaN = missing).
 * Immutable.
 */
public final class CategoricalEmissions extends Emissions {
    private final int k;
    private final int m;
    private final double[] b;     // k x m
    private final double[] logB;  // k x m

    private CategoricalEmissions(int k, int m, double[] b) {
        this.k = k;
        this.m = m;
        this.b = b;
        this.logB = new double[k * m];
        for (int e = 0; e < k * m; e++) logB[e] = Math.log(b[e]);
    }

    /**
     * Emissions with {@code probabilities[k][m] = P(symbol m | state k)}: K rows of M >= 1 probabilities, each
     * row summing to 1 within 1e-9.
     */
    public static CategoricalEmissions of(double[][] probabilities) {
        Checks.notNull(probabilities, "probabilities");
        if (probabilities.length == 0) throw Checks.invalid("probabilities.length", 0, "be >= 1 (the number of states)");
        Checks.notNull(probabilities[0], "probabilities[0]");
        int k = probabilities.length, m = probabilities[0].length;
        if (m == 0) throw Checks.invalid("probabilities[0].length", 0, "be >= 1 (the number of symbols)");
        Checks.rectangular(probabilities, "probabilities", k, m, "states x symbols");
        double[] b = new double[k * m];
        for (int s = 0; s < k; s++) {
            double sum = 0;
            for (int j = 0; j < m; j++) {
                double v = probabilities[s][j];
                if (!(v >= 0 && v <= 1)) throw Checks.invalid("probabilities[" + s + "][" + j + "]", v, "be a probability in [0, 1]");
                sum += v;
            }
            if (Math.abs(sum - 1) > TransitionMatrix.ROW_SUM_TOLERANCE) throw Checks.invalid("the sum of probabilities[" + s + "]", sum, "be 1 within " + TransitionMatrix.ROW_SUM_TOLERANCE);
            for (int j = 0; j < m; j++) b[s * m + j] = probabilities[s][j] / sum;
        }
        return new CategoricalEmissions(k, m, b);
    }

    /** The number of symbols M. */
    public int symbols() {
        return m;
    }

    /** {@code P(symbol | state)}. */
    public double probability(int state, int symbol) {
        Checks.inRange(state, "state", 0, k - 1, "a state");
        Checks.inRange(symbol, "symbol", 0, m - 1, "a symbol");
        return b[state * m + symbol];
    }

    @Override
    public int states() {
        return k;
    }

    @Override
    public int dimension() {
        return 1;
    }

    @Override
    public int freeParameters() {
        return k * (m - 1);
    }

    @Override
    public double[][] means() {
        double[][] out = new double[k][1];
        for (int s = 0; s < k; s++) out[s][0] = orderKey(s);
        return out;
    }

    @Override
    void logDensities(double[] x, int off, double[] out, double[] work) {
        int sym = (int) x[off];
        for (int s = 0; s < k; s++) out[s] = logB[s * m + sym];
    }

    @Override
    void checkObservations(double[] x, String name) {
        for (int t = 0; t < x.length; t++) {
            double v = x[t];
            if (Double.isNaN(v)) continue;
            if (!(v >= 0 && v < m && v == Math.rint(v))) throw Checks.invalid(name + "[" + t + "]", v, "be a symbol in {0, ..., " + (m - 1) + "} (or NaN, missing)");
        }
    }

    @Override
    Emissions permuted(int[] order) {
        double[] p = new double[k * m];
        for (int s = 0; s < k; s++) System.arraycopy(b, order[s] * m, p, s * m, m);
        return new CategoricalEmissions(k, m, p);
    }

    @Override
    double orderKey(int s) {
        double e = 0;
        for (int j = 0; j < m; j++) e += j * b[s * m + j];
        return e;
    }

    @Override
    void mixtureMoments(double[] p, double[] mean, double[] cov) {
        double mu = 0, second = 0;
        for (int s = 0; s < k; s++) {
            for (int j = 0; j < m; j++) {
                double w = p[s] * b[s * m + j];
                mu += w * j;
                second += w * (double) j * j;
            }
        }
        mean[0] = mu;
        cov[0] = second - mu * mu;
    }

    @Override
    void sample(int s, Draws draws, double[] out, int off) {
        out[off] = draws.index(b, s * m, m);
    }

    @Override
    Emissions reestimate(double[] x, int n, double[] gamma, double[] floors) {
        double[] counts = new double[k * m];
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(x[t])) continue;
            int sym = (int) x[t];
            for (int s = 0; s < k; s++) counts[s * m + sym] += gamma[t * k + s];
        }
        for (int s = 0; s < k; s++) {
            double sum = 0;
            for (int j = 0; j < m; j++) sum += counts[s * m + j];
            if (sum <= 0) {
                System.arraycopy(b, s * m, counts, s * m, m);
                continue;
            }
            for (int j = 0; j < m; j++) counts[s * m + j] /= sum;
        }
        return new CategoricalEmissions(k, m, counts);
    }

    @Override
    public String toString() {
        return "CategoricalEmissions" + Arrays.toString(b);
    }
}
