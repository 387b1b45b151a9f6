package dev.sxn.math.spectral;

import dev.sxn.math.spectral.FftPlan.Workspace;

/**
 * The backend-independent parts of every transform, around a backend's {@link FftKernels} stages:
 * Bluestein's chirp-z algorithm for lengths with a prime factor above 5, the inverse by the
 * re/im swap identity {@code IDFT(z) = swap(DFT(swap(z)))}, and the packing of a real FFT of even
 * length {@code 2h} into a complex FFT of length {@code h}.
 *
 * <p>Workspace slots: 0-3 belong to {@link #complex} (stage scratch and Bluestein buffers), 4-5 to
 * the real transforms, 6-7 to callers above this class (rolling windows). All methods are
 * unnormalised; the callers scale.
 */
final class FftEngine {
    private FftEngine() {}

    /**
     * Extra doubles in the stage scratch arrays: the native kernel starts its scratch at an offset
     * inside them chosen from the arrays' addresses, so loads and stores of a stage do not alias
     * modulo 4 KiB (see skew_to in native/src/spectral.c).
     */
    static final int SCRATCH_SLACK = 512;

    /** Unnormalised forward DFT of {@code (re, im)[0..n)} in place. */
    static void complex(FftKernels k, FftPlan plan, double[] re, double[] im) {
        int n = plan.n;
        if (n == 1) return;
        Workspace ws = Workspace.get();
        if (!plan.isBluestein()) {
            k.transform(plan, re, im, ws.slot(0, n + SCRATCH_SLACK), ws.slot(1, n + SCRATCH_SLACK));
            return;
        }
        FftPlan in = plan.inner;
        int big = in.n;
        double[] ar = ws.slot(2, big), ai = ws.slot(3, big);
        double[] cr = plan.chirpRe, ci = plan.chirpIm;
        for (int j = 0; j < n; j++) {
            double xr = re[j], xi = im[j];
            ar[j] = xr * cr[j] - xi * ci[j];
            ai[j] = xr * ci[j] + xi * cr[j];
        }
        java.util.Arrays.fill(ar, n, big, 0.0);
        java.util.Arrays.fill(ai, n, big, 0.0);
        double[] s0 = ws.slot(0, big + SCRATCH_SLACK), s1 = ws.slot(1, big + SCRATCH_SLACK);
        k.transform(in, ar, ai, s0, s1);
        double[] br = plan.bRe, bi = plan.bIm;
        for (int j = 0; j < big; j++) {
            double xr = ar[j], xi = ai[j];
            ar[j] = xr * br[j] - xi * bi[j];
            ai[j] = xr * bi[j] + xi * br[j];
        }
        k.transform(in, ai, ar, s0, s1); // inverse by swapping re and im; 1/M is folded into b
        for (int j = 0; j < n; j++) {
            double xr = ar[j], xi = ai[j];
            re[j] = xr * cr[j] - xi * ci[j];
            im[j] = xr * ci[j] + xi * cr[j];
        }
    }

    /**
     * {@link #complex} on caller input not yet checked for finiteness: returns false, with
     * {@code re}/{@code im} untouched, when it holds a NaN or an infinity. Kernels that check in their
     * own pass ({@link FftKernels#checksFinite()}) save the separate scan.
     */
    static boolean complexUnchecked(FftKernels k, FftPlan plan, double[] re, double[] im) {
        int n = plan.n;
        if (n > 1 && !plan.isBluestein() && k.checksFinite()) {
            Workspace ws = Workspace.get();
            return k.transformChecked(plan, re, im, ws.slot(0, n + SCRATCH_SLACK), ws.slot(1, n + SCRATCH_SLACK));
        }
        if (!allFinite(re, 0, n) || !allFinite(im, 0, n)) return false;
        complex(k, plan, re, im);
        return true;
    }

    /**
     * {@link #real} on input not yet checked for finiteness: false, with the outputs unwritten, when
     * {@code x[off..off+n)} holds a NaN or an infinity.
     */
    static boolean realUnchecked(FftKernels k, double[] x, int off, int n, double[] outRe, double[] outIm, double scale) {
        if (n > 1 && (n & 1) == 0 && k.checksFinite()) {
            FftPlan plan = FftPlan.of(n / 2);
            if (!plan.isBluestein()) {
                int r = k.realEvenChecked(plan, x, off, outRe, outIm, scale);
                if (r >= 0) return r == 1;
            }
        }
        if (!allFinite(x, off, n)) return false;
        real(k, x, off, n, outRe, outIm, scale);
        return true;
    }

    static boolean allFinite(double[] a, int off, int n) {
        for (int j = off; j < off + n; j++) {
            if (!Double.isFinite(a[j])) return false;
        }
        return true;
    }

    /** Unnormalised inverse DFT (positive exponent) in place. */
    static void complexInverse(FftKernels k, FftPlan plan, double[] re, double[] im) {
        complex(k, plan, im, re);
    }

