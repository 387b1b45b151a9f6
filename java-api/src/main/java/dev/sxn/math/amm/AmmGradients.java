package dev.sxn.math.amm;

import dev.sxn.math.autodiff.Duals;
import dev.sxn.math.internal.Checks;

/**
 * Gradients of a metric with respect to the rule parameters by forward-mode automatic differentiation through the
 * whole forward pass of {@link TfmmPool}: every scalar of the pass (lambda, k, the estimator, the rule, the
 * guardrails, the interpolation, the reserves, the value) carries its partial derivatives with respect to the
 * {@link RuleParams} components asked for (all six by default) as a {@link Duals} slot; the metric's derivative with
 * respect to the value path then weights the path's tangents. The primal values are computed with the same
 * expressions in the same order as the plain pass, so the returned metric equals {@link TfmmPool#metric} bit for bit.
 *
 * <p>Pools: the zero-fee pass (log-domain reserves), and pools with trading costs in the smoothed mode
 * ({@link AmmConfig#withSmoothing}): there every arbitrage is the dual twin of {@link Arbitrage#smoothedArbitrage}
 * (each pattern's closed-form trade, its softmax weight and the sigmoid gate carry tangents; a pattern's validity is
 * a hard test on the values). The hard fee pass is refused: its gates are jumps, and quantammsim's maintainers train
 * with smoothed gates for that reason.
 *
 * <p>Derivative conventions (JAX's, so gradients match quantammsim's {@code jax.grad}): a clip passes no derivative
 * where it binds (lambda at the memory cap, weights at the minimum-weight bounds); the residual correction to the
 * largest weight is a stop-gradient; the maximum-change scaling differentiates through the largest increment;
 * {@code |a| < 1e-10 -> 0} passes none; the softmax's shift by the largest profit passes none (softmax does not
 * depend on it). Differentiable metrics: the Sharpe ratios, the return metrics, greatest_draw_down and the final value
 * ({@link #supports}). O(rows n K) zero-fee, O(rows n^2 K) with fees, K the tangents asked for; a warm call allocates
 * nothing (per-thread scratch grows to rows (K + 1)).
 */
public final class AmmGradients {
    private AmmGradients() {}

    /** The number of partial derivatives: one per {@link RuleParams} component. */
    public static final int P = RuleParams.SIZE;

    /** The components the gradient rules read; the seventh (logitDeltaLambda) only difference momentum, which has no gradients here. */
    private static final int[] ALL = {0, 1, 2, 3, 4, 5};

    private static final ThreadLocal<Pass> SCRATCH = ThreadLocal.withInitial(Pass::new);

    /** True when {@link #valueAndGradient} can differentiate the metric. */
    public static boolean supports(AmmMetric m) {
        return switch (m) {
            case SHARPE, DAILY_SHARPE, DAILY_LOG_SHARPE, RETURNS, ANNUALISED_RETURNS, RETURNS_OVER_HODL, ANNUALISED_RETURNS_OVER_HODL,
                 RETURNS_OVER_UNIFORM_HODL, ANNUALISED_RETURNS_OVER_UNIFORM_HODL, GREATEST_DRAW_DOWN, FINAL_VALUE -> true;
            default -> false;
        };
    }

    /** True when the pool's pass is differentiable here: no trading costs, or the smoothed mode. */
    public static boolean differentiable(AmmConfig config) {
        Checks.notNull(config, "config");
        return config.zeroFees() || config.smoothed();
    }

    /**
     * The metric of the pass and its gradient with respect to the six parameter components (written to
     * {@code gradient[0 .. 6)}, in {@link RuleParams#get} order).
     *
     * @throws IllegalArgumentException as {@link TfmmPool#metric}, if the pool has trading costs outside the smoothed
     *     mode, the metric is not one {@link #supports}, or gradient is shorter than 6
     */
    public static double valueAndGradient(TfmmPool pool, MinutePrices prices, int start, int boutLength, RuleParams params, AmmMetric metric,
                                          double[] gradient) {
        return valueAndGradient(pool, prices, start, boutLength, params, metric, ALL, gradient);
    }

    /**
     * The metric of the pass and its partial derivatives with respect to the listed {@link RuleParams} components only
     * ({@code gradient[j]} is the derivative with respect to component {@code components[j]}): the dual pass carries
     * one tangent per listed component, so its cost grows with the list.
     *
     * @throws IllegalArgumentException as {@link #valueAndGradient(TfmmPool, MinutePrices, int, int, RuleParams,
     *     AmmMetric, double[])}, if components is empty, has an entry outside [0, 7) or a repeated one (component 6 is read by no rule differentiated here: its derivative is 0), or gradient is
     *     shorter than components
     */
    public static double valueAndGradient(TfmmPool pool, MinutePrices prices, int start, int boutLength, RuleParams params, AmmMetric metric,
                                          int[] components, double[] gradient) {
        Checks.notNull(pool, "pool");
        Checks.notNull(metric, "metric");
        Checks.notNull(components, "components");
        Checks.notNull(gradient, "gradient");
        pool.check(prices, start, boutLength, params);
        if (!differentiable(pool.config())) {
            throw Checks.invalid("pool.config()", "fees/gas/arbFees set, hard gates", "have no trading costs or be smoothed (withSmoothing) for gradients");
        }
        if (!supports(metric)) throw Checks.invalid("metric", metric.key(), "be differentiable (a Sharpe ratio, a return metric, greatest_draw_down or final_value)");
        AmmMetrics.checkLength(metric, boutLength - 1);
        Checks.inRange(components.length, "components.length", 1, P, "at most one per RuleParams component");
        int seen = 0;
        // the argument name is built only on failure: a training loop checks on every call
        for (int j = 0; j < components.length; j++) {
            int c = components[j];
            if (c < 0 || c >= P) throw Checks.invalid("components[" + j + "]", c, "be in [0, " + (P - 1) + "] (a RuleParams component)");
            if ((seen & (1 << c)) != 0) throw Checks.invalid("components[" + j + "]", c, "not repeat an earlier entry");
            seen |= 1 << c;
        }
        Checks.minLength(gradient, "gradient", components.length, "one per component asked for");
        prices.checkPositive();
        return unchecked(pool, prices.values(), start, boutLength, params, metric, components, gradient);
    }

