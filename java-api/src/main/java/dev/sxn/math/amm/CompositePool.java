package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

import java.util.List;

/**
 * A composite pool: a pool of pools. Its members are some of the market's tokens held directly and the LP shares of
 * sub-pools, each a {@link TfmmPool} with its own rule, parameters and tokens; the composite runs its own rule over
 * its members as if each sub-pool's share were one more asset.
 *
 * <p>quantammsim's public source carries composite pools as configuration only (a run's {@code subsidary_pools}, each
 * with its tokens, rule, memory and k; {@code n_pool_members = n_tokens + n_subsidary_rules}; the price data is the
 * union of every pool's tokens) and no forward pass for them, so the combination here is this library's, written
 * from that layout and QuantAMM's design of composite pools (sub-pools' LP tokens as constituents):
 * <ol>
 *   <li>Each sub-pool runs from minute 0 over the market's columns it names, to the last minute the data allows
 *       ({@link #memberSteps}); its LP share price is {@code q_j(t) = V_j(t) / V_j(0)} (one share per numeraire unit
 *       of the sub-pool at minute 0, so {@code S_j = V_j(0)} shares exist).
 *   <li>Member prices are the direct tokens' prices, then {@code q_1 .. q_J}; the composite is a {@link TfmmPool}
 *       over them (estimator warm-up on the members' history, its own guardrails, fees and arbitrage: an arbitrageur
 *       joins or exits a sub-pool proportionally at {@code q_j}, which leaves the sub-pool's weights unchanged).
 *   <li>Weights, reserves (tokens, and shares for sub-pool members), value and metrics are the composite pass's; its
 *       look-through holdings of market asset a are its direct reserve of a plus
 *       {@code sum_j (R_j / S_j) R_(j,a)}, and the look-through value {@code sum_a holdings_a p_a} is the
 *       composite's value.
 * </ol>
 * O(T sum_j n_j + rows m) per call (T the member history, m members, n_j sub-pool sizes, with fees times the sizes);
 * a warm {@link #metric} call allocates nothing proportional to the input (per-thread scratch). Immutable and
 * thread-safe.
 */
public final class CompositePool {

    /**
     * One constituent sub-pool.
     *
     * @param pool   the sub-pool (its rule, initial weights and settings)
     * @param assets the market columns it holds, in its own asset order (distinct, {@code pool.assets()} of them)
     * @param params its rule parameter set
     */
    public record SubPool(TfmmPool pool, int[] assets, RuleParams params) {
        /** Checks the shape and the parameters (finite) and copies the columns. */
        public SubPool {
            Checks.notNull(pool, "pool");
            Checks.notNull(assets, "assets");
            Checks.notNull(params, "params");
            if (assets.length != pool.assets()) throw Checks.invalid("assets.length", assets.length, "equal pool.assets() (" + pool.assets() + ")");
            assets = assets.clone();
            distinctColumns(assets, "assets");
            for (int i = 0; i < RuleParams.SIZE; i++) Checks.finite(params.get(i), "params component " + i);
        }

        /** A copy of the market columns. */
        @Override
        public int[] assets() {
            return assets.clone();
        }
    }

