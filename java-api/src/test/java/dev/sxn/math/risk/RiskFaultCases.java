package dev.sxn.math.risk;

import dev.sxn.math.indicators.SeriesBatch;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.testing.FaultCase;
import dev.sxn.math.testing.FaultCase.Call;
import java.util.List;

/**
 * The risk calls of the fault-injection suite ({@code FaultInjectionTest}). A batched GARCH fit calls its kernel many
 * times (one round per optimiser step); a kernel writes only the values and gradients it is asked for, so a failure
 * part-way through any round is re-run on JAVA and the fits are JAVA's bit for bit. The scorecard's kernel writes
 * only its scratch sums, every one of them, so a retry rewrites whatever a failed kind left there; the rolling kernels
 * write every output element, so a retry on JAVA rewrites what a failed kind left in the caller's outputs.
 */
public final class RiskFaultCases {
    private RiskFaultCases() {}

    /** The cases. */
    public static List<FaultCase> cases() {
        return List.of(
                FaultCase.of("Garch.fitBatch, GARCH-t, 13 assets x 150", KernelFamilies.RISK_GARCH, k -> {
                    SeriesBatch x = GarchBatchTest.returns(13, 150, 77, 4);
                    GarchFit[][] out = new GarchFit[1][];
                    GarchSpec spec = GarchSpec.of(GarchModel.GARCH, GarchInnovations.STUDENT_T);
                    return Call.of(() -> out[0] = Garch.fitBatch(x, spec, k), () -> outcome(out[0]), x.data());
                }),
                FaultCase.of("Garch.fitBatch, GJR-normal, backcast, 9 assets x 120", KernelFamilies.RISK_GARCH, k -> {
                    SeriesBatch x = GarchBatchTest.returns(9, 120, 78, -1);
                    GarchFit[][] out = new GarchFit[1][];
                    GarchSpec spec = GarchSpec.of(GarchModel.GJR, GarchInnovations.NORMAL).withInit(GarchInit.BACKCAST);
                    return Call.of(() -> out[0] = Garch.fitBatch(x, spec, k), () -> outcome(out[0]), x.data());
                }),
                FaultCase.of("Scorecard.of, 23 assets x 300", KernelFamilies.RISK_SCORECARD, k -> {
                    SeriesBatch x = ScorecardTest.returns(23, 300, 79);
                    ScorecardBatch[] out = new ScorecardBatch[1];
                    return Call.of(() -> out[0] = Scorecard.of(x, 0.03, 0.01, 252, k), () -> ScorecardTest.arrays(out[0]), x.data());
                }),
                FaultCase.of("RollingRisk.historical, 11 assets x 200", KernelFamilies.RISK_ROLLING, k -> {
                    SeriesBatch x = RollingBatchTest.returns(11, 200, 80), v = x.like(), e = x.like();
                    return Call.of(() -> RollingRisk.historical(x, 50, 0.05, v, e, k), () -> new double[][] {v.data(), e.data()}, x.data());
                }),
                FaultCase.of("RollingRisk.sharpe, 11 assets x 200", KernelFamilies.RISK_ROLLING, k -> {
                    SeriesBatch x = RollingBatchTest.returns(11, 200, 81), s = x.like();
                    return Call.of(() -> RollingRisk.sharpe(x, 30, 0.02, 252, s, k), () -> s.data(), x.data());
                }));
    }

    // Every number of the fits, and their statuses.
    private static Object outcome(GarchFit[] fits) {
        if (fits == null) return null;
        Object[] o = new Object[fits.length];
        for (int a = 0; a < fits.length; a++) {
            GarchFit f = fits[a];
            o[a] = new Object[] {f.parameters(), f.standardErrors(), f.logLikelihood(), f.sigma(), f.status().name(), f.iterations()};
        }
        return o;
    }
}
