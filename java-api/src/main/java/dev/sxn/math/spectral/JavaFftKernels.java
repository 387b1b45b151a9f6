package dev.sxn.math.spectral;

/**
 * Plain-Java Stockham autosort stages (radix 4, 2, 3, 5), the reference every other backend is
 * tested against. Each stage reads one pair of arrays and writes the other, so no bit reversal is
 * needed; the result lands in the caller's arrays (copied back once if the stage count is odd).
 * {@link VectorFftKernels} extends it and replaces {@link #stage} where the stride fills whole vectors.
 * Each radix keeps its own written-out butterfly on purpose (specialised radices, not one generic
 * radix-r loop, so every value stays in a register). Stateless and thread-safe.
 */
class JavaFftKernels implements FftKernels {
    static final JavaFftKernels INSTANCE = new JavaFftKernels();

    static final double S3 = Math.sqrt(3.0) / 2.0;
    static final double C51 = Math.cos(2 * Math.PI / 5);
    static final double C52 = Math.cos(4 * Math.PI / 5);
    static final double S51 = Math.sin(2 * Math.PI / 5);
    static final double S52 = Math.sin(4 * Math.PI / 5);

    @Override
    public final void transform(FftPlan plan, double[] re, double[] im, double[] sre, double[] sim) {
        int n = plan.n;
        double[] xr = re, xi = im, yr = sre, yi = sim;
        int[] radix = plan.radix;
        for (int t = 0; t < radix.length; t++) {
            int s = plan.stride[t];
            stage(radix[t], s, n / (s * radix[t]), xr, xi, yr, yi, plan.flatTwRe, plan.flatTwIm, plan.twOffset[t]);
            double[] tr = xr, ti = xi;
            xr = yr;
            xi = yi;
            yr = tr;
            yi = ti;
        }
        if (xr != re) {
            System.arraycopy(xr, 0, re, 0, n);
            System.arraycopy(xi, 0, im, 0, n);
        }
    }

    /**
     * One Stockham stage of the given radix and stride s (m butterfly groups) from (xr, xi) into
     * (yr, yi), with the stage's twiddles from {@code (wr, wi)[tb..]}.
     */
    void stage(int radix, int s, int m, double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int tb) {
        switch (radix) {
            case 4 -> radix4(s, m, xr, xi, yr, yi, wr, wi, tb);
            case 2 -> radix2(s, m, xr, xi, yr, yi, wr, wi, tb);
            case 3 -> radix3(s, m, xr, xi, yr, yi, wr, wi, tb);
            default -> radix5(s, m, xr, xi, yr, yi, wr, wi, tb);
        }
    }

    /** (yr, yi)[o] = (br + i bi) (wr + i wi): a butterfly output times its twiddle. */
    private static void twiddled(double br, double bi, double wr, double wi, double[] yr, double[] yi, int o) {
        yr[o] = br * wr - bi * wi;
        yi[o] = br * wi + bi * wr;
    }

    private static void radix2(int s, int m, double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int tb) {
        int sm = s * m;
        for (int j = 0; j < m; j++) {
            double w1r = wr[tb + j], w1i = wi[tb + j];
            int in0 = s * j, out0 = s * 2 * j;
            for (int q = 0; q < s; q++) {
                int a = in0 + q, o = out0 + q;
                double ar = xr[a], ai = xi[a], br = xr[a + sm], bi = xi[a + sm];
                yr[o] = ar + br;
                yi[o] = ai + bi;
                twiddled(ar - br, ai - bi, w1r, w1i, yr, yi, o + s);
            }
        }
    }

    private static void radix4(int s, int m, double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int tb) {
        int sm = s * m;
        if (s == 1) {
            // First stage: the q loop is a single iteration, so drop it (a deliberate variant of the loop below,
            // same butterfly with s = 1 constant).
            for (int j = 0; j < m; j++) {
                int tw = tb + 3 * j;
                butterfly4(xr, xi, yr, yi, j, 4 * j, 1, sm, wr[tw], wi[tw], wr[tw + 1], wi[tw + 1], wr[tw + 2], wi[tw + 2]);
            }
            return;
        }
        for (int j = 0; j < m; j++) {
            int tw = tb + 3 * j;
            double w1r = wr[tw], w1i = wi[tw], w2r = wr[tw + 1], w2i = wi[tw + 1], w3r = wr[tw + 2], w3i = wi[tw + 2];
            int in0 = s * j, out0 = s * 4 * j;
            for (int q = 0; q < s; q++) butterfly4(xr, xi, yr, yi, in0 + q, out0 + q, s, sm, w1r, w1i, w2r, w2i, w3r, w3i);
        }
    }

