package dev.sxn.math.spectral;

import static dev.sxn.math.spectral.SpectralReference.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.sxn.math.spectral.Welch.Average;
import dev.sxn.math.spectral.Welch.Detrend;
import dev.sxn.math.spectral.Welch.Options;
import dev.sxn.math.spectral.Welch.Psd;
import dev.sxn.math.spectral.Welch.Scaling;
import dev.sxn.math.spectral.Welch.Window;
import dev.sxn.math.testing.ReferenceData;
import dev.sxn.math.testing.Tolerance;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Welch's PSD against SciPy 1.10.1 (reference/gen_spectral.py): the basic form (spectral_welch.csv) and
 * the options beyond it (average 'median', nfft zero padding, two-sided, SciPy's None defaults;
 * spectral_welch_options.csv), and by property.
 */
class WelchTest {

    private static Options optionsOf(Map<String, double[]> ref, int r) {
        Window[] wins = Window.values();
        Detrend[] dets = {Detrend.NONE, Detrend.CONSTANT, Detrend.LINEAR};
        Options o = Options.DEFAULT.withFs(ref.get("fs")[r]).withWindow(wins[(int) ref.get("window")[r]])
                .withDetrend(dets[(int) ref.get("detrend")[r]]).withScaling(Scaling.values()[(int) ref.get("scaling")[r]])
                .withOnesided(ref.get("onesided")[r] == 1).withAverage(Average.values()[(int) ref.get("average")[r]]);
        // -1 in the file is SciPy's None: the option is left at its default
        if (ref.get("nperseg")[r] >= 0) o = o.withNperseg((int) ref.get("nperseg")[r]);
        if (ref.get("noverlap")[r] >= 0) o = o.withNoverlap((int) ref.get("noverlap")[r]);
        if (ref.get("nfft")[r] >= 0) o = o.withNfft((int) ref.get("nfft")[r]);
        return o;
    }

    private static double[] input(int n, boolean burst) {
        double[] x = sigRe(n);
        for (int i = 0; i < n; i++) x[i] += 0.01 * i;
        if (burst) for (int i = 400; i < 410; i++) x[i] *= 50.0;
        return x;
    }

    @Test
    void optionsMatchScipy() {
        Map<String, double[]> ref = ReferenceData.csv("spectral_welch_options.csv");
        int cases = (int) ref.get("case")[ref.get("case").length - 1] + 1;
        assertEquals(13, cases);
        for (int c = 0; c < cases; c++) {
            List<Integer> rows = rows(ref, "case", c);
            int r0 = rows.get(0);
            Options o = optionsOf(ref, r0);
            Psd p = Welch.psd(input((int) ref.get("n")[r0], ref.get("burst")[r0] == 1), o);
            String what = "case " + c + " " + o;
            assertEquals(rows.size(), p.power().length, "bins " + what);
            double max = 0;
            for (int r : rows) max = Math.max(max, Math.abs(ref.get("psd")[r]));
            for (int r : rows) {
                int k = (int) ref.get("k")[r];
                Tolerance.assertClose(ref.get("freq")[r], p.frequencies()[k], 0, 1e-14, "freq k " + k + " " + what);
                // as the basic Welch test: 1e-10 relative per bin, plus 1e-13 of the peak for bins near a window's zero
                Tolerance.assertClose(ref.get("psd")[r], p.power()[k], 1e-13 * max, 1e-10, "psd k " + k + " " + what);
            }
        }
    }

