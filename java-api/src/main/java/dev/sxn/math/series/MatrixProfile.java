package dev.sxn.math.series;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import dev.sxn.math.internal.Scratch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The z-normalised Euclidean matrix profile of a series (self-join) or of one series against another
 * (AB-join), with its index, motifs and discords.
 *
 * <p><b>Definition.</b> For windows of length {@code m}, window {@code i} of a series {@code T} is
 * {@code T[i .. i+m)}, {@code i in [0, n - m]}. The distance between two windows is the Euclidean
 * distance of their z-normalised values, {@code d = sqrt(2 m (1 - rho))} with rho their Pearson
 * correlation (population standard deviations), so {@code 0 <= d <= 2 sqrt(m)}. {@code profile()[i]}
 * is the distance from window i of the (first) series to its nearest admissible window,
 * {@code index()[i]} that window's start. In a self-join the windows with
 * {@code |i - j| <= exclusionZone}, {@code exclusionZone = ceil(m / 4)}, are not admissible (trivial
 * matches; the same zone as STUMPY, whose {@code excl_zone} is {@code ceil(m / 4)} excluded on both
 * sides inclusively). In an AB-join {@code profile()[i]} is window i of A against every window of B
 * and {@code index()} points into B; there is no exclusion zone. Distances are dimensionless (the
 * windows are z-normalised). There is no warm-up: the profile has {@code n - m + 1} values and value
 * i belongs to the window that <em>starts</em> at i (align with {@code i + m - 1} for "as of" use).
 *
 * <p><b>Special windows</b> (the rules, identical on every backend):
 * <ul>
 *   <li>Constant: a window whose standard deviation is at most {@value #CONSTANT_RTOL} times its
 *       largest |value| (so exactly constant windows count even when their mean rounds). Distance
 *       between two constant windows 0; between a constant and a varying window {@code sqrt(m)} (the
 *       z-normalised constant window is taken as all zeros; STUMPY's rule).
 *   <li>Non-finite: a window containing NaN or an infinity is excluded. Its own profile value is
 *       {@code NaN} with index -1 (as a rolling window containing NaN is NaN elsewhere in this
 *       library), and it is never anyone's neighbour.
 *   <li>A window that has no admissible finite neighbour at all gets {@code +Infinity}, index -1.
 * </ul>
 *
 * <p><b>Scale</b>: the profile does not depend on the scale of a series: MP(c x) = MP(x) for any c > 0
 * for which c x is finite and normal (within rounding of c x; bit for bit when c is a power of two).
 * A series whose largest |value| lies outside [2^-400, 2^400] (where squared deviations could overflow
 * or underflow) is multiplied by the power of two that brings that value into [1, 2) first; in an
 * AB-join each series by its own.
 *
 * <p><b>Ties</b>: among neighbours with bit-equal correlations the lowest index wins, on every
 * backend. (Identical windows reached along different diagonals may differ in the last bits of the
 * correlation; then the larger one wins, the same on every backend.)
 *
 * <p><b>Algorithm</b> (STOMP/SCAMP): means and standard deviations are computed per window in two
 * passes over the window (mean, then the corrected sum of squared deviations), O(n m) in all, so no
 * rolling-sum cancellation affects them. The centred covariances are walked along the diagonals of the
 * distance matrix with the O(1) update {@code cov(i,j) = cov(i-1,j-1) + df_i dg_j + df_j dg_i}
 * (Zimmerman et al., "Matrix Profile XIV: Scaling Time Series Motif Discovery with GPUs", 2019), and
 * recomputed exactly every {@code max(1024, 32 m)} rows so the rounding drift of the update stays
 * bounded; the extra cost is at most 1/32. The search ranks neighbours by correlation; the reported
 * distance of each window's chosen neighbour is then recomputed directly from the two z-normalised
 * windows (O(m)), because {@code sqrt(2m(1 - rho))} loses accuracy for near-identical windows (error
 * ~ {@code m eps / d}). Total O(n^2) time plus O(n m), O(n) memory. Distances agree with a
 * brute-force O(n^2 m) computation up to rounding (MatrixProfileTest holds every backend to it); the
 * chosen index is a nearest neighbour up to the rounding of the correlations.
 *
 * <p><b>Backends</b>: JAVA, VECTOR (4 vectors of consecutive diagonals in lanes), NATIVE (C, AVX-512 /
 * AVX2 / baseline dispatched at run time, 32 or 16 diagonals in lanes) and OPENCL (tiles of 128
 * diagonals by one restart period of rows, one per work-item, 32 diagonals at a time in
 * {@code double8} lanes, then a max-reduction per row and column on the device). All use the same arithmetic (fused multiply-adds in a fixed
 * order, the same restart rows) and a total order for ties, so profiles and indices are identical
 * across backends. The {@code Backend} overloads pin a kind (they throw if it is unavailable); a
 * {@code null} backend, and the overloads without one, choose per call by the number of window pairs
 * from the crossovers in {@code crossovers.properties} (family {@code series.MatrixProfile}).
 * JAVA, VECTOR and NATIVE run on the calling thread only, like every kernel of the library; OPENCL
 * runs on the device (PoCL uses all CPU cores).
 *
 * <p>Instances are immutable (accessors return copies) and thread-safe; {@code compute} is reentrant. A warm
 * {@code compute} allocates its result and a small constant: its temporaries (the prepared series, the
 * per-window terms, the best correlations per row and column) are the calling thread's {@link Scratch}.
 *
 * @param profile distances, one per window of the (first) series, length {@code n - m + 1}
 * @param index nearest-neighbour start per window, -1 where there is none
 * @param m the window length
 * @param exclusionZone {@code ceil(m / 4)} for a self-join, 0 for an AB-join
 * @param selfJoin whether this is a self-join
 */
public record MatrixProfile(double[] profile, int[] index, int m, int exclusionZone, boolean selfJoin) {
    /** Relative standard deviation at or below which a window counts as constant. */
    public static final double CONSTANT_RTOL = 1e-10;

    private static final MatrixProfileKernels JAVA = new JavaMatrixProfileKernels();

    /** The one binding of the matrix-profile family (size: window pairs). */
    private static final KernelSet<MatrixProfileKernels> KERNELS =
            KernelSet.of(KernelFamilies.MATRIX_PROFILE, MatrixProfileKernels.class, JAVA);

    /** A motif pair: windows {@code a} and {@code b} (in B for an AB-join) at distance {@code distance}. */
    public record Motif(int a, int b, double distance) {}

    /** A discord: window {@code index}, whose nearest neighbour {@code neighbour} is {@code distance} away. */
    public record Discord(int index, double distance, int neighbour) {}

    /**
     * The profile array that {@link #finish} on this thread is handing to the constructor: fresh arrays that
     * nothing else refers to, kept as they are instead of copied (a copy would double what a call allocates).
     * Set only by {@code finish}, for the one construction that follows, so a caller's arrays are always copied.
     */
    private static final ThreadLocal<double[]> HANDED_OVER = new ThreadLocal<>();

    /** Validates the components and keeps copies of the arrays. */
    public MatrixProfile {
        Checks.notNull(profile, "profile");
        Checks.notNull(index, "index");
        if (index.length != profile.length) {
            throw Checks.invalid("index.length", index.length, "equal profile.length (" + profile.length + ")");
        }
        if (HANDED_OVER.get() == profile) {
            HANDED_OVER.set(null);
        } else {
            profile = profile.clone();
            index = index.clone();
        }
    }

    /** The distances (a copy). */
    @Override
    public double[] profile() {
        return profile.clone();
    }

    /** The nearest-neighbour indices (a copy). */
    @Override
    public int[] index() {
        return index.clone();
    }

    /** The number of windows, {@code n - m + 1}. */
    public int length() {
        return profile.length;
    }

    // ---- entry points ----

    /**
     * The self-join matrix profile of {@code series} with window length {@code m}.
     *
     * @param series the series; NaN/infinite values exclude the windows containing them
     * @param m the window length, {@code 4 <= m <= series.length / 2}
     * @throws NullPointerException if series is null
     * @throws IllegalArgumentException if m is out of range
     */
    public static MatrixProfile compute(double[] series, int m) {
        return compute((Backend) null, series, m);
    }

    /**
     * {@link #compute(double[], int)} on {@code backend}: a kind pins (throws if it is unavailable),
     * null chooses per call (write {@code (Backend) null}: a bare null also matches the AB-join overload).
     */
    public static MatrixProfile compute(Backend backend, double[] series, int m) {
        checkSelf(series, m);
        return self(backend, series, m);
    }

    /**
     * The AB-join: for every window of {@code seriesA} the distance to its nearest window of
     * {@code seriesB} (no exclusion zone); {@code index()} points into {@code seriesB}.
     *
     * @param m the window length, {@code 4 <= m <= min(seriesA.length, seriesB.length)}
     * @throws NullPointerException if a series is null
     * @throws IllegalArgumentException if m is out of range
     */
    public static MatrixProfile compute(double[] seriesA, double[] seriesB, int m) {
        return compute((Backend) null, seriesA, seriesB, m);
    }

    /**
     * {@link #compute(double[], double[], int)} on {@code backend}: a kind pins (throws if it is
     * unavailable), null chooses per call.
     */
    public static MatrixProfile compute(Backend backend, double[] seriesA, double[] seriesB, int m) {
        checkAb(seriesA, seriesB, m);
        return ab(backend, seriesA, seriesB, m);
    }

    private static void checkSelf(double[] series, int m) {
        Checks.notNull(series, "series");
        Checks.inRange(m, "m", 4, series.length / 2, "at least 4, at most half the series length " + series.length);
    }

    private static void checkAb(double[] a, double[] b, int m) {
        Checks.notNull(a, "seriesA");
        Checks.notNull(b, "seriesB");
        Checks.inRange(m, "m", 4, Math.min(a.length, b.length),
                "at least 4, at most min(seriesA.length " + a.length + ", seriesB.length " + b.length + ")");
    }

    // ---- computation ----

    /** The exact-recompute period of the diagonal covariance (rows). */
    static int period(int m) {
        return Math.max(1024, 32 * m);
    }

    private static final int VARYING = 0, CONSTANT = 1, INVALID = 2;

    /**
     * Windows plus each window's class and the sorted lists of constant and varying windows (the first
     * {@code nConst} and {@code nVar} entries). The arrays are scratch: longer than needed, valid while the
     * frame that prepared them is open.
     */
    private record Prepared(Windows w, int[] kind, int[] constants, int nConst, int[] varying, int nVar) {}

    /** The kernel of {@code kind} (tests drive kernels directly, e.g. with other restart periods). */
    static MatrixProfileKernels kernelFor(Backend kind) {
        return KERNELS.kernel(kind);
    }

    /** The windows of {@code s} in arrays of their own (exact lengths, kept after the call). */
    static Windows windows(double[] s, int m) {
        try (Scratch scratch = Scratch.open()) {
            Windows w = prepare(scratch, s, m).w;
            int l = w.count, n = l + m - 1;
            return new Windows(Arrays.copyOf(w.x, n), Arrays.copyOf(w.mu, l), Arrays.copyOf(w.inv, l),
                    Arrays.copyOf(w.df, l), Arrays.copyOf(w.dg, l), l);
        }
    }

    /**
     * Beyond 2^SCALE_EXPONENT (or below its reciprocal) the largest |value| of a series is brought into
     * [1, 2) before the search. Up to 2^400, sums of squares (at most m (2 max|x|)^2 with m < 2^31) and
     * the covariance updates stay far from overflow; from 2^-400, a window that is not constant
     * (standard deviation above CONSTANT_RTOL = 1e-10 of the series' largest |value|) has squared
     * deviations far above the underflow threshold 2^-1022. Inside that range the series is used as is.
     */
    private static final int SCALE_EXPONENT = 400;

    /**
     * Multiplies {@code x} (finite values) by the power of two that brings its largest |value| into
     * [1, 2) when that value lies outside [2^-SCALE_EXPONENT, 2^SCALE_EXPONENT]. The profile is
     * z-normalised, so it does not change, and multiplying by a power of two is exact (only values
     * below 2^-1022 after the scaling, at most 2^-1022 of the largest, lose bits): the same series at
     * another scale gives the same windows, bit for bit wherever that scale is a power of two.
     */
    private static void rescale(double[] x, int n) {
        double peak = 0;
        for (int t = 0; t < n; t++) peak = Math.max(peak, Math.abs(x[t]));
        int e = Math.getExponent(peak);
        if (peak == 0 || Math.abs(e) <= SCALE_EXPONENT) return;
        double sc = Math.scalb(1.0, -e);
        for (int t = 0; t < n; t++) x[t] *= sc;
    }

    /** The windows of {@code s}, in arrays from {@code scratch} (valid while its frame is open). */
    private static Prepared prepare(Scratch scratch, double[] s, int m) {
        int n = s.length, l = n - m + 1;
        double[] x = scratch.doubles(n);
        int[] bad = scratch.ints(n + 1); // prefix counts of non-finite values
        bad[0] = 0;
        double last = 0.0;
        for (double v : s) {
            if (Double.isFinite(v)) {
                last = v;
                break;
            }
        }
        for (int t = 0; t < n; t++) {
            double v = s[t];
            boolean fin = Double.isFinite(v);
            if (fin) last = v;
            // Forward fill keeps the update terms of the neighbouring valid windows small and finite.
            x[t] = fin ? v : last;
            bad[t + 1] = bad[t] + (fin ? 0 : 1);
        }
        rescale(x, n);
        double[] mu = scratch.doubles(l), inv = scratch.doubles(l), df = scratch.doubles(l), dg = scratch.doubles(l);
        int[] kind = scratch.ints(l);
        int nConst = 0, nVar = 0;
        for (int i = 0; i < l; i++) {
            double sum = 0.0, maxAbs = 0.0;
            for (int t = i; t < i + m; t++) {
                sum += x[t];
                maxAbs = Math.max(maxAbs, Math.abs(x[t]));
            }
            double mean = sum / m;
            double ss = 0.0, sd = 0.0;
            for (int t = i; t < i + m; t++) {
                double d = x[t] - mean;
                ss += d * d;
                sd += d;
            }
            ss -= sd * sd / m; // corrected two-pass: removes the rounding error of the mean
            if (ss < 0) ss = 0;
            mu[i] = mean;
            if (bad[i + m] - bad[i] > 0) {
                kind[i] = INVALID;
                inv[i] = Double.NaN;
            } else if (Math.sqrt(ss / m) <= CONSTANT_RTOL * maxAbs) {
                kind[i] = CONSTANT;
                inv[i] = Double.NaN;
                nConst++;
            } else {
                kind[i] = VARYING;
                inv[i] = 1.0 / Math.sqrt(ss);
                nVar++;
            }
        }
        df[0] = 0.0;
        dg[0] = 0.0;
        for (int i = 1; i < l; i++) {
            double out = x[i - 1], in = x[i + m - 1];
            df[i] = (in - out) * 0.5;
            dg[i] = (in - mu[i]) + (out - mu[i - 1]);
        }
        int[] constants = scratch.ints(nConst), varying = scratch.ints(nVar);
        for (int i = 0, c = 0, v = 0; i < l; i++) {
            if (kind[i] == CONSTANT) constants[c++] = i;
            else if (kind[i] == VARYING) varying[v++] = i;
        }
        return new Prepared(new Windows(x, mu, inv, df, dg, l), kind, constants, nConst, varying, nVar);
    }

    /**
     * Runs the kernel over diagonals [kLo, kHi) of (a, b) into best arrays {rowC, rowI, colC, colI} from
     * {@code scratch} (the first a.count, a.count, b.count, b.count entries).
     */
    private static double[][] run(Scratch scratch, Backend pinned, Windows a, Windows b, int m, int kLo, int kHi) {
        long pairs = 0;
        for (long k = kLo; k < kHi; k++) pairs += Math.max(0, Math.min(a.count, b.count - k));
        int rows = a.count, cols = b.count;
        double[][] out = {scratch.doubles(rows), scratch.doubles(rows), scratch.doubles(cols), scratch.doubles(cols)};
        if (kLo >= kHi) {
            reset(out, rows, cols);
            return out;
        }
        KERNELS.run(pinned, pairs, kernel -> {
            reset(out, rows, cols); // a failed kernel may have written part of the outputs before the retry
            kernel.diagonals(a, b, m, period(m), kLo, kHi, out[0], out[1], out[2], out[3]);
        });
        return out;
    }

    /** The best arrays before any diagonal: correlations -Inf, indices -1. */
    private static void reset(double[][] out, int rows, int cols) {
        Arrays.fill(out[0], 0, rows, Double.NEGATIVE_INFINITY);
        Arrays.fill(out[1], 0, rows, -1);
        Arrays.fill(out[2], 0, cols, Double.NEGATIVE_INFINITY);
        Arrays.fill(out[3], 0, cols, -1);
    }

    private static MatrixProfile self(Backend pinned, double[] series, int m) {
        try (Scratch scratch = Scratch.open()) {
            Prepared p = prepare(scratch, series, m);
            int l = p.w.count;
            int excl = (m + 3) / 4;
            int kLo = Math.min(excl + 1, l);
            double[][] r = run(scratch, pinned, p.w, p.w, m, kLo, l);
            // Row i saw neighbours j > i, column i neighbours j < i: merge under the same total order.
            mergeInto(l, r[0], r[1], r[2], r[3]);
            return finish(p, p, r[0], r[1], m, excl, true);
        }
    }

    private static MatrixProfile ab(Backend pinned, double[] sa, double[] sb, int m) {
        try (Scratch scratch = Scratch.open()) {
            Prepared pa = prepare(scratch, sa, m), pb = prepare(scratch, sb, m);
            // Diagonals j - i = k >= 0 with A as rows, then k < 0 as the diagonals -k >= 1 of (B, A).
            double[][] upper = run(scratch, pinned, pa.w, pb.w, m, 0, pb.w.count);
            double[][] lower = run(scratch, pinned, pb.w, pa.w, m, 1, pa.w.count);
            mergeInto(pa.w.count, upper[0], upper[1], lower[2], lower[3]);
            return finish(pa, pb, upper[0], upper[1], m, 0, false);
        }
    }

    private static void mergeInto(int count, double[] corr, double[] idx, double[] corr2, double[] idx2) {
        for (int i = 0; i < count; i++) {
            double r = corr2[i];
            if (r > corr[i] || (r == corr[i] && idx2[i] >= 0 && (idx[i] < 0 || idx2[i] < idx[i]))) {
                corr[i] = r;
                idx[i] = idx2[i];
            }
        }
    }

    private static MatrixProfile finish(Prepared pa, Prepared pb, double[] corr, double[] idx, int m, int excl,
                                        boolean self) {
        int l = pa.w.count;
        double[] prof = new double[l];
        int[] index = new int[l];
        double sqrtM = Math.sqrt(m);
        for (int i = 0; i < l; i++) {
            double d = Double.POSITIVE_INFINITY;
            int j = -1;
            switch (pa.kind[i]) {
                case INVALID -> d = Double.NaN;
                case VARYING -> {
                    if (idx[i] >= 0) {
                        j = (int) idx[i];
                        d = direct(pa.w, i, pb.w, j, m);
                    }
                    int c = lowestAdmissible(pb.constants, pb.nConst, i, excl, self);
                    if (c >= 0 && (sqrtM < d || (sqrtM == d && c < j))) {
                        d = sqrtM;
                        j = c;
                    }
                }
                default -> { // CONSTANT
                    int c = lowestAdmissible(pb.constants, pb.nConst, i, excl, self);
                    if (c >= 0) {
                        d = 0.0;
                        j = c;
                    } else {
                        int v = lowestAdmissible(pb.varying, pb.nVar, i, excl, self);
                        if (v >= 0) {
                            d = sqrtM;
                            j = v;
                        }
                    }
                }
            }
            prof[i] = d;
            index[i] = j;
        }
        HANDED_OVER.set(prof);
        return new MatrixProfile(prof, index, m, excl, self);
    }

    /**
     * The distance of the chosen pair recomputed from the z-normalised windows, O(m): the search
     * formula sqrt(2m(1 - rho)) loses accuracy as d -> 0 (error ~ m eps / d), this sum does not.
     * Done once per window, O(n m) in all, on the JVM for every backend.
     */
    private static double direct(Windows a, int i, Windows b, int j, int m) {
        double ma = a.mu[i], ia = a.inv[i], mb = b.mu[j], ib = b.inv[j], s = 0.0;
        for (int t = 0; t < m; t++) {
            double e = (a.x[i + t] - ma) * ia - (b.x[j + t] - mb) * ib;
            s += e * e;
        }
        return Math.sqrt(m * s);
    }

    /** The lowest entry of the sorted list {@code js[0 .. len)} admissible for window i, -1 if none. */
    private static int lowestAdmissible(int[] js, int len, int i, int excl, boolean self) {
        if (len == 0) return -1;
        if (!self || js[0] < i - excl) return js[0];
        int pos = Arrays.binarySearch(js, 0, len, i + excl + 1);
        if (pos < 0) pos = -pos - 1;
        return pos < len ? js[pos] : -1;
    }

    // ---- motifs and discords ----

    /**
     * The {@code k} best motif pairs: windows sorted by profile value (lowest index first on ties),
     * each taken with its nearest neighbour unless one of the two windows overlaps (starts fewer than
     * {@code m} positions from) a window of a pair already taken (for an AB-join, A windows are compared
     * with A windows and B windows with B windows). Windows without a finite profile value are skipped.
     * Fewer than k pairs are returned when no more exist. O(n log n).
     *
     * @param k the number of pairs wanted, {@code k >= 0}
     * @return the pairs, best first; in a self-join {@code a < b}
     */
    public List<Motif> motifs(int k) {
        Checks.atLeast(k, "k", 0);
        Integer[] order = finiteOrder(false);
        List<Motif> out = new ArrayList<>();
        List<Integer> takenA = new ArrayList<>(), takenB = new ArrayList<>();
        for (int t = 0; t < order.length && out.size() < k; t++) {
            int i = order[t], j = index[i];
            int a = selfJoin ? Math.min(i, j) : i, b = selfJoin ? Math.max(i, j) : j;
            if (selfJoin) {
                if (overlaps(takenA, a) || overlaps(takenA, b)) continue;
                takenA.add(a);
                takenA.add(b);
            } else {
                if (overlaps(takenA, a) || overlaps(takenB, b)) continue;
                takenA.add(a);
                takenB.add(b);
            }
            out.add(new Motif(a, b, profile[i]));
        }
        return out;
    }

    /**
     * The {@code k} discords: the windows with the largest finite profile values (lowest index first
     * on ties), none starting fewer than {@code m} positions from one already taken. Fewer than k are
     * returned when no more exist. O(n log n).
     *
     * @param k the number of discords wanted, {@code k >= 0}
     * @return the discords, most anomalous first
     */
    public List<Discord> discords(int k) {
        Checks.atLeast(k, "k", 0);
        Integer[] order = finiteOrder(true);
        List<Discord> out = new ArrayList<>();
        List<Integer> taken = new ArrayList<>();
        for (int t = 0; t < order.length && out.size() < k; t++) {
            int i = order[t];
            if (overlaps(taken, i)) continue;
            taken.add(i);
            out.add(new Discord(i, profile[i], index[i]));
        }
        return out;
    }

    private Integer[] finiteOrder(boolean descending) {
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < profile.length; i++) if (Double.isFinite(profile[i]) && index[i] >= 0) ids.add(i);
        Comparator<Integer> byDist = Comparator.comparingDouble(i -> profile[i]);
        if (descending) byDist = byDist.reversed();
        return ids.stream().sorted(byDist.thenComparingInt(i -> i)).toArray(Integer[]::new);
    }

    private boolean overlaps(List<Integer> taken, int w) {
        for (int t : taken) if (Math.abs(t - w) < m) return true;
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MatrixProfile p && m == p.m && exclusionZone == p.exclusionZone && selfJoin == p.selfJoin
                && Arrays.equals(profile, p.profile) && Arrays.equals(index, p.index);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(profile), Arrays.hashCode(index), m, exclusionZone, selfJoin);
    }

    @Override
    public String toString() {
        return "MatrixProfile[" + (selfJoin ? "self-join" : "AB-join") + ", m=" + m + ", windows=" + profile.length
                + ", exclusionZone=" + exclusionZone + "]";
    }
}
