package dev.sxn.math.indicators;

import static dev.sxn.math.indicators.VectorLanes.L;
import static dev.sxn.math.indicators.VectorLanes.S;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;

/**
 * The {@code indicators.ttr.trend} kernels with assets in the lanes of the preferred species: a group of L assets runs
 * its whole series, one contiguous load per bar and input (the time-major layout puts a bar of neighbouring assets
 * side by side), the JAVA kernels' operations lane by lane in their order. Intermediate series (DX, the estimators'
 * per-bar terms, HMA's inner averages) go to per-thread lane-major scratch of t x L, so the windowed steps read them
 * as TTR's routines read an array. The assets past the last whole group are copied into a padded group (the last
 * asset repeated) and run the same code, so there is no second, scalar implementation. Logarithms are the Vector
 * API's {@code LOG} (its own last-bit rounding); everything else gives JAVA's bits. Allocates nothing once the scratch
 * has grown.
 */
final class VectorTrendKernels implements TrendKernels {
    private static final double NaN = Double.NaN;

    /** Per-thread scratch: lane-major temporaries (t x L) and the padded tail group's inputs and outputs. */
    private static final class Work {
        final double[][] tmp = new double[4][];
        final double[][] pin = new double[4][];
        final double[][] pout = new double[4][];

        static double[] grow(double[][] slots, int i, int m) {
            double[] a = slots[i];
            if (a == null || a.length < m) slots[i] = a = new double[m];
            return a;
        }

        double[] tmp(int i, int t) {
            return grow(tmp, i, t * L);
        }

        /** The tail assets whole..k of {@code src} as a group of L lanes (the last asset repeated); null stays null. */
        double[] padIn(int j, double[] src, int k, int t, int whole) {
            if (src == null) return null;
            double[] d = grow(pin, j, t * L);
            int last = k - 1;
            for (int i = 0; i < t; i++) {
                for (int lane = 0; lane < L; lane++) d[i * L + lane] = src[i * k + Math.min(whole + lane, last)];
            }
            return d;
        }

        double[] padOut(int j, int t) {
            return grow(pout, j, t * L);
        }

        /** Copies the real lanes of a padded output back to the tail of {@code dst}. */
        static void unpad(double[] p, double[] dst, int k, int t, int whole) {
            int m = k - whole;
            for (int i = 0; i < t; i++) System.arraycopy(p, i * L, dst, i * k + whole, m);
        }
    }

    private static final ThreadLocal<Work> WORK = ThreadLocal.withInitial(Work::new);

    // ------------------------------------------------------------------ ADX

    @Override
    public void adx(double[] h, double[] l, double[] c, int k, int t, int n, double[] dip, double[] din, double[] dx, double[] adx) {
        int whole = k / L * L;
        for (int a0 = 0; a0 < whole; a0 += L) adxGroup(h, l, c, k, a0, t, n, dip, din, dx, adx);
        if (whole < k) {
            Work w = WORK.get();
            double[] ph = w.padIn(0, h, k, t, whole), pl = w.padIn(1, l, k, t, whole), pc = w.padIn(2, c, k, t, whole);
            double[] o0 = w.padOut(0, t), o1 = w.padOut(1, t), o2 = w.padOut(2, t), o3 = w.padOut(3, t);
            adxGroup(ph, pl, pc, L, 0, t, n, o0, o1, o2, o3);
            Work.unpad(o0, dip, k, t, whole);
            Work.unpad(o1, din, k, t, whole);
            Work.unpad(o2, dx, k, t, whole);
            Work.unpad(o3, adx, k, t, whole);
        }
    }

