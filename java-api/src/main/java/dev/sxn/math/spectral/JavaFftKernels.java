package dev.sxn.math.spectral;

/**
 * Plain-Java Stockham autosort stages (radix 4, 2, 3, 5), the reference every other backend is
 * tested against. Each stage reads one pair of arrays and writes the other, so no bit reversal is
 * needed; the result lands in the caller's arrays (copied back once if the stage count is odd).
 * Stateless and thread-safe.
 */
final class JavaFftKernels implements FftKernels {
    static final JavaFftKernels INSTANCE = new JavaFftKernels();

    private static final double S3 = Math.sqrt(3.0) / 2.0;
    private static final double C51 = Math.cos(2 * Math.PI / 5);
    private static final double C52 = Math.cos(4 * Math.PI / 5);
    private static final double S51 = Math.sin(2 * Math.PI / 5);
    private static final double S52 = Math.sin(4 * Math.PI / 5);

    @Override
    public void transform(FftPlan plan, double[] re, double[] im, double[] sre, double[] sim) {
        int n = plan.n;
        double[] xr = re, xi = im, yr = sre, yi = sim;
        int[] radix = plan.radix;
        for (int t = 0; t < radix.length; t++) {
            int s = plan.stride[t];
            int m = n / (s * radix[t]);
            double[] wr = plan.flatTwRe, wi = plan.flatTwIm;
            int tb = plan.twOffset[t];
            switch (radix[t]) {
                case 4 -> radix4(s, m, xr, xi, yr, yi, wr, wi, tb);
                case 2 -> radix2(s, m, xr, xi, yr, yi, wr, wi, tb);
                case 3 -> radix3(s, m, xr, xi, yr, yi, wr, wi, tb);
                default -> radix5(s, m, xr, xi, yr, yi, wr, wi, tb);
            }
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

    static void radix2(int s, int m, double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int tb) {
        int sm = s * m;
        for (int j = 0; j < m; j++) {
            double w1r = wr[tb + j], w1i = wi[tb + j];
            int in0 = s * j, out0 = s * 2 * j;
            for (int q = 0; q < s; q++) {
                int a = in0 + q, o = out0 + q;
                double ar = xr[a], ai = xi[a], br = xr[a + sm], bi = xi[a + sm];
                yr[o] = ar + br;
                yi[o] = ai + bi;
                double dr = ar - br, di = ai - bi;
                yr[o + s] = dr * w1r - di * w1i;
                yi[o + s] = dr * w1i + di * w1r;
            }
        }
    }

    static void radix4(int s, int m, double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int tb) {
        int sm = s * m;
        if (s == 1) {
            // First stage: the q loop is a single iteration, so drop it.
            for (int j = 0; j < m; j++) {
                int tw = 3 * j;
                double w1r = wr[tb + tw], w1i = wi[tb + tw], w2r = wr[tb + tw + 1], w2i = wi[tb + tw + 1], w3r = wr[tb + tw + 2], w3i = wi[tb + tw + 2];
                int a = j, o = 4 * j;
                double a0r = xr[a], a0i = xi[a];
                double a1r = xr[a + sm], a1i = xi[a + sm];
                double a2r = xr[a + 2 * sm], a2i = xi[a + 2 * sm];
                double a3r = xr[a + 3 * sm], a3i = xi[a + 3 * sm];
                double t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
                double t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1r - a3r, t3i = a1i - a3i;
                yr[o] = t0r + t2r;
                yi[o] = t0i + t2i;
                double b1r = t1r + t3i, b1i = t1i - t3r;
                double b2r = t0r - t2r, b2i = t0i - t2i;
                double b3r = t1r - t3i, b3i = t1i + t3r;
                yr[o + 1] = b1r * w1r - b1i * w1i;
                yi[o + 1] = b1r * w1i + b1i * w1r;
                yr[o + 2] = b2r * w2r - b2i * w2i;
                yi[o + 2] = b2r * w2i + b2i * w2r;
                yr[o + 3] = b3r * w3r - b3i * w3i;
                yi[o + 3] = b3r * w3i + b3i * w3r;
            }
            return;
        }
        for (int j = 0; j < m; j++) {
            int tw = 3 * j;
            double w1r = wr[tb + tw], w1i = wi[tb + tw], w2r = wr[tb + tw + 1], w2i = wi[tb + tw + 1], w3r = wr[tb + tw + 2], w3i = wi[tb + tw + 2];
            int in0 = s * j, out0 = s * 4 * j;
            for (int q = 0; q < s; q++) {
                int a = in0 + q, o = out0 + q;
                double a0r = xr[a], a0i = xi[a];
                double a1r = xr[a + sm], a1i = xi[a + sm];
                double a2r = xr[a + 2 * sm], a2i = xi[a + 2 * sm];
                double a3r = xr[a + 3 * sm], a3i = xi[a + 3 * sm];
                double t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
                double t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1r - a3r, t3i = a1i - a3i;
                yr[o] = t0r + t2r;
                yi[o] = t0i + t2i;
                double b1r = t1r + t3i, b1i = t1i - t3r;
                double b2r = t0r - t2r, b2i = t0i - t2i;
                double b3r = t1r - t3i, b3i = t1i + t3r;
                yr[o + s] = b1r * w1r - b1i * w1i;
                yi[o + s] = b1r * w1i + b1i * w1r;
                yr[o + 2 * s] = b2r * w2r - b2i * w2i;
                yi[o + 2 * s] = b2r * w2i + b2i * w2r;
                yr[o + 3 * s] = b3r * w3r - b3i * w3i;
                yi[o + 3 * s] = b3r * w3i + b3i * w3r;
            }
        }
    }

    static void radix3(int s, int m, double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int tb) {
        int sm = s * m;
        for (int j = 0; j < m; j++) {
            int tw = 2 * j;
            double w1r = wr[tb + tw], w1i = wi[tb + tw], w2r = wr[tb + tw + 1], w2i = wi[tb + tw + 1];
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
                double b1r = t2r + di, b1i = t2i - dr;
                double b2r = t2r - di, b2i = t2i + dr;
                yr[o + s] = b1r * w1r - b1i * w1i;
                yi[o + s] = b1r * w1i + b1i * w1r;
                yr[o + 2 * s] = b2r * w2r - b2i * w2i;
                yi[o + 2 * s] = b2r * w2i + b2i * w2r;
            }
        }
    }

    static void radix5(int s, int m, double[] xr, double[] xi, double[] yr, double[] yi, double[] wr, double[] wi, int tb) {
        int sm = s * m;
        for (int j = 0; j < m; j++) {
            int tw = 4 * j;
            double w1r = wr[tb + tw], w1i = wi[tb + tw], w2r = wr[tb + tw + 1], w2i = wi[tb + tw + 1];
            double w3r = wr[tb + tw + 2], w3i = wi[tb + tw + 2], w4r = wr[tb + tw + 3], w4i = wi[tb + tw + 3];
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
                double b1r = p1r + q1i, b1i = p1i - q1r;
                double b4r = p1r - q1i, b4i = p1i + q1r;
                double b2r = p2r + q2i, b2i = p2i - q2r;
                double b3r = p2r - q2i, b3i = p2i + q2r;
                yr[o + s] = b1r * w1r - b1i * w1i;
                yi[o + s] = b1r * w1i + b1i * w1r;
                yr[o + 2 * s] = b2r * w2r - b2i * w2i;
                yi[o + 2 * s] = b2r * w2i + b2i * w2r;
                yr[o + 3 * s] = b3r * w3r - b3i * w3i;
                yi[o + 3 * s] = b3r * w3i + b3i * w3r;
                yr[o + 4 * s] = b4r * w4r - b4i * w4i;
                yi[o + 4 * s] = b4r * w4i + b4i * w4r;
            }
        }
    }
}