    /** As {@link #valueAndGradient} with the arguments already checked. */
    static double unchecked(TfmmPool pool, double[] prices, int start, int boutLength, RuleParams params, AmmMetric metric, int[] components,
                            double[] gradient) {
        if (!pool.rule().usesGradient() && pool.rule() != WeightRule.FIXED) {
            throw Checks.invalid("pool.rule()", pool.rule().key(), "be a gradient rule or fixed for gradients");
        }
        int n = pool.assets(), rows = boutLength - 1;
        Pass pass = SCRATCH.get();
        pass.tangents(components);
        int w = pass.W;
        if (pass.path.length < rows * w) pass.path = new double[rows * w];
        int slots = Pass.slots(n);
        if (pass.x.length < slots * w) pass.x = new double[slots * w];
        double[] path = pass.path;
        pass.dualPass(pool, prices, start, rows, params, path, pass.x);
        PoolScratch ps = PoolScratch.get();
        ps.assets(n);
        double[] v = ps.values(rows);
        for (int t = 0; t < rows; t++) v[t] = path[t * w];
        double[] w0 = pool.initialWeightsView();
        for (int i = 0; i < n; i++) {
            ps.r0[i] = w0[i] * pool.config().initialPoolValue() / prices[start * n + i];
            ps.pFirst[i] = prices[start * n + i];
            ps.pLast[i] = prices[(start + rows - 1) * n + i];
        }
        double value = AmmMetrics.compute(metric, v, rows, n, ps.r0, ps.pFirst, ps.pLast, 0.0, ps);
        for (int k = 0; k < components.length; k++) gradient[k] = 0.0;
        pass.pathAdjoint(metric, v, rows, n, ps, path, gradient);
        return value;
    }

    /** The dual pass's per-thread state: the tangent width, the slot array and the value path with its tangents. */
    private static final class Pass {
        /** The slot width 1 + (tangents asked for). */
        int W;
        /** Per RuleParams component, its tangent index or -1 (not asked for: a constant). */
        final int[] tangentOf = new int[P];
        double[] x = new double[0], path = new double[0];

        /** Sets the width and the component-to-tangent map for the listed components. */
        void tangents(int[] components) {
            java.util.Arrays.fill(tangentOf, -1);
            for (int j = 0; j < components.length; j++) tangentOf[components[j]] = j;
            W = components.length + 1;
        }

        /** Sets slot o to {@code value} with the derivative {@code d} on the tangent of component c (none when not asked for). */
        private void seed(double[] x, int o, double value, int c, double d) {
            Duals.constant(x, o, value, W);
            if (tangentOf[c] >= 0) x[o + 1 + tangentOf[c]] = d;
        }

        /** The slots of the state array for n assets: named scalars, the per-asset blocks and the arbitrage patterns. */
        static int slots(int n) {
            return FIXED_SLOTS + BLOCKS * n + 3 * n * (n - 1);
        }

        /** Accumulates sum_t (dm/dv_t) dv_t/dtheta into g. */
        private void pathAdjoint(AmmMetric m, double[] v, int len, int n, PoolScratch ps, double[] path, double[] g) {
            double v0 = v[0], vEnd = v[len - 1];
            switch (m) {
                case FINAL_VALUE -> add(path, len - 1, 1.0, g);
                case RETURNS -> ratio(path, len - 1, 0, vEnd, v0, 1.0, g);
                case ANNUALISED_RETURNS -> {
                    double e = AmmMetrics.MINUTES_PER_YEAR / (len - 1);
                    ratio(path, len - 1, 0, vEnd, v0, e * Math.pow(vEnd / v0, e - 1), g);
                }
                case RETURNS_OVER_HODL, ANNUALISED_RETURNS_OVER_HODL, RETURNS_OVER_UNIFORM_HODL, ANNUALISED_RETURNS_OVER_UNIFORM_HODL -> {
                    double h = 0;
                    if (m == AmmMetric.RETURNS_OVER_HODL || m == AmmMetric.ANNUALISED_RETURNS_OVER_HODL) {
                        for (int i = 0; i < n; i++) h += ps.r0[i] * ps.pLast[i];
                    } else {
                        double val0 = 0;
                        for (int i = 0; i < n; i++) val0 += ps.r0[i] * ps.pFirst[i];
                        for (int i = 0; i < n; i++) h += val0 / (n * ps.pFirst[i]) * ps.pLast[i];
                    }
                    double d = 1.0 / h;
                    if (m == AmmMetric.ANNUALISED_RETURNS_OVER_HODL || m == AmmMetric.ANNUALISED_RETURNS_OVER_UNIFORM_HODL) {
                        double e = AmmMetrics.MINUTES_PER_YEAR / (len - 1);
                        d *= e * Math.pow(vEnd / h, e - 1);
                    }
                    add(path, len - 1, d, g);
                }
                case GREATEST_DRAW_DOWN -> {
                    int arg = 0;
                    double min = Double.POSITIVE_INFINITY;
                    for (int t = 0; t < len; t++) {
                        if (v[t] - v0 < min) {
                            min = v[t] - v0;
                            arg = t;
                        }
                    }
                    add(path, arg, 1.0 / v0, g);
                    add(path, 0, -v[arg] / (v0 * v0), g);
                }
                case SHARPE -> sharpeAdjoint(v, len, 1, Math.sqrt(AmmMetrics.MINUTES_PER_YEAR), false, path, g);
                case DAILY_SHARPE -> sharpeAdjoint(v, len, AmmMetrics.DAY, Math.sqrt(365.0), false, path, g);
                case DAILY_LOG_SHARPE -> sharpeAdjoint(v, len, AmmMetrics.DAY, Math.sqrt(365.0), true, path, g);
                default -> throw new IllegalStateException(m.key());
            }
        }