    private static void adxGroup(double[] h, double[] l, double[] c, int s, int a0, int t, int n, double[] dip, double[] din,
            double[] dx, double[] adx) {
        DoubleVector nan = DoubleVector.broadcast(S, NaN), zero = DoubleVector.zero(S), one = DoubleVector.broadcast(S, 1);
        DoubleVector trs = zero, sp = zero, sn = zero, started = zero, cnt = zero, seed = zero, prev = nan;
        double ratio = 1.0 / n, keep = 1 - ratio;
        nan.intoArray(dip, a0);
        nan.intoArray(din, a0);
        nan.intoArray(dx, a0);
        nan.intoArray(adx, a0);
        for (int i = 1; i < t; i++) {
            int p = i * s + a0, q = p - s;
            DoubleVector hi = DoubleVector.fromArray(S, h, p), lo = DoubleVector.fromArray(S, l, p);
            DoubleVector hp = DoubleVector.fromArray(S, h, q), lp = DoubleVector.fromArray(S, l, q), cp = DoubleVector.fromArray(S, c, q);
            DoubleVector dh = hi.sub(hp), dl = lo.sub(lp).neg();
            VectorMask<Double> none = dh.eq(dl).or(dh.lt(0).and(dl.lt(0)));
            DoubleVector dmp = zero.blend(dh, dh.compare(VectorOperators.GT, dl).andNot(none));
            DoubleVector dmn = zero.blend(dl, dh.lt(dl).andNot(none));
            DoubleVector tr = hi.max(cp).sub(lo.min(cp));
            if (i < n) {
                trs = trs.add(tr);
                sp = sp.add(dmp);
                sn = sn.add(dmn);
                nan.intoArray(dip, p);
                nan.intoArray(din, p);
                nan.intoArray(dx, p);
                nan.intoArray(adx, p);
                continue;
            }
            trs = tr.add(trs.mul(n - 1).div(n));
            sp = dmp.add(sp.mul(n - 1).div(n));
            sn = dmn.add(sn.mul(n - 1).div(n));
            DoubleVector pi = sp.mul(100).div(trs), ni = sn.mul(100).div(trs);
            DoubleVector d = pi.sub(ni).abs().div(pi.add(ni)).mul(100);
            pi.intoArray(dip, p);
            ni.intoArray(din, p);
            d.intoArray(dx, p);
            // TTR's EMA of DX (ratio 1/n) starts at the lane's first non-NaN DX, seeded by the mean of n values.
            started = started.blend(one, d.eq(d));
            VectorMask<Double> done = cnt.eq(n), warm = started.eq(1).andNot(done);
            seed = seed.add(d.div(n), warm);
            cnt = cnt.add(one, warm);
            DoubleVector ema = d.mul(ratio).add(prev.mul(keep));
            DoubleVector out = nan.blend(ema, done).blend(seed, warm.and(cnt.eq(n)));
            out.intoArray(adx, p);
            prev = out;
        }
    }

    // ------------------------------------------------------------------ volatility

    @Override
    public void volatility(int method, double[] o, double[] h, double[] l, double[] c, int k, int t, int n, double nY, double[] out) {
        Work w = WORK.get();
        int whole = k / L * L;
        for (int a0 = 0; a0 < whole; a0 += L) volGroup(method, o, h, l, c, k, a0, t, n, nY, out, w);
        if (whole < k) {
            double[] po = w.padIn(0, o, k, t, whole), ph = w.padIn(1, h, k, t, whole), pl = w.padIn(2, l, k, t, whole);
            double[] pc = w.padIn(3, c, k, t, whole), r = w.padOut(0, t);
            volGroup(method, po, ph, pl, pc, L, 0, t, n, nY, r, w);
            Work.unpad(r, out, k, t, whole);
        }
    }

    private static DoubleVector load(double[] x, int s, int a0, int i) {
        return DoubleVector.fromArray(S, x, i * s + a0);
    }

    private static DoubleVector log(DoubleVector v) {
        return v.lanewise(VectorOperators.LOG);
    }

    private static void volGroup(int method, double[] o, double[] h, double[] l, double[] c, int s, int a0, int t, int n, double nY,
            double[] out, Work w) {
        double[] a = w.tmp(0, t), r = w.tmp(1, t);
        double sq = Math.sqrt(nY);
        switch (method) {
            case CLOSE -> {
                logReturns(c, s, a0, t, a);
                runCov(a, 1, n - 1, t, r);
                finish(r, 1, 1, sq, t, out, s, a0);
            }
            case CLOSE_MEAN0 -> {
                logReturns(c, s, a0, t, a);
                squares(a, 1, t);
                runSum(a, 1, n - 1, t, r);
                finish(r, 1, n - 2, sq, t, out, s, a0);
            }
            case GARMAN_KLASS, PARKINSON, GK_YZ -> {
                int f = method == GK_YZ ? 1 : 0;
                if (method == PARKINSON) parkinsonTerms(h, l, s, a0, t, a);
                else garmanKlassTerms(o, h, l, c, s, a0, f, t, a);
                runSum(a, f, n, t, r);
                double scale = method == PARKINSON ? nY / (4 * n * Math.log(2)) : nY / n;
                finish(r, scale, 1, 1, t, out, s, a0);
            }
            case ROGERS_SATCHELL -> {
                rogersSatchellTerms(o, h, l, c, s, a0, t, a);
                runSum(a, 0, n, t, r);
                finish(r, nY / n, 1, 1, t, out, s, a0);
            }
            case YANG_ZHANG -> {
                double alpha = 1.34, kk = (alpha - 1) / (alpha + (double) (n + 1) / (n - 1));
                double[] so = w.tmp(2, t), sc = w.tmp(3, t);
                logRatios(o, c, 1, s, a0, t, a);
                runCov(a, 1, n, t, so);
                logRatios(c, o, 0, s, a0, t, a);
                runCov(a, 0, n, t, sc);
                rogersSatchellTerms(o, h, l, c, s, a0, t, a);
                runSum(a, 0, n, t, r);
                finish(r, nY / n, 1, 1, t, r, L, 0);
                yangZhang(so, sc, r, nY, kk, t, out, s, a0);
            }
            default -> throw new IllegalArgumentException("method must be a TrendKernels method code, was " + method);
        }
    }

