package dev.sxn.math.spectral;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API Stockham stages: the innermost loop of every stage (over {@code q < s}) is contiguous
 * in input and output, so it runs on whole vectors of the preferred species with the stage's twiddle
 * broadcast. Stages whose stride {@code s} is not a multiple of the lane count (the first one or two
 * of every transform) run the scalar stages of {@link JavaFftKernels}, whose stage loop it inherits.
 * Same arithmetic as the JAVA kernel (no FMA), so results agree to rounding. Each radix here mirrors
 * the scalar one on vectors (a deliberate speed variant, not a copy to merge), and the twiddle products
 * stay written out in each: a shared helper taking vectors is not always inlined, and then its vectors
 * are boxed (it measured much slower). Stateless; loaded only when VECTOR is available.
 */
final class VectorFftKernels extends JavaFftKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    @Override
    void stage(int radix, int s, int m, double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int tb) {
        if (s % L != 0) {
            super.stage(radix, s, m, xr, xi, yr, yi, wr, wi, tb); // the stride does not fill whole vectors
            return;
        }
        switch (radix) {
            case 4 -> radix4(s, m, xr, xi, yr, yi, wr, wi, tb);
            case 2 -> radix2(s, m, xr, xi, yr, yi, wr, wi, tb);
            case 3 -> radix3(s, m, xr, xi, yr, yi, wr, wi, tb);
            default -> radix5(s, m, xr, xi, yr, yi, wr, wi, tb);
        }
    }

    /** JavaFftKernels' radix-2 stage on whole vectors (same arithmetic; the vectorised speed variant, kept apart). */
    private static void radix2(int s, int m, double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int tb) {
        int sm = s * m;
        for (int j = 0; j < m; j++) {
            double w1r = wr[tb + j], w1i = wi[tb + j];
            int in0 = s * j, out0 = s * 2 * j;
            for (int q = 0; q < s; q += L) {
                int a = in0 + q, o = out0 + q;
                DoubleVector ar = DoubleVector.fromArray(S, xr, a), ai = DoubleVector.fromArray(S, xi, a);
                DoubleVector br = DoubleVector.fromArray(S, xr, a + sm), bi = DoubleVector.fromArray(S, xi, a + sm);
                ar.add(br).intoArray(yr, o);
                ai.add(bi).intoArray(yi, o);
                DoubleVector dr = ar.sub(br), di = ai.sub(bi);
                dr.mul(w1r).sub(di.mul(w1i)).intoArray(yr, o + s);
                dr.mul(w1i).add(di.mul(w1r)).intoArray(yi, o + s);
            }
        }
    }

    /** JavaFftKernels' radix-4 stage on whole vectors (same arithmetic; the vectorised speed variant, kept apart). */
    private static void radix4(int s, int m, double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int tb) {
        int sm = s * m;
        for (int j = 0; j < m; j++) {
            int tw = 3 * j;
            double w1r = wr[tb + tw], w1i = wi[tb + tw], w2r = wr[tb + tw + 1], w2i = wi[tb + tw + 1], w3r = wr[tb + tw + 2], w3i = wi[tb + tw + 2];
            int in0 = s * j, out0 = s * 4 * j;
            for (int q = 0; q < s; q += L) {
                int a = in0 + q, o = out0 + q;
                DoubleVector a0r = DoubleVector.fromArray(S, xr, a), a0i = DoubleVector.fromArray(S, xi, a);
                DoubleVector a1r = DoubleVector.fromArray(S, xr, a + sm), a1i = DoubleVector.fromArray(S, xi, a + sm);
                DoubleVector a2r = DoubleVector.fromArray(S, xr, a + 2 * sm), a2i = DoubleVector.fromArray(S, xi, a + 2 * sm);
                DoubleVector a3r = DoubleVector.fromArray(S, xr, a + 3 * sm), a3i = DoubleVector.fromArray(S, xi, a + 3 * sm);
                DoubleVector t0r = a0r.add(a2r), t0i = a0i.add(a2i), t1r = a0r.sub(a2r), t1i = a0i.sub(a2i);
                DoubleVector t2r = a1r.add(a3r), t2i = a1i.add(a3i), t3r = a1r.sub(a3r), t3i = a1i.sub(a3i);
                t0r.add(t2r).intoArray(yr, o);
                t0i.add(t2i).intoArray(yi, o);
                DoubleVector b1r = t1r.add(t3i), b1i = t1i.sub(t3r);
                DoubleVector b2r = t0r.sub(t2r), b2i = t0i.sub(t2i);
                DoubleVector b3r = t1r.sub(t3i), b3i = t1i.add(t3r);
                b1r.mul(w1r).sub(b1i.mul(w1i)).intoArray(yr, o + s);
                b1r.mul(w1i).add(b1i.mul(w1r)).intoArray(yi, o + s);
                b2r.mul(w2r).sub(b2i.mul(w2i)).intoArray(yr, o + 2 * s);
                b2r.mul(w2i).add(b2i.mul(w2r)).intoArray(yi, o + 2 * s);
                b3r.mul(w3r).sub(b3i.mul(w3i)).intoArray(yr, o + 3 * s);
                b3r.mul(w3i).add(b3i.mul(w3r)).intoArray(yi, o + 3 * s);
            }
        }
    }

    /** JavaFftKernels' radix-3 stage on whole vectors (same arithmetic; the vectorised speed variant, kept apart). */
    private static void radix3(int s, int m, double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int tb) {
        int sm = s * m;
        for (int j = 0; j < m; j++) {
            int tw = 2 * j;
            double w1r = wr[tb + tw], w1i = wi[tb + tw], w2r = wr[tb + tw + 1], w2i = wi[tb + tw + 1];
            int in0 = s * j, out0 = s * 3 * j;
            for (int q = 0; q < s; q += L) {
                int a = in0 + q, o = out0 + q;
                DoubleVector a0r = DoubleVector.fromArray(S, xr, a), a0i = DoubleVector.fromArray(S, xi, a);
                DoubleVector a1r = DoubleVector.fromArray(S, xr, a + sm), a1i = DoubleVector.fromArray(S, xi, a + sm);
                DoubleVector a2r = DoubleVector.fromArray(S, xr, a + 2 * sm), a2i = DoubleVector.fromArray(S, xi, a + 2 * sm);
                DoubleVector t1r = a1r.add(a2r), t1i = a1i.add(a2i);
                DoubleVector t2r = a0r.sub(t1r.mul(0.5)), t2i = a0i.sub(t1i.mul(0.5));
                DoubleVector dr = a1r.sub(a2r).mul(S3), di = a1i.sub(a2i).mul(S3);
                a0r.add(t1r).intoArray(yr, o);
                a0i.add(t1i).intoArray(yi, o);
                DoubleVector b1r = t2r.add(di), b1i = t2i.sub(dr);
                DoubleVector b2r = t2r.sub(di), b2i = t2i.add(dr);
                b1r.mul(w1r).sub(b1i.mul(w1i)).intoArray(yr, o + s);
                b1r.mul(w1i).add(b1i.mul(w1r)).intoArray(yi, o + s);
                b2r.mul(w2r).sub(b2i.mul(w2i)).intoArray(yr, o + 2 * s);
                b2r.mul(w2i).add(b2i.mul(w2r)).intoArray(yi, o + 2 * s);
            }
        }
    }

    /** JavaFftKernels' radix-5 stage on whole vectors (same arithmetic; the vectorised speed variant, kept apart). */
    private static void radix5(int s, int m, double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int tb) {
        int sm = s * m;
        for (int j = 0; j < m; j++) {
            int tw = 4 * j;
            double w1r = wr[tb + tw], w1i = wi[tb + tw], w2r = wr[tb + tw + 1], w2i = wi[tb + tw + 1];
            double w3r = wr[tb + tw + 2], w3i = wi[tb + tw + 2], w4r = wr[tb + tw + 3], w4i = wi[tb + tw + 3];
            int in0 = s * j, out0 = s * 5 * j;
            for (int q = 0; q < s; q += L) {
                int a = in0 + q, o = out0 + q;
                DoubleVector a0r = DoubleVector.fromArray(S, xr, a), a0i = DoubleVector.fromArray(S, xi, a);
                DoubleVector a1r = DoubleVector.fromArray(S, xr, a + sm), a1i = DoubleVector.fromArray(S, xi, a + sm);
                DoubleVector a2r = DoubleVector.fromArray(S, xr, a + 2 * sm), a2i = DoubleVector.fromArray(S, xi, a + 2 * sm);
                DoubleVector a3r = DoubleVector.fromArray(S, xr, a + 3 * sm), a3i = DoubleVector.fromArray(S, xi, a + 3 * sm);
                DoubleVector a4r = DoubleVector.fromArray(S, xr, a + 4 * sm), a4i = DoubleVector.fromArray(S, xi, a + 4 * sm);
                DoubleVector s14r = a1r.add(a4r), s14i = a1i.add(a4i), d14r = a1r.sub(a4r), d14i = a1i.sub(a4i);
                DoubleVector s23r = a2r.add(a3r), s23i = a2i.add(a3i), d23r = a2r.sub(a3r), d23i = a2i.sub(a3i);
                a0r.add(s14r).add(s23r).intoArray(yr, o);
                a0i.add(s14i).add(s23i).intoArray(yi, o);
                DoubleVector p1r = a0r.add(s14r.mul(C51)).add(s23r.mul(C52)), p1i = a0i.add(s14i.mul(C51)).add(s23i.mul(C52));
                DoubleVector q1r = d14r.mul(S51).add(d23r.mul(S52)), q1i = d14i.mul(S51).add(d23i.mul(S52));
                DoubleVector p2r = a0r.add(s14r.mul(C52)).add(s23r.mul(C51)), p2i = a0i.add(s14i.mul(C52)).add(s23i.mul(C51));
                DoubleVector q2r = d14r.mul(S52).sub(d23r.mul(S51)), q2i = d14i.mul(S52).sub(d23i.mul(S51));
                DoubleVector b1r = p1r.add(q1i), b1i = p1i.sub(q1r);
                DoubleVector b4r = p1r.sub(q1i), b4i = p1i.add(q1r);
                DoubleVector b2r = p2r.add(q2i), b2i = p2i.sub(q2r);
                DoubleVector b3r = p2r.sub(q2i), b3i = p2i.add(q2r);
                b1r.mul(w1r).sub(b1i.mul(w1i)).intoArray(yr, o + s);
                b1r.mul(w1i).add(b1i.mul(w1r)).intoArray(yi, o + s);
                b2r.mul(w2r).sub(b2i.mul(w2i)).intoArray(yr, o + 2 * s);
                b2r.mul(w2i).add(b2i.mul(w2r)).intoArray(yi, o + 2 * s);
                b3r.mul(w3r).sub(b3i.mul(w3i)).intoArray(yr, o + 3 * s);
                b3r.mul(w3i).add(b3i.mul(w3r)).intoArray(yi, o + 3 * s);
                b4r.mul(w4r).sub(b4i.mul(w4i)).intoArray(yr, o + 4 * s);
                b4r.mul(w4i).add(b4i.mul(w4r)).intoArray(yi, o + 4 * s);
            }
        }
    }
}
