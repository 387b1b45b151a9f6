package dev.sxn.math.amm;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelSet;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * P rule parameter sets over one price history in one call: every set's pass and metrics, on JAVA each exactly (bit
 * for bit) its single run's {@link TfmmPool#metric}, since each set runs the same plain-Java pass. Sets may be split
 * over threads ({@code parallelism}); the split does not change any result. Output {@code out[s m + j]} is metric j
 * of set s. O(P rows n); a warm single-thread call allocates nothing proportional to the input.
 *
 * <p>The passes run through the {@code amm.sweep} kernel family ({@link SweepKernels}) in chunks of {@value #CHUNK}
 * sets: JAVA is each set's single run (bit-identical); for the zero-fee pass with linear interpolation and the
 * momentum, anti-momentum and fixed rules, VECTOR puts sets in lanes, NATIVE runs a chunk in one downcall with sets in
 * the compiler's vector lanes and OPENCL a set per work-item (values within a relative 1e-11 of JAVA, 1e-10 on
 * OPENCL); every other rule, interpolation and fee pools run JAVA inside the family.
 */
public final class AmmSweep {
    /** Sets per kernel call: whole lane groups of every species, and a bounded value buffer of CHUNK x rows. */
    static final int CHUNK = 16;
    static final KernelSet<SweepKernels> KERNELS = KernelSet.of(KernelFamilies.AMM_SWEEP, SweepKernels.class, new JavaSweepKernels());
    private static final ThreadLocal<double[][]> BUFFER = ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[CHUNK]});

    private static final ThreadLocal<ChunkCall> CALL = ThreadLocal.withInitial(ChunkCall::new);

    private AmmSweep() {}

    /**
     * One chunk's kernel call as a reusable per-thread object (the eligibility test and the operation of
     * {@link KernelSet#run}): lambdas capturing the chunk would be allocated once per chunk of sets.
     */
    private static final class ChunkCall implements Predicate<SweepKernels>, Consumer<SweepKernels> {
        private TfmmPool pool;
        private double[] prices, values, fees;
        private RuleParams[] sets;
        private int start, rows, from, count;
        private boolean eligible;

        void set(TfmmPool pool, double[] prices, int start, int rows, RuleParams[] sets, int from, int count, double[] values, double[] fees,
                 boolean eligible) {
            this.pool = pool;
            this.prices = prices;
            this.start = start;
            this.rows = rows;
            this.sets = sets;
            this.from = from;
            this.count = count;
            this.values = values;
            this.fees = fees;
            this.eligible = eligible;
        }

        /** Drops the references, so the thread does not keep the caller's prices and sets alive. */
        void clear() {
            set(null, null, 0, 0, null, 0, 0, null, null, false);
        }

        @Override
        public boolean test(SweepKernels k) {
            return eligible;
        }

        @Override
        public void accept(SweepKernels k) {
            k.values(pool, prices, start, rows, sets, from, count, values, fees);
        }
    }

    /**
     * Runs every set and writes its metrics, on the kind chosen per chunk of sets.
     *
     * @throws IllegalArgumentException as {@link TfmmPool#run}, if a set has a non-finite component, sets or metrics is
     *     empty, out is shorter than {@code sets.length * metrics.length}, or parallelism {@code < 1}
     */
    public static void metrics(TfmmPool pool, MinutePrices prices, int start, int boutLength, RuleParams[] sets, AmmMetric[] metrics, double[] out,
                               int parallelism) {
        metrics(pool, prices, start, boutLength, sets, metrics, out, parallelism, null);
    }

    /**
     * {@link #metrics(TfmmPool, MinutePrices, int, int, RuleParams[], AmmMetric[], double[], int)} on the kind of
     * {@code backend} (null: chosen per chunk of sets).
     *
     * @throws IllegalArgumentException as the overload without a backend
     * @throws IllegalStateException if {@code backend} is pinned and unavailable here (the message says why)
     */
    public static void metrics(TfmmPool pool, MinutePrices prices, int start, int boutLength, RuleParams[] sets, AmmMetric[] metrics, double[] out,
                               int parallelism, Backend backend) {
        Checks.notNull(pool, "pool");
        Checks.notNull(sets, "sets");
        Checks.notNull(metrics, "metrics");
        Checks.notNull(out, "out");
        Checks.atLeast(sets.length, "sets.length", 1);
        Checks.atLeast(metrics.length, "metrics.length", 1);
        Checks.atLeast(parallelism, "parallelism", 1);
        // Names are built only on failure: a warm sweep checks every set and metric on every call.
        for (int s = 0; s < sets.length; s++) {
            if (sets[s] == null) Checks.notNull(sets[s], "sets[" + s + "]");
            pool.check(prices, start, boutLength, sets[s]);
        }
        for (int j = 0; j < metrics.length; j++) {
            if (metrics[j] == null) Checks.notNull(metrics[j], "metrics[" + j + "]");
            AmmMetrics.checkLength(metrics[j], boutLength - 1);
        }
        Checks.minLength(out, "out", (long) sets.length * metrics.length, "sets x metrics");
        prices.checkPositive();
        int threads = Math.min(parallelism, sets.length);
        if (threads == 1) {
            block(pool, prices.values(), start, boutLength, sets, metrics, out, 0, sets.length, backend);
            return;
        }
        Thread[] ts = new Thread[threads];
        RuntimeException[] failure = new RuntimeException[1];
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) sets.length * t / threads), to = (int) ((long) sets.length * (t + 1) / threads);
            ts[t] = Thread.ofPlatform().start(() -> {
                try {
                    block(pool, prices.values(), start, boutLength, sets, metrics, out, from, to, backend);
                } catch (RuntimeException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            });
        }
        for (Thread t : ts) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sweeping", e);
            }
        }
        if (failure[0] != null) throw failure[0];
    }

    private static void block(TfmmPool pool, double[] prices, int start, int boutLength, RuleParams[] sets, AmmMetric[] metrics, double[] out,
                              int from, int to, Backend backend) {
        int m = metrics.length;
        int n = pool.assets();
        int rows = boutLength - 1;
        double[][] buffer = BUFFER.get();
        if (buffer[0].length < CHUNK * rows) buffer[0] = new double[CHUNK * rows];
        double[] values = buffer[0], fees = buffer[1];
        boolean eligible = SweepKernels.eligible(pool);
        PoolScratch sc = PoolScratch.get();
        ChunkCall op = CALL.get();
        for (int s0 = from; s0 < to; s0 += CHUNK) {
            int first = s0, count = Math.min(CHUNK, to - s0);
            op.set(pool, prices, start, rows, sets, first, count, values, fees, eligible);
            try {
                KERNELS.run(backend, (long) count * rows, op, op);
            } finally {
                op.clear();
            }
            sc.assets(n);
            double[] w0 = pool.initialWeightsView();
            double v0 = pool.config().initialPoolValue();
            for (int i = 0; i < n; i++) sc.r0[i] = w0[i] * v0 / prices[start * n + i];
            System.arraycopy(prices, start * n, sc.pFirst, 0, n);
            System.arraycopy(prices, (start + rows - 1) * n, sc.pLast, 0, n);
            double[] v = sc.values(rows);
            for (int c = 0; c < count; c++) {
                System.arraycopy(values, c * rows, v, 0, rows);
                int s = s0 + c;
                // a target-weight rule's first weights, so R_0, depend on the set
                if (pool.rule().outputsWeights()) pool.initialReserves(prices, start, sets[s], sc);
                for (int j = 0; j < m; j++) out[s * m + j] = AmmMetrics.compute(metrics[j], v, rows, n, sc.r0, sc.pFirst, sc.pLast, fees[c], sc);
            }
        }
    }
}
