package dev.sxn.math.regime;

import dev.sxn.math.internal.Checks;

import java.util.Arrays;

/**
 * Gaussian emissions: in state k the observation is {@code N(mu_k, S_k)} in d dimensions, with the
 * covariances parameterised by a {@link CovarianceType}. The log density is
 * {@code -1/2 (d log 2 pi + log det S_k + (x - mu_k)' S_k^-1 (x - mu_k))}, evaluated through the Cholesky
 * factor {@code S_k = L L'} by forward substitution (O(d^2) per state; O(d) for diagonal and spherical).
 *
 * <p>Immutable. Factories validate: means K x d and finite; covariances symmetric (relative 1e-12) and
 * positive definite.
 */
public final class GaussianEmissions extends Emissions {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private final CovarianceType type;
    private final int k;
    private final int d;
    private final double[] mu;       // k x d
    private final double[] cov;      // k x d x d (tied: the same matrix repeated)
    private final double[] chol;     // k x d x d, lower Cholesky factors
    private final double[] invDiag;  // k x d, 1 / L_ii
    private final double[] logNorm;  // k: -1/2 (d log 2 pi + log det S_k)
    private final double[] zeros;    // k zeros: the normaliser of a bare quadratic form

    private GaussianEmissions(CovarianceType type, int k, int d, double[] mu, double[] cov) {
        this.type = type;
        this.k = k;
        this.d = d;
        this.mu = mu;
        this.cov = cov;
        this.chol = new double[k * d * d];
        this.invDiag = new double[k * d];
        this.logNorm = new double[k];
        this.zeros = new double[k];
        for (int s = 0; s < k; s++) {
            double logDet = cholesky(cov, s * d * d, d, chol, invDiag, s * d, s);
            logNorm[s] = -0.5 * (d * LOG_2PI + logDet);
        }
    }

    /** Full covariances: {@code means} K x d, {@code covariances} K matrices d x d. */
    public static GaussianEmissions full(double[][] means, double[][][] covariances) {
        int[] kd = shape(means);
        int k = kd[0], d = kd[1];
        Checks.notNull(covariances, "covariances");
        if (covariances.length != k) throw Checks.invalid("covariances.length", covariances.length, "be " + k + " (the number of states)");
        double[] cov = new double[k * d * d];
        for (int s = 0; s < k; s++) copyMatrix(covariances[s], "covariances[" + s + "]", d, cov, s * d * d);
        return new GaussianEmissions(CovarianceType.FULL, k, d, flatten(means, k, d), cov);
    }

    /** Diagonal covariances: {@code means} K x d, {@code variances} K x d (positive). */
    public static GaussianEmissions diagonal(double[][] means, double[][] variances) {
        int[] kd = shape(means);
        int k = kd[0], d = kd[1];
        Checks.rectangular(variances, "variances", k, d, "states x dimension");
        double[] cov = new double[k * d * d];
        for (int s = 0; s < k; s++) {
            for (int j = 0; j < d; j++) {
                double v = variances[s][j];
                if (!(v > 0 && v < Double.POSITIVE_INFINITY)) throw Checks.invalid("variances[" + s + "][" + j + "]", v, "be positive and finite");
                cov[s * d * d + j * d + j] = v;
            }
        }
        return new GaussianEmissions(CovarianceType.DIAGONAL, k, d, flatten(means, k, d), cov);
    }

    /** Spherical covariances {@code variances[k] I}: {@code means} K x d, {@code variances} K (positive). */
    public static GaussianEmissions spherical(double[][] means, double[] variances) {
        int[] kd = shape(means);
        int k = kd[0], d = kd[1];
        Checks.length(variances, "variances", k, "the number of states");
        double[] cov = new double[k * d * d];
        for (int s = 0; s < k; s++) {
            double v = variances[s];
            if (!(v > 0 && v < Double.POSITIVE_INFINITY)) throw Checks.invalid("variances[" + s + "]", v, "be positive and finite");
            for (int j = 0; j < d; j++) cov[s * d * d + j * d + j] = v;
        }
        return new GaussianEmissions(CovarianceType.SPHERICAL, k, d, flatten(means, k, d), cov);
    }

