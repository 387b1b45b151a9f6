package dev.sxn.math.regime;

import dev.sxn.math.internal.Checks;

/**
 * Multivariate Student-t emissions, for heavy-tailed returns: in state k the observation has location
 * {@code mu_k}, scale matrix {@code S_k} (full, symmetric positive definite) and {@code nu_k > 0} degrees of
 * freedom:
 * {@code log p(x) = lnG((nu+d)/2) - lnG(nu/2) - d/2 ln(nu pi) - 1/2 ln det S - (nu+d)/2 ln(1 + q/nu)},
 * {@code q = (x - mu)' S^-1 (x - mu)}. Its covariance is {@code nu/(nu-2) S} for nu > 2 (infinite otherwise).
 * Baum-Welch re-estimates location and scale by the ECM step of the scale mixture (weights
 * {@code u = (nu + d) / (nu + q)}, Peel and McLachlan 2000) and keeps nu fixed.
 */
public final class StudentTEmissions extends Emissions {
    private final GaussianEmissions scale;
    private final double[] nu;
    private final double[] constant;   // per state: everything but the q term

    private StudentTEmissions(GaussianEmissions scale, double[] nu) {
        this.scale = scale;
        this.nu = nu;
        int k = nu.length, d = scale.dimension();
        this.constant = new double[k];
        for (int s = 0; s < k; s++) {
            double v = nu[s];
            constant[s] = LogGamma.of((v + d) / 2) - LogGamma.of(v / 2) - 0.5 * d * Math.log(v * Math.PI) - 0.5 * scale.logDet(s);
        }
    }

    /**
     * Student-t emissions: {@code locations} K x d, {@code scales} K matrices d x d, {@code degreesOfFreedom}
     * K values, each positive and finite.
     */
    public static StudentTEmissions of(double[][] locations, double[][][] scales, double[] degreesOfFreedom) {
        GaussianEmissions g = GaussianEmissions.full(locations, scales);
        Checks.length(degreesOfFreedom, "degreesOfFreedom", g.states(), "the number of states");
        for (int s = 0; s < degreesOfFreedom.length; s++) {
            double v = degreesOfFreedom[s];
            if (!(v > 0 && v < Double.POSITIVE_INFINITY)) throw Checks.invalid("degreesOfFreedom[" + s + "]", v, "be positive and finite");
        }
        return new StudentTEmissions(g, degreesOfFreedom.clone());
    }

    /** Univariate Student-t emissions: locations, scales (the scale squared is the scale matrix) and degrees of freedom, K each. */
    public static StudentTEmissions univariate(double[] locations, double[] scales, double[] degreesOfFreedom) {
        Checks.notNull(locations, "locations");
        Checks.length(scales, "scales", locations.length, "the number of states");
        double[][] m = new double[locations.length][];
        double[][][] s = new double[locations.length][][];
        for (int i = 0; i < locations.length; i++) {
            if (!(scales[i] > 0 && scales[i] < Double.POSITIVE_INFINITY)) throw Checks.invalid("scales[" + i + "]", scales[i], "be positive and finite");
            m[i] = new double[] {locations[i]};
            s[i] = new double[][] {{scales[i] * scales[i]}};
        }
        return of(m, s, degreesOfFreedom);
    }

    /** The degrees of freedom of each state (a copy). */
    public double[] degreesOfFreedom() {
        return nu.clone();
    }

    /** The scale matrix of a state, d x d. */
    public double[][] scale(int state) {
        return scale.covariance(state);
    }

    @Override
    public int states() {
        return nu.length;
    }

    @Override
    public int dimension() {
        return scale.dimension();
    }

    @Override
    public int freeParameters() {
        return scale.freeParameters();
    }

    @Override
    public double[][] means() {
        return scale.means();
    }

    @Override
    void logDensities(double[] x, int off, double[] out, double[] work) {
        scale.mahalanobis(x, off, out, work);
        int d = scale.dimension();
        for (int s = 0; s < nu.length; s++) out[s] = constant[s] - 0.5 * (nu[s] + d) * Math.log1p(out[s] / nu[s]);
    }

