package dev.sxn.math.internal.calibration;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.Crossovers;
import java.util.List;
import java.util.Map;

/**
 * The crossover a sweep's timings give a kind: the smallest measured size from which the kind is no slower, at
 * that size and every larger one measured, than each kind it would displace: JAVA, and the kinds that follow it
 * in the automatic order (OPENCL, NATIVE, VECTOR), since the first kind whose crossover a call reaches runs it.
 * Taking NATIVE where VECTOR is faster would be a loss even when NATIVE beats JAVA.
 *
 * <p>Where the kind is slower at the largest size measured: {@link Crossovers#NEVER}, unless the shipped
 * crossover lies beyond the sweep (a GPU that wins only on very large problems), which is then kept.
 */
final class CrossoverRule {
    private CrossoverRule() {}

    /**
     * A kind's outcome.
     *
     * @param measured whether the timings decide it (else {@code size} is the shipped value)
     * @param size the crossover, or {@link Crossovers#NEVER}
     * @param note how it was decided, for the report
     */
    record Decision(boolean measured, long size, String note) {}

    /**
     * The crossover of {@code kind}.
     *
     * @param kind the kind decided
     * @param order the kinds measured besides JAVA, in the automatic order
     * @param sizes the sweep's sizes, ascending
     * @param times seconds per call by kind and size index; NaN where not measured
     * @param shipped the shipped crossover, kept where the sweep cannot decide
     */
    static Decision decide(Backend kind, List<Backend> order, long[] sizes, Map<Backend, double[]> times, long shipped) {
        List<Backend> displaced = order.subList(order.indexOf(kind) + 1, order.size());
        double[] own = times.get(kind);
        int top = sizes.length - 1;
        int from = -1;
        int lostAt = -1;
        for (int i = top; i >= 0; i--) {
            double ref = times.get(Backend.JAVA)[i];
            for (Backend d : displaced) {
                double t = times.get(d)[i];
                if (!Double.isNaN(t)) ref = Math.min(ref, t); // NaN: not measured there, so not a rival there
            }
            if (Double.isNaN(own[i]) || Double.isNaN(times.get(Backend.JAVA)[i])) break;
            if (own[i] <= ref) {
                from = i;
            } else {
                lostAt = i;
                break;
            }
        }
        String rivals = displaced.isEmpty() ? "JAVA" : "JAVA and " + displaced;
        if (from >= 0) {
            String note = from == 0 ? "no slower than " + rivals + " at every size measured, from " + sizes[0]
                    : lostAt >= 0 ? "slower than " + rivals + " at " + sizes[lostAt] + ", no slower from " + sizes[from]
                    : "no slower than " + rivals + " from " + sizes[from] + " (the budget ended the sweep there)";
            return new Decision(true, sizes[from], note);
        }
        if (lostAt == top) {
            if (shipped != Crossovers.NEVER && shipped > sizes[top]) {
                return new Decision(false, shipped, "slower than " + rivals + " up to " + sizes[top] + ", the largest size measured; the shipped "
                        + shipped + " lies beyond the sweep and is kept");
            }
            return new Decision(true, Crossovers.NEVER, "slower than " + rivals + " at " + sizes[top] + ", the largest size measured");
        }
        return new Decision(false, shipped, "not measured (the budget ran out first); shipped value kept");
    }
}
