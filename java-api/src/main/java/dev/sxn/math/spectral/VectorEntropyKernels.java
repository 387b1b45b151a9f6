package dev.sxn.math.spectral;

import dev.sxn.math.internal.Scratch;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Rolling spectral entropy on the Vector API: the FFT stages of {@link VectorFftKernels} and
 * {@code p ln p} evaluated on whole vectors. {@code Math.log} is a scalar intrinsic and was most of
 * the time of a window of 256, so ln p is computed here as
 * {@code e ln 2 + 2 atanh((m - 1) / (m + 1))}, {@code p = m 2^e}, {@code m in [sqrt(1/2), sqrt(2))},
 * with the atanh series to z^23 (|z| <= 0.1716, truncation below 1e-18): within a few ulps of
 * {@code Math.log}, the same formula as the native kernel. p below 2^-1000 contributes 0 (its
 * p ln p is above -1e-298). The sum over bins runs in bin order after the vector pass.
 * Loaded only when VECTOR is available; stateless.
 */
final class VectorEntropyKernels extends JavaEntropyKernels {
    /**
     * Windows a sliding DFT runs before the bins are recomputed by FFT: the rotations' rounding grows
     * with the number of updates, and the recomputation, at fixed window indices from the series' start,
     * bounds it (and keeps the result independent of how a caller splits the work).
     */
    static final int RESYNC = 64;
    /**
     * The bins are also recomputed once the values that entered and left the window since the last FFT
     * sum (in absolute value) to more than this many times the window's current sum of |x|: the absolute
     * error of a slid bin follows that mass, so a spike leaving the window would otherwise leave its
     * rounding behind in bins that have become small.
     */
    static final double DRIFT = 16;
    /** The smallest window slid: below it an FFT costs about as much as a slide, and rounding weighs more per bin. */
    static final int SLIDE_MIN_WINDOW = 32;
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final double LN2 = 0.69314718055994530942;
    private static final double SQRT2 = 1.4142135623730951;
    private static final double TINY = 0x1p-1000;

    VectorEntropyKernels() {
        super(new VectorFftKernels());
    }

    /**
     * Step 1 slides the DFT instead of transforming every window: moving the window from start n to n + 1
     * changes bin k to {@code X_k' = (X_k + x[n + W] - x[n]) e^(2 pi i k / W)} (O(W) per window instead of
     * an FFT's O(W log W)), with the exact FFT every {@link #RESYNC} windows, after {@link #DRIFT}, and for
     * a window holding a non-finite value (whose result is the FFT path's). Other steps transform every
     * window, and so do windows below {@link #SLIDE_MIN_WINDOW}. Differs from the JAVA kernel by rounding only
     * (tested, SpectralBackendsTest).
     */
    @Override
    public void rollingEntropy(double[] x, int series, int length, int window, int step, boolean keepDc, double logScale,
            double[] out) {
        if (!slides(window, step)) {
            super.rollingEntropy(x, series, length, window, step, keepDc, logScale, out);
            return;
        }
        int bins = window / 2 + 1;
        FftPlan.Workspace ws = FftPlan.Workspace.get();
        double[] re = ws.slot(6, bins), im = ws.slot(7, bins);
        try (Scratch w = Scratch.open()) {
            double[] sre = w.doubles(bins), sim = w.doubles(bins), cos = w.doubles(bins), sin = w.doubles(bins);
            for (int k = 0; k < bins; k++) {
                double angle = 2 * Math.PI * k / window;
                cos[k] = Math.cos(angle);
                sin[k] = Math.sin(angle);
            }
            int[] badBefore = w.ints(length + 1);
            int count = length - window + 1;
            for (int s = 0; s < series; s++) {
                slideSeries(x, s * length, length, window, keepDc ? 0 : 1, logScale, out, s * count, re, im, sre, sim, cos, sin,
                        badBefore);
            }
        }
    }

    /** The windows of one series from {@code base}: {@link #rollingEntropy} at step 1. */
    private void slideSeries(double[] x, int base, int length, int window, int from, double logScale, double[] out, int outAt,
            double[] re, double[] im, double[] sre, double[] sim, double[] cos, double[] sin, int[] badBefore) {
        int bins = window / 2 + 1;
        badBefore[0] = 0;
        for (int i = 0; i < length; i++) badBefore[i + 1] = badBefore[i] + (Double.isFinite(x[base + i]) ? 0 : 1);
        boolean synced = false;
        int since = 0;
        double mass = 0, l1 = 0;
        int count = length - window + 1;
        for (int n = 0; n < count; n++) {
            if (badBefore[n + window] != badBefore[n]) {
                // The FFT path's value for a window with a NaN or an infinity; the next finite window resyncs.
                FftEngine.real(fft(), x, base + n, window, re, im, 1.0);
                out[outAt + n] = entropy(re, im, bins, from) * logScale;
                synced = false;
                continue;
            }
            double leaving = n == 0 ? 0 : x[base + n - 1], entering = x[base + n + window - 1];
            double nextL1 = l1 + Math.abs(entering) - Math.abs(leaving), nextMass = mass + Math.abs(entering) + Math.abs(leaving);
            if (!synced || n % RESYNC == 0 || nextMass > DRIFT * nextL1) {
                FftEngine.real(fft(), x, base + n, window, sre, sim, 1.0);
                l1 = 0;
                for (int j = 0; j < window; j++) l1 += Math.abs(x[base + n + j]);
                mass = 0;
                synced = true;
            } else {
                slide(sre, sim, cos, sin, bins, entering - leaving);
                l1 = nextL1;
                mass = nextMass;
            }
            System.arraycopy(sre, 0, re, 0, bins);
            System.arraycopy(sim, 0, im, 0, bins);
            out[outAt + n] = entropy(re, im, bins, from) * logScale;
        }
    }

