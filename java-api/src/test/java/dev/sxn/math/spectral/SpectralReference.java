package dev.sxn.math.spectral;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.testing.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The deterministic inputs of gen_spectral.py and the normwise comparison the FFT tests use. */
final class SpectralReference {
    private SpectralReference() {}

    /** re_j = sin(0.37 j + 0.1) + 0.3 cos((0.011 j) * (j % 97)), as in gen_spectral.py. */
    static double[] sigRe(int n) {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) x[j] = Math.sin(0.37 * j + 0.1) + 0.3 * Math.cos((0.011 * j) * (double) (j % 97));
        return x;
    }

    /** im_j = cos(0.23 j) - 0.2 sin((0.05 (j % 13)) * j). */
    static double[] sigIm(int n) {
        double[] x = new double[n];
        for (int j = 0; j < n; j++) x[j] = Math.cos(0.23 * j) - 0.2 * Math.sin((0.05 * (double) (j % 13)) * j);
        return x;
    }

    /** Rows of a reference CSV whose column {@code key} equals each value in turn. */
    static List<Integer> rows(Map<String, double[]> csv, String col, double value) {
        double[] c = csv.get(col);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < c.length; i++) if (c[i] == value) out.add(i);
        return out;
    }

    /** The FFT tolerance of DESIGN.md: 1e-12 * max(1, log2 n). */
    static double fftTol(int n) {
        return 1e-12 * Math.max(1.0, Math.log(n) / Math.log(2));
    }

    /** ||a - b|| / ||b|| over complex vectors (b all zero: the absolute norm). */
    static double relErr(double[] ar, double[] ai, double[] br, double[] bi) {
        double num = 0, den = 0;
        for (int i = 0; i < br.length; i++) {
            double dr = ar[i] - br[i], di = ai[i] - bi[i];
            num += dr * dr + di * di;
            den += br[i] * br[i] + bi[i] * bi[i];
        }
        return den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }

    static void assertRel(double[] ar, double[] ai, double[] br, double[] bi, double tol, String what) {
        double e = relErr(ar, ai, br, bi);
        assertTrue(e <= tol, what + ": normwise relative error " + e + " > " + tol);
    }
}
