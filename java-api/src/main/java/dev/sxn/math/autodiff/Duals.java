package dev.sxn.math.autodiff;

/**
 * Forward-mode dual arithmetic on primitive arrays, for hot loops: a dual number of width {@code w = 1 + P} is a slot
 * {@code x[o .. o + w)} holding the value at {@code x[o]} and its P partial derivatives after it. Every operation
 * reads its operands fully before writing, so the output slot may be an input slot. O(w) per operation, no allocation.
 *
 * <p>Rules: {@code (uv)' = u'v + uv'}, {@code (u/v)' = (u'v - uv')/v^2}, {@code exp(u)' = exp(u) u'},
 * {@code ln(u)' = u'/u}, {@code (u^v)' = u^v (v' ln u + v u'/u)}, {@code (u^c)' = c u^(c-1) u'}.
 */
public final class Duals {
    private Duals() {}

    /** Sets slot o to the constant c (zero tangents). */
    public static void constant(double[] x, int o, double c, int w) {
        x[o] = c;
        for (int k = 1; k < w; k++) x[o + k] = 0.0;
    }

    /** Sets slot o to variable number {@code index} (0-based) with value c: tangent 1 at that index, 0 elsewhere. */
    public static void variable(double[] x, int o, double c, int index, int w) {
        constant(x, o, c, w);
        x[o + 1 + index] = 1.0;
    }

    /** Copies slot a to slot out. */
    public static void copy(double[] a, int ia, double[] out, int io, int w) {
        System.arraycopy(a, ia, out, io, w);
    }

    /** out = a + b. */
    public static void add(double[] a, int ia, double[] b, int ib, double[] out, int io, int w) {
        for (int k = 0; k < w; k++) out[io + k] = a[ia + k] + b[ib + k];
    }

    /** out = a - b. */
    public static void sub(double[] a, int ia, double[] b, int ib, double[] out, int io, int w) {
        for (int k = 0; k < w; k++) out[io + k] = a[ia + k] - b[ib + k];
    }

    /** out = c a (c a constant). */
    public static void scale(double[] a, int ia, double c, double[] out, int io, int w) {
        for (int k = 0; k < w; k++) out[io + k] = c * a[ia + k];
    }

    /** out = a + c (c a constant). */
    public static void addConstant(double[] a, int ia, double c, double[] out, int io, int w) {
        copy(a, ia, out, io, w);
        out[io] = a[ia] + c;
    }

    /** out = a b. */
    public static void mul(double[] a, int ia, double[] b, int ib, double[] out, int io, int w) {
        double av = a[ia], bv = b[ib];
        for (int k = 1; k < w; k++) out[io + k] = a[ia + k] * bv + av * b[ib + k];
        out[io] = av * bv;
    }

    /** out = a / b. */
    public static void div(double[] a, int ia, double[] b, int ib, double[] out, int io, int w) {
        double av = a[ia], bv = b[ib];
        double q = av / bv;
        for (int k = 1; k < w; k++) out[io + k] = (a[ia + k] - q * b[ib + k]) / bv;
        out[io] = q;
    }

    /** out = a c + b (c a constant): the fused step of linear interpolation. */
    public static void mulAddConstant(double[] a, int ia, double c, double[] b, int ib, double[] out, int io, int w) {
        for (int k = 0; k < w; k++) out[io + k] = a[ia + k] * c + b[ib + k];
    }

    /** out = exp(a). */
    public static void exp(double[] a, int ia, double[] out, int io, int w) {
        double e = Math.exp(a[ia]);
        for (int k = 1; k < w; k++) out[io + k] = e * a[ia + k];
        out[io] = e;
    }

    /** out = ln(a). */
    public static void log(double[] a, int ia, double[] out, int io, int w) {
        double av = a[ia];
        for (int k = 1; k < w; k++) out[io + k] = a[ia + k] / av;
        out[io] = Math.log(av);
    }

    /** out = sqrt(a). */
    public static void sqrt(double[] a, int ia, double[] out, int io, int w) {
        double s = Math.sqrt(a[ia]);
        for (int k = 1; k < w; k++) out[io + k] = a[ia + k] / (2 * s);
        out[io] = s;
    }

    /** out = a^c (c a constant). */
    public static void powConstant(double[] a, int ia, double c, double[] out, int io, int w) {
        double av = a[ia];
        double p = Math.pow(av, c);
        double d = c == 0 ? 0 : c * Math.pow(av, c - 1);
        for (int k = 1; k < w; k++) out[io + k] = d * a[ia + k];
        out[io] = p;
    }

    /** out = a^b for a {@code > 0} (both duals); a = 0 gives 0 with zero tangents. */
    public static void pow(double[] a, int ia, double[] b, int ib, double[] out, int io, int w) {
        double av = a[ia], bv = b[ib];
        if (av == 0.0) {
            constant(out, io, 0.0, w);
            return;
        }
        double p = Math.pow(av, bv);
        double la = Math.log(av);
        for (int k = 1; k < w; k++) out[io + k] = p * (b[ib + k] * la + bv * a[ia + k] / av);
        out[io] = p;
    }

    /** out = -a. */
    public static void neg(double[] a, int ia, double[] out, int io, int w) {
        for (int k = 0; k < w; k++) out[io + k] = -a[ia + k];
    }

    /** out = |a| (the derivative of |a| at 0 taken as 0, as JAX's sign). */
    public static void abs(double[] a, int ia, double[] out, int io, int w) {
        double s = Math.signum(a[ia]);
        for (int k = 0; k < w; k++) out[io + k] = s * a[ia + k];
    }

    /** Zeroes the tangents of slot o (a value the derivative does not flow through: a clip's bound, a stop-gradient). */
    public static void stopGradient(double[] x, int o, int w) {
        for (int k = 1; k < w; k++) x[o + k] = 0.0;
    }

    // ---- added for issue 23: the smoothed arbitrage's operations

    /** out = a / c (c a constant). */
    public static void divConstant(double[] a, int ia, double c, double[] out, int io, int w) {
        for (int k = 0; k < w; k++) out[io + k] = a[ia + k] / c;
    }

    /** out = c / a (c a constant): {@code (c/u)' = -(c/u) u'/u}. */
    public static void constantOver(double c, double[] a, int ia, double[] out, int io, int w) {
        double av = a[ia];
        double q = c / av;
        for (int k = 1; k < w; k++) out[io + k] = -q * a[ia + k] / av;
        out[io] = q;
    }

    /**
     * out = the logistic sigmoid {@code 1 / (1 + exp(-a))}: {@code s' = s (1 - s) a'}, written from the value so that
     * the tangents stay finite (0) where exp(-a) overflows.
     */
    public static void sigmoid(double[] a, int ia, double[] out, int io, int w) {
        double s = 1.0 / (1.0 + Math.exp(-a[ia]));
        double d = s * (1.0 - s);
        for (int k = 1; k < w; k++) out[io + k] = d * a[ia + k];
        out[io] = s;
    }
}
