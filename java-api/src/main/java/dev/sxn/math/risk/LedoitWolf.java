package dev.sxn.math.risk;

import dev.sxn.math.internal.Checks;
import dev.sxn.math.linalg.DMatrix;

/**
 * Ledoit-Wolf shrinkage of a sample covariance towards a scaled identity (O. Ledoit, M. Wolf, "A well-conditioned
 * estimator for large-dimensional covariance matrices", J. Multivariate Analysis 88, 2004), with scikit-learn's
 * {@code LedoitWolf} conventions (the reference of the tests):
 *
 * <p>X is n observations x p variables, centred by its column means; {@code S = X^T X / n} (divided by n, not
 * n - 1); {@code m = tr(S) / p}; {@code d^2 = ||S - m I||_F^2 / p};
 * {@code b^2 = min(d^2, (1 / (n^2 p)) sum_k ||x_k x_k^T - S||_F^2)} computed as
 * {@code (1/(p n)) (sum (X^2)^T (X^2) / n - ||S||_F^2)}; shrinkage {@code delta = b^2 / d^2} (0 when {@code b^2 = 0});
 * result {@code (1 - delta) S + delta m I}. O(n p^2).
 */
public final class LedoitWolf {
    private LedoitWolf() {}

    /**
     * The shrunk covariance and the shrinkage intensity.
     *
     * @param covariance the p x p shrunk covariance
     * @param shrinkage  delta in [0, 1]
     */
    public record Estimate(DMatrix covariance, double shrinkage) {}

    /** Shrinks the covariance of {@code x} (n x p, one observation per row, n >= 2, finite). O(n p^2). */
    public static Estimate shrink(DMatrix x) {
        Checks.notNull(x, "x");
        int n = x.rows(), p = x.cols();
        Checks.atLeast(n, "x.rows()", 2, "a covariance needs two observations");
        Checks.atLeast(p, "x.cols()", 1);
        Checks.allFinite(x.data(), "x.data()");
        double[] a = x.data();
        double[] c = new double[n * p];
        for (int j = 0; j < p; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += a[i + j * n];
            mean /= n;
            for (int i = 0; i < n; i++) c[i + j * n] = a[i + j * n] - mean;
        }
        double[] s = new double[p * p];
        double sumS2 = 0, beta = 0, trace = 0;
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) {
                double dot = 0, dot2 = 0;
                for (int i = 0; i < n; i++) {
                    double u = c[i + j * n], v = c[i + k * n];
                    dot += u * v;
                    dot2 += u * u * v * v;
                }
                s[j + k * p] = dot / n;
                sumS2 += (dot / n) * (dot / n);
                beta += dot2;
            }
            trace += s[j + j * p];
        }
        double mu = trace / p;
        // ||S - mu I||_F^2 = ||S||_F^2 - 2 mu tr(S) + p mu^2
        double delta2 = (sumS2 - 2 * mu * trace + p * mu * mu) / p;
        double beta2 = Math.min(delta2, (beta / n - sumS2) / ((double) p * n));
        double shrinkage = beta2 == 0 ? 0 : beta2 / delta2;
        for (int j = 0; j < p; j++) {
            for (int k = 0; k < p; k++) s[j + k * p] *= 1 - shrinkage;
            s[j + j * p] += shrinkage * mu;
        }
        return new Estimate(DMatrix.wrap(p, p, s), shrinkage);
    }
}