        private void add(double[] path, int t, double c, double[] g) {
            for (int k = 0; k < W - 1; k++) g[k] += c * path[t * W + 1 + k];
        }

        /** d(a/b - 1) scaled by s, a = v[ta], b = v[tb]. */
        private void ratio(double[] path, int ta, int tb, double a, double b, double s, double[] g) {
            add(path, ta, s / b, g);
            add(path, tb, -s * a / (b * b), g);
        }

        private void sharpeAdjoint(double[] v, int len, int stride, double scale, boolean log, double[] path, double[] g) {
            int k = (len - 1) / stride;
            double mean = AmmMetrics.retMean(v, len, stride, log);
            double std = AmmMetrics.retStd(v, len, stride, log, mean);
            double den = log ? std + 1e-8 : std;
            for (int j = 0; j < k; j++) {
                int a = j * stride, b = (j + 1) * stride;
                double x = AmmMetrics.ret(v, a, b, log);
                // m = scale mean / den: dm/dx_j = scale (1/(k den) - mean (x_j - mean) / (k std den^2))
                double dx = scale * (1.0 / (k * den) - mean * (x - mean) / (k * std * den * den));
                double db = log ? 1.0 / (v[b] + 1e-12) : 1.0 / v[a];
                double da = log ? -1.0 / (v[a] + 1e-12) : -v[b] / (v[a] * v[a]);
                add(path, b, dx * db, g);
                add(path, a, dx * da, g);
            }
        }

        // slot layout of the per-call state array: named scalars, then per-asset blocks
        private static final int LAMBDA = 0, GINF = 1, SATB = 2, K = 3, AMP = 4, WIDTH = 5, EXPO = 6, PRE = 7, T0 = 8, T1 = 9, T2 = 10,
                T3 = 11, T4 = 12, T5 = 13, SUM = 14, OTHERS = 15, SCALE = 16, PT = 17, WT = 18, MEM = 19, OM = 20;
        // the smoothed arbitrage's named slots
        private static final int VA = 21, VB = 22, SW = 23, PERA = 24, PERB = 25, QA = 26, QB = 27, CC = 28, PROFIT = 29, GROSS = 30, GATE = 31,
                Z = 32, U0 = 33, U1 = 34;
        private static final int FIXED_SLOTS = 40;
        private static final int EWMA = 0, A = 1, G = 2, DW = 3, PREV = 4, BS = 5, DIFF = 6, TARGET = 7, WPREV = 8, WCUR = 9, LOGR = 10,
                RATIO = 11, RES = 12, TRADE = 13;
        private static final int BLOCKS = 14;

        private int s(int slot) {
            return slot * W;
        }

        private int a(int block, int i, int n) {
            return (FIXED_SLOTS + block * n + i) * W;
        }

