package dev.sxn.math.risk;

/**
 * The negative log-likelihood of a constant-mean GARCH(1,1) or GJR-GARCH(1,1) and its exact gradient, for the
 * series {@code y_t = x_t / scale} (fGarch fits the series divided by its standard deviation; scale 1 gives the
 * likelihood of the series itself).
 *
 * <p>With {@code z_t = y_t - mu} and {@code h_t} from {@link GarchModel} started by {@link GarchInit}:
 * normal, {@code -log L = sum_t [log(2 pi) / 2 + log(h_t) / 2 + z_t^2 / (2 h_t)]}; standardized t with
 * {@code nu} degrees of freedom, {@code -log L = sum_t [-lgamma((nu + 1) / 2) + lgamma(nu / 2)
 * + log(pi (nu - 2)) / 2 + log(h_t) / 2 + (nu + 1) / 2 log(1 + z_t^2 / (h_t (nu - 2)))]}, which is fGarch's
 * {@code -sum(log(dstd(z, 0, sqrt(h), nu)))}. The gradient runs forward with the recursion:
 * {@code dh_t/dtheta = d(omega + alpha e_{t-1}^2)/dtheta + h_{t-1} dbeta/dtheta + beta dh_{t-1}/dtheta}.
 *
 * <p>Returns {@code +Infinity} where the likelihood is undefined (a non-positive or non-finite variance,
 * {@code nu <= 2}), so the optimiser's line search backs off. One pass over the series per call, O(n) time,
 * O(1) scratch; the series is read, never copied. Not thread-safe (it owns small scratch arrays); one per fit.
 */
final class GarchLikelihood implements GarchOptimizer.Objective {
    private static final double HALF_LOG_2PI = 0.9189385332046727418;
    private static final double BACKCAST_DECAY = 0.94;
    private static final int BACKCAST_WINDOW = 75;

    private final double[] x;
    private final int off, n;
    private final double inv;
    private final boolean gjr, student, mci;
    private final double meanY;
    private final double meanY2;
    private final double backcast;
    private final double[] dh;

    /** A likelihood over {@code x[off .. off + n)} divided by {@code scale}. O(n) setup (two means, the backcast). */
    GarchLikelihood(double[] x, int off, int n, double scale, GarchSpec spec) {
        this.x = x;
        this.off = off;
        this.n = n;
        this.inv = 1.0 / scale;
        this.gjr = spec.hasGamma();
        this.student = spec.hasShape();
        this.mci = spec.init() == GarchInit.MCI;
        double[] c = new double[CONSTANTS];
        constants(x, off, 1, n, inv, c, 0, 1);
        this.meanY = c[0];
        this.meanY2 = c[1];
        this.backcast = c[3];
        this.dh = new double[spec.parameterCount()];
    }

    /** Bits of a likelihood's {@code flags}: GJR's gamma, Student-t innovations, fGarch's "mci" start (else backcast). */
    static final int GJR = 1, STUDENT = 2, MCI = 4;
    /** How many per-series constants {@link #constants} writes: mean of y, mean of y^2, 1 / scale, the backcast. */
    static final int CONSTANTS = 4;

    /** The flags of {@code spec}. */
    static int flags(GarchSpec spec) {
        return (spec.hasGamma() ? GJR : 0) | (spec.hasShape() ? STUDENT : 0) | (spec.init() == GarchInit.MCI ? MCI : 0);
    }

    /**
     * The per-series constants of {@code y_t = x[off + t stride] inv}: mean of y, mean of y^2, inv and arch's
     * backcast, written to {@code c[o]}, {@code c[o + cs]}, {@code c[o + 2 cs]}, {@code c[o + 3 cs]}. O(n).
     */
    static void constants(double[] x, int off, int stride, int n, double inv, double[] c, int o, int cs) {
        double s1 = 0, s2 = 0;
        for (int t = 0; t < n; t++) {
            double y = x[off + t * stride] * inv;
            s1 += y;
            s2 += y * y;
        }
        double meanY = s1 / n;
        // arch's backcast: residuals about the sample mean (its start value for mu), weights 0.94^i, fixed.
        int tau = Math.min(BACKCAST_WINDOW, n);
        double w = 1, sw = 0, sb = 0;
        for (int t = 0; t < tau; t++) {
            double z = x[off + t * stride] * inv - meanY;
            sb += w * z * z;
            sw += w;
            w *= BACKCAST_DECAY;
        }
        c[o] = meanY;
        c[o + cs] = s2 / n;
        c[o + 2 * cs] = inv;
        c[o + 3 * cs] = sb / sw;
    }

    int size() {
        return n;
    }

    double meanScaled() {
        return meanY;
    }

    double varianceScaled() {
        return varianceScaled(meanY, meanY2, n);
    }

    /** The sample variance (ddof 1) of a series of n values with mean m1 and mean square m2. */
    static double varianceScaled(double m1, double m2, int n) {
        return n > 1 ? (m2 - m1 * m1) * n / (n - 1) : 0;
    }

