package dev.sxn.math.amm;

import dev.sxn.math.internal.Checks;

/**
 * A temporal-function market maker (TFMM, QuantAMM) or, with {@link WeightRule#FIXED}, a G3M / Balancer weighted
 * pool: quantammsim's forward pass in float64, from minute prices and one rule parameter set to the pool's
 * weights, reserves, value and metrics.
 *
 * <p>The pass over a bout of {@code boutLength} minutes starting at minute {@code start} (a multiple of the chunk
 * period, so coarse samples fall on chunk boundaries) gives {@code rows = boutLength - 1} minute rows:
 * <ol>
 *   <li>Coarse prices {@code c_j = prices[j chunkPeriod]}; lambda = logistic(logitLambda) clipped to [0, lambda of
 *       maxMemoryDays]; k = 2^logK memoryDays (memory from lambda, clipped to maxMemoryDays); the
 *       {@link GradientEstimator} starts at c_0 and warms up on c_1 .. c_s, {@code s = start / chunkPeriod}.
 *   <li>Rows {@code [0, chunkPeriod)} hold the initial weights; the coarse step b (b = 0, 1, ...) reads
 *       {@code c_(s+1+b)}, turns the gradient into dw ({@link WeightRule}), applies the {@link Guardrails} from the
 *       position reached and fills rows {@code [(b+1) chunkPeriod, (b+2) chunkPeriod)} by {@link Interpolation}.
 *   <li>{@link WeightRule#DIFFERENCE_MOMENTUM} runs its two EWMAs ({@link DifferenceMomentum}) where the others run the
 *       estimator: decays {@code logistic(logitLambda)} and {@code logistic(logitLambda + logitDeltaLambda)} through
 *       their memories clipped to maxMemoryDays and back, capped; k = 2^logK times the fast memory.
 *   <li>{@link WeightRule#MIN_VARIANCE} outputs target weights ({@link MinimumVariance}, variance decay as lambda above):
 *       as quantammsim's {@code rule_outputs_are_weights} path there is no block of initial weights; the first weights
 *       are the guardrailed target of coarse step s (the initial weights are not used), and block b (rows
 *       {@code [b chunkPeriod, (b+1) chunkPeriod)}) moves towards {@code blend w_prev + (1 - blend) target_(s+b)},
 *       blend = {@code logistic(logitLambda + logitDeltaLambda)} capped. The target of step s + b uses the coarse
 *       price at the block's end, {@code c_(s+b+1)}: quantammsim aligns target rules one coarse step earlier than
 *       the weight-change rules, so the bout reads one coarse price past its last block and the data must hold it.
 *       A flat price over the whole memory has variance 0 and gives NaN weights, as in quantammsim.
 *   <li>Initial reserves {@code R_0 = w_0 V_0 / p_0} (p the bout's prices, w_0 the first row's weights); then with
 *       no trading costs the {@link ZeroFeeReserves} closed form row by row, else for each row an {@link Arbitrage} after the price move
 *       (at the previous row's weights) and another after the weight change; fee revenue is the fee on the pool's
 *       inbound amounts. In the smoothed training mode ({@link AmmConfig#smoothed}) each arbitrage is
 *       {@link Arbitrage#smoothedArbitrage} instead.
 *   <li>Value {@code V_t = sum_i R_t,i p_t,i}; the metrics of {@link AmmMetric} on it.
 * </ol>
 * O(rows n) with no fees, O(rows n^2) with them; a warm {@link #metric} call allocates nothing (per-thread scratch).
 * Immutable and thread-safe.
 */
public final class TfmmPool {
    private final WeightRule rule;
    private final double[] initialWeights;
    private final AmmConfig config;

    private TfmmPool(WeightRule rule, double[] initialWeights, AmmConfig config) {
        this.rule = rule;
        this.initialWeights = initialWeights;
        this.config = config;
    }

