package dev.sxn.math.spectral;

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
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final double LN2 = 0.69314718055994530942;
    private static final double SQRT2 = 1.4142135623730951;
    private static final double TINY = 0x1p-1000;

    VectorEntropyKernels() {
        super(new VectorFftKernels());
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