    @Test
    void basicFormMatchesScipy() {
        Map<String, double[]> ref = ReferenceData.csv("spectral_welch.csv");
        double[] x = sigRe(1000);
        for (int i = 0; i < x.length; i++) x[i] += 0.01 * i;
        Window[] wins = Window.values();
        Detrend[] dets = {Detrend.NONE, Detrend.CONSTANT, Detrend.LINEAR};
        Scaling[] scs = Scaling.values();
        for (int c = 0; c < 6; c++) {
            List<Integer> rows = rows(ref, "case", c);
            int r0 = rows.get(0);
            double fs = ref.get("fs")[r0];
            Psd p = Welch.psd(x, fs, wins[(int) ref.get("window")[r0]], (int) ref.get("nperseg")[r0],
                    (int) ref.get("noverlap")[r0], dets[(int) ref.get("detrend")[r0]], scs[(int) ref.get("scaling")[r0]]);
            assertEquals(rows.size(), p.power().length, "bins case " + c);
            double max = 0;
            for (int r : rows) max = Math.max(max, Math.abs(ref.get("psd")[r]));
            for (int r : rows) {
                int k = (int) ref.get("k")[r];
                Tolerance.assertClose(ref.get("freq")[r], p.frequencies()[k], 0, 1e-14, "freq case " + c + " k " + k);
                // 1e-10 relative per bin, plus 1e-13 of the largest bin for bins near a window's spectral zero
                Tolerance.assertClose(ref.get("psd")[r], p.power()[k], 1e-13 * max, 1e-10, "psd case " + c + " k " + k);
            }
        }
    }

    @Test
    void twoSidedFoldsToOneSided() {
        double[] x = sigRe(500);
        for (int nps : new int[] {64, 65}) {
            Psd one = Welch.psd(x, 2.0, Window.HANN, nps, nps / 2, Detrend.CONSTANT, Scaling.DENSITY);
            Psd two = Welch.psd(x, 2.0, Window.HANN, nps, nps / 2, Detrend.CONSTANT, Scaling.DENSITY, false);
            assertEquals(nps, two.power().length);
            assertEquals(one.power()[1], 2 * two.power()[1], 1e-15 * one.power()[1]);
            assertEquals(one.power()[1], two.power()[1] + two.power()[nps - 1], 1e-15 * one.power()[1]);
            assertEquals(-2.0 / nps, two.frequencies()[nps - 1], 1e-15);
        }
    }

    @Test
    void medianBiasIsScipys() {
        assertEquals(1.0, Welch.medianBias(1));
        assertEquals(1.0, Welch.medianBias(2));
        assertEquals(5.0 / 6, Welch.medianBias(3), 3e-16);
        assertEquals(5.0 / 6, Welch.medianBias(4), 3e-16);
        assertEquals(1 - 1.0 / 6 - 1.0 / 20, Welch.medianBias(5), 3e-16);
        // scipy.signal._spectral_py._median_bias(n) printed by /usr/bin/python3 (SciPy 1.10.1) for n = 3, 5, 14, 19
        assertEquals(0.8333333333333333, Welch.medianBias(3), 0.0);
        assertEquals(0.7833333333333333, Welch.medianBias(5), 2e-16);
        assertEquals(0.7301337551337552, Welch.medianBias(14), 4e-16);
        assertEquals(0.718771403175428, Welch.medianBias(19), 4e-16);
        // the alternating series 1 - 1/2 + 1/3 - ... tends to ln 2; its error after m pairs is ~ 1/(4m)
        assertEquals(Math.log(2), Welch.medianBias(20001), 1.5e-4);
        var e = assertThrows(IllegalArgumentException.class, () -> Welch.medianBias(0));
        assertEquals("segments must be >= 1, was 0", e.getMessage());
    }

    @Test
    void medianResistsABurstThatSpoilsTheMean() {
        SplittableRandom rnd = new SplittableRandom(11);
        int n = 64 * 301;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextGaussian();
        Options o = Options.DEFAULT.withNperseg(64).withNoverlap(0);
        // unit-variance white noise at fs = 1: the one-sided density is 2 in every bin but DC and Nyquist
        double clean = meanInterior(Welch.psd(x, o.withAverage(Average.MEDIAN)).power());
        assertEquals(2.0, clean, 0.06, "bias-corrected median of independent segments estimates the density");
        for (int i = 1000; i < 1000 + 3 * 64; i++) x[i] *= 30; // three segments hit
        double mean = meanInterior(Welch.psd(x, o).power());
        double med = meanInterior(Welch.psd(x, o.withAverage(Average.MEDIAN)).power());
        assertTrue(mean > 10, "the mean takes the burst: " + mean);
        assertEquals(clean, med, 0.05 * clean, "the median barely moves");
    }

