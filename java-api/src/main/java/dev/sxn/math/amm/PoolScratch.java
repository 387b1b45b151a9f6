package dev.sxn.math.amm;

/**
 * Per-thread reusable arrays of the forward pass: the per-asset state and the value path. Grows to the largest
 * problem seen; a warm call allocates nothing.
 */
final class PoolScratch {
    private static final ThreadLocal<PoolScratch> LOCAL = ThreadLocal.withInitial(PoolScratch::new);

    double[] ewma = new double[0], a, grad, dw, prevActual, blockStart, diff, target, wPrev, wCur, logR, res, trade, ratio, r0, pFirst, pLast;
    double[] values = new double[0];
    double[] work = new double[0];
    double[] patterns = new double[0];

    static PoolScratch get() {
        return LOCAL.get();
    }

    void assets(int n) {
        if (ewma.length >= n) return;
        ewma = new double[n];
        a = new double[n];
        grad = new double[n];
        dw = new double[n];
        prevActual = new double[n];
        blockStart = new double[n];
        diff = new double[n];
        target = new double[n];
        wPrev = new double[n];
        wCur = new double[n];
        logR = new double[n];
        res = new double[n];
        trade = new double[n];
        ratio = new double[n];
        r0 = new double[n];
        pFirst = new double[n];
        pLast = new double[n];
    }

    double[] values(int rows) {
        if (values.length < rows) values = new double[rows];
        return values;
    }

    /** The smoothed arbitrage's per-pattern work, 3 n (n - 1) doubles. */
    double[] patterns(int n) {
        int len = 3 * n * (n - 1);
        if (patterns.length < len) patterns = new double[len];
        return patterns;
    }

    double[] work(int len) {
        if (work.length < len) work = new double[len];
        return work;
    }
}
