package dev.sxn.math.spectral;

import static dev.sxn.math.spectral.SpectralReference.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.spectral.FFT.ComplexArray;
import dev.sxn.math.spectral.FFT.Norm;
import dev.sxn.math.testing.BackendSupport;
import dev.sxn.math.testing.ReferenceData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The plain-Java FFT against NumPy 1.24.2 (reference/gen_spectral.py), with DESIGN.md's normwise
 * tolerance ||X - X_ref|| / ||X_ref|| <= 1e-12 max(1, log2 n), plus Parseval and round trips.
 */
class FftTest {
    static final int[] SIZES = {1, 2, 3, 5, 7, 8, 12, 97, 1000, 1024, 4096, 10007, 65537, 1 << 17};
    static final Map<String, double[]> FFT_REF = ReferenceData.csv("spectral_fft.csv");
    static final Map<String, double[]> RFFT_REF = ReferenceData.csv("spectral_rfft.csv");
    static final Map<String, double[]> NORMS = ReferenceData.csv("spectral_fft_norms.csv");

    /** The lengths with NumPy reference rows. */
    static final int[] NUMPY_SIZES = {1, 2, 3, 5, 7, 8, 12, 97, 1000, 1024, 4096, 10007, 65537, 1 << 17, 1 << 18, 3 << 17};

    /** Every kind of the FFT family (from the registry). */
    static Stream<Backend> fftKinds() {
        return BackendSupport.kinds(KernelFamilies.FFT);
    }

    /** Every kind of the FFT family with every NumPy length; above 2^17 JAVA only, to keep the suite short. */
    static Stream<Arguments> kindsAndSizes() {
        return fftKinds().flatMap(kind -> Arrays.stream(NUMPY_SIZES).filter(n -> n <= 1 << 17 || kind == Backend.JAVA)
                .mapToObj(n -> Arguments.of(kind, n)));
    }

    @ParameterizedTest
    @MethodSource("kindsAndSizes")
    void complexMatchesNumpy(Backend kind, int n) {
        BackendSupport.assumeAvailable(kind);
        for (int mode = 0; mode <= 3; mode++) {
            if (mode > 0 && !hasRows(FFT_REF, n, mode)) continue;
            double[] re = sigRe(n), im = sigIm(n);
            switch (mode) {
                case 0 -> FFT.forward(kind, re, im, Norm.BACKWARD);
                case 1 -> FFT.forward(kind, re, im, Norm.ORTHO);
                case 2 -> FFT.forward(kind, re, im, Norm.FORWARD);
                default -> FFT.inverse(kind, re, im, Norm.BACKWARD);
            }
            compareSampled(FFT_REF, n, mode, re, im, kind + " fft n=" + n + " mode " + mode);
            if (mode == 0) {
                double norm = norm(re, im);
                double ref = NORMS.get("fft_norm")[index(NORMS.get("n"), n)];
                assertEquals(ref, norm, fftTol(n) * ref, kind + " full-output norm n=" + n);
            }
        }
    }