    @Override
    public double evaluate(double[] th, double[] grad) {
        return run(th, grad, null);
    }

    /**
     * The negative log-likelihood at {@code th}; fills {@code grad} when not null and the conditional variances
     * {@code h[0 .. n)} when {@code h} is not null.
     */
    double run(double[] th, double[] grad, double[] h) {
        return evaluate(x, off, 1, n, inv, meanY, meanY2, backcast, (gjr ? GJR : 0) | (student ? STUDENT : 0) | (mci ? MCI : 0),
                th, grad, h, dh);
    }

    /**
     * The negative log-likelihood of {@code y_t = x[off + t stride] inv} ({@code t < n}) with the constants of
     * {@link #constants} at {@code th} (the spec's parameters in order, {@code flags} from {@link #flags}); fills
     * {@code grad} when not null, {@code h[0 .. n)} when not null; {@code d} is scratch of the parameter count.
     * One operation order for the single fit and the JAVA batch kernel, so both give the same bits.
     */
    static double evaluate(double[] x, int off, int stride, int n, double inv, double meanY, double meanY2, double backcast,
            int flags, double[] th, double[] grad, double[] h, double[] d) {
        final boolean gjr = (flags & GJR) != 0, student = (flags & STUDENT) != 0, mci = (flags & MCI) != 0;
        final int iGamma = gjr ? 3 : -1, iBeta = gjr ? 4 : 3, iShape = student ? iBeta + 1 : -1;
        final double mu = th[0], om = th[1], al = th[2], ga = gjr ? th[iGamma] : 0, be = th[iBeta];
        final double nu = student ? th[iShape] : 0;
        if (student && !(nu > 2)) return Double.POSITIVE_INFINITY;
        final boolean g = grad != null;
        final int np = iBeta + (student ? 2 : 1);
        double ht;
        if (mci) {
            double m2 = meanY2 - 2 * mu * meanY + mu * mu;
            ht = om + (al + be) * m2;
            if (g) {
                d[0] = -2 * (al + be) * (meanY - mu);
                d[1] = 1;
                d[2] = m2;
                if (gjr) d[iGamma] = 0;
                d[iBeta] = m2;
            }
        } else {
            double k = 1 + ga * ga;
            ht = om + (al * k + be) * backcast;
            if (g) {
                d[0] = 0;
                d[1] = 1;
                d[2] = k * backcast;
                if (gjr) d[iGamma] = 2 * al * ga * backcast;
                d[iBeta] = backcast;
            }
        }
        if (student) d[iShape] = 0;
        if (g) java.util.Arrays.fill(grad, 0, np, 0.0);
        final double nu2 = nu - 2, nuHalf1 = 0.5 * (nu + 1);
        double sum = 0, sumShape = 0;
        double zPrev = 0;
        for (int t = 0; t < n; t++) {
            double z = x[off + t * stride] * inv - mu;
            if (t > 0) {
                double e = Math.abs(zPrev) - ga * zPrev;
                double hPrev = ht;
                ht = om + al * e * e + be * hPrev;
                if (g) {
                    d[0] = -al * 2 * e * (Math.signum(zPrev) - ga) + be * d[0];
                    d[1] = 1 + be * d[1];
                    d[2] = e * e + be * d[2];
                    if (gjr) d[iGamma] = -al * 2 * e * zPrev + be * d[iGamma];
                    d[iBeta] = hPrev + be * d[iBeta];
                }
            }
            if (!(ht > 0) || ht == Double.POSITIVE_INFINITY) return Double.POSITIVE_INFINITY;
            if (h != null) h[t] = ht;
            double dlh, dlz;
            if (student) {
                double q = z * z / (ht * nu2);
                double l1q = Math.log1p(q);
                sum += 0.5 * Math.log(ht) + nuHalf1 * l1q;
                if (g) {
                    double r = q / (1 + q);
                    dlh = (0.5 - nuHalf1 * r) / ht;
                    dlz = (nu + 1) * z / ((1 + q) * ht * nu2);
                    sumShape += 0.5 * l1q - nuHalf1 * r / nu2;
                } else {
                    dlh = dlz = 0;
                }
            } else {
                double zh = z * z / ht;
                sum += 0.5 * (Math.log(ht) + zh);
                dlh = 0.5 * (1 - zh) / ht;
                dlz = z / ht;
            }
            if (g) {
                for (int i = 0; i < np; i++) grad[i] += dlh * d[i];
                grad[0] -= dlz;
            }
            zPrev = z;
        }
        if (student) {
            sum += n * (GarchDistributions.logGamma(0.5 * nu) - GarchDistributions.logGamma(nuHalf1) + 0.5 * Math.log(Math.PI * nu2));
            if (g) {
                grad[iShape] = sumShape + n * (0.5 * GarchDistributions.digamma(0.5 * nu)
                        - 0.5 * GarchDistributions.digamma(nuHalf1) + 0.5 / nu2);
            }
        } else {
            sum += n * HALF_LOG_2PI;
        }
        return Double.isNaN(sum) ? Double.POSITIVE_INFINITY : sum;
    }
}