    /**
     * A pool with the given rule, initial weights (positive, summing to 1 within 1e-9) and settings.
     *
     * @throws IllegalArgumentException if fewer than 2 weights, a weight not positive and finite, or the sum off 1
     */
    public static TfmmPool of(WeightRule rule, double[] initialWeights, AmmConfig config) {
        Checks.notNull(rule, "rule");
        Checks.notNull(initialWeights, "initialWeights");
        Checks.notNull(config, "config");
        Checks.minLength(initialWeights, "initialWeights", 2, "two assets or more");
        double s = 0;
        for (int i = 0; i < initialWeights.length; i++) {
            Checks.positive(initialWeights[i], "initialWeights[" + i + "]");
            s += initialWeights[i];
        }
        if (Math.abs(s - 1) > 1e-9) throw Checks.invalid("sum(initialWeights)", s, "be 1 within 1e-9");
        return new TfmmPool(rule, initialWeights.clone(), config);
    }

    /** The rule. */
    public WeightRule rule() {
        return rule;
    }

    /** The settings. */
    public AmmConfig config() {
        return config;
    }

    /** The number of assets n. */
    public int assets() {
        return initialWeights.length;
    }

    double[] initialWeightsView() {
        return initialWeights;
    }

    /** A copy of the initial weights. */
    public double[] initialWeights() {
        return initialWeights.clone();
    }

    /**
     * The whole pass with every row kept: weights, reserves, values and fee revenue.
     *
     * @throws IllegalArgumentException if the prices do not have this pool's assets, a price is not positive and finite,
     *     start is negative or not a multiple of the chunk period, boutLength {@code < 2}, or the bout runs past the data
     */
    public PoolRun run(MinutePrices prices, int start, int boutLength, RuleParams params) {
        check(prices, start, boutLength, params);
        prices.checkPositive();
        int n = assets(), rows = boutLength - 1;
        double[] w = new double[rows * n], r = new double[rows * n], v = new double[rows], fee = new double[rows];
        PoolScratch s = PoolScratch.get();
        simulate(prices.values(), start, rows, params, v, w, r, fee, s);
        return new PoolRun(n, start, w, r, v, fee, s.r0.clone());
    }

    /**
     * One metric of the pass, computed from per-thread scratch (no output proportional to the bout).
     *
     * @throws IllegalArgumentException as {@link #run}, or if the bout is too short for the metric
     */
    public double metric(MinutePrices prices, int start, int boutLength, RuleParams params, AmmMetric metric) {
        Checks.notNull(metric, "metric");
        check(prices, start, boutLength, params);
        AmmMetrics.checkLength(metric, boutLength - 1);
        prices.checkPositive();
        return metricUnchecked(prices.values(), start, boutLength, params, metric);
    }

    double metricUnchecked(double[] prices, int start, int boutLength, RuleParams params, AmmMetric metric) {
        PoolScratch s = PoolScratch.get();
        int rows = boutLength - 1;
        double[] v = s.values(rows);
        double feeTotal = simulate(prices, start, rows, params, v, null, null, null, s);
        int n = assets();
        System.arraycopy(prices, start * n, s.pFirst, 0, n);
        System.arraycopy(prices, (start + rows - 1) * n, s.pLast, 0, n);
        return AmmMetrics.compute(metric, v, rows, n, s.r0, s.pFirst, s.pLast, feeTotal, s);
    }