    /** The automatic choice, by the forms without a Backend and by a null Backend (the same choice). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 7, 8, 12, 97, 1000, 1024, 4096, 10007, 65537, 1 << 17, 1 << 18, 3 << 17})
    void automaticChoiceMatchesNumpy(int n) {
        double[] re = sigRe(n), im = sigIm(n);
        FFT.forward(re, im);
        compareSampled(FFT_REF, n, 0, re, im, "automatic fft n=" + n);
        double[] nr = sigRe(n), ni = sigIm(n);
        FFT.forward(null, nr, ni, Norm.BACKWARD);
        assertArrayEquals(re, nr, "null backend re n=" + n);
        assertArrayEquals(im, ni, "null backend im n=" + n);
        FFT.inverse(null, nr, ni, Norm.BACKWARD);
        FFT.inverse(re, im, Norm.BACKWARD);
        assertArrayEquals(re, nr, "null backend inverse n=" + n);
        double[] x = sigRe(n), ar = new double[n / 2 + 1], ai = new double[n / 2 + 1];
        FFT.rfft(null, x, 0, n, ar, ai, Norm.BACKWARD);
        ComplexArray X = FFT.rfft(x);
        assertArrayEquals(X.re(), ar, "null backend rfft n=" + n);
        assertArrayEquals(X.im(), ai, "null backend rfft n=" + n);
        double[] back = new double[n];
        FFT.irfft(null, ar, ai, n, back, Norm.BACKWARD);
        assertArrayEquals(FFT.irfft(ar, ai, n), back, "null backend irfft n=" + n);
    }

    @ParameterizedTest
    @MethodSource("kindsAndSizes")
    void realMatchesNumpy(Backend kind, int n) {
        BackendSupport.assumeAvailable(kind);
        double[] x = sigRe(n);
        double[] xr = new double[n / 2 + 1], xi = new double[n / 2 + 1];
        FFT.rfft(kind, x, 0, n, xr, xi, Norm.BACKWARD);
        ComplexArray X = new ComplexArray(xr, xi);
        assertEquals(n / 2 + 1, X.length());
        List<Integer> rows = rows(RFFT_REF, "n", n);
        double[] er = new double[rows.size()], ei = new double[rows.size()], ar = new double[rows.size()], ai = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            int r = rows.get(i), k = (int) RFFT_REF.get("k")[r];
            er[i] = RFFT_REF.get("re")[r];
            ei[i] = RFFT_REF.get("im")[r];
            ar[i] = X.re()[k];
            ai[i] = X.im()[k];
        }
        assertRel(ar, ai, er, ei, fftTol(n), kind + " rfft n=" + n);
        double ref = NORMS.get("rfft_norm")[index(NORMS.get("n"), n)];
        assertEquals(ref, norm(X.re(), X.im()), fftTol(n) * ref, kind + " rfft full-output norm n=" + n);
    }

    @Test
    void irfftMatchesNumpy() {
        Map<String, double[]> ref = ReferenceData.csv("spectral_irfft.csv");
        for (int n : new int[] {1, 2, 5, 8, 9, 12, 97, 1000}) {
            int m = n / 2 + 1;
            double[] x = FFT.irfft(sigRe(m), sigIm(m), n);
            List<Integer> rows = rows(ref, "n", n);
            double[] e = new double[n];
            for (int r : rows) e[(int) ref.get("j")[r]] = ref.get("x")[r];
            assertRel(x, new double[n], e, new double[n], fftTol(n), "irfft n=" + n);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 6, 9, 11, 16, 25, 30, 49, 60, 64, 100, 127, 243, 256, 625, 1536, 2310, 4099, 8192})
    void roundTripsAndParseval(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        double[] re = new double[n], im = new double[n];
        for (int i = 0; i < n; i++) {
            re[i] = rnd.nextDouble(-1, 1);
            im[i] = rnd.nextDouble(-1, 1);
        }
        double[] r = re.clone(), i2 = im.clone();
        FFT.forward(r, i2, Norm.ORTHO);
        // Parseval: the unitary transform keeps the 2-norm
        assertEquals(norm(re, im), norm(r, i2), fftTol(n) * norm(re, im), "Parseval n=" + n);
        FFT.inverse(r, i2, Norm.ORTHO);
        assertRel(r, i2, re, im, fftTol(n), "inverse(forward(x)) n=" + n);
        for (Norm norm : Norm.values()) {
            double[] a = re.clone(), b = im.clone();
            FFT.forward(a, b, norm);
            FFT.inverse(a, b, norm);
            assertRel(a, b, re, im, fftTol(n), "round trip " + norm + " n=" + n);
            ComplexArray X = FFT.rfft(re, norm);
            double[] back = FFT.irfft(X.re(), X.im(), n, norm);
            assertRel(back, new double[n], re, new double[n], fftTol(n), "irfft(rfft(x)) " + norm + " n=" + n);
        }
        // rfft equals the first half of the complex FFT of the real signal
        double[] a = re.clone(), b = new double[n];
        FFT.forward(a, b);
        ComplexArray X = FFT.rfft(re);
        assertRel(X.re(), X.im(), java.util.Arrays.copyOf(a, n / 2 + 1), java.util.Arrays.copyOf(b, n / 2 + 1), fftTol(n),
                "rfft vs fft n=" + n);
    }

    @Test
    void planIsSharedSafelyBetweenThreads() throws Exception {
        int n = 3000;
        double[] re = sigRe(n), im = sigIm(n);
        double[] er = re.clone(), ei = im.clone();
        FFT.forward(er, ei);
        Thread[] ts = new Thread[4];
        Throwable[] fail = new Throwable[1];
        for (int t = 0; t < ts.length; t++) {
            ts[t] = new Thread(() -> {
                try {
                    for (int k = 0; k < 50; k++) {
                        double[] a = re.clone(), b = im.clone();
                        FFT.forward(a, b);
                        assertArrayEquals(er, a);
                        assertArrayEquals(ei, b);
                    }
                } catch (Throwable e) {
                    fail[0] = e;
                }
            });
            ts[t].start();
        }
        for (Thread t : ts) t.join();
        assertNull(fail[0]);
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        var e = assertThrows(IllegalArgumentException.class, () -> FFT.forward(new double[0], new double[0]));
        assertTrue(e.getMessage().contains("re.length must be >= 1, was 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FFT.forward(new double[3], new double[4]));
        assertTrue(e.getMessage().contains("same length") && e.getMessage().contains("3") && e.getMessage().contains("4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FFT.forward(new double[] {1, Double.NaN}, new double[2]));
        assertTrue(e.getMessage().contains("re[1]") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FFT.rfft(new double[0]));
        assertTrue(e.getMessage().contains("n must be >= 1") && e.getMessage().contains("was 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FFT.irfft(new double[3], new double[3], 8));
        assertTrue(e.getMessage().contains("re.length must be 5 (n/2 + 1 bins for n = 8), was 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Norm.of("unitary"));
        assertTrue(e.getMessage().contains("unitary"), e.getMessage());
        assertThrows(NullPointerException.class, () -> FFT.forward(null, new double[1]));
    }

    /**
     * NaN and infinities are rejected naming the index, on every backend and path: Stockham, Bluestein
     * (97), the native blocked four-step (2^16, 3 2^16, whose check is fused into its first pass) and
     * the real FFT of even and odd length, before the caller's arrays are written.
     */
    @ParameterizedTest
    @MethodSource("fftKinds")
    void nonFiniteInputIsRejectedBeforeAnythingIsWritten(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int saved = NativeFftKernels.blockedMin;
        NativeFftKernels.blockedMin = 1 << 16; // the blocked path from 2^16 here (normally 2^21)
        try {
            rejectNonFinite(kind);
        } finally {
            NativeFftKernels.blockedMin = saved;
        }
    }

