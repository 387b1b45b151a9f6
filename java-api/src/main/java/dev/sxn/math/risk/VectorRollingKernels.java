package dev.sxn.math.risk;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The rolling kernels with assets in the lanes of the preferred species. {@link #moments}: a group of L assets runs
 * the whole series, one contiguous load per step for the incoming row and one for the outgoing row, JAVA's operations
 * lane by lane (the clamp of a negative sum and the zero-sd NaN of Sharpe are selects of the same values), so the bits
 * are JAVA's; the assets past the last whole group run the JAVA kernel. {@link #historical} delegates to the JAVA
 * kernel: the rank window is a data-dependent descent through Fenwick trees per asset, gathers and scatters in every
 * lane with nothing to share between lanes, so a lane form would not pay. Allocates nothing.
 */
final class VectorRollingKernels implements RollingKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final JavaRollingKernels JAVA = new JavaRollingKernels();

    @Override
    public void moments(double[] x, int k, int n, int w, double rf, double ppy, boolean sharpe, double[] out) {
        int whole = k / L * L;
        for (int a0 = 0; a0 < whole; a0 += L) group(x, k, n, w, rf, ppy, sharpe, out, a0);
        for (int a = whole; a < k; a++) RollingRisk.momentsCore(x, a, k, n, w, rf, ppy, sharpe, out);
    }

    @Override
    public void historical(double[] x, int k, int n, int w, double alpha, double[] var, double[] es) {
        JAVA.historical(x, k, n, w, alpha, var, es);
    }

    private static void group(double[] x, int k, int n, int w, double rf, double ppy, boolean sharpe, double[] out, int a0) {
        double annual = Math.sqrt(ppy), dw = w, dw1 = w - 1;
        DoubleVector nan = DoubleVector.broadcast(S, Double.NaN), zero = DoubleVector.zero(S);
        DoubleVector mean = zero, m2 = zero;
        for (int i = 0; i < Math.min(n, w - 1); i++) nan.intoArray(out, i * k + a0);
        for (int i = w - 1; i < n; i++) {
            int p = i * k + a0;
            if ((i - (w - 1)) % w == 0) {
                int first = (i - w + 1) * k + a0;
                mean = zero;
                for (int t = 0; t < w; t++) mean = mean.add(DoubleVector.fromArray(S, x, first + t * k));
                mean = mean.div(dw);
                m2 = zero;
                for (int t = 0; t < w; t++) {
                    DoubleVector d = DoubleVector.fromArray(S, x, first + t * k).sub(mean);
                    m2 = m2.add(d.mul(d));
                }
            } else {
                DoubleVector in = DoubleVector.fromArray(S, x, p), outgoing = DoubleVector.fromArray(S, x, p - w * k);
                DoubleVector d = in.sub(outgoing), meanNew = mean.add(d.div(dw));
                m2 = m2.add(in.sub(meanNew).add(outgoing).sub(mean).mul(d));
                mean = meanNew;
                m2 = m2.blend(zero, m2.compare(VectorOperators.LT, 0));
            }
            DoubleVector sd = m2.div(dw1).sqrt();
            if (sharpe) {
                mean.sub(rf).div(sd).mul(annual).blend(nan, sd.compare(VectorOperators.EQ, 0)).intoArray(out, p);
            } else {
                sd.mul(annual).intoArray(out, p);
            }
        }
    }
}