    /** TTR's continuous ROC of x, {@code a[i] = log x[i] - log x[i-1]} for i >= 1 (its operation order). */
    private static void logReturns(double[] x, int s, int a0, int t, double[] a) {
        for (int i = 1; i < t; i++) log(load(x, s, a0, i)).sub(log(load(x, s, a0, i - 1))).intoArray(a, i * L);
    }

    /** {@code a[i] = log(x[i] / y[i - lag])} for i >= lag. */
    private static void logRatios(double[] x, double[] y, int lag, int s, int a0, int t, double[] a) {
        for (int i = lag; i < t; i++) log(load(x, s, a0, i).div(load(y, s, a0, i - lag))).intoArray(a, i * L);
    }

    private static void squares(double[] a, int f, int t) {
        for (int i = f; i < t; i++) {
            DoubleVector v = load(a, L, 0, i);
            v.mul(v).intoArray(a, i * L);
        }
    }

    private static void parkinsonTerms(double[] h, double[] l, int s, int a0, int t, double[] a) {
        for (int i = 0; i < t; i++) {
            DoubleVector hl = log(load(h, s, a0, i).div(load(l, s, a0, i)));
            hl.mul(hl).intoArray(a, i * L);
        }
    }

    /** Garman-Klass terms from bar f; with f = 1 Yang-Zhang's overnight term first (GK-YZ). */
    private static void garmanKlassTerms(double[] o, double[] h, double[] l, double[] c, int s, int a0, int f, int t, double[] a) {
        double k2 = 2 * Math.log(2) - 1;
        for (int i = f; i < t; i++) {
            DoubleVector hl = log(load(h, s, a0, i).div(load(l, s, a0, i)));
            DoubleVector co = log(load(c, s, a0, i).div(load(o, s, a0, i)));
            DoubleVector g = hl.mul(hl).mul(0.5);
            if (f == 1) {
                DoubleVector oc = log(load(o, s, a0, i).div(load(c, s, a0, i - 1)));
                g = oc.mul(oc).add(g);
            }
            g.sub(co.mul(co).mul(k2)).intoArray(a, i * L);
        }
    }

    private static void rogersSatchellTerms(double[] o, double[] h, double[] l, double[] c, int s, int a0, int t, double[] a) {
        for (int i = 0; i < t; i++) {
            DoubleVector hi = load(h, s, a0, i), lo = load(l, s, a0, i), cl = load(c, s, a0, i), op = load(o, s, a0, i);
            log(hi.div(cl)).mul(log(hi.div(op))).add(log(lo.div(cl)).mul(log(lo.div(op)))).intoArray(a, i * L);
        }
    }

    /** {@code dst[i] = post sqrt(scale r[i] / div)}, each factor applied only when it is not 1 (as the JAVA kernels write it). */
    private static void finish(double[] r, double scale, double div, double post, int t, double[] dst, int ds, int d0) {
        for (int i = 0; i < t; i++) {
            DoubleVector v = load(r, L, 0, i);
            if (scale != 1) v = v.mul(scale);
            if (div != 1) v = v.div(div);
            v = v.sqrt();
            if (post != 1) v = v.mul(post);
            v.intoArray(dst, i * ds + d0);
        }
    }