    /**
     * Unnormalised real FFT of {@code x[off..off+n)} into bins {@code [0, n/2]} of {@code outRe/outIm}
     * (multiplied by {@code scale}).
     */
    static void real(FftKernels k, double[] x, int off, int n, double[] outRe, double[] outIm, double scale) {
        if (n == 1) {
            outRe[0] = x[off] * scale;
            outIm[0] = 0.0;
            return;
        }
        Workspace ws = Workspace.get();
        if ((n & 1) == 1) {
            double[] zr = ws.slot(4, n), zi = ws.slot(5, n);
            System.arraycopy(x, off, zr, 0, n);
            java.util.Arrays.fill(zi, 0, n, 0.0);
            complex(k, FftPlan.of(n), zr, zi);
            int bins = n / 2 + 1;
            for (int j = 0; j < bins; j++) {
                outRe[j] = zr[j] * scale;
                outIm[j] = zi[j] * scale;
            }
            outIm[0] = 0.0; // the DC bin of a real signal is real; drop the rounding residue
            return;
        }
        int h = n / 2;
        FftPlan plan = FftPlan.of(h);
        if (!plan.isBluestein() && k.realEven(plan, x, off, outRe, outIm, scale)) return;
        double[] zr = ws.slot(4, h), zi = ws.slot(5, h);
        for (int j = 0; j < h; j++) {
            zr[j] = x[off + 2 * j];
            zi[j] = x[off + 2 * j + 1];
        }
        complex(k, plan, zr, zi);
        unpackReal(plan, zr, zi, outRe, outIm, scale);
    }

    /** X_k = E_k + W^k O_k with E = (Z_k + conj Z_{h-k}) / 2 and O = -i (Z_k - conj Z_{h-k}) / 2. */
    static void unpackReal(FftPlan plan, double[] zr, double[] zi, double[] outRe, double[] outIm, double scale) {
        int h = plan.n;
        double[] wr = plan.realTwRe, wi = plan.realTwIm;
        double hs = 0.5 * scale;
        // k = 0 and k = h: Z_0 pairs with itself
        double z0r = zr[0], z0i = zi[0];
        outRe[0] = (z0r + z0i) * scale;
        outIm[0] = 0.0;
        outRe[h] = (z0r - z0i) * scale;
        outIm[h] = 0.0;
        for (int j = 1; j < h; j++) {
            double ar = zr[j], ai = zi[j], br = zr[h - j], bi = -zi[h - j];
            double er = ar + br, ei = ai + bi;
            double dr = ar - br, di = ai - bi;
            double or = di, oi = -dr; // -i (d)
            double tr = wr[j] * or - wi[j] * oi, ti = wr[j] * oi + wi[j] * or;
            outRe[j] = (er + tr) * hs;
            outIm[j] = (ei + ti) * hs;
        }
    }

    /**
     * Unnormalised inverse real FFT: {@code out[off..off+n)} from bins {@code [0, n/2]}, times
     * {@code scale}. The imaginary parts of bin 0 and (for even n) bin n/2 are ignored, as NumPy does.
     */
    static void realInverse(FftKernels k, double[] re, double[] im, int n, double[] out, int off, double scale) {
        if (n == 1) {
            out[off] = re[0] * scale;
            return;
        }
        Workspace ws = Workspace.get();
        if ((n & 1) == 1) {
            double[] zr = ws.slot(4, n), zi = ws.slot(5, n);
            zr[0] = re[0];
            zi[0] = 0.0;
            for (int j = 1; j <= n / 2; j++) {
                zr[j] = re[j];
                zi[j] = im[j];
                zr[n - j] = re[j];
                zi[n - j] = -im[j];
            }
            complexInverse(k, FftPlan.of(n), zr, zi);
            for (int j = 0; j < n; j++) out[off + j] = zr[j] * scale;
            return;
        }
        int h = n / 2;
        FftPlan plan = FftPlan.of(h);
        double[] zr = ws.slot(4, h), zi = ws.slot(5, h);
        double[] wr = plan.realTwRe, wi = plan.realTwIm;
        for (int j = 0; j < h; j++) {
            double ar = re[j], ai = j == 0 ? 0.0 : im[j];
            double br = re[h - j], bi = j == 0 ? 0.0 : -im[h - j];
            double er = ar + br, ei = ai + bi;
            double dr = ar - br, di = ai - bi;
            // O = d * conj(W^j); Z = E + i O
            double or = dr * wr[j] + di * wi[j], oi = di * wr[j] - dr * wi[j];
            zr[j] = 0.5 * (er - oi);
            zi[j] = 0.5 * (ei + or);
        }
        complexInverse(k, plan, zr, zi);
        double s2 = 2.0 * scale;
        for (int j = 0; j < h; j++) {
            out[off + 2 * j] = zr[j] * s2;
            out[off + 2 * j + 1] = zi[j] * s2;
        }
    }
}