        /** The dual pass: the value and its tangents per row into path[t W ..]. */
        private void dualPass(TfmmPool pool, double[] prices, int start, int rows, RuleParams params, double[] path, double[] x) {
            final int n = pool.assets();
            AmmConfig config = pool.config();
            final int cp = config.chunkPeriod(), m = config.weightInterpolationPeriod();
            final double eps = config.minimumWeight(n), maxChange = config.maximumChange();
            final Interpolation interp = config.interpolation();
            final boolean fees = !config.zeroFees();
            final double gamma = 1.0 - config.fees(), gas = config.gasCost(), arbFees = config.arbFees();
            final double tauP = config.patternTemperature(), tauG = config.gateTemperature();
            WeightRule rule = pool.rule();
            java.util.Arrays.fill(x, 0, slots(n) * W, 0.0);
            // lambda = clip(logistic(x0), 0, maxLambda)
            double maxLambda = ParamTransforms.lambdaOf(config.maxMemoryDays(), cp);
            double l = ParamTransforms.logistic(params.logitLambda());
            if (l > maxLambda) Duals.constant(x, s(LAMBDA), maxLambda, W);
            else seed(x, s(LAMBDA), l, 0, l * (1 - l));
            double lam = x[s(LAMBDA)];
            // memory = clip(cbrt(6 lambda / om^3) 2 cp / 1440, 0, maxMemoryDays)
            double om = 1 - lam;
            double u = 6 * lam / (om * om * om);
            double cb = Math.cbrt(u);
            double mem = cb * 2 * cp / 1440.0;
            if (mem > config.maxMemoryDays()) Duals.constant(x, s(MEM), config.maxMemoryDays(), W);
            else {
                double du = 6 * (1 + 2 * lam) / (om * om * om * om);
                double dmem = du / (3 * cb * cb) * 2 * cp / 1440.0;
                Duals.scale(x, s(LAMBDA), dmem, x, s(MEM), W);
                x[s(MEM)] = Math.max(mem, 0.0);
            }
            // k = 2^x1 mem, amplitude = 2^x4 mem
            double twoK = Math.pow(2.0, params.logK()), twoAmp = Math.pow(2.0, params.logAmplitude());
            seed(x, s(T0), twoK, 1, Math.log(2.0) * twoK);
            Duals.mul(x, s(T0), x, s(MEM), x, s(K), W);
            seed(x, s(T0), twoAmp, 4, Math.log(2.0) * twoAmp);
            Duals.mul(x, s(T0), x, s(MEM), x, s(AMP), W);
            seed(x, s(EXPO), params.exponent(), 2, 1.0);
            seed(x, s(WIDTH), params.width(), 3, 1.0);
            seed(x, s(PRE), params.preExpScaling(), 5, 1.0);
            // G = 1/(1 - lambda), b = lambda / om^3
            Duals.constant(x, s(T0), 1.0, W);
            Duals.sub(x, s(T0), x, s(LAMBDA), x, s(OM), W);
            Duals.div(x, s(T0), x, s(OM), x, s(GINF), W);
            Duals.mul(x, s(OM), x, s(OM), x, s(T1), W);
            Duals.mul(x, s(T1), x, s(OM), x, s(T1), W);
            Duals.div(x, s(LAMBDA), x, s(T1), x, s(SATB), W);
            boolean dynamic = rule != WeightRule.FIXED;
            int startChunk = start / cp;
            if (dynamic) {
                for (int i = 0; i < n; i++) Duals.constant(x, a(EWMA, i, n), prices[i], W);
                for (int j = 1; j <= startChunk; j++) estimatorStep(x, prices, j * cp * n, n);
            }
            double[] w0 = pool.initialWeightsView();
            double v0 = config.initialPoolValue();
            for (int i = 0; i < n; i++) {
                Duals.constant(x, a(PREV, i, n), w0[i], W);
                Duals.constant(x, a(WCUR, i, n), w0[i], W);
                double r = w0[i] * v0 / prices[start * n + i];
                Duals.constant(x, a(RES, i, n), r, W);
                Duals.constant(x, a(LOGR, i, n), Math.log(r), W);
            }
            for (int row = 0; row < rows; row++) {
                for (int i = 0; i < n; i++) Duals.copy(x, a(WCUR, i, n), x, a(WPREV, i, n), W);
                if (dynamic && row >= cp) {
                    int j = row % cp;
                    if (j == 0) {
                        estimatorStep(x, prices, (startChunk + row / cp) * cp * n, n);
                        ruleUpdate(rule, x, n);
                        guardrails(x, n, eps, maxChange, m);
                    }
                    interpolate(interp, x, n, j, m);
                }
                int pOff = (start + row) * n;
                if (fees) {
                    arbitrage(x, WPREV, prices, pOff, n, gamma, gas, arbFees, tauP, tauG);
                    arbitrage(x, WCUR, prices, pOff, n, gamma, gas, arbFees, tauP, tauG);
                } else if (row > 0) {
                    zeroFeeRow(x, prices, pOff, n);
                }
                int o = row * W;
                for (int k = 0; k < W; k++) path[o + k] = 0.0;
                for (int q = 0; q < n; q++) {
                    double p = prices[pOff + q];
                    for (int k = 0; k < W; k++) path[o + k] += x[a(RES, q, n) + k] * p;
                }
            }
        }

        /**
         * One zero-fee reserve step, the hot loop of the pass, fused by hand (the Duals calls it stands for cost a pass
         * over the tangents each): the values are ZeroFeeReserves.logRatio's, then {@code ln R += ratio},
         * {@code R = exp(ln R)}, in the plain pass's order; the tangents in one sweep per asset: with
         * {@code r = w'/w} (new over previous weight), {@code d ln r = (dw' - r dw) / (w r)},
         * {@code d ratio_q = d ln r_q + sum_j (dw_j lp_j - dw'_j ln r_j - w'_j d ln r_j)}, {@code dR = R d ln R}.
         */
        private void zeroFeeRow(double[] x, double[] prices, int pOff, int n) {
            final int w = W, pt = s(PT), wt = s(WT);
            for (int k = 1; k < w; k++) {
                x[pt + k] = 0.0;
                x[wt + k] = 0.0;
            }
            double priceTerm = 0, weightTerm = 0;
            for (int q = 0; q < n; q++) {
                int wc = a(WCUR, q, n), wp = a(WPREV, q, n), ra = a(RATIO, q, n);
                double lp = Math.log(prices[pOff + q] / prices[pOff - n + q]);
                double wcv = x[wc], wpv = x[wp];
                double r = wcv / wpv;
                double lw = Math.log(r);
                priceTerm += wpv * lp;
                weightTerm += wcv * lw;
                x[ra] = lw - lp;
                double inv = 1.0 / (wpv * r);
                for (int k = 1; k < w; k++) {
                    double dwc = x[wc + k], dwp = x[wp + k];
                    double dlw = (dwc - r * dwp) * inv;
                    x[ra + k] = dlw;
                    x[pt + k] += dwp * lp;
                    x[wt + k] += dwc * lw + wcv * dlw;
                }
            }
            double common = priceTerm - weightTerm;
            for (int q = 0; q < n; q++) {
                int ra = a(RATIO, q, n), lr = a(LOGR, q, n), rs = a(RES, q, n);
                double ratio = x[ra] + common;
                double logR = x[lr] + ratio;
                double res = Math.exp(logR);
                x[lr] = logR;
                x[rs] = res;
                for (int k = 1; k < w; k++) {
                    double d = x[lr + k] + (x[ra + k] + (x[pt + k] - x[wt + k]));
                    x[lr + k] = d;
                    x[rs + k] = res * d;
                }
            }
        }

