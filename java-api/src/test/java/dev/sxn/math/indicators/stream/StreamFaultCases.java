package dev.sxn.math.indicators.stream;

import dev.sxn.math.indicators.IndicatorStreams;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.FaultCase;
import dev.sxn.math.testing.FaultCase.Call;
import java.util.List;

/**
 * The batched streams' calls of the fault-injection suite ({@code FaultInjectionTest}): each row kernel reads the
 * committed state and writes the next state and the row's values into scratch, which the stream takes only after
 * the call succeeded. So a failed pinned update leaves the stream's values and count as they were (the one-row
 * cases check that state), and an unpinned one re-runs on JAVA from the same state (the multi-row cases: every
 * row's values equal a pure-JAVA run's).
 */
public final class StreamFaultCases {
    private StreamFaultCases() {}

    private static double[][] rows(int t, int k, long seed) {
        double[][] r = new double[t][];
        for (int i = 0; i < t; i++) {
            r[i] = new double[k];
            for (int a = 0; a < k; a++) r[i][a] = StreamContract.series(seed + a, t)[i];
        }
        return r;
    }

    /** The cases. */
    public static List<FaultCase> cases() {
        double[][] x = rows(24, 19, 5);
        return List.of(
                FaultCase.of("emaBatch, rsiBatch and smaBatch: 24 rows of 19 assets", KernelFamilies.INDICATOR_STREAMS, kind -> {
                    double[] out = new double[3 * 19 * 24];
                    return Call.of(() -> {
                        BatchSeriesStream e = IndicatorStreams.emaBatch(19, 3, kind), r = IndicatorStreams.rsiBatch(19, 3, kind);
                        BatchSeriesStream s = IndicatorStreams.smaBatch(19, 4, kind);
                        for (int i = 0; i < x.length; i++) {
                            e.update(x[i]);
                            r.update(x[i]);
                            s.update(x[i]);
                            for (int a = 0; a < 19; a++) {
                                out[(3 * i) * 19 + a] = e.value(a);
                                out[(3 * i + 1) * 19 + a] = r.value(a);
                                out[(3 * i + 2) * 19 + a] = s.value(a);
                            }
                        }
                    }, () -> out, x);
                }),
                FaultCase.of("atrBatch: 24 rows of 19 assets", KernelFamilies.INDICATOR_STREAMS, kind -> {
                    double[][] lo = new double[x.length][], hi = new double[x.length][];
                    for (int i = 0; i < x.length; i++) {
                        lo[i] = x[i].clone();
                        hi[i] = x[i].clone();
                        for (int a = 0; a < 19; a++) {
                            lo[i][a] -= 1;
                            hi[i][a] += 1;
                        }
                    }
                    double[] out = new double[19 * 24];
                    return Call.of(() -> {
                        BatchBarStream s = IndicatorStreams.atrBatch(19, 3, kind);
                        for (int i = 0; i < x.length; i++) {
                            s.update(hi[i], lo[i], x[i]);
                            for (int a = 0; a < 19; a++) out[i * 19 + a] = s.value(a);
                        }
                    }, () -> out, new Object[] {x, lo, hi});
                }),
                FaultCase.of("emaBatch.update: one row on a warm stream", KernelFamilies.INDICATOR_STREAMS, kind -> {
                    // A fresh stream (EMA of 1: the first row has values) and one row: a failed pinned row keeps its state.
                    BatchSeriesStream warm = IndicatorStreams.emaBatch(19, 1, kind);
                    double[] row = x[0].clone();
                    double[] out = new double[19];
                    return Call.of(() -> {
                        warm.update(row);
                        warm.valuesInto(out);
                    }, () -> out, row, () -> {
                        double[] v = new double[19];
                        warm.valuesInto(v);
                        return new Object[] {v, warm.count()};
                    });
                }));
    }
}
