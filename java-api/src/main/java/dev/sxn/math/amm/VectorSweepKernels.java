package dev.sxn.math.amm;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The sweep kernel with parameter sets in the lanes of the preferred species: a group of L sets runs the bout
 * together. Each coarse step runs the JAVA estimator, rule and guardrails per lane (once per chunk period, so off
 * the hot path) into structure-of-arrays block starts and increments; each minute then runs in lanes: the linear
 * interpolation (JAVA's operations, so JAVA's weights), {@code ln ratio} with the weight logarithms by the Vector
 * API's {@code LOG}, the log reserves and their {@code EXP}, and the value. The prices' logarithms are common to all
 * lanes and are JAVA's scalar bits. Only {@code LOG}/{@code EXP} differ from {@link Math#log}/{@link Math#exp}
 * (within an ulp or so), so values agree with JAVA to a relative 1e-11 over bouts of months (tested). Sets past the
 * last whole group run the JAVA kernel. Allocates nothing warm (per-thread scratch sized by assets and lanes).
 */
final class VectorSweepKernels implements SweepKernels {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final ThreadLocal<Lanes> LOCAL = ThreadLocal.withInitial(Lanes::new);

    /** Per-thread lane state: per-lane estimator arrays and structure-of-arrays weights (index {@code i L + l}). */
    private static final class Lanes {
        double[][] ewma = new double[L][0], a = new double[L][0], grad = new double[L][0], prev = new double[L][0];
        double[] dw = new double[0], target = new double[0], diff = new double[0];
        double[] bs = new double[0], df = new double[0], wPrev = new double[0], wCur = new double[0], logR = new double[0], out = new double[0];
        final double[] lambda = new double[L], k = new double[L], amp = new double[L], tmp = new double[L];

        void assets(int n) {
            if (dw.length >= n) return;
            for (int l = 0; l < L; l++) {
                ewma[l] = new double[n];
                a[l] = new double[n];
                grad[l] = new double[n];
                prev[l] = new double[n];
            }
            dw = new double[n];
            target = new double[n];
            diff = new double[n];
            bs = new double[n * L];
            df = new double[n * L];
            wPrev = new double[n * L];
            wCur = new double[n * L];
            logR = new double[n * L];
            out = new double[n * L];
        }
    }

    @Override
    public void values(TfmmPool pool, double[] prices, int start, int rows, RuleParams[] sets, int from, int count, double[] values,
                       double[] fees) {
        int whole = SweepKernels.eligible(pool) ? count / L * L : 0;
        for (int c0 = 0; c0 < whole; c0 += L) group(pool, prices, start, rows, sets, from, c0, values, fees);
        if (whole < count) JavaSweepKernels.range(pool, prices, start, rows, sets, from, count, whole, values, fees);
    }