        private void estimatorStep(double[] x, double[] prices, int pOff, int n) {
            for (int i = 0; i < n; i++) {
                double p = prices[pOff + i];
                int e = a(EWMA, i, n), ai = a(A, i, n);
                // e' = e + (p - e)/G
                Duals.scale(x, e, -1.0, x, s(T0), W);
                Duals.addConstant(x, s(T0), p, x, s(T0), W);
                Duals.div(x, s(T0), x, s(GINF), x, s(T0), W);
                Duals.add(x, e, x, s(T0), x, e, W);
                // a' = lambda a + G (p - e')
                Duals.mul(x, s(LAMBDA), x, ai, x, s(T1), W);
                Duals.scale(x, e, -1.0, x, s(T0), W);
                Duals.addConstant(x, s(T0), p, x, s(T0), W);
                Duals.mul(x, s(GINF), x, s(T0), x, s(T0), W);
                Duals.add(x, s(T1), x, s(T0), x, ai, W);
                if (Math.abs(x[ai]) < GradientEstimator.A_FLOOR) Duals.constant(x, ai, 0.0, W);
                // g = a' / (b e')
                Duals.mul(x, s(SATB), x, e, x, s(T0), W);
                Duals.div(x, ai, x, s(T0), x, a(G, i, n), W);
            }
        }

        /** sign(g) |g / (2 c)|^q into slot out. */
        private void powerTrend(double[] x, int gSlot, int out) {
            double sg = Math.signum(x[gSlot]);
            Duals.scale(x, s(PRE), 2.0, x, s(T4), W);
            Duals.div(x, gSlot, x, s(T4), x, s(T4), W);
            Duals.abs(x, s(T4), x, s(T4), W);
            Duals.pow(x, s(T4), x, s(EXPO), x, s(T4), W);
            Duals.scale(x, s(T4), sg, x, out, W);
        }

        private void ruleUpdate(WeightRule rule, double[] x, int n) {
            switch (rule) {
                case MOMENTUM, ANTI_MOMENTUM -> {
                    for (int i = 0; i < n; i++) Duals.copy(x, a(G, i, n), x, a(DW, i, n), W);
                }
                case POWER_CHANNEL -> {
                    for (int i = 0; i < n; i++) powerTrend(x, a(G, i, n), a(DW, i, n));
                }
                case MEAN_REVERSION_CHANNEL -> {
                    for (int i = 0; i < n; i++) {
                        int g = a(G, i, n);
                        // env = exp(-(g g) / (2 w w))
                        Duals.mul(x, g, x, g, x, s(T0), W);
                        Duals.neg(x, s(T0), x, s(T0), W);
                        Duals.scale(x, s(WIDTH), 2.0, x, s(T1), W);
                        Duals.mul(x, s(T1), x, s(WIDTH), x, s(T1), W);
                        Duals.div(x, s(T0), x, s(T1), x, s(T0), W);
                        Duals.exp(x, s(T0), x, s(T0), W); // env
                        // xx = PI g / (3 w)
                        Duals.scale(x, g, Math.PI, x, s(T1), W);
                        Duals.scale(x, s(WIDTH), 3.0, x, s(T2), W);
                        Duals.div(x, s(T1), x, s(T2), x, s(T1), W); // xx
                        // channel = -A env (xx - xx^3/6) / 0.5415
                        Duals.mul(x, s(T1), x, s(T1), x, s(T2), W);
                        Duals.mul(x, s(T2), x, s(T1), x, s(T2), W);
                        Duals.scale(x, s(T2), 1.0 / 6, x, s(T3), W);
                        // (x^3)/6 as a division, the plain pass's operation
                        x[s(T3)] = x[s(T2)] / 6;
                        Duals.sub(x, s(T1), x, s(T3), x, s(T2), W);
                        Duals.neg(x, s(AMP), x, s(T3), W);
                        Duals.mul(x, s(T3), x, s(T0), x, s(T3), W);
                        Duals.mul(x, s(T3), x, s(T2), x, s(T3), W);
                        Duals.scale(x, s(T3), 1.0 / WeightRule.CHANNEL_INVERSE_SCALING, x, s(T3), W);
                        x[s(T3)] = (-x[s(AMP)] * x[s(T0)] * x[s(T2)]) / WeightRule.CHANNEL_INVERSE_SCALING;
                        // trend = (1 - env) sign |g/(2c)|^q
                        powerTrend(x, g, s(T5));
                        Duals.scale(x, s(T0), -1.0, x, s(T1), W);
                        Duals.addConstant(x, s(T1), 1.0, x, s(T1), W);
                        x[s(T1)] = 1 - x[s(T0)];
                        double sg = Math.signum(x[g]);
                        // (1 - env) * sign * pow: regroup the value as the plain pass does
                        Duals.scale(x, s(T5), sg, x, s(T5), W); // |..|^q back (sg^2 = 1 where nonzero)
                        Duals.mul(x, s(T1), x, s(T5), x, s(T4), W);
                        Duals.scale(x, s(T4), sg, x, s(T4), W);
                        x[s(T4)] = (x[s(T1)] * sg) * Math.pow(Math.abs(x[g] / (2.0 * x[s(PRE)])), x[s(EXPO)]);
                        Duals.add(x, s(T3), x, s(T4), x, a(DW, i, n), W);
                    }
                }
                case FIXED -> throw new IllegalStateException("FIXED has no update");
            }
            // zero sum with k (or -k): dw_i = k (s_i - sum(k s)/(n k))
            if (rule == WeightRule.ANTI_MOMENTUM) Duals.neg(x, s(K), x, s(T0), W);
            else Duals.copy(x, s(K), x, s(T0), W);
            Duals.constant(x, s(T1), 0.0, W);
            for (int i = 0; i < n; i++) {
                Duals.mul(x, s(T0), x, a(DW, i, n), x, s(T2), W);
                Duals.add(x, s(T1), x, s(T2), x, s(T1), W);
            }
            Duals.scale(x, s(T0), n, x, s(T2), W);
            Duals.div(x, s(T1), x, s(T2), x, s(T1), W);
            Duals.neg(x, s(T1), x, s(T1), W);
            for (int i = 0; i < n; i++) {
                if (x[s(T0)] == 0.0) Duals.constant(x, a(DW, i, n), 0.0, W);
                else {
                    Duals.add(x, a(DW, i, n), x, s(T1), x, s(T2), W);
                    Duals.mul(x, s(T0), x, s(T2), x, a(DW, i, n), W);
                }
            }
        }

