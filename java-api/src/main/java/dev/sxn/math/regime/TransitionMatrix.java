package dev.sxn.math.regime;

import dev.sxn.math.internal.Checks;

import java.util.Arrays;

/**
 * A row-stochastic transition matrix of a Markov chain on K states: {@code a[i][j] = P(s_t = j | s_{t-1} = i)}
 * (rows: from, columns: to). This is the transpose of statsmodels' {@code regime_transition} matrix, whose
 * columns sum to one.
 *
 * <p>Validation: square, every entry finite and in [0, 1], every row summing to 1 within 1e-9 (rows are
 * then rescaled to sum to 1 exactly in floating point as far as one division allows). Immutable.
 */
public final class TransitionMatrix {
    /** Tolerance on a row's sum: input typed by hand or estimated elsewhere rarely sums to 1 exactly. */
    static final double ROW_SUM_TOLERANCE = 1e-9;

    private final int k;
    private final double[] a;   // row-major k x k

    private TransitionMatrix(int k, double[] a) {
        this.k = k;
        this.a = a;
    }

    /**
     * The matrix {@code a} (K x K, rows from, columns to), validated and copied.
     *
     * @throws IllegalArgumentException if {@code a} is empty, not square, has an entry outside [0, 1] or
     *         not finite, or a row whose sum differs from 1 by more than 1e-9
     */
    public static TransitionMatrix of(double[][] a) {
        Checks.notNull(a, "a");
        if (a.length == 0) throw Checks.invalid("a.length", 0, "be >= 1 (the number of states)");
        int k = a.length;
        Checks.rectangular(a, "a", k, k, "a transition matrix is square");
        double[] flat = new double[k * k];
        for (int i = 0; i < k; i++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double v = a[i][j];
                if (!(v >= 0 && v <= 1)) throw Checks.invalid("a[" + i + "][" + j + "]", v, "be a probability in [0, 1]");
                sum += v;
            }
            if (Math.abs(sum - 1) > ROW_SUM_TOLERANCE) throw Checks.invalid("the sum of row " + i + " of a", sum, "be 1 within " + ROW_SUM_TOLERANCE);
            for (int j = 0; j < k; j++) flat[i * k + j] = a[i][j] / sum;
        }
        return new TransitionMatrix(k, flat);
    }

    /** A matrix from a row-major array already validated (package use: fitted models). */
    static TransitionMatrix trusted(int k, double[] rowMajor) {
        return new TransitionMatrix(k, rowMajor.clone());
    }

    /** The number of states K. */
    public int states() {
        return k;
    }

    /** {@code P(s_t = to | s_{t-1} = from)}. */
    public double get(int from, int to) {
        Checks.inRange(from, "from", 0, k - 1, "a state");
        Checks.inRange(to, "to", 0, k - 1, "a state");
        return a[from * k + to];
    }

    /** A copy as {@code double[K][K]}, rows from, columns to. */
    public double[][] toArray() {
        double[][] out = new double[k][];
        for (int i = 0; i < k; i++) out[i] = Arrays.copyOfRange(a, i * k, i * k + k);
        return out;
    }

    /** The row-major entries, not copied: package use only, never written. */
    double[] rowMajor() {
        return a;
    }

    /**
     * A stationary distribution: the row vector {@code s} with {@code s A = s}, {@code sum s = 1}, found by
     * solving {@code (A' - I) s = 0} with the last equation replaced by {@code sum s = 1} (Gaussian
     * elimination with partial pivoting). Unique when the chain is irreducible; for a reducible chain the
     * system is singular and this throws. O(K^3).
     *
     * @throws ArithmeticException if the chain has no unique stationary distribution
     */
    public double[] stationary() {
        int n = k;
        double[] m = new double[n * n];
        double[] b = new double[n];
        for (int r = 0; r < n - 1; r++) {
            for (int c = 0; c < n; c++) m[r * n + c] = a[c * n + r] - (r == c ? 1 : 0);
        }
        for (int c = 0; c < n; c++) m[(n - 1) * n + c] = 1;
        b[n - 1] = 1;
        for (int col = 0; col < n; col++) {
            int p = col;
            for (int r = col + 1; r < n; r++) if (Math.abs(m[r * n + col]) > Math.abs(m[p * n + col])) p = r;
            if (Math.abs(m[p * n + col]) < 1e-13) throw new ArithmeticException("the chain has no unique stationary distribution (it is reducible)");
            if (p != col) {
                for (int c = 0; c < n; c++) {
                    double t = m[p * n + c]; m[p * n + c] = m[col * n + c]; m[col * n + c] = t;
                }
                double t = b[p]; b[p] = b[col]; b[col] = t;
            }
            for (int r = col + 1; r < n; r++) {
                double f = m[r * n + col] / m[col * n + col];
                if (f == 0) continue;
                for (int c = col; c < n; c++) m[r * n + c] -= f * m[col * n + c];
                b[r] -= f * b[col];
            }
        }
        double[] s = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double v = b[r];
            for (int c = r + 1; c < n; c++) v -= m[r * n + c] * s[c];
            s[r] = v / m[r * n + r];
        }
        for (int i = 0; i < n; i++) s[i] = Math.max(0, s[i]);
        double sum = 0;
        for (double v : s) sum += v;
        for (int i = 0; i < n; i++) s[i] /= sum;
        return s;
    }

    /**
     * The expected duration of each regime in steps, {@code 1 / (1 - a_ii)}: the mean of the geometric
     * number of consecutive steps spent in state i once entered. Infinite for an absorbing state.
     */
    public double[] expectedDurations() {
        double[] d = new double[k];
        for (int i = 0; i < k; i++) {
            double stay = a[i * k + i];
            d[i] = stay >= 1 ? Double.POSITIVE_INFINITY : 1 / (1 - stay);
        }
        return d;
    }

    /**
     * The h-step transition matrix {@code A^h} (h >= 0; {@code A^0 = I}), by repeated squaring. O(K^3 log h).
     */
    public TransitionMatrix power(int h) {
        Checks.atLeast(h, "h", 0);
        double[] result = new double[k * k];
        for (int i = 0; i < k; i++) result[i * k + i] = 1;
        double[] base = a.clone();
        int e = h;
        while (e > 0) {
            if ((e & 1) != 0) result = multiply(result, base, k);
            e >>>= 1;
            if (e > 0) base = multiply(base, base, k);
        }
        return new TransitionMatrix(k, result);
    }

    /** The distribution after one step from {@code p}: {@code p A}, in {@code out}. Sums over the source state in ascending order. */
    void propagate(double[] p, double[] out) {
        Arrays.fill(out, 0, k, 0.0);
        for (int i = 0; i < k; i++) {
            double pi = p[i];
            if (pi == 0) continue;
            int row = i * k;
            for (int j = 0; j < k; j++) out[j] += pi * a[row + j];
        }
    }

    private static double[] multiply(double[] x, double[] y, int k) {
        double[] z = new double[k * k];
        for (int i = 0; i < k; i++) {
            for (int l = 0; l < k; l++) {
                double v = x[i * k + l];
                if (v == 0) continue;
                for (int j = 0; j < k; j++) z[i * k + j] += v * y[l * k + j];
            }
        }
        return z;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransitionMatrix t && t.k == k && Arrays.equals(t.a, a);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(a);
    }

    @Override
    public String toString() {
        return "TransitionMatrix" + Arrays.deepToString(toArray());
    }
}