    private static double meanInterior(double[] p) {
        double s = 0;
        for (int k = 1; k < p.length - 1; k++) s += p[k];
        return s / (p.length - 2);
    }

    @Test
    void zeroPaddingInterpolatesTheSameSpectrum() {
        double[] x = input(700, false);
        for (int nps : new int[] {64, 75}) {
            Options o = Options.DEFAULT.withNperseg(nps).withDetrend(Detrend.LINEAR).withOnesided(false);
            Psd plain = Welch.psd(x, o);
            Psd padded = Welch.psd(x, o.withNfft(2 * nps));
            assertEquals(2 * nps, padded.power().length);
            // bin 2k of the 2L-point transform of a zero-padded segment is bin k of the L-point transform
            for (int k = 0; k < nps; k++) {
                assertEquals(plain.power()[k], padded.power()[2 * k], 1e-12 * plain.power()[0] + 1e-12 * plain.power()[k],
                        "nperseg " + nps + " bin " + k);
                assertEquals(plain.frequencies()[k], padded.frequencies()[2 * k], 1e-15, "frequency " + k);
            }
        }
        // one segment, boxcar, no detrending: the padded periodogram is |rfft(x padded)|^2 / sum(w)^2, doubled
        double[] y = sigRe(50);
        Psd p = Welch.psd(y, Options.DEFAULT.withWindow(Window.BOXCAR).withNperseg(50).withNfft(81)
                .withDetrend(Detrend.NONE).withScaling(Scaling.SPECTRUM));
        double[] pad = java.util.Arrays.copyOf(y, 81);
        double[] ps = SpectralEntropy.powerSpectrum(pad);
        assertEquals(41, p.power().length);
        for (int k = 0; k < 41; k++) {
            double expect = ps[k] / (50.0 * 50.0) * (k == 0 ? 1 : 2); // odd nfft: no Nyquist bin
            assertEquals(expect, p.power()[k], 1e-13 * ps[0] / 2500 + 1e-13 * expect, "bin " + k);
            assertEquals(k / 81.0, p.frequencies()[k], 3e-16);
        }
    }

    @Test
    void oneSidedDoublingFollowsNfftParity() {
        double[] x = input(600, false);
        Options two = Options.DEFAULT.withNperseg(100).withOnesided(false);
        for (int nfft : new int[] {100, 128, 131}) {
            Psd t = Welch.psd(x, two.withNfft(nfft));
            Psd o = Welch.psd(x, two.withNfft(nfft).withOnesided(true));
            assertEquals(nfft / 2 + 1, o.power().length);
            for (int k = 0; k <= nfft / 2; k++) {
                boolean unpaired = k == 0 || (nfft % 2 == 0 && k == nfft / 2);
                assertEquals(t.power()[k] * (unpaired ? 1 : 2), o.power()[k], 1e-15 * o.power()[k], "nfft " + nfft + " bin " + k);
            }
        }
    }

    @Test
    void defaultsAndOverloadsAgree() {
        double[] x = input(1000, true);
        Psd explicit = Welch.psd(x, 1.0, Window.HANN, 256, 128, Detrend.CONSTANT, Scaling.DENSITY);
        assertPsdEquals(explicit, Welch.psd(x));
        assertPsdEquals(explicit, Welch.psd(x, Options.DEFAULT));
        assertPsdEquals(explicit, Welch.psd(x, Options.DEFAULT.withNperseg(256).withNoverlap(128).withNfft(256)));
        // the default nperseg is capped at n, and the default noverlap follows the nperseg used
        double[] s = input(150, false);
        assertPsdEquals(Welch.psd(s, 1.0, Window.HANN, 150, 75, Detrend.CONSTANT, Scaling.DENSITY), Welch.psd(s));
        assertPsdEquals(Welch.psd(x, 2.0, Window.BLACKMAN, 90, 45, Detrend.LINEAR, Scaling.SPECTRUM, false),
                Welch.psd(x, Options.DEFAULT.withFs(2).withWindow(Window.BLACKMAN).withNperseg(90)
                        .withDetrend(Detrend.LINEAR).withScaling(Scaling.SPECTRUM).withOnesided(false)));
        // MEDIAN of one segment is that segment's periodogram
        assertPsdEquals(Welch.psd(s, Options.DEFAULT.withNoverlap(0)),
                Welch.psd(s, Options.DEFAULT.withAverage(Average.MEDIAN)));
        assertEquals(Average.MEDIAN, Average.of("Median"));
        assertEquals(Detrend.NONE, Detrend.of("false"));
        assertEquals(Scaling.SPECTRUM, Scaling.of("spectrum"));
        assertEquals(OptionalInt.empty(), Options.DEFAULT.nfft());
    }

