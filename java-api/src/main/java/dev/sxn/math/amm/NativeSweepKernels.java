package dev.sxn.math.amm;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.sxn.math.internal.NativeFailure;
import dev.sxn.math.internal.SxnNative;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * The sweep kernel in libsxnkernels ({@code native/src/amm.c}, {@code amm.h}): the whole zero-fee pass of a chunk of
 * sets in one critical downcall, sets in the inner loop of every minute (AVX-512, AVX2 or the baseline body, chosen
 * at run time), any number of sets (no JAVA tail). Same scope as VECTOR ({@link SweepKernels#eligible}); other pools
 * run the JAVA kernel. The coarse steps repeat JAVA's operations (the weights are JAVA's bits); the per-minute
 * logarithms and exponentials are fdlibm's log and stochastic's PathExp, so values agree with JAVA to a relative
 * 1e-11 over bouts of days (tested). Lambda, k and the initial reserves come from {@link SweepInputs}. Stateless;
 * per-thread scratch, so a warm call allocates nothing proportional to the input.
 */
final class NativeSweepKernels implements SweepKernels {
    private static final MethodHandle SWEEP = SxnNative.downcall("sxn_amm_sweep_zero_fee", FunctionDescriptor.ofVoid(ADDRESS, JAVA_LONG,
            JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT, JAVA_DOUBLE, JAVA_DOUBLE, JAVA_INT, ADDRESS, ADDRESS, JAVA_DOUBLE, ADDRESS, ADDRESS,
            JAVA_LONG, ADDRESS, ADDRESS));

    @Override
    public void values(TfmmPool pool, double[] prices, int start, int rows, RuleParams[] sets, int from, int count, double[] values,
                       double[] fees) {
        if (!SweepKernels.eligible(pool)) {
            JavaSweepKernels.range(pool, prices, start, rows, sets, from, count, 0, values, fees);
            return;
        }
        int n = pool.assets();
        AmmConfig config = pool.config();
        SweepInputs in = SweepInputs.get().fill(pool, prices, start, sets, from, count);
        double[] work = in.work(9L * n * count + 3L * count + 5L * n);
        // The per-set array holds lambda then k: the kernel reads k from the same array at offset count.
        MemorySegment perSet = MemorySegment.ofArray(in.perSet), perAsset = MemorySegment.ofArray(in.perAsset);
        try {
            SWEEP.invokeExact(MemorySegment.ofArray(prices), (long) n, (long) start, (long) rows, config.chunkPeriod(),
                    config.weightInterpolationPeriod(), config.minimumWeight(n), config.maximumChange(), pool.rule() == WeightRule.FIXED ? 0 : 1,
                    perAsset, perAsset.asSlice((long) n * Double.BYTES), in.value0, perSet, perSet.asSlice((long) count * Double.BYTES),
                    (long) count, MemorySegment.ofArray(values), MemorySegment.ofArray(work));
        } catch (Throwable t) {
            throw NativeFailure.wrap("sxn_amm_sweep_zero_fee", t);
        }
        for (int c = 0; c < count; c++) fees[c] = 0.0;
    }
}