    /** X_k := (X_k + delta) e^(2 pi i k / W) over the bins, on whole vectors and then the tail. */
    private static void slide(double[] re, double[] im, double[] cos, double[] sin, int bins, double delta) {
        int k = 0;
        for (; k + L <= bins; k += L) {
            DoubleVector r = DoubleVector.fromArray(S, re, k).add(delta);
            DoubleVector i = DoubleVector.fromArray(S, im, k);
            DoubleVector c = DoubleVector.fromArray(S, cos, k), sn = DoubleVector.fromArray(S, sin, k);
            r.fma(c, i.mul(sn).neg()).intoArray(re, k);
            r.fma(sn, i.mul(c)).intoArray(im, k);
        }
        for (; k < bins; k++) {
            double r = re[k] + delta, i = im[k];
            re[k] = Math.fma(r, cos[k], -(i * sin[k]));
            im[k] = Math.fma(r, sin[k], i * cos[k]);
        }
    }

    @Override
    public boolean slides(int window, int step) {
        return step == 1 && window >= SLIDE_MIN_WINDOW;
    }

    @Override
    double entropy(double[] re, double[] im, int bins, int from) {
        double inv = powerScale(re, im, bins, from);
        if (Double.isNaN(inv)) return Double.NaN;
        int k = plogpVectors(re, im, from, bins, inv);
        for (; k < bins; k++) {
            double p = re[k] * inv;
            im[k] = p > TINY ? p * scalarLog(p) : 0.0;
        }
        double h = 0;
        for (int j = from; j < bins; j++) h -= im[j];
        return h;
    }

    /**
     * im[k] := p ln p, p = re[k] inv, over the whole vectors of [from, bins); returns where the scalar tail
     * starts. The loop and the series are one method, and no vector crosses a call: this body is too big for
     * C2 to inline into its caller, so a helper taking or returning a vector would box it on every call.
     */
    private static int plogpVectors(double[] re, double[] im, int from, int bins, double inv) {
        int k = from;
        for (; k + L <= bins; k += L) {
            DoubleVector p = DoubleVector.fromArray(S, re, k).mul(inv);
            LongVector bits = p.reinterpretAsLongs();
            DoubleVector e = (DoubleVector) bits.lanewise(VectorOperators.LSHR, 52).sub(1023L).convert(VectorOperators.L2D, 0);
            DoubleVector m = bits.and(0x000FFFFFFFFFFFFFL).or(0x3FF0000000000000L).reinterpretAsDoubles();
            VectorMask<Double> big = m.compare(VectorOperators.GT, SQRT2);
            m = m.blend(m.mul(0.5), big);
            e = e.blend(e.add(1.0), big);
            DoubleVector z = m.sub(1.0).div(m.add(1.0));
            DoubleVector z2 = z.mul(z);
            DoubleVector s = DoubleVector.broadcast(S, 2.0 / 23);
            s = s.mul(z2).add(2.0 / 21);
            s = s.mul(z2).add(2.0 / 19);
            s = s.mul(z2).add(2.0 / 17);
            s = s.mul(z2).add(2.0 / 15);
            s = s.mul(z2).add(2.0 / 13);
            s = s.mul(z2).add(2.0 / 11);
            s = s.mul(z2).add(2.0 / 9);
            s = s.mul(z2).add(2.0 / 7);
            s = s.mul(z2).add(2.0 / 5);
            s = s.mul(z2).add(2.0 / 3);
            s = s.mul(z2).add(2.0);
            DoubleVector lnp = e.mul(LN2).add(s.mul(z));
            p.mul(lnp).blend(0.0, p.compare(VectorOperators.GT, TINY).not()).intoArray(im, k);
        }
        return k;
    }

    /** The same series on one value, for the tail. */
    private static double scalarLog(double p) {
        long b = Double.doubleToRawLongBits(p);
        double e = (double) ((b >>> 52) - 1023);
        double m = Double.longBitsToDouble((b & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m > SQRT2) {
            m *= 0.5;
            e += 1.0;
        }
        double z = (m - 1.0) / (m + 1.0), z2 = z * z;
        double s = 2.0 / 23;
        s = s * z2 + 2.0 / 21;
        s = s * z2 + 2.0 / 19;
        s = s * z2 + 2.0 / 17;
        s = s * z2 + 2.0 / 15;
        s = s * z2 + 2.0 / 13;
        s = s * z2 + 2.0 / 11;
        s = s * z2 + 2.0 / 9;
        s = s * z2 + 2.0 / 7;
        s = s * z2 + 2.0 / 5;
        s = s * z2 + 2.0 / 3;
        s = s * z2 + 2.0;
        return e * LN2 + s * z;
    }
}