    /** One covariance shared by all states: {@code means} K x d, {@code covariance} d x d. */
    public static GaussianEmissions tied(double[][] means, double[][] covariance) {
        int[] kd = shape(means);
        int k = kd[0], d = kd[1];
        double[] one = new double[d * d];
        copyMatrix(covariance, "covariance", d, one, 0);
        double[] cov = new double[k * d * d];
        for (int s = 0; s < k; s++) System.arraycopy(one, 0, cov, s * d * d, d * d);
        return new GaussianEmissions(CovarianceType.TIED, k, d, flatten(means, k, d), cov);
    }

    /** Univariate Gaussian emissions: {@code means} and {@code variances} of length K. */
    public static GaussianEmissions univariate(double[] means, double[] variances) {
        Checks.notNull(means, "means");
        if (means.length == 0) throw Checks.invalid("means.length", 0, "be >= 1 (the number of states)");
        Checks.allFinite(means, "means");
        Checks.length(variances, "variances", means.length, "the number of states");
        double[][] m = new double[means.length][];
        double[][] v = new double[means.length][];
        for (int s = 0; s < means.length; s++) {
            m[s] = new double[] {means[s]};
            v[s] = new double[] {variances[s]};
        }
        return diagonal(m, v);
    }

    /** The covariance parameterisation. */
    public CovarianceType covarianceType() {
        return type;
    }

    @Override
    public int states() {
        return k;
    }

    @Override
    public int dimension() {
        return d;
    }

    @Override
    public int freeParameters() {
        int c = switch (type) {
            case FULL -> k * d * (d + 1) / 2;
            case DIAGONAL -> k * d;
            case SPHERICAL -> k;
            case TIED -> d * (d + 1) / 2;
        };
        return k * d + c;
    }

    @Override
    public double[][] means() {
        double[][] out = new double[k][];
        for (int s = 0; s < k; s++) out[s] = Arrays.copyOfRange(mu, s * d, s * d + d);
        return out;
    }

    /** The covariance of state {@code state}, d x d. */
    public double[][] covariance(int state) {
        Checks.inRange(state, "state", 0, k - 1, "a state");
        double[][] out = new double[d][];
        for (int i = 0; i < d; i++) out[i] = Arrays.copyOfRange(cov, state * d * d + i * d, state * d * d + i * d + d);
        return out;
    }

    /** Means row-major K x d, not copied (package use: batched kernels). */
    double[] meanArray() {
        return mu;
    }

    /** Lower Cholesky factors row-major K x d x d, not copied. */
    double[] cholArray() {
        return chol;
    }

    /** Reciprocal Cholesky diagonals K x d, not copied. */
    double[] invDiagArray() {
        return invDiag;
    }

    /** Log normalising constants K, not copied. */
    double[] logNormArray() {
        return logNorm;
    }

    @Override
    void logDensities(double[] x, int off, double[] out, double[] z) {
        logDensities(x, off, out, z, k, d, mu, chol, invDiag, logNorm, type == CovarianceType.DIAGONAL || type == CovarianceType.SPHERICAL);
    }

    /**
     * The Gaussian log densities of one observation for every state: the one operation order the plain-Java
     * kernels, the streaming filter and the batch filter share.
     */
    static void logDensities(double[] x, int off, double[] out, double[] z, int k, int d, double[] mu, double[] chol,
                             double[] invDiag, double[] logNorm, boolean diagonal) {
        for (int s = 0; s < k; s++) {
            int m = s * d;
            int l = s * d * d;
            double q = 0;
            for (int i = 0; i < d; i++) {
                double v = x[off + i] - mu[m + i];
                if (!diagonal) {
                    for (int j = 0; j < i; j++) v -= chol[l + i * d + j] * z[j];
                }
                double zi = v * invDiag[m + i];
                z[i] = zi;
                q += zi * zi;
            }
            out[s] = logNorm[s] - 0.5 * q;
        }
    }

