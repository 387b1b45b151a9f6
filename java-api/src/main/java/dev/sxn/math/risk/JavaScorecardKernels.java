package dev.sxn.math.risk;

/**
 * The plain-Java scorecard kernel, the reference: time outer, assets inner, so each step reads one contiguous row of
 * the batch and the per-asset sums live in the output rows. Allocates nothing.
 */
final class JavaScorecardKernels implements ScorecardKernels {
    @Override
    public void sums(double[] x, int k, int n, double mar, double[] out) {
        range(x, k, n, mar, out, 0, k);
    }

    /** Assets {@code a0 .. a1)} alone (also the tail of the vector kernel). */
    static void range(double[] x, int k, int n, double mar, double[] out, int a0, int a1) {
        for (int a = a0; a < a1; a++) {
            out[S1 * k + a] = 0;
            out[S2 * k + a] = 0;
            out[EXCESS * k + a] = 0;
            out[DOWN * k + a] = 0;
            out[GROWTH * k + a] = 1;
            out[PEAK * k + a] = 1;
            out[MDD * k + a] = 0;
        }
        for (int t = 0; t < n; t++) {
            int row = t * k;
            for (int a = a0; a < a1; a++) {
                double r = x[row + a];
                double d = r - x[a];
                out[S1 * k + a] += d;
                out[S2 * k + a] += d * d;
                double e = r - mar;
                out[EXCESS * k + a] += e;
                if (e < 0) out[DOWN * k + a] += e * e;
                double g = out[GROWTH * k + a] * (1 + r);
                out[GROWTH * k + a] = g;
                double pk = out[PEAK * k + a];
                if (g > pk) {
                    pk = g;
                    out[PEAK * k + a] = g;
                }
                double dd = 1 - g / pk;
                if (dd > out[MDD * k + a]) out[MDD * k + a] = dd;
            }
        }
    }
}