    @Override
    void checkObservations(double[] x, String name) {}

    @Override
    Emissions permuted(int[] order) {
        double[] v = new double[nu.length];
        for (int s = 0; s < v.length; s++) v[s] = nu[order[s]];
        return new StudentTEmissions((GaussianEmissions) scale.permuted(order), v);
    }

    @Override
    double orderKey(int s) {
        return scale.orderKey(s);
    }

    @Override
    void mixtureMoments(double[] p, double[] mean, double[] cov) {
        int k = nu.length, d = scale.dimension();
        double[] mu = scale.meanArray(), c = scale.covArray();
        java.util.Arrays.fill(mean, 0, d, 0.0);
        java.util.Arrays.fill(cov, 0, d * d, 0.0);
        for (int s = 0; s < k; s++) for (int i = 0; i < d; i++) mean[i] += p[s] * mu[s * d + i];
        for (int s = 0; s < k; s++) {
            if (p[s] == 0) continue;
            double f = nu[s] > 2 ? nu[s] / (nu[s] - 2) : Double.POSITIVE_INFINITY;
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) cov[i * d + j] += p[s] * (f * c[s * d * d + i * d + j] + mu[s * d + i] * mu[s * d + j]);
            }
        }
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) cov[i * d + j] -= mean[i] * mean[j];
    }

    @Override
    void sample(int s, Draws draws, double[] out, int off) {
        int d = scale.dimension();
        double[] mu = scale.meanArray(), l = scale.cholArray();
        double w = Math.sqrt(nu[s] / (2 * draws.gamma(nu[s] / 2)));   // 1 / sqrt(chi2_nu / nu)
        double[] z = new double[d];
        for (int i = 0; i < d; i++) z[i] = draws.normal();
        for (int i = 0; i < d; i++) {
            double v = 0;
            for (int j = 0; j <= i; j++) v += l[s * d * d + i * d + j] * z[j];
            out[off + i] = mu[s * d + i] + w * v;
        }
    }

    @Override
    Emissions reestimate(double[] x, int n, double[] gamma, double[] floors) {
        int k = nu.length, d = scale.dimension();
        double[] q = new double[k], z = new double[d];
        double[] weighted = new double[n * k];   // gamma * u
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(x[t * d])) continue;
            scale.mahalanobis(x, t * d, q, z);
            for (int s = 0; s < k; s++) weighted[t * k + s] = gamma[t * k + s] * (nu[s] + d) / (nu[s] + q[s]);
        }
        double[] mu = new double[k * d], c = new double[k * d * d], wu = new double[k], wg = new double[k];
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(x[t * d])) continue;
            for (int s = 0; s < k; s++) {
                wu[s] += weighted[t * k + s];
                wg[s] += gamma[t * k + s];
                for (int i = 0; i < d; i++) mu[s * d + i] += weighted[t * k + s] * x[t * d + i];
            }
        }
        double[] oldMu = scale.meanArray(), oldC = scale.covArray();
        for (int s = 0; s < k; s++) {
            if (wu[s] <= 0) System.arraycopy(oldMu, s * d, mu, s * d, d);
            else for (int i = 0; i < d; i++) mu[s * d + i] /= wu[s];
        }
        for (int t = 0; t < n; t++) {
            if (Double.isNaN(x[t * d])) continue;
            for (int s = 0; s < k; s++) {
                double w = weighted[t * k + s];
                for (int i = 0; i < d; i++) {
                    for (int j = 0; j <= i; j++) c[s * d * d + i * d + j] += w * (x[t * d + i] - mu[s * d + i]) * (x[t * d + j] - mu[s * d + j]);
                }
            }
        }
        for (int s = 0; s < k; s++) {
            int l = s * d * d;
            if (wg[s] <= 0) {
                System.arraycopy(oldC, l, c, l, d * d);
                continue;
            }
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) c[l + i * d + j] /= wg[s];
                for (int j = 0; j < i; j++) c[l + j * d + i] = c[l + i * d + j];
                c[l + i * d + i] += floors[i];
            }
        }
        return new StudentTEmissions(scale.with(mu, c), nu);
    }
}