    /** The squared Mahalanobis distances {@code (x - mu_k)' S_k^-1 (x - mu_k)} of one observation, per state. */
    void mahalanobis(double[] x, int off, double[] q, double[] z) {
        logDensities(x, off, q, z, k, d, mu, chol, invDiag, zeros, type == CovarianceType.DIAGONAL || type == CovarianceType.SPHERICAL);
        for (int s = 0; s < k; s++) q[s] *= -2;
    }

    /** {@code log det S_k}. */
    double logDet(int s) {
        return -2 * logNorm[s] - d * LOG_2PI;
    }

    /** Row-major K x d x d covariances, not copied. */
    double[] covArray() {
        return cov;
    }

    /** New Gaussian emissions of the same type from row-major means and covariances (validated by the factorisation). */
    GaussianEmissions with(double[] means, double[] covariances) {
        return new GaussianEmissions(type, k, d, means, covariances);
    }

    @Override
    void checkObservations(double[] x, String name) {
        // Any double is an observation; NaN marks a missing one (checked by the model).
    }

    @Override
    Emissions permuted(int[] order) {
        double[] m = new double[k * d];
        double[] c = new double[k * d * d];
        for (int s = 0; s < k; s++) {
            System.arraycopy(mu, order[s] * d, m, s * d, d);
            System.arraycopy(cov, order[s] * d * d, c, s * d * d, d * d);
        }
        return new GaussianEmissions(type, k, d, m, c);
    }

    @Override
    double orderKey(int s) {
        return mu[s * d];
    }

