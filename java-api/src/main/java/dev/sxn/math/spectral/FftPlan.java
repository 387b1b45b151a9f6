package dev.sxn.math.spectral;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The precomputed, immutable part of a complex FFT of one length: the radix sequence and per-stage
 * twiddles of a Stockham autosort transform for lengths whose prime factors are 2, 3 and 5, or the
 * chirp and its spectrum for Bluestein's algorithm (any other length), plus the twiddles that turn a
 * half-length complex FFT into a real FFT of even length.
 *
 * <p>Plans are cached per length ({@link #of(int)}); a plan holds no mutable state, so one plan
 * serves any number of threads at once. Scratch space comes from the caller (see {@link Workspace}).
 *
 * <p>Stage layout (decimation in frequency, Stockham): stage {@code t} with radix {@code p} sees a
 * sub-transform length {@code L = n / s} where {@code s} is the product of the radices before it,
 * {@code m = L / p}; it reads {@code x[q + s (j + k m)]} and writes
 * {@code y[q + s (p j + r)] = w_L^(r j) * sum_k x[..k..] w_p^(r k)}, for {@code j < m}, {@code q < s}.
 * The innermost loop (over {@code q}) is contiguous in input and output, which is what the Vector
 * and native kernels vectorise.
 */
final class FftPlan {
    /**
     * Largest length the cache keeps plans for (bigger plans are built per call and not kept). A plan
     * holds about 32 n bytes (stage and real-FFT twiddles), so the largest cached one is 128 MiB.
     */
    private static final int CACHE_LIMIT = 1 << 22;
    private static final ConcurrentHashMap<Integer, FftPlan> CACHE = new ConcurrentHashMap<>();

    final int n;
    /** Radices in order, empty for n = 1 and for Bluestein plans. */
    final int[] radix;
    /** Stride s before each stage. */
    final int[] stride;
    /**
     * All stage twiddles concatenated, split real/imaginary: stage t's w_L^(r j) is at
     * {@code twOffset[t] + j (p-1) + (r-1)}. About 2n doubles per plan in all (16 n bytes).
     */
    final double[] flatTwRe;
    final double[] flatTwIm;
    final int[] twOffset;

    /** Bluestein: inner power-of-two plan, chirp w_k = exp(-i pi k^2 / n), spectrum of conj chirp / M. */
    final FftPlan inner;
    final double[] chirpRe;
    final double[] chirpIm;
    final double[] bRe;
    final double[] bIm;

    /** Real FFT of length 2n uses this plan (length n) and W^k = exp(-2 pi i k / (2n)), k in [0, n]. */
    final double[] realTwRe;
    final double[] realTwIm;

    /** The cache-blocked four-step layout the NATIVE kernel uses for long transforms; null when n is short or unsuitable. */
    final Blocked blocked;

    /**
     * Short smooth plans (n <= {@link #PACKED_MAX}) once more as two arrays for the native kernel:
     * {nstages, radix..., stride..., twOffset[0..nstages]} and flatTwRe | flatTwIm | realTwRe | realTwIm.
     * Wrapping each array for the downcall has a fixed cost that is a visible part of a short
     * transform's call (SpectralCpuTime at n = 64), so two segments instead of seven; null for longer or
     * Bluestein plans.
     */
    final int[] packedMeta;
    final double[] packedTw;
    static final int PACKED_MAX = 2048;

    private FftPlan(int n) {
        this.n = n;
        int[] f = smoothFactors(n);
        if (f != null) {
            radix = f;
            stride = new int[f.length];
            twOffset = new int[f.length + 1];
            int s = 1;
            for (int t = 0; t < f.length; t++) {
                twOffset[t + 1] = twOffset[t] + (n / s / f[t]) * (f[t] - 1);
                s *= f[t];
            }
            flatTwRe = new double[twOffset[f.length]];
            flatTwIm = new double[twOffset[f.length]];
            s = 1;
            for (int t = 0; t < f.length; t++) {
                int p = f[t];
                int len = n / s;
                int m = len / p;
                stride[t] = s;
                double[] wr = flatTwRe, wi = flatTwIm;
                int base = twOffset[t];
                for (int j = 0; j < m; j++) {
                    for (int r = 1; r < p; r++) {
                        // Reduce the exponent mod L first so the angle is computed from a small integer.
                        long e = ((long) r * j) % len;
                        double ang = -2.0 * Math.PI * e / len;
                        wr[base + j * (p - 1) + r - 1] = Math.cos(ang);
                        wi[base + j * (p - 1) + r - 1] = Math.sin(ang);
                    }
                }
                s *= p;
            }
            inner = null;
            chirpRe = chirpIm = bRe = bIm = null;
        } else {
            radix = new int[0];
            stride = new int[0];
            flatTwRe = flatTwIm = new double[0];
            twOffset = new int[] {0};
            int big = Integer.highestOneBit(2 * n - 1);
            if (big < 2 * n - 1) big <<= 1;
            inner = of(big);
            chirpRe = new double[n];
            chirpIm = new double[n];
            long twoN = 2L * n;
            for (int k = 0; k < n; k++) {
                // k^2 mod 2n keeps the angle argument small and exact: the chirp is periodic in 2n.
                long e = ((long) k * k) % twoN;
                double ang = -Math.PI * e / n;
                chirpRe[k] = Math.cos(ang);
                chirpIm[k] = Math.sin(ang);
            }
            double[] br = new double[big];
            double[] bi = new double[big];
            br[0] = chirpRe[0];
            bi[0] = -chirpIm[0];
            for (int k = 1; k < n; k++) {
                br[k] = br[big - k] = chirpRe[k];
                bi[k] = bi[big - k] = -chirpIm[k];
            }
            // Built with the JAVA kernel, not through the FFT family: a plan is shared by every backend, so
            // its data must not depend on which kind happened to build it.
            JavaFftKernels.INSTANCE.transform(inner, br, bi, new double[big], new double[big]);
            double scale = 1.0 / big; // folds the inverse FFT's 1/M into the filter
            for (int k = 0; k < big; k++) {
                br[k] *= scale;
                bi[k] *= scale;
            }
            bRe = br;
            bIm = bi;
        }
        realTwRe = new double[n + 1];
        realTwIm = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            double ang = -Math.PI * k / n; // -2 pi k / (2n)
            realTwRe[k] = Math.cos(ang);
            realTwIm[k] = Math.sin(ang);
        }
        realTwIm[n] = 0; // exactly -1 at k = n, as sin(-pi) is not exactly 0 in floating point
        blocked = inner == null ? Blocked.of(n) : null;
        if (inner == null && n <= PACKED_MAX) {
            int ns = radix.length;
            packedMeta = new int[2 + 3 * ns];
            packedMeta[0] = ns;
            System.arraycopy(radix, 0, packedMeta, 1, ns);
            System.arraycopy(stride, 0, packedMeta, 1 + ns, ns);
            System.arraycopy(twOffset, 0, packedMeta, 1 + 2 * ns, ns + 1);
            int t = flatTwRe.length;
            packedTw = new double[2 * t + 2 * (n + 1)];
            System.arraycopy(flatTwRe, 0, packedTw, 0, t);
            System.arraycopy(flatTwIm, 0, packedTw, t, t);
            System.arraycopy(realTwRe, 0, packedTw, 2 * t, n + 1);
            System.arraycopy(realTwIm, 0, packedTw, 2 * t + n + 1, n + 1);
        } else {
            packedMeta = null;
            packedTw = null;
        }
    }

    /**
     * The four-step (Bailey) decomposition n = n1 n2 of {@code sxn_spectral_fft_blocked}
     * ({@code native/src/spectral_fft_body.h}, {@code blocked_}): length-n1 transforms down columns in
     * blocks of {@code wa} columns, a twiddle w_n^(j2 k1), then length-n2 transforms along rows in
     * blocks of {@code wb} rows, each block in a buffer of the L2 cache, so the data crosses memory
     * twice instead of once per Stockham stage. Immutable; the sub-plans come from the plan cache.
     */
    static final class Blocked {
        /**
         * Shortest length given a blocked layout (2 bytes a point: cheap, and it lets the tests run the
         * blocked path on short transforms); from which length it runs is the NATIVE kernel's choice
         * ({@link NativeFftKernels#blockedMin}).
         */
        static final int MIN = 1 << 12;

        final int n1;
        final int n2;
        final int wa;
        final int wb;
        final FftPlan p1;
        final FftPlan p2;
        /** Sub-plans packed as {nstages, radix..., stride..., twOffset...} for the native side. */
        final int[] meta1;
        final int[] meta2;
        /** a[b n1 + k1] = w_n^(8 b k1) for b < n2 / 8; c[8 k1 + c] = w_n^(k1 c) for c < 8. */
        final double[] aRe;
        final double[] aIm;
        final double[] cRe;
        final double[] cIm;

        private Blocked(int n, int n1) {
            this.n1 = n1;
            this.n2 = n / n1;
            // Wider blocks read and write longer runs of each row (whole cache lines, fewer TLB pages per
            // byte), so 32 columns in the first pass while its four lane buffers still fit in the L2 cache
            // (n1 <= 1024); the A/B runs are in bench/results/history/spectral.md, "Large-n blocked FFT".
            this.wa = n2 % 32 == 0 && n1 <= 1024 ? 32 : n2 % 16 == 0 ? 16 : 8;
            this.wb = n1 % 16 == 0 ? 16 : 8;
            p1 = FftPlan.of(n1);
            p2 = FftPlan.of(n2);
            meta1 = meta(p1);
            meta2 = meta(p2);
            aRe = new double[n / 8];
            aIm = new double[n / 8];
            for (int b = 0; b < n2 / 8; b++) {
                for (int k = 0; k < n1; k++) root(8L * b * k, n, aRe, aIm, b * n1 + k);
            }
            cRe = new double[8 * n1];
            cIm = new double[8 * n1];
            for (int k = 0; k < n1; k++) {
                for (int c = 0; c < 8; c++) root((long) k * c, n, cRe, cIm, 8 * k + c);
            }
        }

        /**
         * The layout for a smooth length n >= {@link #MIN}, or null: n1 is the power of two nearest
         * sqrt(n) from below, and both n1 and n2 must be multiples of 8 with smooth n2.
         */
        static Blocked of(int n) {
            if (n < MIN) return null;
            int n1 = Integer.highestOneBit((int) Math.sqrt(n));
            while (n1 >= 8 && (n % n1 != 0 || (n / n1) % 8 != 0)) n1 >>= 1;
            if (n1 < 8 || smoothFactors(n / n1) == null) return null;
            return new Blocked(n, n1);
        }

        private static int[] meta(FftPlan p) {
            int ns = p.radix.length;
            int[] m = new int[1 + 3 * ns];
            m[0] = ns;
            System.arraycopy(p.radix, 0, m, 1, ns);
            System.arraycopy(p.stride, 0, m, 1 + ns, ns);
            System.arraycopy(p.twOffset, 0, m, 1 + 2 * ns, ns);
            return m;
        }

        /** Doubles of lane buffer the native blocked transform needs: four of max(wa n1, wb n2), plus the skew pad (NativeFftKernels.WORK_PAD). */
        int bufferLength() {
            return 4 * Math.max(wa * n1, wb * n2) + NativeFftKernels.WORK_PAD;
        }
    }

    /**
     * w_n^e = exp(-2 pi i e / n) into {@code re[i]}, {@code im[i]}, from the exact integer fraction
     * e / n reduced by symmetry to an angle in [0, pi / 4] before the library calls, so the only
     * rounding before them is that of one small angle (no error growing with e, and exact 0, +-1 on
     * the axes).
     */
    static void root(long e, long n, double[] re, double[] im, int i) {
        e %= n;
        if (e < 0) e += n;
        // the angle 2 pi e / n as an octant o (of 8) plus a remainder r, in units of 1/(8n) turn
        long u = 8 * e; // in [0, 8n)
        int o = (int) (u / n);
        long r = u - (long) o * n; // [0, n): the offset into octant o
        // in odd octants measure from the octant's end so the reduced angle stays in [0, pi/4]
        boolean odd = (o & 1) == 1;
        long rr = odd ? n - r : r;
        double x = Math.PI / 4 * rr / n;
        double c = Math.cos(x), s = Math.sin(x);
        // angle = q pi/2 + x (o = 2q) or q pi/2 + (pi/2 - x) (o = 2q + 1): rotate the base by quadrant q
        int q = o / 2;
        double bc = odd ? s : c, bs = odd ? c : s;
        double rc, rs;
        switch (q & 3) {
            case 0 -> { rc = bc; rs = bs; }
            case 1 -> { rc = -bs; rs = bc; }
            case 2 -> { rc = -bc; rs = -bs; }
            default -> { rc = bs; rs = -bc; }
        }
        re[i] = rc;
        im[i] = -rs;
    }

    /** The plan for complex length {@code n >= 1}, cached. */
    static FftPlan of(int n) {
        if (n < SMALL.length) {
            // plain array read: a plan has only final fields, so a racing reader sees it complete
            FftPlan p = SMALL[n];
            if (p == null) SMALL[n] = p = ofMap(n);
            return p;
        }
        return ofMap(n);
    }

    /** Small lengths skip the map lookup (rolling windows and short transforms call this per window). */
    private static final FftPlan[] SMALL = new FftPlan[4097];

    private static FftPlan ofMap(int n) {
        if (n > CACHE_LIMIT) return new FftPlan(n);
        FftPlan p = CACHE.get(n);
        if (p != null) return p;
        // Build outside computeIfAbsent: Bluestein plans recurse into of() for their inner length.
        p = new FftPlan(n);
        FftPlan prev = CACHE.putIfAbsent(n, p);
        return prev != null ? prev : p;
    }

    boolean isBluestein() {
        return inner != null;
    }

    /** Length of the scratch arrays a transform of this plan needs (each of re and im). */
    int scratchLength() {
        return inner == null ? n : 2 * inner.n;
    }

    /** Radices 4, 2, 3, 5 (4s first) whose product is n, or null when n has another prime factor. */
    static int[] smoothFactors(int n) {
        int[] out = new int[32];
        int c = 0;
        int r = n;
        while (r % 4 == 0) {
            out[c++] = 4;
            r /= 4;
        }
        if (r % 2 == 0) {
            out[c++] = 2;
            r /= 2;
        }
        while (r % 3 == 0) {
            out[c++] = 3;
            r /= 3;
        }
        while (r % 5 == 0) {
            out[c++] = 5;
            r /= 5;
        }
        if (r != 1) return null;
        return java.util.Arrays.copyOf(out, c);
    }

    /**
     * Per-thread scratch, grown on demand. Arrays up to {@link #KEEP_LIMIT} doubles are held strongly;
     * bigger ones only softly, so a thread that keeps transforming long arrays reuses its scratch (a
     * fresh large array per call adds its zeroing and a G1 humongous allocation to every transform),
     * while the garbage collector may still reclaim it under memory pressure, so an occasional huge
     * transform does not pin its memory to the thread.
     */
    static final class Workspace {
        private static final int KEEP_LIMIT = 1 << 18;
        private static final ThreadLocal<Workspace> LOCAL = ThreadLocal.withInitial(Workspace::new);
        private final double[][] slots = new double[9][0];
        @SuppressWarnings("unchecked")
        private final java.lang.ref.SoftReference<double[]>[] large = new java.lang.ref.SoftReference[9];

        static Workspace get() {
            return LOCAL.get();
        }

        /**
         * Scratch array number {@code slot} (0..8; 8 is the native blocked transform's lane buffer) of at
         * least {@code len} doubles; contents undefined.
         */
        double[] slot(int slot, int len) {
            double[] a = slots[slot];
            if (a.length >= len) return a;
            if (len > KEEP_LIMIT) {
                java.lang.ref.SoftReference<double[]> ref = large[slot];
                double[] big = ref == null ? null : ref.get();
                if (big != null && big.length >= len) return big;
                big = new double[len];
                large[slot] = new java.lang.ref.SoftReference<>(big);
                return big;
            }
            double[] x = new double[len];
            slots[slot] = x;
            return x;
        }
    }
}