    /**
     * Every row of a composite pass.
     *
     * @param composite      the composite's pass over its members (weights, reserves in tokens and shares, values, fees)
     * @param memberPrices   the members' prices over the member history: direct tokens, then each sub-pool's share price
     * @param marketAssets   N, the market's assets
     * @param lookThrough    row-major {@code lookThrough[t N + a]}: the composite's holdings of market asset a at row t
     */
    public record CompositeRun(PoolRun composite, MinutePrices memberPrices, int marketAssets, double[] lookThrough) {
        /** The look-through weights at row t: holdings times prices over the value, written to {@code out[0 .. N)}. */
        public void lookThroughWeights(MinutePrices market, int t, double[] out) {
            Checks.notNull(market, "market");
            Checks.notNull(out, "out");
            Checks.inRange(t, "t", 0, composite.rows() - 1, "a row of the run");
            Checks.minLength(out, "out", marketAssets, "one per market asset");
            double v = 0;
            for (int a = 0; a < marketAssets; a++) v += lookThrough[t * marketAssets + a] * market.price(composite.start() + t, a);
            for (int a = 0; a < marketAssets; a++) out[a] = lookThrough[t * marketAssets + a] * market.price(composite.start() + t, a) / v;
        }
    }

    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0], new double[0]});

    private final TfmmPool composite;
    private final int[] tokens;
    private final SubPool[] subPools;

    private CompositePool(TfmmPool composite, int[] tokens, SubPool[] subPools) {
        this.composite = composite;
        this.tokens = tokens;
        this.subPools = subPools;
    }

    /**
     * A composite over the market columns {@code tokens} held directly and the given sub-pools, run by
     * {@code composite} (whose assets are the members: tokens first, then sub-pools in order).
     *
     * @throws IllegalArgumentException if there is no sub-pool, tokens repeat or are negative, or
     *     {@code composite.assets() != tokens.length + subPools.size()}
     */
    public static CompositePool of(TfmmPool composite, int[] tokens, List<SubPool> subPools) {
        Checks.notNull(composite, "composite");
        Checks.notNull(tokens, "tokens");
        Checks.notNull(subPools, "subPools");
        Checks.atLeast(subPools.size(), "subPools.size()", 1);
        for (int j = 0; j < subPools.size(); j++) Checks.notNull(subPools.get(j), "subPools[" + j + "]");
        int[] t = tokens.clone();
        distinctColumns(t, "tokens");
        int members = t.length + subPools.size();
        if (composite.assets() != members) {
            throw Checks.invalid("composite.assets()", composite.assets(), "equal tokens.length + subPools.size() (" + members + ")");
        }
        return new CompositePool(composite, t, subPools.toArray(new SubPool[0]));
    }

    private static void distinctColumns(int[] cols, String name) {
        for (int i = 0; i < cols.length; i++) {
            Checks.atLeast(cols[i], name + "[" + i + "]", 0);
            for (int j = 0; j < i; j++) if (cols[j] == cols[i]) throw Checks.invalid(name + "[" + i + "]", cols[i], "differ from " + name + "[" + j + "]");
        }
    }

    /** The composite's own pool (over the members). */
    public TfmmPool composite() {
        return composite;
    }

    /** The number of members: direct tokens plus sub-pools. */
    public int members() {
        return composite.assets();
    }

    /**
     * The minutes of member history a market of {@code steps} minutes gives: all of them, or, with a
     * minimum-variance sub-pool of chunk period c, at most {@code floor((steps - 1) / c) c} (its pass reads the coarse
     * price at each block's end).
     */
    public int memberSteps(int steps) {
        int t = steps;
        for (SubPool sp : subPools) {
            if (sp.pool().rule().outputsWeights()) {
                int c = sp.pool().config().chunkPeriod();
                t = Math.min(t, (steps - 1) / c * c);
            }
        }
        return t;
    }

    /**
     * The members' prices: the direct tokens' prices, then each sub-pool's share price, over {@link #memberSteps}.
     *
     * @throws IllegalArgumentException if a column is past the market's assets, a price is not positive and finite, or
     *     the member history is shorter than 2 minutes
     */
    public MinutePrices memberPrices(MinutePrices market) {
        checkMarket(market);
        int tm = memberSteps(market.steps());
        double[][] sc = SCRATCH.get();
        double[] out = new double[tm * members()];
        fillMembers(market, tm, out, sc);
        return new MinutePrices(out, members());
    }

    /**
     * The whole composite pass with every row kept, and the look-through holdings.
     *
     * @throws IllegalArgumentException as {@link #memberPrices}, or as {@link TfmmPool#run} for the composite over the
     *     member prices
     */
    public CompositeRun run(MinutePrices market, int start, int boutLength, RuleParams params) {
        MinutePrices members = memberPrices(market);
        PoolRun run = composite.run(members, start, boutLength, params);
        int tm = members.steps(), nm = market.assets(), rows = run.rows(), m = members(), nt = tokens.length;
        double[] look = new double[rows * nm];
        for (int t = 0; t < rows; t++) for (int i = 0; i < nt; i++) look[t * nm + tokens[i]] += run.reserves()[t * m + i];
        for (int j = 0; j < subPools.length; j++) {
            SubPool sp = subPools[j];
            PoolRun sub = sp.pool().run(columns(market, sp.assets), 0, tm + 1, sp.params());
            int nj = sp.pool().assets();
            double shares = sub.values()[0];
            for (int t = 0; t < rows; t++) {
                double frac = run.reserves()[t * m + nt + j] / shares;
                for (int i = 0; i < nj; i++) look[t * nm + sp.assets[i]] += frac * sub.reserves()[(start + t) * nj + i];
            }
        }
        return new CompositeRun(run, members, nm, look);
    }

    /**
     * One metric of the composite pass, from per-thread scratch.
     *
     * @throws IllegalArgumentException as {@link #run}, or if the bout is too short for the metric
     */
    public double metric(MinutePrices market, int start, int boutLength, RuleParams params, AmmMetric metric) {
        Checks.notNull(metric, "metric");
        checkMarket(market);
        int tm = memberSteps(market.steps());
        double[][] sc = SCRATCH.get();
        int len = tm * members();
        // exact length: the wrapper below needs it, and a warm call on the same market reuses it
        if (sc[0].length != len) sc[0] = new double[len];
        fillMembers(market, tm, sc[0], sc);
        MinutePrices members = new MinutePrices(sc[0], members());
        composite.check(members, start, boutLength, params);
        AmmMetrics.checkLength(metric, boutLength - 1);
        return composite.metricUnchecked(sc[0], start, boutLength, params, metric);
    }

    private void checkMarket(MinutePrices market) {
        Checks.notNull(market, "market");
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] >= market.assets()) throw Checks.invalid("tokens[" + i + "]", tokens[i], "be a market column (< " + market.assets() + ")");
        }
        for (int j = 0; j < subPools.length; j++) {
            int[] a = subPools[j].assets;
            for (int i = 0; i < a.length; i++) {
                if (a[i] >= market.assets()) {
                    throw Checks.invalid("subPools[" + j + "].assets[" + i + "]", a[i], "be a market column (< " + market.assets() + ")");
                }
            }
        }
        market.checkPositive();
        int tm = memberSteps(market.steps());
        if (tm < 2) throw Checks.invalid("market.steps()", market.steps(), "give the sub-pools 2 minutes or more of member history");
    }

    /** Fills {@code out} (tm x members) with the member prices; sc[1], sc[2] are the sub-pool columns and values. */
    private void fillMembers(MinutePrices market, int tm, double[] out, double[][] sc) {
        int m = members(), nm = market.assets(), nt = tokens.length;
        double[] p = market.values();
        for (int t = 0; t < tm; t++) for (int i = 0; i < nt; i++) out[t * m + i] = p[t * nm + tokens[i]];
        PoolScratch ps = PoolScratch.get();
        for (int j = 0; j < subPools.length; j++) {
            SubPool sp = subPools[j];
            int nj = sp.pool().assets();
            if (sc[1].length < market.steps() * nj) sc[1] = new double[market.steps() * nj];
            if (sc[2].length < tm) sc[2] = new double[tm];
            double[] cols = sc[1], v = sc[2];
            for (int t = 0; t < market.steps(); t++) for (int i = 0; i < nj; i++) cols[t * nj + i] = p[t * nm + sp.assets[i]];
            // the sub-pool's checks hold by construction: finite params, start 0, tm + 1 <= steps + 1, tm from memberSteps
            sp.pool().simulate(cols, 0, tm, sp.params(), v, null, null, null, ps);
            double v0 = v[0];
            for (int t = 0; t < tm; t++) out[t * m + nt + j] = v[t] / v0;
        }
    }

    private static MinutePrices columns(MinutePrices market, int[] assets) {
        int nj = assets.length, nm = market.assets(), steps = market.steps();
        double[] c = new double[steps * nj];
        for (int t = 0; t < steps; t++) for (int i = 0; i < nj; i++) c[t * nj + i] = market.values()[t * nm + assets[i]];
        return new MinutePrices(c, nj);
    }
}