    @Override
    void mixtureMoments(double[] p, double[] mean, double[] out) {
        Arrays.fill(mean, 0, d, 0.0);
        Arrays.fill(out, 0, d * d, 0.0);
        for (int s = 0; s < k; s++) {
            for (int i = 0; i < d; i++) mean[i] += p[s] * mu[s * d + i];
        }
        for (int s = 0; s < k; s++) {
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    out[i * d + j] += p[s] * (cov[s * d * d + i * d + j] + mu[s * d + i] * mu[s * d + j]);
                }
            }
        }
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) out[i * d + j] -= mean[i] * mean[j];
    }

    @Override
    void sample(int s, Draws draws, double[] out, int off) {
        double[] z = new double[d];
        for (int i = 0; i < d; i++) z[i] = draws.normal();
        for (int i = 0; i < d; i++) {
            double v = mu[s * d + i];
            for (int j = 0; j <= i; j++) v += chol[s * d * d + i * d + j] * z[j];
            out[off + i] = v;
        }
    }

    @Override
    Emissions reestimate(double[] x, int n, double[] gamma, double[] floors) {
        double[] m = new double[k * d];
        double[] c = new double[k * d * d];
        double[] weight = new double[k];
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(x[t * d])) continue;
            for (int s = 0; s < k; s++) {
                double g = gamma[t * k + s];
                weight[s] += g;
                for (int i = 0; i < d; i++) m[s * d + i] += g * x[t * d + i];
            }
        }
        for (int s = 0; s < k; s++) {
            if (weight[s] <= 0) {
                System.arraycopy(mu, s * d, m, s * d, d);
                continue;
            }
            for (int i = 0; i < d; i++) m[s * d + i] /= weight[s];
        }
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(x[t * d])) continue;
            for (int s = 0; s < k; s++) {
                double g = gamma[t * k + s];
                for (int i = 0; i < d; i++) {
                    double ei = x[t * d + i] - m[s * d + i];
                    for (int j = 0; j <= i; j++) c[s * d * d + i * d + j] += g * ei * (x[t * d + j] - m[s * d + j]);
                }
            }
        }
        double total = 0;
        for (double w : weight) total += w;
        if (type == CovarianceType.TIED) {
            double[] pooled = new double[d * d];
            for (int s = 0; s < k; s++) for (int e = 0; e < d * d; e++) pooled[e] += c[s * d * d + e];
            for (int e = 0; e < d * d; e++) pooled[e] /= total;
            for (int s = 0; s < k; s++) System.arraycopy(pooled, 0, c, s * d * d, d * d);
        } else {
            for (int s = 0; s < k; s++) {
                if (weight[s] <= 0) {
                    System.arraycopy(cov, s * d * d, c, s * d * d, d * d);
                    continue;
                }
                for (int e = 0; e < d * d; e++) c[s * d * d + e] /= weight[s];
            }
        }
        for (int s = 0; s < k; s++) {
            int l = s * d * d;
            if (type == CovarianceType.TIED || type == CovarianceType.FULL) {
                if (type == CovarianceType.FULL && weight[s] <= 0) continue;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < i; j++) c[l + j * d + i] = c[l + i * d + j];
                    c[l + i * d + i] += floors[i];
                }
            } else if (type == CovarianceType.DIAGONAL) {
                if (weight[s] <= 0) continue;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < i; j++) c[l + i * d + j] = 0;
                    c[l + i * d + i] += floors[i];
                }
            } else {
                if (weight[s] <= 0) continue;
                double v = 0, f = 0;
                for (int i = 0; i < d; i++) {
                    v += c[l + i * d + i];
                    f += floors[i];
                }
                v = (v + f) / d;
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j < i; j++) c[l + i * d + j] = 0;
                    c[l + i * d + i] = v;
                }
            }
        }
        return new GaussianEmissions(type, k, d, m, c);
    }

    /** Lower Cholesky factor of the d x d block at {@code off}; returns log det. Throws when not positive definite. */
    private static double cholesky(double[] a, int off, int d, double[] l, double[] inv, int invOff, int state) {
        double logDet = 0;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[off + i * d + j];
                for (int p = 0; p < j; p++) s -= l[off + i * d + p] * l[off + j * d + p];
                if (i == j) {
                    if (!(s > 0)) throw Checks.invalid("the covariance of state " + state, "not positive definite (pivot " + i + " is " + s + ")", "be positive definite");
                    double r = Math.sqrt(s);
                    l[off + i * d + i] = r;
                    inv[invOff + i] = 1 / r;
                    logDet += 2 * Math.log(r);
                } else {
                    l[off + i * d + j] = s / l[off + j * d + j];
                }
            }
        }
        return logDet;
    }

    private static int[] shape(double[][] means) {
        Checks.notNull(means, "means");
        if (means.length == 0) throw Checks.invalid("means.length", 0, "be >= 1 (the number of states)");
        Checks.notNull(means[0], "means[0]");
        int d = means[0].length;
        if (d == 0) throw Checks.invalid("means[0].length", 0, "be >= 1 (the observation dimension)");
        Checks.rectangular(means, "means", means.length, d, "states x dimension");
        Checks.finiteEntries(means, "means");
        return new int[] {means.length, d};
    }

    private static double[] flatten(double[][] a, int k, int d) {
        double[] out = new double[k * d];
        for (int s = 0; s < k; s++) System.arraycopy(a[s], 0, out, s * d, d);
        return out;
    }

    private static void copyMatrix(double[][] m, String name, int d, double[] out, int off) {
        Checks.rectangular(m, name, d, d, "the observation dimension");
        Checks.finiteEntries(m, name);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double a = m[i][j], b = m[j][i];
                if (Math.abs(a - b) > 1e-12 * Math.max(Math.abs(a), Math.abs(b))) {
                    throw Checks.invalid(name + "[" + i + "][" + j + "]", a + " (its transpose entry is " + b + ")", "equal " + name + "[" + j + "][" + i + "] (a covariance is symmetric)");
                }
                out[off + i * d + j] = a;
            }
        }
    }
}