    private static void group(TfmmPool pool, double[] prices, int start, int rows, RuleParams[] sets, int from, int c0, double[] values,
                              double[] fees) {
        final int n = pool.assets();
        final AmmConfig config = pool.config();
        final WeightRule rule = pool.rule();
        final double[] w0 = pool.initialWeightsView();
        final int cp = config.chunkPeriod(), m = config.weightInterpolationPeriod();
        final double eps = config.minimumWeight(n), maxChange = config.maximumChange();
        final int startChunk = start / cp;
        final boolean dynamic = rule != WeightRule.FIXED;
        Lanes z = LOCAL.get();
        z.assets(n);
        final double[] bs = z.bs, df = z.df, wPrev = z.wPrev, wCur = z.wCur, logR = z.logR, out = z.out, tmp = z.tmp;
        for (int l = 0; l < L; l++) {
            RuleParams p = sets[from + c0 + l];
            double lambda = pool.lambda(p), memDays = pool.memoryDays(p);
            z.lambda[l] = lambda;
            z.k[l] = ParamTransforms.kFromLogK(p.logK(), memDays);
            z.amp[l] = ParamTransforms.amplitude(p.logAmplitude(), memDays);
            double[] ewma = z.ewma[l], a = z.a[l];
            if (dynamic) {
                for (int i = 0; i < n; i++) {
                    ewma[i] = prices[i];
                    a[i] = 0.0;
                }
                for (int j = 1; j <= startChunk; j++) GradientEstimator.step(lambda, prices, j * cp * n, n, ewma, a, z.grad[l]);
            }
            System.arraycopy(w0, 0, z.prev[l], 0, n);
            fees[c0 + l] = 0.0;
        }
        double v0 = config.initialPoolValue(), value0 = 0;
        int base = start * n;
        for (int i = 0; i < n; i++) {
            double r = w0[i] * v0 / prices[base + i];
            value0 += r * prices[base + i];
            double lr = Math.log(r);
            for (int l = 0; l < L; l++) {
                wCur[i * L + l] = w0[i];
                bs[i * L + l] = w0[i];
                df[i * L + l] = 0.0;
                logR[i * L + l] = lr;
            }
        }
        for (int l = 0; l < L; l++) values[(c0 + l) * rows] = value0;
        for (int row = 1; row < rows; row++) {
            System.arraycopy(wCur, 0, wPrev, 0, n * L);
            if (dynamic && row >= cp) {
                int j = row % cp;
                if (j == 0) coarse(z, rule, prices, (startChunk + row / cp) * cp * n, n, sets, from + c0, eps, maxChange, m);
                if (j == 0 || j <= m) interpolate(bs, df, wCur, n, j, m);
            }
            int pOff = (start + row) * n;
            DoubleVector priceTerm = DoubleVector.zero(S), weightTerm = DoubleVector.zero(S);
            for (int i = 0; i < n; i++) {
                double lp = Math.log(prices[pOff + i] / prices[pOff - n + i]);
                DoubleVector wp = DoubleVector.fromArray(S, wPrev, i * L), wc = DoubleVector.fromArray(S, wCur, i * L);
                DoubleVector lw = wc.div(wp).lanewise(VectorOperators.LOG);
                priceTerm = priceTerm.add(wp.mul(lp));
                weightTerm = weightTerm.add(wc.mul(lw));
                lw.sub(lp).intoArray(out, i * L);
            }
            DoubleVector common = priceTerm.sub(weightTerm);
            DoubleVector value = DoubleVector.zero(S);
            for (int i = 0; i < n; i++) {
                DoubleVector lr = DoubleVector.fromArray(S, logR, i * L).add(DoubleVector.fromArray(S, out, i * L).add(common));
                lr.intoArray(logR, i * L);
                value = value.add(lr.lanewise(VectorOperators.EXP).mul(prices[pOff + i]));
            }
            value.intoArray(tmp, 0);
            for (int l = 0; l < L; l++) values[(c0 + l) * rows + row] = tmp[l];
        }
    }

    /** One coarse step per lane: the JAVA estimator, rule and guardrails; block starts and increments into SoA. */
    private static void coarse(Lanes z, WeightRule rule, double[] prices, int pOff, int n, RuleParams[] sets, int s0, double eps,
                               double maxChange, int m) {
        double[] dw = z.dw, target = z.target, diff = z.diff;
        for (int l = 0; l < L; l++) {
            RuleParams p = sets[s0 + l];
            double[] prev = z.prev[l];
            GradientEstimator.step(z.lambda[l], prices, pOff, n, z.ewma[l], z.a[l], z.grad[l]);
            rule.update(z.grad[l], n, z.k[l], z.amp[l], p.width(), p.exponent(), p.preExpScaling(), dw);
            Guardrails.step(prev, dw, n, eps, maxChange, m, null, null, target, diff);
            for (int i = 0; i < n; i++) {
                z.bs[i * L + l] = prev[i];
                z.df[i * L + l] = diff[i];
                prev[i] = prev[i] + diff[i] * m;
            }
        }
    }

    /** Minute j of the block in lanes: {@link Interpolation#LINEAR}'s operations. */
    private static void interpolate(double[] bs, double[] df, double[] w, int n, int j, int m) {
        double t = Math.min(j, m);
        for (int i = 0; i < n; i++) {
            DoubleVector d = DoubleVector.fromArray(S, df, i * L), b = DoubleVector.fromArray(S, bs, i * L);
            d.mul(t).add(b).intoArray(w, i * L);
        }
    }
}