    /** One radix-4 butterfly: inputs at a + k sm, outputs at o + k s (k = 0..3), twiddles w1..w3. */
    private static void butterfly4(double[] xr, double[] xi, double[] yr, double[] yi, int a, int o, int s, int sm, double w1r, double w1i,
            double w2r, double w2i, double w3r, double w3i) {
        double a0r = xr[a], a0i = xi[a];
        double a1r = xr[a + sm], a1i = xi[a + sm];
        double a2r = xr[a + 2 * sm], a2i = xi[a + 2 * sm];
        double a3r = xr[a + 3 * sm], a3i = xi[a + 3 * sm];
        double t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
        double t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1r - a3r, t3i = a1i - a3i;
        yr[o] = t0r + t2r;
        yi[o] = t0i + t2i;
        twiddled(t1r + t3i, t1i - t3r, w1r, w1i, yr, yi, o + s);
        twiddled(t0r - t2r, t0i - t2i, w2r, w2i, yr, yi, o + 2 * s);
        twiddled(t1r - t3i, t1i + t3r, w3r, w3i, yr, yi, o + 3 * s);
    }

    private static void radix3(int s, int m, double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int tb) {
        int sm = s * m;
        for (int j = 0; j < m; j++) {
            int tw = tb + 2 * j;
            double w1r = wr[tw], w1i = wi[tw], w2r = wr[tw + 1], w2i = wi[tw + 1];
            int in0 = s * j, out0 = s * 3 * j;
            for (int q = 0; q < s; q++) {
                int a = in0 + q, o = out0 + q;
                double a0r = xr[a], a0i = xi[a];
                double a1r = xr[a + sm], a1i = xi[a + sm];
                double a2r = xr[a + 2 * sm], a2i = xi[a + 2 * sm];
                double t1r = a1r + a2r, t1i = a1i + a2i;
                double t2r = a0r - 0.5 * t1r, t2i = a0i - 0.5 * t1i;
                double dr = S3 * (a1r - a2r), di = S3 * (a1i - a2i);
                yr[o] = a0r + t1r;
                yi[o] = a0i + t1i;
                twiddled(t2r + di, t2i - dr, w1r, w1i, yr, yi, o + s);
                twiddled(t2r - di, t2i + dr, w2r, w2i, yr, yi, o + 2 * s);
            }
        }
    }

    private static void radix5(int s, int m, double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int tb) {
        int sm = s * m;
        for (int j = 0; j < m; j++) {
            int tw = tb + 4 * j;
            double w1r = wr[tw], w1i = wi[tw], w2r = wr[tw + 1], w2i = wi[tw + 1];
            double w3r = wr[tw + 2], w3i = wi[tw + 2], w4r = wr[tw + 3], w4i = wi[tw + 3];
            int in0 = s * j, out0 = s * 5 * j;
            for (int q = 0; q < s; q++) {
                int a = in0 + q, o = out0 + q;
                double a0r = xr[a], a0i = xi[a];
                double a1r = xr[a + sm], a1i = xi[a + sm];
                double a2r = xr[a + 2 * sm], a2i = xi[a + 2 * sm];
                double a3r = xr[a + 3 * sm], a3i = xi[a + 3 * sm];
                double a4r = xr[a + 4 * sm], a4i = xi[a + 4 * sm];
                double s14r = a1r + a4r, s14i = a1i + a4i, d14r = a1r - a4r, d14i = a1i - a4i;
                double s23r = a2r + a3r, s23i = a2i + a3i, d23r = a2r - a3r, d23i = a2i - a3i;
                yr[o] = a0r + s14r + s23r;
                yi[o] = a0i + s14i + s23i;
                double p1r = a0r + C51 * s14r + C52 * s23r, p1i = a0i + C51 * s14i + C52 * s23i;
                double q1r = S51 * d14r + S52 * d23r, q1i = S51 * d14i + S52 * d23i;
                double p2r = a0r + C52 * s14r + C51 * s23r, p2i = a0i + C52 * s14i + C51 * s23i;
                double q2r = S52 * d14r - S51 * d23r, q2i = S52 * d14i - S51 * d23i;
                // b = p -/+ i q: -i q = (q.im, -q.re)
                twiddled(p1r + q1i, p1i - q1r, w1r, w1i, yr, yi, o + s);
                twiddled(p2r + q2i, p2i - q2r, w2r, w2i, yr, yi, o + 2 * s);
                twiddled(p2r - q2i, p2i + q2r, w3r, w3i, yr, yi, o + 3 * s);
                twiddled(p1r - q1i, p1i + q1r, w4r, w4i, yr, yi, o + 4 * s);
            }
        }
    }
}
