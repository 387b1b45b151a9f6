package dev.sxn.math.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.BackendSupport;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Family {@code amm.sweep}: every accelerated kind against the JAVA kernel (itself each set's single run, bit for bit:
 * AmmSweepTest). 27 sets make a whole chunk of 16 and a chunk of 11, so every lane width has whole groups and a
 * tail. Eligible pools (zero-fee momentum and anti-momentum, linear interpolation): value paths within a relative
 * 1e-11 of JAVA (1e-10 on OPENCL; the kinds differ only in log/exp of the log-domain reserves), metrics within 1e-8 relative (plus
 * 1e-12 absolute). Pools outside the accelerated scope (power channel, fees) run JAVA inside the family: bit-identical.
 */
class SweepKernelsTest {
    static Stream<Backend> kinds() {
        return BackendSupport.accelerated(KernelFamilies.AMM_SWEEP);
    }

    private static final AmmMetric[] METRICS = {AmmMetric.DAILY_LOG_SHARPE, AmmMetric.RETURNS_OVER_HODL, AmmMetric.DAILY_VAR_95,
        AmmMetric.GREATEST_DRAW_DOWN, AmmMetric.FINAL_VALUE};

    static RuleParams[] sets(int chunkPeriod) {
        return ParamGrid.over(RuleParams.momentum(5, 20, chunkPeriod)).linspace(0, 0.5, 4.0, 3).log2Range(1, 1, 512, 9).build();
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void eligiblePoolsMatchJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        MinutePrices prices = AmmReference.prices(6 * 1440, 2);
        for (WeightRule rule : new WeightRule[] {WeightRule.MOMENTUM, WeightRule.ANTI_MOMENTUM}) {
            AmmConfig config = AmmConfig.defaults().withChunks(60, 30).withMaximumChange(1e-3);
            TfmmPool pool = TfmmPool.of(rule, new double[] {0.4, 0.6}, config);
            RuleParams[] sets = sets(60);
            assertEquals(27, sets.length);
            int rows = 4 * 1440;
            double[] vj = new double[sets.length * rows], vk = vj.clone(), fj = new double[sets.length], fk = fj.clone();
            AmmSweep.KERNELS.java().values(pool, prices.values(), 1440, rows, sets, 0, sets.length, vj, fj);
            AmmSweep.KERNELS.kernel(kind).values(pool, prices.values(), 1440, rows, sets, 0, sets.length, vk, fk);
            for (int i = 0; i < vj.length; i++) assertEquals(vj[i], vk[i], rtol(kind) * Math.abs(vj[i]), rule + " set " + i / rows + " row " + i % rows);
            double[] oj = new double[sets.length * METRICS.length], ok = oj.clone();
            AmmSweep.metrics(pool, prices, 1440, rows + 1, sets, METRICS, oj, 1, Backend.JAVA);
            AmmSweep.metrics(pool, prices, 1440, rows + 1, sets, METRICS, ok, 2, kind);
            for (int i = 0; i < oj.length; i++) {
                assertEquals(oj[i], ok[i], 1e-8 * Math.abs(oj[i]) + 1e-12, rule + " set " + i / METRICS.length + " " + METRICS[i % METRICS.length]);
            }
        }
    }

    /** The value paths' relative tolerance: OPENCL's double log and exp may be a few ulp off (the others' one or so). */
    static double rtol(Backend kind) {
        return kind == Backend.OPENCL ? 1e-10 : 1e-11;
    }

    /**
     * Random parameter sets (lambda from 1 to 60 days of memory, k per day from 2^-2 to 2^8) on every eligible rule, in
     * chunks of a single set, of 11 (a lane group of every width and a tail) and of 16, on 3 assets over 5 days with
     * the interpolation shorter than the chunk and a start past warm-up chunks: value paths within {@link #rtol} of
     * JAVA, fees 0.
     */
    @ParameterizedTest
    @MethodSource("kinds")
    void randomSetsSingleSetAndTailsMatchJava(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        MinutePrices prices = AmmReference.prices(7 * 1440, 3);
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(2312);
        RuleParams[] sets = new RuleParams[16];
        for (int s = 0; s < sets.length; s++) {
            sets[s] = RuleParams.momentum(1 + 59 * rnd.nextDouble(), Math.pow(2, -2 + 10 * rnd.nextDouble()), 60);
        }
        int rows = 5 * 1440;
        for (WeightRule rule : new WeightRule[] {WeightRule.MOMENTUM, WeightRule.ANTI_MOMENTUM, WeightRule.FIXED}) {
            TfmmPool pool = TfmmPool.of(rule, new double[] {0.2, 0.5, 0.3}, AmmConfig.defaults().withChunks(60, 45));
            for (int count : new int[] {1, 11, 16}) {
                double[] vj = new double[count * rows], vk = vj.clone(), fj = new double[count], fk = new double[count];
                java.util.Arrays.fill(vk, Double.NaN);
                java.util.Arrays.fill(fk, Double.NaN);
                AmmSweep.KERNELS.java().values(pool, prices.values(), 1440, rows, sets, 16 - count, count, vj, fj);
                AmmSweep.KERNELS.kernel(kind).values(pool, prices.values(), 1440, rows, sets, 16 - count, count, vk, fk);
                for (int i = 0; i < vj.length; i++) {
                    assertEquals(vj[i], vk[i], rtol(kind) * Math.abs(vj[i]), rule + " " + count + " sets: set " + i / rows + " row " + i % rows);
                }
                for (int c = 0; c < count; c++) assertEquals(0.0, fk[c], rule + " fee " + c);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void otherPoolsRunJavaInsideTheFamily(Backend kind) {
        BackendSupport.assumeAvailable(kind);
        MinutePrices prices = AmmReference.prices(4 * 1440, 3);
        AmmConfig config = AmmConfig.defaults().withChunks(60, 60);
        TfmmPool[] pools = {TfmmPool.of(WeightRule.POWER_CHANNEL, new double[] {0.3, 0.3, 0.4}, config),
            TfmmPool.of(WeightRule.MOMENTUM, new double[] {0.3, 0.3, 0.4}, config.withFees(0.003, 0.5, 0.0))};
        RuleParams[] sets = ParamGrid.over(new RuleParams(3, 4, 1.5, 1, 0, 0.5)).linspace(0, 2, 4, 11).build();
        for (TfmmPool pool : pools) {
            double[] oj = new double[sets.length * METRICS.length], ok = oj.clone();
            AmmSweep.metrics(pool, prices, 1440, 2 * 1440, sets, METRICS, oj, 1, Backend.JAVA);
            AmmSweep.metrics(pool, prices, 1440, 2 * 1440, sets, METRICS, ok, 1, kind);
            for (int i = 0; i < oj.length; i++) assertEquals(Double.doubleToLongBits(oj[i]), Double.doubleToLongBits(ok[i]), pool.rule() + " " + i);
        }
    }
}
