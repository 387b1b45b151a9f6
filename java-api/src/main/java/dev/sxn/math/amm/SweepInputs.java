package dev.sxn.math.amm;

/**
 * The per-set inputs the NATIVE and OPENCL sweep kernels take instead of {@link RuleParams}: each set's lambda and
 * effective k (negated for {@link WeightRule#ANTI_MOMENTUM}, as its rule negates k) and the pool's initial log
 * reserves and value, all computed here by the JAVA code of {@link TfmmPool#simulate}, so the devices start from
 * JAVA's bits. Per-thread and grown to the largest chunk seen: a warm call allocates nothing.
 */
final class SweepInputs {
    private static final ThreadLocal<SweepInputs> LOCAL = ThreadLocal.withInitial(SweepInputs::new);

    /** lambda of set c of the chunk at [c], k at [count + c]. */
    double[] perSet = new double[0];
    /** Initial weights at [0, n), initial log reserves at [n, 2n). */
    double[] perAsset = new double[0];
    double[] work = new double[0];
    double value0;

    static SweepInputs get() {
        return LOCAL.get();
    }

    /** Fills the inputs of sets {@code [from, from + count)} for a bout starting at minute {@code start}. */
    SweepInputs fill(TfmmPool pool, double[] prices, int start, RuleParams[] sets, int from, int count) {
        int n = pool.assets();
        if (perSet.length < 2 * count) perSet = new double[2 * count];
        if (perAsset.length < 2 * n) perAsset = new double[2 * n];
        double sign = pool.rule() == WeightRule.ANTI_MOMENTUM ? -1.0 : 1.0;
        for (int c = 0; c < count; c++) {
            RuleParams p = sets[from + c];
            perSet[c] = pool.lambda(p);
            perSet[count + c] = sign * ParamTransforms.kFromLogK(p.logK(), pool.memoryDays(p));
        }
        double[] w0 = pool.initialWeightsView();
        double v0 = pool.config().initialPoolValue(), value = 0;
        for (int i = 0; i < n; i++) {
            double r = w0[i] * v0 / prices[start * n + i];
            perAsset[i] = w0[i];
            perAsset[n + i] = Math.log(r);
            value += r * prices[start * n + i];
        }
        value0 = value;
        return this;
    }

    /** The scratch of the native kernel, at least {@code len} doubles. */
    double[] work(long len) {
        if (work.length < len) work = new double[Math.toIntExact(len)];
        return work;
    }
}
