package dev.sxn.math.series;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import dev.sxn.math.testing.Tolerance;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The matrix profile against an independent brute-force O(n^2 m) computation written plainly below
 * (z-normalise both windows, sum the squared differences), and every accelerated backend against JAVA.
 *
 * <p>Tolerances: distances to the brute force within {@link #ATOL} = 1e-9 absolute, and the
 * brute-force distance of the reported neighbour equals the brute-force minimum within 1e-9 (so the
 * index is a nearest neighbour; exact ties in the brute force are not required to pick the same
 * index, as the search ranks by correlation). Backends use the same arithmetic, so across backends
 * distances agree within 1e-9 (they are in fact identical) and indices are equal (ties: lowest index).
 */
class MatrixProfileTest {
    static final double ATOL = 1e-9;

    // ---- the independent reference ----

    /** z-normalised window, or null if non-finite; constant windows give an all-zero array flagged by CONST. */
    private static double[] znorm(double[] s, int i, int m, boolean[] isConst) {
        double sum = 0, maxAbs = 0;
        for (int t = 0; t < m; t++) {
            if (!Double.isFinite(s[i + t])) return null;
            sum += s[i + t];
            maxAbs = Math.max(maxAbs, Math.abs(s[i + t]));
        }
        double mean = sum / m, ss = 0;
        for (int t = 0; t < m; t++) ss += (s[i + t] - mean) * (s[i + t] - mean);
        double sd = Math.sqrt(ss / m);
        double[] z = new double[m];
        isConst[0] = sd <= MatrixProfile.CONSTANT_RTOL * maxAbs;
        if (!isConst[0]) for (int t = 0; t < m; t++) z[t] = (s[i + t] - mean) / sd;
        return z;
    }

    /** d[i][j] by brute force: NaN when either window is non-finite. */
    static double[][] distances(double[] a, double[] b, int m) {
        int la = a.length - m + 1, lb = b.length - m + 1;
        double[][] za = new double[la][], zb = new double[lb][];
        boolean[] ca = new boolean[la], cb = new boolean[lb], tmp = new boolean[1];
        for (int i = 0; i < la; i++) {
            za[i] = znorm(a, i, m, tmp);
            ca[i] = tmp[0];
        }
        for (int j = 0; j < lb; j++) {
            zb[j] = znorm(b, j, m, tmp);
            cb[j] = tmp[0];
        }
        double[][] d = new double[la][lb];
        for (int i = 0; i < la; i++) {
            for (int j = 0; j < lb; j++) {
                if (za[i] == null || zb[j] == null) d[i][j] = Double.NaN;
                else if (ca[i] && cb[j]) d[i][j] = 0;
                else if (ca[i] || cb[j]) d[i][j] = Math.sqrt(m);
                else {
                    double s = 0;
                    for (int t = 0; t < m; t++) s += (za[i][t] - zb[j][t]) * (za[i][t] - zb[j][t]);
                    d[i][j] = Math.sqrt(s);
                }
            }
        }
        return d;
    }

    /** Checks a profile against the brute-force distance matrix. */
    static void assertMatchesBruteForce(double[][] d, MatrixProfile p, int excl, boolean self) {
        double[] prof = p.profile();
        int[] idx = p.index();
        assertEquals(d.length, prof.length, "profile length");
        for (int i = 0; i < d.length; i++) {
            boolean own = Double.isNaN(self ? d[i][i] : d[i][0]) && (self || allNaN(d[i]));
            if (own) {
                assertTrue(Double.isNaN(prof[i]), "window " + i + " is non-finite: profile must be NaN, was " + prof[i]);
                assertEquals(-1, idx[i], "index of non-finite window " + i);
                continue;
            }
            double best = Double.POSITIVE_INFINITY;
            for (int j = 0; j < d[i].length; j++) {
                if (self && Math.abs(i - j) <= excl) continue;
                if (d[i][j] < best) best = d[i][j];
            }
            if (best == Double.POSITIVE_INFINITY) {
                assertEquals(Double.POSITIVE_INFINITY, prof[i], "no neighbour for " + i);
                assertEquals(-1, idx[i], "index without neighbour " + i);
                continue;
            }
            Tolerance.assertClose(best, prof[i], ATOL, 0, "profile[" + i + "]");
            int j = idx[i];
            assertTrue(j >= 0 && j < d[i].length && (!self || Math.abs(i - j) > excl), "index[" + i + "] = " + j + " admissible");
            Tolerance.assertClose(best, d[i][j], ATOL, 0, "brute-force distance of (" + i + ", index " + j + ")");
        }
    }

    private static boolean allNaN(double[] r) {
        for (double v : r) if (!Double.isNaN(v)) return false;
        return true;
    }

    // ---- data ----

    static double[] randomWalk(int n, long seed) {
        Random r = new Random(seed);
        double[] s = new double[n];
        double v = 100;
        for (int i = 0; i < n; i++) {
            v += r.nextGaussian();
            s[i] = v;
        }
        return s;
    }

    /** Plants a noisy sine-shaped pattern of length m at each position (added to the walk's level). */
    static void plant(double[] s, int m, long seed, double noise, int... at) {
        Random r = new Random(seed);
        for (int p : at) {
            double level = s[p];
            for (int t = 0; t < m; t++) s[p + t] = level + 8 * Math.sin(2 * Math.PI * 2.5 * t / m) * (1 + t % 3) + noise * r.nextGaussian();
        }
    }

    // ---- against the brute force ----

    @Test
    void selfJoinOnRandomWalkWithPlantedMotif() {
        int m = 32;
        double[] s = randomWalk(700, 1);
        plant(s, m, 2, 0.2, 120, 480);
        MatrixProfile p = MatrixProfile.compute(Backend.JAVA, s, m);
        assertEquals(8, p.exclusionZone(), "ceil(32/4)");
        assertMatchesBruteForce(distances(s, s, m), p, 8, true);
        List<MatrixProfile.Motif> top = p.motifs(2);
        assertEquals(new MatrixProfile.Motif(120, 480, p.profile()[120]), top.get(0), "planted motif found");
        for (MatrixProfile.Motif mo : top) assertTrue(mo.a() < mo.b());
        assertTrue(Math.abs(top.get(1).a() - 120) >= m && Math.abs(top.get(1).a() - 480) >= m, "second motif does not overlap");
    }

    @Test
    void exactCopyIsFoundAtDistanceNearZero() {
        int m = 40;
        double[] s = randomWalk(500, 3);
        for (int t = 0; t < m; t++) s[300 + t] = s[50 + t] + 7.5; // an exact copy up to an offset
        MatrixProfile p = MatrixProfile.compute(Backend.JAVA, s, m);
        // The reported distance is recomputed from the z-normalised windows, so it is ~1e-14 here,
        // not the ~1e-7 that sqrt(2m(1 - rho)) would give.
        assertTrue(p.profile()[50] < 1e-12, "copy distance " + p.profile()[50]);
        assertEquals(300, p.index()[50]);
        assertEquals(50, p.index()[300]);
        assertEquals(new MatrixProfile.Motif(50, 300, p.profile()[50]), p.motifs(1).get(0));
    }

    @Test
    void constantStretchesFollowTheStatedRule() {
        int m = 16;
        double[] s = randomWalk(400, 4);
        for (int t = 60; t < 130; t++) s[t] = 0.1;    // mean of 0.1s rounds: still constant
        for (int t = 250; t < 290; t++) s[t] = -3.0;
        for (int t = 350; t < 360; t++) s[t] = 42.0;  // shorter than m: no constant window
        MatrixProfile p = MatrixProfile.compute(Backend.JAVA, s, m);
        double[][] d = distances(s, s, m);
        assertMatchesBruteForce(d, p, 4, true);
        // Constant windows: nearest is another constant window (distance 0), the lowest admissible one.
        assertEquals(0.0, p.profile()[60]);
        assertEquals(65, p.index()[60], "lowest constant window beyond the zone |i-j| <= 4");
        assertEquals(0.0, p.profile()[250]);
        assertEquals(60, p.index()[250], "lowest index wins the tie among constant windows");
    }

    @Test
    void singleConstantWindowIsSqrtMFromEverything() {
        int m = 8;
        double[] s = randomWalk(60, 5);
        for (int t = 20; t < 28; t++) s[t] = 1.0;
        MatrixProfile p = MatrixProfile.compute(Backend.JAVA, s, m);
        assertEquals(Math.sqrt(m), p.profile()[20]);
        assertEquals(0, p.index()[20], "lowest admissible varying window");
        assertMatchesBruteForce(distances(s, s, m), p, 2, true);
    }

    @Test
    void nonFiniteValuesExcludeTheirWindows() {
        int m = 12;
        double[] s = randomWalk(300, 6);
        s[100] = Double.NaN;
        s[200] = Double.POSITIVE_INFINITY;
        s[0] = Double.NaN; // a leading gap is filled from the first finite value, for numerics only
        MatrixProfile p = MatrixProfile.compute(Backend.JAVA, s, m);
        double[] prof = p.profile();
        int[] idx = p.index();
        for (int i = 0; i < prof.length; i++) {
            boolean contains = i == 0 || (i <= 100 && 100 < i + m) || (i <= 200 && 200 < i + m);
            assertEquals(contains, Double.isNaN(prof[i]), "NaN exactly where a window holds a non-finite value: " + i);
            if (!contains) assertTrue(idx[i] >= 0 && !(idx[i] <= 100 && 100 < idx[i] + m), "never a neighbour");
        }
        assertMatchesBruteForce(distances(s, s, m), p, 3, true);
    }

    @Test
    void allNonFiniteGivesNaNEverywhere() {
        double[] s = new double[20];
        java.util.Arrays.fill(s, Double.NaN);
        MatrixProfile p = MatrixProfile.compute(s, 5);
        for (double v : p.profile()) assertTrue(Double.isNaN(v));
        assertTrue(p.motifs(3).isEmpty());
        assertTrue(p.discords(3).isEmpty());
    }

    @Test
    void abJoinAgainstBruteForce() {
        int m = 24;
        double[] a = randomWalk(330, 7), b = randomWalk(257, 8);
        plant(a, m, 9, 0.3, 200);
        plant(b, m, 10, 0.3, 40);
        for (int t = 100; t < 140; t++) b[t] = 5.0;
        MatrixProfile p = MatrixProfile.compute(Backend.JAVA, a, b, m);
        assertEquals(0, p.exclusionZone());
        assertMatchesBruteForce(distances(a, b, m), p, 0, false);
        assertEquals(new MatrixProfile.Motif(200, 40, p.profile()[200]), p.motifs(1).get(0), "planted pair across series");
    }

    @Test
    void abJoinWithOneWindowInB() {
        int m = 10;
        double[] a = randomWalk(50, 11), b = randomWalk(10, 12);
        MatrixProfile p = MatrixProfile.compute(a, b, m);
        assertMatchesBruteForce(distances(a, b, m), p, 0, false);
        for (int j : p.index()) assertEquals(0, j);
    }

    @Test
    void discordFindsThePlantedAnomaly() {
        int m = 20;
        double[] s = new double[800];
        for (int i = 0; i < s.length; i++) s[i] = Math.sin(2 * Math.PI * i / 40.0) + 0.01 * Math.cos(i * 0.37);
        for (int t = 500; t < 510; t++) s[t] += 1.5 * Math.sin(Math.PI * (t - 500) / 10.0); // the anomaly
        MatrixProfile p = MatrixProfile.compute(Backend.JAVA, s, m);
        MatrixProfile.Discord top = p.discords(1).get(0);
        assertTrue(top.index() > 500 - m && top.index() < 510, "discord at " + top.index());
        List<MatrixProfile.Discord> three = p.discords(3);
        for (int x = 0; x < three.size(); x++) {
            for (int y = x + 1; y < three.size(); y++) assertTrue(Math.abs(three.get(x).index() - three.get(y).index()) >= m);
            if (x > 0) assertTrue(three.get(x).distance() <= three.get(x - 1).distance());
        }
        assertMatchesBruteForce(distances(s, s, m), p, 5, true);
    }

    @Test
    void longSeriesCrossesTheRecomputePeriod() {
        // period(16) = 1024 rows: diagonals are restarted exactly, and drift between restarts stays small.
        int m = 16;
        double[] s = randomWalk(2600, 13);
        MatrixProfile p = MatrixProfile.compute(Backend.JAVA, s, m);
        assertMatchesBruteForce(distances(s, s, m), p, 4, true);
    }

    @Test
    void largeLevelSmallMovesStayAccurate() {
        // Prices near 1e5 moving by ~1: raw sliding dot products would lose ~10 digits to cancellation;
        // the centred covariance and two-pass window statistics keep the 1e-9 agreement.
        int m = 32;
        double[] s = randomWalk(900, 17);
        for (int i = 0; i < s.length; i++) s[i] += 1e5;
        plant(s, m, 18, 0.3, 100, 600);
        MatrixProfile p = MatrixProfile.compute(Backend.JAVA, s, m);
        assertMatchesBruteForce(distances(s, s, m), p, 8, true);
        MatrixProfile.Motif top = p.motifs(1).get(0);
        // The windows one step before the plant include the level it starts from, so they can match
        // as well as the plant itself: the pair is found up to that shift.
        assertTrue(Math.abs(top.a() - 100) <= 2 && top.b() - top.a() == 500, "planted pair, was " + top);
    }

    // ---- backends against JAVA ----

    static void assertSame(MatrixProfile ref, MatrixProfile got, String what) {
        Tolerance.assertClose(ref.profile(), got.profile(), ATOL, 0, what + " profile");
        assertArrayEquals(ref.index(), got.index(), what + " index");
        assertEquals(ref.exclusionZone(), got.exclusionZone());
    }

    static double[] mixed(int n, long seed) {
        double[] s = randomWalk(n, seed);
        int len = Math.min(37, n / 6);
        plant(s, len, seed + 1, 0.5, n / 5, n / 2, 4 * n / 5);
        for (int t = n / 3; t < n / 3 + Math.min(90, n / 8); t++) s[t] = 12.25;
        s[2 * n / 3] = Double.NaN;
        return s;
    }

    /** The matrix-profile family's kinds beyond JAVA, from the registry. */
    static Stream<Backend> acceleratedKinds() {
        return BackendSupport.accelerated(KernelFamilies.MATRIX_PROFILE);
    }

    @ParameterizedTest
    @MethodSource("acceleratedKinds")
    void selfJoinAgreesWithJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        // Odd sizes, so vector tiles have tails; n > period(m) so diagonals are restarted mid-way;
        // n = 9001 needs more than one OpenCL launch (> 64 blocks of 128 diagonals) and several
        // native chunks.
        for (int[] nm : new int[][] {{3001, 37}, {517, 4}, {8, 4}, {1200, 11}, {257, 128}, {9001, 8}}) {
            double[] s = mixed(nm[0], nm[0]);
            MatrixProfile ref = MatrixProfile.compute(Backend.JAVA, s, nm[1]);
            assertSame(ref, MatrixProfile.compute(kind, s, nm[1]), kind + " self-join n=" + nm[0] + " m=" + nm[1]);
        }
    }

    @ParameterizedTest
    @MethodSource("acceleratedKinds")
    void abJoinAgreesWithJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        for (int[] nm : new int[][] {{2101, 1333, 37}, {100, 700, 9}, {64, 64, 64}, {301, 40, 33}}) {
            double[] a = mixed(nm[0], nm[0] + 7), b = mixed(nm[1], nm[1] + 3);
            MatrixProfile ref = MatrixProfile.compute(Backend.JAVA, a, b, nm[2]);
            assertSame(ref, MatrixProfile.compute(kind, a, b, nm[2]), kind + " AB-join " + nm[0] + "x" + nm[1] + " m=" + nm[2]);
        }
    }

    @ParameterizedTest
    @MethodSource("acceleratedKinds")
    void backendMatchesBruteForceToo(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int m = 32;
        double[] s = randomWalk(700, 1);
        plant(s, m, 2, 0.2, 120, 480);
        for (int t = 300; t < 360; t++) s[t] = 7.0;
        assertMatchesBruteForce(distances(s, s, m), MatrixProfile.compute(kind, s, m), 8, true);
    }

    /** A series repeating exactly with period p: windows p apart are identical, so every row has exact ties. */
    static double[] periodic(int n, int p, long seed) {
        Random r = new Random(seed);
        double[] pattern = new double[p];
        for (int t = 0; t < p; t++) pattern[t] = r.nextGaussian();
        double[] s = new double[n];
        for (int t = 0; t < n; t++) s[t] = pattern[t % p];
        return s;
    }

    /**
     * A periodic series: windows p apart are identical, so along one row the correlations with all
     * copies ahead of it are bit-identical (same diagonal history), i.e. exact ties on every row and
     * column. The backends visit pairs in different orders (tiles, lanes, chunks, work-items), so equal
     * indices here check the lowest-index rule; copies behind a row are reached through other diagonals
     * and differ in the last bits, so the test checks that the index is some admissible copy.
     */
    @ParameterizedTest
    @MethodSource("acceleratedKinds")
    void exactTiesResolveIdenticallyOnEveryBackend(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int p = 23, m = 16, excl = 4;
        double[] s = periodic(2400, p, 16), b = periodic(700, p, 17);
        MatrixProfile ref = MatrixProfile.compute(Backend.JAVA, s, m);
        MatrixProfile got = MatrixProfile.compute(kind, s, m);
        assertSame(ref, got, kind + " periodic self-join");
        for (int i = 0; i < ref.length(); i++) {
            int j = got.index()[i];
            assertTrue(j % p == i % p && Math.abs(i - j) > excl, "window " + i + " matched to a copy, was " + j);
            assertTrue(got.profile()[i] < 1e-12, "copies are at distance ~0");
        }
        assertSame(MatrixProfile.compute(Backend.JAVA, s, b, m), MatrixProfile.compute(kind, s, b, m), kind + " periodic AB-join");
        assertSame(MatrixProfile.compute(Backend.JAVA, b, s, m), MatrixProfile.compute(kind, b, s, m), kind + " periodic BA-join");
    }

    /**
     * Kernel level, with a restart period that is a multiple of the series' period (16 | 128): then
     * pairs a multiple of 128 apart along rows AND along columns have bit-identical correlations, so
     * both the row and the column updates meet exact ties, and every visiting order must give the
     * JAVA kernel's lowest-index result. (Through the public API the period is max(1024, 32 m), which
     * gives exact ties along rows only.)
     */
    @ParameterizedTest
    @MethodSource("acceleratedKinds")
    void kernelsResolveExactTiesInRowsAndColumns(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        int m = 12, period = 128;
        Windows a = MatrixProfile.windows(periodic(3001, 16, 21), m);
        Windows b = MatrixProfile.windows(periodic(1733, 16, 21), m);
        int[][] cases = {{0, 5, a.count}, {1, 0, b.count}, {2, 1, a.count}, {0, 700, 1500}};
        for (int[] c : cases) {
            Windows x = c[0] == 2 ? b : a, y = c[0] == 0 ? a : c[0] == 1 ? b : a;
            double[][] want = fresh(x.count, y.count), got = fresh(x.count, y.count);
            MatrixProfile.kernelFor(Backend.JAVA).diagonals(x, y, m, period, c[1], c[2], want[0], want[1], want[2], want[3]);
            MatrixProfile.kernelFor(kind).diagonals(x, y, m, period, c[1], c[2], got[0], got[1], got[2], got[3]);
            String what = kind + " case " + java.util.Arrays.toString(c);
            assertArrayEquals(want[0], got[0], what + " row corr");
            assertArrayEquals(want[1], got[1], what + " row index");
            assertArrayEquals(want[2], got[2], what + " column corr");
            assertArrayEquals(want[3], got[3], what + " column index");
        }
    }

    private static double[][] fresh(int rows, int cols) {
        double[][] o = {new double[rows], new double[rows], new double[cols], new double[cols]};
        java.util.Arrays.fill(o[0], Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(o[1], -1);
        java.util.Arrays.fill(o[2], Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(o[3], -1);
        return o;
    }

    @Test
    void automaticChoiceMatchesJava() {
        // 4.5e6 pairs: above the NATIVE and VECTOR crossovers, so an accelerated kernel runs if present.
        double[] s = mixed(3001, 19), b = mixed(1500, 20);
        assertSame(MatrixProfile.compute(Backend.JAVA, s, 30), MatrixProfile.compute(s, 30), "automatic self-join");
        assertSame(MatrixProfile.compute(Backend.JAVA, s, b, 30), MatrixProfile.compute(s, b, 30), "automatic AB-join");
        String d = KernelFamilies.MATRIX_PROFILE.describe();
        assertTrue(d.startsWith("series.MatrixProfile: JAVA"), d);
    }

    // ---- arguments ----

    @Test
    void badArgumentsAreRejectedWithTheRule() {
        double[] s = randomWalk(100, 14);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MatrixProfile.compute(s, 3));
        assertTrue(e.getMessage().contains("m must be in [4, 50]") && e.getMessage().contains("was 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatrixProfile.compute(s, 51));
        assertTrue(e.getMessage().contains("was 51") && e.getMessage().contains("100"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatrixProfile.compute(new double[7], 4));
        assertTrue(e.getMessage().contains("m must be in [4, 3]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> MatrixProfile.compute(s, new double[10], 11));
        assertTrue(e.getMessage().contains("seriesB.length 10") && e.getMessage().contains("was 11"), e.getMessage());
        NullPointerException n = assertThrows(NullPointerException.class, () -> MatrixProfile.compute(null, 8));
        assertTrue(n.getMessage().contains("series"));
        n = assertThrows(NullPointerException.class, () -> MatrixProfile.compute(s, null, 8));
        assertTrue(n.getMessage().contains("seriesB"));
        MatrixProfile p = MatrixProfile.compute(s, 8);
        assertEquals(p, MatrixProfile.compute((Backend) null, s, 8), "a null backend chooses per call");
        assertEquals(MatrixProfile.compute(s, s, 8), MatrixProfile.compute((Backend) null, s, s, 8), "a null backend chooses per call");
        e = assertThrows(IllegalArgumentException.class, () -> p.motifs(-1));
        assertTrue(e.getMessage().contains("k must be >= 0, was -1"));
        e = assertThrows(IllegalArgumentException.class, () -> p.discords(-2));
        assertTrue(e.getMessage().contains("was -2"));
    }

    @Test
    void resultIsImmutable() {
        MatrixProfile p = MatrixProfile.compute(randomWalk(100, 15), 8);
        p.profile()[0] = -5;
        p.index()[0] = -5;
        assertTrue(p.profile()[0] >= 0);
        assertTrue(p.index()[0] >= 0);
        assertEquals(93, p.length());
    }
}