    private static void yangZhang(double[] so, double[] sc, double[] rs, double nY, double kk, int t, double[] out, int s, int a0) {
        for (int i = 0; i < t; i++) {
            DoubleVector r = load(rs, L, 0, i);
            DoubleVector v = load(so, L, 0, i).mul(nY).add(load(sc, L, 0, i).mul(nY).mul(kk)).add(r.mul(r).mul(1 - kk));
            v.sqrt().intoArray(out, i * s + a0);
        }
    }

    /** TTR's runSum over n of the lane-major {@code x} from its first value at f into lane-major {@code o}. */
    private static void runSum(double[] x, int f, int n, int t, double[] o) {
        DoubleVector nan = DoubleVector.broadcast(S, NaN);
        int first = f + n - 1;
        for (int i = 0; i < Math.min(first, t); i++) nan.intoArray(o, i * L);
        if (first >= t) return;
        DoubleVector sum = DoubleVector.zero(S);
        for (int i = f; i <= first; i++) sum = sum.add(load(x, L, 0, i));
        sum.intoArray(o, first * L);
        for (int i = first + 1; i < t; i++) {
            sum = sum.add(load(x, L, 0, i)).sub(load(x, L, 0, i - n));
            sum.intoArray(o, i * L);
        }
    }

    /** TTR's runCov(x, x, n, sample = TRUE) of the lane-major {@code x} from its first value at f. */
    private static void runCov(double[] x, int f, int n, int t, double[] o) {
        DoubleVector nan = DoubleVector.broadcast(S, NaN);
        int first = f + n - 1;
        for (int i = 0; i < Math.min(first, t); i++) nan.intoArray(o, i * L);
        double denom = n - 1;
        for (int i = first; i < t; i++) {
            int from = i - n + 1;
            DoubleVector mean = load(x, L, 0, from).div(n);
            for (int j = 1; j < n; j++) mean = mean.add(load(x, L, 0, from + j).div(n));
            DoubleVector r = DoubleVector.zero(S);
            for (int j = 0; j < n; j++) {
                DoubleVector d = load(x, L, 0, i - j).sub(mean);
                r = r.add(d.mul(d));
            }
            r.div(denom).intoArray(o, i * L);
        }
    }

    // ------------------------------------------------------------------ moving averages

    /** TTR's wma of {@code x} (stride xs, offset x0) from its first value at f, weights w[0..n), into o (stride os, offset o0). */
    private static void wma(double[] x, int xs, int x0, int f, double[] wt, int n, int t, double[] o, int os, int o0) {
        DoubleVector nan = DoubleVector.broadcast(S, NaN);
        int first = f + n - 1;
        for (int i = 0; i < Math.min(first, t); i++) nan.intoArray(o, i * os + o0);
        double wtsum = 0;
        for (int j = 0; j < n; j++) wtsum += wt[j];
        for (int i = first; i < t; i++) {
            int ni = i - n + 1;
            DoubleVector num = DoubleVector.zero(S);
            for (int j = 0; j < n; j++) num = num.add(load(x, xs, x0, ni + j).mul(wt[j]));
            num.div(wtsum).intoArray(o, i * os + o0);
        }
    }


    private static final int HMA = 0, ALMA = 1, ZLEMA = 2, WILDER = 3;

    @Override
    public void hma(double[] x, int k, int t, int n, double[] out) {
        single(HMA, x, k, t, n, null, out);
    }

    @Override
    public void alma(double[] x, int k, int t, int n, double offset, double sigma, double[] w, double[] out) {
        single(ALMA, x, k, t, n, w, out);
    }

    @Override
    public void zlema(double[] x, int k, int t, int n, double[] out) {
        single(ZLEMA, x, k, t, n, null, out);
    }

    @Override
    public void wilderSum(double[] x, int k, int t, int n, double[] out) {
        single(WILDER, x, k, t, n, null, out);
    }

    /** A one-input average over every lane group, then the tail as a padded group. */
    private static void single(int op, double[] x, int k, int t, int n, double[] wts, double[] out) {
        Work w = WORK.get();
        int whole = k / L * L;
        for (int a0 = 0; a0 < whole; a0 += L) singleGroup(op, x, k, a0, t, n, wts, out, w);
        if (whole < k) {
            double[] px = w.padIn(0, x, k, t, whole), r = w.padOut(0, t);
            singleGroup(op, px, L, 0, t, n, wts, r, w);
            Work.unpad(r, out, k, t, whole);
        }
    }