    void check(MinutePrices prices, int start, int boutLength, RuleParams params) {
        Checks.notNull(prices, "prices");
        Checks.notNull(params, "params");
        if (prices.assets() != assets()) throw Checks.invalid("prices.assets()", prices.assets(), "equal the pool's assets (" + assets() + ")");
        Checks.atLeast(start, "start", 0);
        if (start % config.chunkPeriod() != 0) {
            throw Checks.invalid("start", start, "be a multiple of chunkPeriod (" + config.chunkPeriod() + ")");
        }
        Checks.atLeast(boutLength, "boutLength", 2);
        if ((long) start + boutLength - 1 > prices.steps()) {
            throw Checks.invalid("boutLength", boutLength, "fit the data: start + boutLength - 1 <= " + prices.steps());
        }
        if (rule.outputsWeights()) {
            long last = start + ((long) (boutLength - 2) / config.chunkPeriod() + 1) * config.chunkPeriod();
            if (last >= prices.steps()) {
                throw Checks.invalid("boutLength", boutLength, "leave minute " + last + " in the data (" + rule.key()
                        + " reads the coarse price at the end of the last block; the data has " + prices.steps() + " minutes)");
            }
        }
        // The argument name is built only on failure: a sweep checks every set on every call.
        for (int i = 0; i < RuleParams.SIZE; i++) {
            if (!Double.isFinite(params.get(i))) Checks.finite(params.get(i), "params component " + i);
        }
    }

    /** The estimator's lambda for these parameters under this configuration. */
    public double lambda(RuleParams params) {
        double maxLambda = ParamTransforms.lambdaOf(config.maxMemoryDays(), config.chunkPeriod());
        return Math.min(Math.max(ParamTransforms.logistic(params.logitLambda()), 0.0), maxLambda);
    }

    /** The memory in days behind {@link #lambda}, clipped to maxMemoryDays. */
    public double memoryDays(RuleParams params) {
        return Math.min(Math.max(ParamTransforms.memoryDaysOf(lambda(params), config.chunkPeriod()), 0.0), config.maxMemoryDays());
    }

    /** lambda clipped to [0, the lambda of maxMemoryDays], as quantammsim caps every decay. */
    private double capLambda(double l) {
        return Math.min(Math.max(l, 0.0), ParamTransforms.lambdaOf(config.maxMemoryDays(), config.chunkPeriod()));
    }

    /** A decay's memory in days clipped to [0, maxMemoryDays] (quantammsim's {@code lamb_to_memory_days_clipped}). */
    private double clippedDays(double lambda) {
        return Math.min(Math.max(ParamTransforms.memoryDaysOf(lambda, config.chunkPeriod()), 0.0), config.maxMemoryDays());
    }

    /**
     * The second decay {@code logistic(logitLambda + logitDeltaLambda)} (quantammsim's {@code calc_alt_lamb}): minimum
     * variance's blend (capped) or, through its clipped memory, difference momentum's slow EWMA.
     */
    private static double altLambda(RuleParams p) {
        return ParamTransforms.logistic(p.logitLambda() + p.logitDeltaLambda());
    }

    /**
     * Difference momentum's EWMA decay from a raw decay: memory clipped to [0, maxMemoryDays], back to a decay and
     * capped, as quantammsim's {@code calc_ewma_pair} receives memory days.
     */
    private double ewmaLambda(double rawLambda) {
        return capLambda(ParamTransforms.lambdaOf(clippedDays(rawLambda), config.chunkPeriod()));
    }