        private void guardrails(double[] x, int n, double eps, double maxChange, int m) {
            Duals.constant(x, s(SUM), 0.0, W);
            for (int i = 0; i < n; i++) {
                Duals.add(x, a(PREV, i, n), x, a(DW, i, n), x, a(TARGET, i, n), W);
                Duals.add(x, s(SUM), x, a(TARGET, i, n), x, s(SUM), W);
            }
            for (int i = 0; i < n; i++) Duals.div(x, a(TARGET, i, n), x, s(SUM), x, a(TARGET, i, n), W);
            double max = 1.0 - (n - 1) * eps;
            int below = 0;
            Duals.constant(x, s(OTHERS), 0.0, W);
            for (int i = 0; i < n; i++) {
                int t = a(TARGET, i, n);
                double v = x[t];
                if (v < eps) below++;
                // the RATIO block is free until the reserves step of this row: it marks the below-eps weights
                x[a(RATIO, i, n)] = v < eps ? 1.0 : 0.0;
                if (v < eps || v > max) Duals.constant(x, t, Math.min(Math.max(v, eps), max), W);
                if (!(v < eps)) Duals.add(x, s(OTHERS), x, t, x, s(OTHERS), W);
            }
            double remaining = 1 - below * eps;
            double total = 0, best = Double.NEGATIVE_INFINITY;
            int arg = 0;
            for (int i = 0; i < n; i++) {
                int t = a(TARGET, i, n);
                boolean low = x[a(RATIO, i, n)] == 1.0;
                if (!low) {
                    Duals.scale(x, t, remaining, x, t, W);
                    Duals.div(x, t, x, s(OTHERS), x, t, W);
                }
                total += x[t];
                if (x[t] > best) {
                    best = x[t];
                    arg = i;
                }
            }
            int ta = a(TARGET, arg, n);
            x[ta] = x[ta] - total + 1.0; // stop-gradient correction: value only
            double maxAbs = 0;
            int argAbs = 0;
            for (int i = 0; i < n; i++) {
                Duals.sub(x, a(TARGET, i, n), x, a(PREV, i, n), x, a(DIFF, i, n), W);
                Duals.scale(x, a(DIFF, i, n), 1.0 / m, x, a(DIFF, i, n), W);
                double d = Math.abs(x[a(DIFF, i, n)]);
                if (d > maxAbs) {
                    maxAbs = d;
                    argAbs = i;
                }
            }
            if (maxAbs > maxChange) {
                // scale = maxChange / (|d_arg| + 1e-10)
                Duals.abs(x, a(DIFF, argAbs, n), x, s(T0), W);
                Duals.addConstant(x, s(T0), 1e-10, x, s(T0), W);
                Duals.constant(x, s(T1), maxChange, W);
                Duals.div(x, s(T1), x, s(T0), x, s(SCALE), W);
                for (int i = 0; i < n; i++) Duals.mul(x, a(DIFF, i, n), x, s(SCALE), x, a(DIFF, i, n), W);
            }
            for (int i = 0; i < n; i++) {
                Duals.copy(x, a(PREV, i, n), x, a(BS, i, n), W);
                Duals.mulAddConstant(x, a(DIFF, i, n), m, x, a(PREV, i, n), x, a(PREV, i, n), W);
            }
        }

