package dev.sxn.math.amm;

import dev.sxn.math.autodiff.Duals;
import dev.sxn.math.internal.Checks;

/**
 * Gradients of a metric with respect to the rule parameters by forward-mode automatic differentiation through the
 * whole zero-fee forward pass of {@link TfmmPool}: every scalar of the pass (lambda, k, the estimator, the rule,
 * the guardrails, the interpolation, the log reserves, the value) carries its partial derivatives with respect to the
 * six {@link RuleParams} components as a {@link Duals} slot; the metric's derivative with respect to the value path
 * then weights the path's tangents. The primal values are computed with the same expressions in the same order as
 * the plain pass, so the returned metric equals {@link TfmmPool#metric} bit for bit.
 *
 * <p>Derivative conventions (JAX's, so gradients match quantammsim's {@code jax.grad}): a clip passes no derivative
 * where it binds (lambda at the memory cap, weights at the minimum-weight bounds); the residual correction to the
 * largest weight is a stop-gradient; the maximum-change scaling differentiates through the largest increment;
 * {@code |a| < 1e-10 -> 0} passes none. Differentiable metrics: the Sharpe ratios, the return metrics,
 * greatest_draw_down and the final value ({@link #supports}). Pools with trading costs are not differentiated here:
 * their arbitrage gates are hard decisions (quantammsim's maintainers train with a smoothed gate; this library has
 * no smoothed mode yet). O(rows n P), P = 6; a warm call allocates nothing (per-thread scratch grows to rows P).
 */
public final class AmmGradients {
    private AmmGradients() {}