    /**
     * Runs the rule's estimator over the warm-up (coarse prices c_0 .. c_s, {@code s = start / chunkPeriod}) and puts
     * the bout's first weights in {@code s.prevActual} and {@code s.wCur}: the initial weights, or for a target-weight
     * rule the guardrailed first target (quantammsim ignores the initial weights there). Leaves the rule's state in
     * the scratch for {@link #simulate}.
     */
    private void startWeights(double[] prices, int start, RuleParams params, PoolScratch s) {
        final int n = assets(), cp = config.chunkPeriod(), startChunk = start / cp;
        final double[] ewma = s.ewma, a = s.a, grad = s.grad, dw = s.dw;
        if (rule.usesGradient()) {
            double lambda = lambda(params);
            for (int i = 0; i < n; i++) {
                ewma[i] = prices[i];
                a[i] = 0.0;
            }
            for (int j = 1; j <= startChunk; j++) GradientEstimator.step(lambda, prices, j * cp * n, n, ewma, a, grad);
        } else if (rule == WeightRule.DIFFERENCE_MOMENTUM) {
            // ewma holds the fast EWMA, a the slow one; a warm-up step's weight change is discarded
            double g1 = 1.0 / (1.0 - ewmaLambda(ParamTransforms.logistic(params.logitLambda())));
            double g2 = 1.0 / (1.0 - ewmaLambda(altLambda(params)));
            System.arraycopy(prices, 0, ewma, 0, n);
            System.arraycopy(prices, 0, a, 0, n);
            for (int j = 1; j <= startChunk; j++) DifferenceMomentum.stepScalar(g1, g2, 1.0, n, prices, j * cp * n, ewma, a, dw);
        } else if (rule == WeightRule.MIN_VARIANCE) {
            // ewma holds the returns' EWMA, a the variance accumulator, grad the variances, dw the target weights;
            // the target of coarse step j is known at c_(j+1): quantammsim applies it from the step's first minute
            double lambda = lambda(params);
            MinimumVariance.startUnchecked(prices, 0, prices, cp * n, n, ewma, a, dw);
            for (int j = 1; j <= startChunk; j++) MinimumVariance.stepUnchecked(lambda, prices, j * cp * n, prices, (j + 1) * cp * n, n, ewma, a, grad, dw);
            Guardrails.blendStep(dw, dw, capLambda(altLambda(params)), n, config.minimumWeight(n), config.maximumChange(), 1, s.target, s.diff);
            System.arraycopy(s.target, 0, s.prevActual, 0, n);
            System.arraycopy(s.target, 0, s.wCur, 0, n);
            return;
        }
        System.arraycopy(initialWeights, 0, s.prevActual, 0, n);
        System.arraycopy(initialWeights, 0, s.wCur, 0, n);
    }

    /** Writes R_0 = w_0 V_0 / p_start to {@code s.r0} (w_0 the bout's first weights, which may depend on params). */
    void initialReserves(double[] prices, int start, RuleParams params, PoolScratch s) {
        s.assets(assets());
        startWeights(prices, start, params, s);
        for (int i = 0; i < assets(); i++) s.r0[i] = s.wCur[i] * config.initialPoolValue() / prices[start * assets() + i];
    }