    private static void rejectNonFinite(Backend kind) {
        for (int n : new int[] {64, 96, 97, 1 << 16, 3 << 16}) {
            double[] baseRe = sigRe(n), baseIm = sigIm(n), baseX = sigRe(n - 1);
            for (int pos : new int[] {0, n / 2 + 1, n - 1}) {
                for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
                    for (int part = 0; part < 2; part++) {
                        for (boolean inverse : new boolean[] {false, true}) {
                            double[] re = baseRe.clone(), im = baseIm.clone();
                            (part == 0 ? re : im)[pos] = bad;
                            double[] re0 = re.clone(), im0 = im.clone();
                            String what = kind + " n=" + n + " pos " + pos + " " + bad + (inverse ? " inverse" : " forward");
                            var e = assertThrows(IllegalArgumentException.class,
                                    () -> {
                                        if (inverse) FFT.inverse(kind, re, im, Norm.BACKWARD);
                                        else FFT.forward(kind, re, im, Norm.BACKWARD);
                                    }, what);
                            String name = (part == 0 ? "re[" : "im[") + pos + "]";
                            assertTrue(e.getMessage().contains(name), what + ": " + e.getMessage());
                            assertArrayEquals(re0, re, what + " re untouched");
                            assertArrayEquals(im0, im, what + " im untouched");
                        }
                    }
                    for (int len : new int[] {n, n - 1}) {
                        if (pos >= len) continue;
                        double[] x = len == n ? baseRe.clone() : baseX.clone();
                        x[pos] = bad;
                        double[] outRe = new double[len / 2 + 1], outIm = new double[len / 2 + 1];
                        java.util.Arrays.fill(outRe, 7.0);
                        java.util.Arrays.fill(outIm, 7.0);
                        String what = kind + " rfft len=" + len + " pos " + pos + " " + bad;
                        var e = assertThrows(IllegalArgumentException.class,
                                () -> FFT.rfft(kind, x, 0, len, outRe, outIm, Norm.BACKWARD), what);
                        assertTrue(e.getMessage().contains("x[" + pos + "]"), what + ": " + e.getMessage());
                        for (int k = 0; k < outRe.length; k++) {
                            assertEquals(7.0, outRe[k], what + " outRe untouched");
                            assertEquals(7.0, outIm[k], what + " outIm untouched");
                        }
                    }
                }
            }
        }
    }

    /**
     * The native cache-blocked four-step transform (n = n1 n2) against the JAVA Stockham
     * transform at the suite's normwise tolerance, forward, inverse and real, for a power of two, a
     * length with a factor 3 in n2 and 256 x 360 (radix 2, 3 and 5 in n2, which is not a multiple of 16: 8-wide blocks).
     */
    @Test
    void blockedNativeMatchesJava() {
        BackendSupport.assumeAvailable(Backend.NATIVE);
        int saved = NativeFftKernels.blockedMin;
        NativeFftKernels.blockedMin = 1 << 12; // the blocked path at test-sized lengths (normally from 2^21)
        try {
            blockedAgainstJava();
        } finally {
            NativeFftKernels.blockedMin = saved;
        }
    }

    private static void blockedAgainstJava() {
        for (int n : new int[] {4096, 1 << 16, 3 << 16, 92160}) {
            assertNotNull(FftPlan.of(n).blocked, "n=" + n + " has a blocked layout");
            for (boolean inverse : new boolean[] {false, true}) {
                double[] re = sigRe(n), im = sigIm(n), jr = re.clone(), ji = im.clone();
                if (inverse) {
                    FFT.inverse(Backend.NATIVE, re, im, Norm.ORTHO);
                    FFT.inverse(Backend.JAVA, jr, ji, Norm.ORTHO);
                } else {
                    FFT.forward(Backend.NATIVE, re, im, Norm.BACKWARD);
                    FFT.forward(Backend.JAVA, jr, ji, Norm.BACKWARD);
                }
                assertTrue(relErr(jr, ji, re, im) <= fftTol(n), "blocked n=" + n + " inverse " + inverse + ": " + relErr(jr, ji, re, im));
            }
            double[] x = sigRe(2 * n);
            ComplexArray a = new ComplexArray(new double[n + 1], new double[n + 1]);
            ComplexArray b = new ComplexArray(new double[n + 1], new double[n + 1]);
            FFT.rfft(Backend.NATIVE, x, 0, 2 * n, a.re(), a.im(), Norm.BACKWARD);
            FFT.rfft(Backend.JAVA, x, 0, 2 * n, b.re(), b.im(), Norm.BACKWARD);
            assertTrue(relErr(b.re(), b.im(), a.re(), a.im()) <= fftTol(2 * n), "blocked rfft n=" + 2 * n);
        }
    }

    /**
     * The blocked layout's twiddles, w_n^e from the octant-reduced exact fraction e / n: within 2e-15
     * of the direct cos/sin of -2 pi (e mod n) / n (whose own argument rounding grows with e), and
     * exactly 0 and +-1 on the axes.
     */
    @Test
    void twiddleRootsAreAccurateAndExactOnTheAxes() {
        double[] re = new double[1], im = new double[1];
        SplittableRandom r = new SplittableRandom(5);
        for (int t = 0; t < 20_000; t++) {
            long n = 1 + r.nextInt(1 << 22), e = r.nextLong(4 * n) - n;
            FftPlan.root(e, n, re, im, 0);
            double th = -2 * Math.PI * Math.floorMod(e, n) / n;
            assertEquals(Math.cos(th), re[0], 2e-15, "cos e=" + e + " n=" + n);
            assertEquals(Math.sin(th), im[0], 2e-15, "sin e=" + e + " n=" + n);
        }
        long n = 1 << 20;
        double[][] axes = {{1, 0}, {0, -1}, {-1, 0}, {0, 1}};
        for (int qd = 0; qd < 4; qd++) {
            FftPlan.root(qd * n / 4, n, re, im, 0);
            assertEquals(axes[qd][0], re[0], 0.0, "quadrant " + qd);
            assertEquals(axes[qd][1], im[0], 0.0, "quadrant " + qd);
        }
    }

    static double relErr(double[] wr, double[] wi, double[] gr, double[] gi) {
        double e = 0, r = 0;
        for (int k = 0; k < wr.length; k++) {
            e += (gr[k] - wr[k]) * (gr[k] - wr[k]) + (gi[k] - wi[k]) * (gi[k] - wi[k]);
            r += wr[k] * wr[k] + wi[k] * wi[k];
        }
        return Math.sqrt(e / r);
    }

    static void compareSampled(Map<String, double[]> ref, int n, int mode, double[] re, double[] im, String what) {
        double[] ns = ref.get("n"), ms = ref.get("mode"), ks = ref.get("k"), rr = ref.get("re"), ri = ref.get("im");
        int count = 0;
        for (int i = 0; i < ns.length; i++) if (ns[i] == n && ms[i] == mode) count++;
        if (count == 0 && mode == 0) throw new AssertionError("no reference rows for n=" + n);
        if (count == 0) return;
        double[] er = new double[count], ei = new double[count], ar = new double[count], ai = new double[count];
        int c = 0;
        for (int i = 0; i < ns.length; i++) {
            if (ns[i] != n || ms[i] != mode) continue;
            int k = (int) ks[i];
            er[c] = rr[i];
            ei[c] = ri[i];
            ar[c] = re[k];
            ai[c] = im[k];
            c++;
        }
        assertRel(ar, ai, er, ei, fftTol(n), what);
    }

    static boolean hasRows(Map<String, double[]> ref, int n, int mode) {
        double[] ns = ref.get("n"), ms = ref.get("mode");
        for (int i = 0; i < ns.length; i++) if (ns[i] == n && ms[i] == mode) return true;
        return false;
    }

    static int index(double[] col, int n) {
        for (int i = 0; i < col.length; i++) if (col[i] == n) return i;
        throw new AssertionError("no row for n=" + n);
    }

    static double norm(double[] re, double[] im) {
        double s = 0;
        for (int i = 0; i < re.length; i++) s += re[i] * re[i] + im[i] * im[i];
        return Math.sqrt(s);
    }
}