    private static void assertPsdEquals(Psd a, Psd b) {
        assertArrayEquals(a.frequencies(), b.frequencies());
        assertArrayEquals(a.power(), b.power());
    }

    @Test
    void badInput() {
        double[] x = sigRe(100);
        var e = assertThrows(IllegalArgumentException.class,
                () -> Welch.psd(x, 1, Window.HANN, 50, -1, Detrend.CONSTANT, Scaling.DENSITY));
        assertTrue(e.getMessage().contains("noverlap") && e.getMessage().contains("was -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Welch.psd(x, 1, Window.HANN, 101, 0, Detrend.CONSTANT, Scaling.DENSITY));
        assertEquals("nperseg must be in [1, 100] (the series length), was 101", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Welch.psd(x, 1, Window.HANN, 50, 50, Detrend.CONSTANT, Scaling.DENSITY));
        assertTrue(e.getMessage().contains("noverlap must be in [0, 49]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Window.of("kaiser"));
        assertTrue(e.getMessage().contains("kaiser"), e.getMessage());
        Options d = Options.DEFAULT;
        e = assertThrows(IllegalArgumentException.class, () -> Welch.psd(x, d.withNperseg(64).withNfft(50)));
        assertEquals("nfft must be >= nperseg (64), was 50", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Welch.psd(x, d.withNfft(99)));
        assertEquals("nfft must be >= nperseg (100), was 99", e.getMessage(), "default nperseg capped at n = 100");
        e = assertThrows(IllegalArgumentException.class, () -> d.withNfft(0));
        assertTrue(e.getMessage().startsWith("nfft must be >= 1") && e.getMessage().endsWith("was 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Average.of("max"));
        assertEquals("average must be one of mean, median, was max", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Detrend.of("quadratic"));
        assertTrue(e.getMessage().contains("detrend") && e.getMessage().contains("quadratic"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Scaling.of("psd"));
        assertTrue(e.getMessage().contains("scaling") && e.getMessage().contains("psd"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withNperseg(0));
        assertEquals("nperseg must be >= 1 (the segment length), was 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Welch.psd(x, d.withNperseg(101)));
        assertEquals("nperseg must be in [1, 100] (the series length), was 101", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withNoverlap(-1));
        assertEquals("noverlap must be >= 0, was -1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Welch.psd(x, d.withNoverlap(100)));
        assertEquals("noverlap must be in [0, 99] (below nperseg), was 100", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withFs(0));
        assertEquals("fs must be finite and > 0, was 0.0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withFs(Double.NaN));
        assertTrue(e.getMessage().contains("fs") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Welch.psd(new double[] {1, Double.NaN}, d));
        assertTrue(e.getMessage().contains("x[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Welch.psd(new double[0]));
        assertTrue(e.getMessage().contains("x.length must be >= 1, was 0"), e.getMessage());
        assertThrows(NullPointerException.class, () -> Welch.psd(x, null));
        assertThrows(NullPointerException.class, () -> d.withAverage(null));
        assertThrows(NullPointerException.class, () -> Average.of(null));
        assertThrows(NullPointerException.class,
                () -> new Options(1, Window.HANN, null, OptionalInt.empty(), OptionalInt.empty(), Detrend.NONE,
                        Scaling.DENSITY, true, Average.MEAN));
    }
}