    /**
     * The pass. Writes values[0 .. rows); weights, reserves and fee revenue per row when those arrays are non-null.
     * Returns the total fee revenue. Leaves R_0 in s.r0.
     */
    double simulate(double[] prices, int start, int rows, RuleParams params, double[] values, double[] weightsOut, double[] reservesOut,
                    double[] feeOut, PoolScratch s) {
        final int n = assets();
        s.assets(n);
        final int cp = config.chunkPeriod();
        final int m = config.weightInterpolationPeriod();
        final double eps = config.minimumWeight(n);
        final double maxChange = config.maximumChange();
        final Interpolation interp = config.interpolation();
        final boolean zeroFees = config.zeroFees();
        final boolean smoothed = config.smoothed();
        final double gamma = 1.0 - config.fees();
        final double lambda = lambda(params);
        final double memDays = memoryDays(params);
        final double k = ParamTransforms.kFromLogK(params.logK(), memDays);
        final double amplitude = ParamTransforms.amplitude(params.logAmplitude(), memDays);
        final double[] ewma = s.ewma, a = s.a, grad = s.grad, dw = s.dw, prev = s.prevActual, bs = s.blockStart, diff = s.diff,
                target = s.target, wPrev = s.wPrev, wCur = s.wCur, logR = s.logR, res = s.res, trade = s.trade, ratio = s.ratio;
        final int startChunk = start / cp;
        final boolean dynamic = rule != WeightRule.FIXED;
        final boolean targets = rule.outputsWeights(), diffMomentum = rule == WeightRule.DIFFERENCE_MOMENTUM;
        // difference momentum: EWMA gains and k on the fast memory (quantammsim's calc_k(params, memory_days_1));
        // minimum variance: the blend of the target with the previous weights
        final double fast = ParamTransforms.logistic(params.logitLambda());
        final double g1 = 1.0 / (1.0 - ewmaLambda(fast)), g2 = 1.0 / (1.0 - ewmaLambda(altLambda(params)));
        final double kDm = ParamTransforms.kFromLogK(params.logK(), clippedDays(fast));
        final double blend = capLambda(altLambda(params));
        startWeights(prices, start, params, s);
        double v0 = config.initialPoolValue();
        int base = start * n;
        for (int i = 0; i < n; i++) {
            double r = wCur[i] * v0 / prices[base + i];
            s.r0[i] = r;
            res[i] = r;
            logR[i] = Math.log(r);
        }
        double feeTotal = 0;
        for (int row = 0; row < rows; row++) {
            System.arraycopy(wCur, 0, wPrev, 0, n);
            if (targets) {
                // target rules have no block of initial weights: block b applies the target of coarse step s + b
                int j = row % cp;
                if (j == 0) {
                    int chunk = startChunk + row / cp;
                    if (row > 0) MinimumVariance.stepUnchecked(lambda, prices, chunk * cp * n, prices, (chunk + 1) * cp * n, n, ewma, a, grad, dw);
                    Guardrails.blendStep(prev, dw, blend, n, eps, maxChange, m, target, diff);
                    for (int i = 0; i < n; i++) {
                        bs[i] = prev[i];
                        prev[i] = prev[i] + diff[i] * m;
                    }
                }
                interp.row(bs, diff, n, j, m, wCur);
            } else if (dynamic && row >= cp) {
                int j = row % cp;
                if (j == 0) {
                    int chunk = startChunk + row / cp;
                    if (diffMomentum) {
                        DifferenceMomentum.stepScalar(g1, g2, kDm, n, prices, chunk * cp * n, ewma, a, dw);
                    } else {
                        GradientEstimator.step(lambda, prices, chunk * cp * n, n, ewma, a, grad);
                        rule.update(grad, n, k, amplitude, params.width(), params.exponent(), params.preExpScaling(), dw);
                    }
                    Guardrails.step(prev, dw, n, eps, maxChange, m, null, null, target, diff);
                    for (int i = 0; i < n; i++) {
                        bs[i] = prev[i];
                        prev[i] = prev[i] + diff[i] * m;
                    }
                }
                interp.row(bs, diff, n, j, m, wCur);
            }
            int pOff = (start + row) * n;
            double value = 0;
            double fee = 0;
            if (zeroFees) {
                if (row > 0) {
                    ZeroFeeReserves.logRatio(wPrev, 0, prices, pOff - n, wCur, 0, prices, pOff, n, ratio);
                    for (int i = 0; i < n; i++) {
                        logR[i] += ratio[i];
                        res[i] = Math.exp(logR[i]);
                    }
                }
            } else if (smoothed) {
                double[] work = s.patterns(n);
                double tp = config.patternTemperature(), tg = config.gateTemperature();
                fee += Arbitrage.smoothedArbitrage(res, wPrev, 0, prices, pOff, n, gamma, config.gasCost(), config.arbFees(), tp, tg, trade, work);
                fee += Arbitrage.smoothedArbitrage(res, wCur, 0, prices, pOff, n, gamma, config.gasCost(), config.arbFees(), tp, tg, trade, work);
            } else {
                fee += Arbitrage.arbitrage(res, wPrev, 0, prices, pOff, n, gamma, config.gasCost(), config.arbFees(), trade);
                fee += Arbitrage.arbitrage(res, wCur, 0, prices, pOff, n, gamma, config.gasCost(), config.arbFees(), trade);
            }
            for (int i = 0; i < n; i++) value += res[i] * prices[pOff + i];
            values[row] = value;
            feeTotal += fee;
            if (weightsOut != null) System.arraycopy(wCur, 0, weightsOut, row * n, n);
            if (reservesOut != null) System.arraycopy(res, 0, reservesOut, row * n, n);
            if (feeOut != null) feeOut[row] = fee;
        }
        return feeTotal;
    }
}