        private void interpolate(Interpolation interp, double[] x, int n, int j, int m) {
            if (j >= m || interp == Interpolation.LINEAR) {
                int c = Math.min(j, m);
                for (int i = 0; i < n; i++) Duals.mulAddConstant(x, a(DIFF, i, n), c, x, a(BS, i, n), x, a(WCUR, i, n), W);
                return;
            }
            double e = (double) j / (m + 1);
            Duals.constant(x, s(SUM), 0.0, W);
            for (int i = 0; i < n; i++) {
                Duals.mulAddConstant(x, a(DIFF, i, n), j, x, a(BS, i, n), x, s(T0), W); // lin
                Duals.mulAddConstant(x, a(DIFF, i, n), m, x, a(BS, i, n), x, s(T1), W); // end
                Duals.div(x, s(T1), x, a(BS, i, n), x, s(T1), W);
                Duals.powConstant(x, s(T1), e, x, s(T1), W);
                Duals.mul(x, a(BS, i, n), x, s(T1), x, s(T1), W);
                Duals.add(x, s(T0), x, s(T1), x, a(WCUR, i, n), W);
                Duals.add(x, s(SUM), x, a(WCUR, i, n), x, s(SUM), W);
            }
            for (int i = 0; i < n; i++) Duals.div(x, a(WCUR, i, n), x, s(SUM), x, a(WCUR, i, n), W);
        }
    
        /** Slot of pattern q's value k (0: t_a, 1: t_b, 2: profit, then its softmax weight). */
        private int pat(int q, int k, int n) {
            return (FIXED_SLOTS + BLOCKS * n + 3 * q + k) * W;
        }

        /**
         * The dual twin of {@link Arbitrage#smoothedArbitrage} on the RES block at the weights of block wb: the same
         * expressions in the same order, so the reserves' values are the plain smoothed pass's bits.
         */
        private void arbitrage(double[] x, int wb, double[] prices, int pOff, int n, double gamma, double gas, double arbFees, double tauP,
                               double tauG) {
            for (int i = 0; i < n; i++) Duals.constant(x, a(TRADE, i, n), 0.0, W);
            if (gamma != 1.0) smoothedTrade(x, wb, prices, pOff, n, gamma, tauP);
            else zeroFeeTrade(x, wb, prices, pOff, n);
            Duals.constant(x, s(PROFIT), 0.0, W);
            Duals.constant(x, s(GROSS), 0.0, W);
            for (int i = 0; i < n; i++) {
                double p = prices[pOff + i];
                int t = a(TRADE, i, n);
                Duals.scale(x, t, p, x, s(U0), W);
                Duals.sub(x, s(PROFIT), x, s(U0), x, s(PROFIT), W);
                Duals.abs(x, t, x, s(U0), W);
                Duals.scale(x, s(U0), p, x, s(U0), W);
                Duals.add(x, s(GROSS), x, s(U0), x, s(GROSS), W);
            }
            Duals.addConstant(x, s(PROFIT), -gas, x, s(PROFIT), W);
            // margin = profit - (0.5 arbFees) gross; g = 1 / (1 + exp(-margin / tauG))
            Duals.scale(x, s(GROSS), 0.5 * arbFees, x, s(U0), W);
            Duals.sub(x, s(PROFIT), x, s(U0), x, s(U0), W);
            // -(margin / tauG) is the plain pass's -margin / tauG to the bit (negation is exact)
            Duals.divConstant(x, s(U0), tauG, x, s(U0), W);
            Duals.sigmoid(x, s(U0), x, s(GATE), W);
            for (int i = 0; i < n; i++) {
                Duals.mul(x, s(GATE), x, a(TRADE, i, n), x, s(U0), W);
                Duals.add(x, a(RES, i, n), x, s(U0), x, a(RES, i, n), W);
            }
        }

        /** The zero-fee trade of {@link Arbitrage#zeroFeeTrade} (gamma 1 with gas or arbitrage fees) into the TRADE block. */
        private void zeroFeeTrade(double[] x, int wb, double[] prices, int pOff, int n) {
            Duals.constant(x, s(U0), 0.0, W);
            for (int i = 0; i < n; i++) {
                Duals.scale(x, a(RES, i, n), prices[pOff + i], x, s(U1), W);
                Duals.add(x, s(U0), x, s(U1), x, s(U0), W);
            }
            Duals.constant(x, s(SW), 0.0, W);
            for (int i = 0; i < n; i++) {
                // lq = ln(p / (value w / r))
                int t = a(TRADE, i, n);
                Duals.mul(x, s(U0), x, a(wb, i, n), x, s(U1), W);
                Duals.div(x, s(U1), x, a(RES, i, n), x, s(U1), W);
                Duals.constantOver(prices[pOff + i], x, s(U1), x, t, W);
                Duals.log(x, t, x, t, W);
                Duals.mul(x, a(wb, i, n), x, t, x, s(U1), W);
                Duals.add(x, s(SW), x, s(U1), x, s(SW), W);
            }
            for (int i = 0; i < n; i++) {
                // t = r exp(s - lq) - r
                int t = a(TRADE, i, n);
                Duals.sub(x, s(SW), x, t, x, s(U1), W);
                Duals.exp(x, s(U1), x, s(U1), W);
                Duals.mul(x, a(RES, i, n), x, s(U1), x, s(U1), W);
                Duals.sub(x, s(U1), x, a(RES, i, n), x, t, W);
            }
        }