    /** The number of partial derivatives: one per {@link RuleParams} component. */
    public static final int P = RuleParams.SIZE;
    private static final int W = P + 1;

    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[][] {new double[0], new double[0]});

    /** True when {@link #valueAndGradient} can differentiate the metric. */
    public static boolean supports(AmmMetric m) {
        return switch (m) {
            case SHARPE, DAILY_SHARPE, DAILY_LOG_SHARPE, RETURNS, ANNUALISED_RETURNS, RETURNS_OVER_HODL, ANNUALISED_RETURNS_OVER_HODL,
                 RETURNS_OVER_UNIFORM_HODL, ANNUALISED_RETURNS_OVER_UNIFORM_HODL, GREATEST_DRAW_DOWN, FINAL_VALUE -> true;
            default -> false;
        };
    }

    /**
     * The metric of the pass and its gradient with respect to the six parameter components (written to
     * {@code gradient[0 .. 6)}, in {@link RuleParams#get} order).
     *
     * @throws IllegalArgumentException as {@link TfmmPool#metric}, if the pool has trading costs, the metric is not
     *     one {@link #supports}, or gradient is shorter than 6
     */
    public static double valueAndGradient(TfmmPool pool, MinutePrices prices, int start, int boutLength, RuleParams params, AmmMetric metric,
                                          double[] gradient) {
        Checks.notNull(pool, "pool");
        Checks.notNull(metric, "metric");
        Checks.notNull(gradient, "gradient");
        pool.check(prices, start, boutLength, params);
        if (!pool.config().zeroFees()) throw Checks.invalid("pool.config()", "fees/gas/arbFees set", "have no trading costs for gradients");
        if (!supports(metric)) throw Checks.invalid("metric", metric.key(), "be differentiable (a Sharpe ratio, a return metric, greatest_draw_down or final_value)");
        AmmMetrics.checkLength(metric, boutLength - 1);
        Checks.minLength(gradient, "gradient", P, "one per RuleParams component");
        prices.checkPositive();
        return unchecked(pool, prices.values(), start, boutLength, params, metric, gradient);
    }

    static double unchecked(TfmmPool pool, double[] prices, int start, int boutLength, RuleParams params, AmmMetric metric, double[] gradient) {
        if (!pool.rule().usesGradient() && pool.rule() != WeightRule.FIXED) {
            throw Checks.invalid("pool.rule()", pool.rule().key(), "be a gradient rule or fixed for gradients");
        }
        int n = pool.assets(), rows = boutLength - 1;
        double[][] sc = SCRATCH.get();
        if (sc[0].length < rows * W) sc[0] = new double[rows * W];
        if (sc[1].length < (16 * n + 32) * W) sc[1] = new double[(16 * n + 32) * W];
        double[] path = sc[0];
        dualPass(pool, prices, start, rows, params, path, sc[1]);
        PoolScratch ps = PoolScratch.get();
        ps.assets(n);
        double[] v = ps.values(rows);
        for (int t = 0; t < rows; t++) v[t] = path[t * W];
        double[] w0 = pool.initialWeightsView();
        for (int i = 0; i < n; i++) {
            ps.r0[i] = w0[i] * pool.config().initialPoolValue() / prices[start * n + i];
            ps.pFirst[i] = prices[start * n + i];
            ps.pLast[i] = prices[(start + rows - 1) * n + i];
        }
        double value = AmmMetrics.compute(metric, v, rows, n, ps.r0, ps.pFirst, ps.pLast, 0.0, ps);
        for (int k = 0; k < P; k++) gradient[k] = 0.0;
        pathAdjoint(metric, v, rows, n, ps, path, gradient);
        return value;
    }

    /** Accumulates sum_t (dm/dv_t) dv_t/dtheta into g. */
    private static void pathAdjoint(AmmMetric m, double[] v, int len, int n, PoolScratch ps, double[] path, double[] g) {
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

    private static void add(double[] path, int t, double c, double[] g) {
        for (int k = 0; k < P; k++) g[k] += c * path[t * W + 1 + k];
    }

    /** d(a/b - 1) scaled by s, a = v[ta], b = v[tb]. */
    private static void ratio(double[] path, int ta, int tb, double a, double b, double s, double[] g) {
        add(path, ta, s / b, g);
        add(path, tb, -s * a / (b * b), g);
    }

    private static void sharpeAdjoint(double[] v, int len, int stride, double scale, boolean log, double[] path, double[] g) {
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
    private static final int FIXED_SLOTS = 32;
    private static final int EWMA = 0, A = 1, G = 2, DW = 3, PREV = 4, BS = 5, DIFF = 6, TARGET = 7, WPREV = 8, WCUR = 9, LOGR = 10,
            RATIO = 11, RES = 12;

    private static int s(int slot) {
        return slot * W;
    }

    private static int a(int block, int i, int n) {
        return (FIXED_SLOTS + block * n + i) * W;
    }

    /** The dual pass: the value and its tangents per row into path[t W ..]. */
    private static void dualPass(TfmmPool pool, double[] prices, int start, int rows, RuleParams params, double[] path, double[] x) {
        final int n = pool.assets();
        AmmConfig config = pool.config();
        final int cp = config.chunkPeriod(), m = config.weightInterpolationPeriod();
        final double eps = config.minimumWeight(n), maxChange = config.maximumChange();
        final Interpolation interp = config.interpolation();
        WeightRule rule = pool.rule();
        java.util.Arrays.fill(x, 0, (FIXED_SLOTS + 13 * n) * W, 0.0);
        // lambda = clip(logistic(x0), 0, maxLambda)
        double maxLambda = ParamTransforms.lambdaOf(config.maxMemoryDays(), cp);
        double l = ParamTransforms.logistic(params.logitLambda());
        if (l > maxLambda) Duals.constant(x, s(LAMBDA), maxLambda, W);
        else {
            Duals.constant(x, s(LAMBDA), l, W);
            x[s(LAMBDA) + 1] = l * (1 - l);
        }
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
        Duals.variable(x, s(T0), Math.pow(2.0, params.logK()), 1, W);
        x[s(T0) + 2] = Math.log(2.0) * x[s(T0)];
        Duals.mul(x, s(T0), x, s(MEM), x, s(K), W);
        Duals.variable(x, s(T0), Math.pow(2.0, params.logAmplitude()), 4, W);
        x[s(T0) + 5] = Math.log(2.0) * x[s(T0)];
        Duals.mul(x, s(T0), x, s(MEM), x, s(AMP), W);
        Duals.variable(x, s(EXPO), params.exponent(), 2, W);
        Duals.variable(x, s(WIDTH), params.width(), 3, W);
        Duals.variable(x, s(PRE), params.preExpScaling(), 5, W);
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
            if (row > 0) {
                // log ratio, as ZeroFeeReserves.logRatio
                Duals.constant(x, s(PT), 0.0, W);
                Duals.constant(x, s(WT), 0.0, W);
                for (int q = 0; q < n; q++) {
                    double lp = Math.log(prices[pOff + q] / prices[pOff - n + q]);
                    Duals.div(x, a(WCUR, q, n), x, a(WPREV, q, n), x, s(T0), W);
                    Duals.log(x, s(T0), x, s(T0), W);
                    Duals.scale(x, a(WPREV, q, n), lp, x, s(T1), W);
                    Duals.add(x, s(PT), x, s(T1), x, s(PT), W);
                    Duals.mul(x, a(WCUR, q, n), x, s(T0), x, s(T1), W);
                    Duals.add(x, s(WT), x, s(T1), x, s(WT), W);
                    Duals.addConstant(x, s(T0), -lp, x, a(RATIO, q, n), W);
                }
                Duals.sub(x, s(PT), x, s(WT), x, s(T2), W);
                for (int q = 0; q < n; q++) {
                    Duals.add(x, a(RATIO, q, n), x, s(T2), x, a(RATIO, q, n), W);
                    Duals.add(x, a(LOGR, q, n), x, a(RATIO, q, n), x, a(LOGR, q, n), W);
                    Duals.exp(x, a(LOGR, q, n), x, a(RES, q, n), W);
                }
            }
            int o = row * W;
            for (int k = 0; k < W; k++) path[o + k] = 0.0;
            for (int q = 0; q < n; q++) {
                double p = prices[pOff + q];
                for (int k = 0; k < W; k++) path[o + k] += x[a(RES, q, n) + k] * p;
            }
        }
    }

    private static void estimatorStep(double[] x, double[] prices, int pOff, int n) {
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
    private static void powerTrend(double[] x, int gSlot, int out) {
        double sg = Math.signum(x[gSlot]);
        Duals.scale(x, s(PRE), 2.0, x, s(T4), W);
        Duals.div(x, gSlot, x, s(T4), x, s(T4), W);
        Duals.abs(x, s(T4), x, s(T4), W);
        Duals.pow(x, s(T4), x, s(EXPO), x, s(T4), W);
        Duals.scale(x, s(T4), sg, x, out, W);
    }

    private static void ruleUpdate(WeightRule rule, double[] x, int n) {
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

    private static void guardrails(double[] x, int n, double eps, double maxChange, int m) {
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

    private static void interpolate(Interpolation interp, double[] x, int n, int j, int m) {
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
}
