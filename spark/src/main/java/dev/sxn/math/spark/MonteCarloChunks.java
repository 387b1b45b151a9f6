package dev.sxn.math.spark;

import dev.sxn.math.linalg.DMatrix;
import dev.sxn.math.stochastic.Antithetic;
import dev.sxn.math.stochastic.GbmCorrelated;
import dev.sxn.math.stochastic.RandomStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * The chunked Monte Carlo without Spark. A partial result is the per-chunk loss sums and the largest
 * {@code tail} losses seen (sorted ascending); partials merge in any order to the same multiset, and the chunk
 * sums are added in chunk order at the end, so the result does not depend on how chunks were grouped.
 */
public final class MonteCarloChunks {
    private MonteCarloChunks() {}

    private static final int BLOCK = 4096;

    /**
     * Partial results of some chunks.
     *
     * @param chunkIds the chunks covered
     * @param chunkSums each chunk's loss sum, paths added in order
     * @param top the largest losses, ascending, at most the job's tail count
     */
    record Partial(int[] chunkIds, double[] chunkSums, double[] top) implements Serializable {}

    /** Builds the model (checked by {@code GbmCorrelated.of}). */
    static GbmCorrelated model(MonteCarloSpec spec) {
        return GbmCorrelated.of(spec.spots(), spec.drifts(), spec.volatilities(), DMatrix.of(spec.correlation()));
    }

    /** Simulates chunks {@code ids} (each from its own stream) and folds them into one partial. */
    static Partial run(MonteCarloSpec spec, int[] ids) {
        GbmCorrelated model = model(spec);
        int d = model.assets();
        if (spec.positions().length != d) throw SparkChecks.invalid("positions.length", spec.positions().length, "be the model's asset count (" + d + ")");
        double v0 = 0;
        for (int i = 0; i < d; i++) v0 += spec.positions()[i] * model.spot(i);
        int keep = (int) MonteCarloSpec.tail(spec.paths(), spec.alpha());
        double[] sums = new double[ids.length];
        double[] top = new double[0];
        double[] block = new double[d * BLOCK];
        double[] loss = new double[spec.chunkPaths()];
        for (int c = 0; c < ids.length; c++) {
            long first = (long) ids[c] * spec.chunkPaths();
            int n = (int) Math.min(spec.chunkPaths(), spec.paths() - first);
            RandomStream stream = RandomStream.philox4x64(spec.seed(), ids[c]);
            double sum = 0;
            for (int b = 0; b < n; b += BLOCK) {
                int m = Math.min(BLOCK, n - b);
                model.terminal(stream, spec.horizon(), b, m, 1, Antithetic.NONE, block, 0, BLOCK);
                for (int p = 0; p < m; p++) {
                    double v = 0;
                    for (int i = 0; i < d; i++) v += spec.positions()[i] * block[i * BLOCK + p];
                    loss[b + p] = v0 - v;
                }
            }
            for (int p = 0; p < n; p++) sum += loss[p];
            sums[c] = sum;
            Arrays.sort(loss, 0, n);
            int take = Math.min(keep, n);
            top = mergeTop(top, Arrays.copyOfRange(loss, n - take, n), keep);
        }
        return new Partial(ids.clone(), sums, top);
    }

    /** The largest {@code keep} values of two ascending arrays, ascending. O(keep). */
    static double[] mergeTop(double[] a, double[] b, int keep) {
        int n = Math.min(keep, a.length + b.length);
        double[] out = new double[n];
        int i = a.length - 1, j = b.length - 1;
        for (int o = n - 1; o >= 0; o--) {
            // Equal values are interchangeable, so the tie order cannot change the result.
            if (j < 0 || (i >= 0 && a[i] >= b[j])) out[o] = a[i--];
            else out[o] = b[j--];
        }
        return out;
    }

    /** Combines partials covering every chunk exactly once into the estimate. */
    static MonteCarloResult finish(MonteCarloSpec spec, List<Partial> partials, JobReport report) {
        int chunks = spec.chunks();
        double[] sums = new double[chunks];
        boolean[] seen = new boolean[chunks];
        int keep = (int) MonteCarloSpec.tail(spec.paths(), spec.alpha());
        double[] top = new double[0];
        for (Partial p : partials) {
            for (int c = 0; c < p.chunkIds().length; c++) {
                int id = p.chunkIds()[c];
                if (seen[id]) throw new IllegalStateException("chunk " + id + " was counted twice");
                seen[id] = true;
                sums[id] = p.chunkSums()[c];
            }
            top = mergeTop(top, p.top(), keep);
        }
        for (int c = 0; c < chunks; c++) if (!seen[c]) throw new IllegalStateException("chunk " + c + " is missing");
        double total = 0;
        for (double s : sums) total += s;
        long paths = spec.paths();
        // Global order statistic g sits at top[g - lo]: top holds exactly the losses from index lo on.
        double h = (paths - 1) * spec.alpha();
        long lo = (long) Math.floor(h);
        double var = lo + 1 < paths ? top[0] + (h - lo) * (top[1] - top[0]) : top[0];
        int from = 0;
        while (from < top.length && top[from] < var) from++;
        double tail = 0;
        for (int i = from; i < top.length; i++) tail += top[i];
        return new MonteCarloResult(var, tail / (top.length - from), total / paths, spec.alpha(), paths, chunks, report);
    }

    /**
     * The job in one JVM: every chunk in order, in one partial. The Spark job's result equals this bit for bit.
     *
     * @throws IllegalArgumentException if the model or positions are invalid
     */
    public static MonteCarloResult local(MonteCarloSpec spec) {
        SparkChecks.notNull(spec, "spec");
        int[] ids = new int[spec.chunks()];
        for (int c = 0; c < ids.length; c++) ids[c] = c;
        return finish(spec, List.of(run(spec, ids)), null);
    }
}