        /** The softmax blend of the patterns' closed-form trades into the TRADE block (see Arbitrage.smoothedTrade). */
        private void smoothedTrade(double[] x, int wb, double[] prices, int pOff, int n, double gamma, double tauP) {
            double max = Double.NEGATIVE_INFINITY;
            int q = 0;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    if (a == b) continue;
                    double pa = prices[pOff + a], pb = prices[pOff + b];
                    int wa = a(wb, a, n), wbb = a(wb, b, n), ra = a(RES, a, n), rb = a(RES, b, n);
                    int ta = pat(q, 0, n), tb = pat(q, 1, n), pr = pat(q, 2, n);
                    Duals.add(x, wa, x, wbb, x, s(SW), W);
                    Duals.div(x, wa, x, s(SW), x, s(VA), W);
                    Duals.div(x, wbb, x, s(SW), x, s(VB), W);
                    // perA = (va gamma / pa)^(1 - va), perB = (vb / pb)^(1 - vb)
                    Duals.scale(x, s(VA), gamma, x, s(U0), W);
                    Duals.divConstant(x, s(U0), pa, x, s(U0), W);
                    oneMinus(x, s(VA), s(U1));
                    Duals.pow(x, s(U0), x, s(U1), x, s(PERA), W);
                    Duals.divConstant(x, s(VB), pb, x, s(U0), W);
                    oneMinus(x, s(VB), s(U1));
                    Duals.pow(x, s(U0), x, s(U1), x, s(PERB), W);
                    // qa = (pa / (gamma va))^va, qb = (pb / vb)^vb
                    Duals.scale(x, s(VA), gamma, x, s(U0), W);
                    Duals.constantOver(pa, x, s(U0), x, s(U0), W);
                    Duals.pow(x, s(U0), x, s(VA), x, s(QA), W);
                    Duals.constantOver(pb, x, s(VB), x, s(U0), W);
                    Duals.pow(x, s(U0), x, s(VB), x, s(QB), W);
                    // c = ra^va rb^vb
                    Duals.pow(x, ra, x, s(VA), x, s(U0), W);
                    Duals.pow(x, rb, x, s(VB), x, s(U1), W);
                    Duals.mul(x, s(U0), x, s(U1), x, s(CC), W);
                    // ta = (1/gamma) (c perA qb - ra), tb = c perB qa - rb
                    Duals.mul(x, s(CC), x, s(PERA), x, ta, W);
                    Duals.mul(x, ta, x, s(QB), x, ta, W);
                    Duals.sub(x, ta, x, ra, x, ta, W);
                    Duals.scale(x, ta, 1.0 / gamma, x, ta, W);
                    Duals.mul(x, s(CC), x, s(PERB), x, tb, W);
                    Duals.mul(x, tb, x, s(QA), x, tb, W);
                    Duals.sub(x, tb, x, rb, x, tb, W);
                    double rav = x[ra], rbv = x[rb], tav = x[ta], tbv = x[tb];
                    if (rav + tav > 0 && rbv + tbv > 0 && Arbitrage.invariantHolds(rav, rbv, x[wa], x[wbb], tav, tbv, gamma)) {
                        // profit = -(ta pa + tb pb)
                        Duals.scale(x, ta, pa, x, s(U0), W);
                        Duals.scale(x, tb, pb, x, s(U1), W);
                        Duals.add(x, s(U0), x, s(U1), x, pr, W);
                        Duals.neg(x, pr, x, pr, W);
                    } else {
                        Duals.constant(x, ta, 0.0, W);
                        Duals.constant(x, tb, 0.0, W);
                        Duals.constant(x, pr, 0.0, W);
                    }
                    max = Math.max(max, x[pr]);
                    q++;
                }
            }
            Duals.constant(x, s(Z), 0.0, W);
            for (int j = 0; j < q; j++) {
                int pr = pat(j, 2, n);
                Duals.addConstant(x, pr, -max, x, pr, W);
                Duals.divConstant(x, pr, tauP, x, pr, W);
                Duals.exp(x, pr, x, pr, W);
                Duals.add(x, s(Z), x, pr, x, s(Z), W);
            }
            q = 0;
            for (int a = 0; a < n; a++) {
                for (int b = 0; b < n; b++) {
                    if (a == b) continue;
                    Duals.div(x, pat(q, 2, n), x, s(Z), x, s(U0), W);
                    Duals.mul(x, s(U0), x, pat(q, 0, n), x, s(U1), W);
                    Duals.add(x, a(TRADE, a, n), x, s(U1), x, a(TRADE, a, n), W);
                    Duals.mul(x, s(U0), x, pat(q, 1, n), x, s(U1), W);
                    Duals.add(x, a(TRADE, b, n), x, s(U1), x, a(TRADE, b, n), W);
                    q++;
                }
            }
        }

        /** out = 1 - v (as {@code 1.0 - v}: the negation then the sum is the same double). */
        private void oneMinus(double[] x, int v, int out) {
            Duals.neg(x, v, x, out, W);
            Duals.addConstant(x, out, 1.0, x, out, W);
        }
    }
}