    private static void singleGroup(int op, double[] x, int s, int a0, int t, int n, double[] wts, double[] out, Work w) {
        switch (op) {
            case HMA -> hmaGroup(x, s, a0, t, n, out, w);
            case ALMA -> wma(x, s, a0, 0, wts, n, t, out, s, a0);
            case ZLEMA -> zlemaGroup(x, s, a0, t, n, out);
            default -> wilderGroup(x, s, a0, t, n, out);
        }
    }

    private static void hmaGroup(double[] x, int s, int a0, int t, int n, double[] out, Work w) {
        double[] a = w.tmp(0, t), b = w.tmp(1, t), wt = Work.grow(w.tmp, 2, n);
        int half = n / 2, q = (int) Math.sqrt(n);
        for (int j = 0; j < n; j++) wt[j] = j + 1;
        wma(x, s, a0, 0, wt, half, t, a, L, 0);
        wma(x, s, a0, 0, wt, n, t, b, L, 0);
        for (int i = 0; i < t; i++) load(a, L, 0, i).mul(2).sub(load(b, L, 0, i)).intoArray(a, i * L);
        wma(a, L, 0, n - 1, wt, q, t, out, s, a0);
    }



    private static void zlemaGroup(double[] x, int s, int a0, int t, int n, double[] out) {
        DoubleVector nan = DoubleVector.broadcast(S, NaN);
        for (int i = 0; i < Math.min(n - 1, t); i++) nan.intoArray(out, i * s + a0);
        if (n > t) return;
        double ratio = 2.0 / (n + 1);
        DoubleVector seed = DoubleVector.zero(S);
        for (int i = 0; i < n; i++) seed = seed.add(load(x, s, a0, i).div(n));
        seed.intoArray(out, (n - 1) * s + a0);
        double lag = 1.0 / ratio, wt = lag % 1.0, w1 = 1.0 - wt, r1 = 1.0 - ratio;
        DoubleVector prev = seed;
        for (int i = n; i < t; i++) {
            int loc = (int) (i - lag);
            DoubleVector lagged = load(x, s, a0, loc).mul(w1).add(load(x, s, a0, loc + 1).mul(wt));
            DoubleVector value = load(x, s, a0, i).mul(2).sub(lagged);
            prev = value.mul(ratio).add(prev.mul(r1));
            prev.intoArray(out, i * s + a0);
        }
    }

    @Override
    public void evwma(double[] p, double[] v, int k, int t, int n, double[] out) {
        int whole = k / L * L;
        for (int a0 = 0; a0 < whole; a0 += L) evwmaGroup(p, v, k, a0, t, n, out);
        if (whole < k) {
            Work w = WORK.get();
            double[] pp = w.padIn(0, p, k, t, whole), pv = w.padIn(1, v, k, t, whole), r = w.padOut(0, t);
            evwmaGroup(pp, pv, L, 0, t, n, r);
            Work.unpad(r, out, k, t, whole);
        }
    }

    private static void evwmaGroup(double[] p, double[] v, int s, int a0, int t, int n, double[] out) {
        DoubleVector nan = DoubleVector.broadcast(S, NaN);
        for (int i = 0; i < Math.min(n - 1, t); i++) nan.intoArray(out, i * s + a0);
        if (n > t) return;
        DoubleVector vs = DoubleVector.zero(S);
        for (int i = 0; i < n; i++) vs = vs.add(load(v, s, a0, i));
        DoubleVector prev = load(p, s, a0, n - 1);
        prev.intoArray(out, (n - 1) * s + a0);
        for (int i = n; i < t; i++) {
            DoubleVector vi = load(v, s, a0, i);
            vs = vs.add(vi).sub(load(v, s, a0, i - n));
            prev = vs.sub(vi).mul(prev).add(vi.mul(load(p, s, a0, i))).div(vs);
            prev.intoArray(out, i * s + a0);
        }
    }


    private static void wilderGroup(double[] x, int s, int a0, int t, int n, double[] out) {
        DoubleVector nan = DoubleVector.broadcast(S, NaN), sum = DoubleVector.zero(S);
        for (int i = 0; i < Math.min(n - 1, t); i++) {
            nan.intoArray(out, i * s + a0);
            sum = sum.add(load(x, s, a0, i));
        }
        // The seed (the plain sum of n - 1 values) and every later step are the same expression: x + prev (n - 1) / n.
        for (int i = n - 1; i < t; i++) {
            sum = load(x, s, a0, i).add(sum.mul(n - 1).div(n));
            sum.intoArray(out, i * s + a0);
        }
    }
}
