package dev.sxn.math.risk;

import static dev.sxn.math.testing.NativeSources.kernelSource;
import static dev.sxn.math.testing.NativeSources.longDefine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One source per constant for the risk kernels: the likelihood flags ({@link GarchLikelihood}), the rows of the GARCH
 * sums ({@link GarchSums}) and of the scorecard's ({@link ScorecardKernels}) against native/src/risk.h, and every one of them named in kernels/risk.cl's
 * {@code #error} guard and passed by {@link OpenClGarchKernels#OPENCL_OPTIONS}.
 */
class RiskConstantsTest {
    private static final String H = "risk.h";

    private static Map<String, Long> java() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("SXN_GARCH_GJR", (long) GarchLikelihood.GJR);
        m.put("SXN_GARCH_STUDENT", (long) GarchLikelihood.STUDENT);
        m.put("SXN_GARCH_MCI", (long) GarchLikelihood.MCI);
        m.put("SXN_GARCH_SUM", (long) GarchSums.SUM);
        m.put("SXN_GARCH_SHAPE", (long) GarchSums.SHAPE);
        m.put("SXN_GARCH_BAD", (long) GarchSums.BAD);
        m.put("SXN_GARCH_G_MU", (long) GarchSums.G_MU);
        m.put("SXN_GARCH_G_OMEGA", (long) GarchSums.G_OMEGA);
        m.put("SXN_GARCH_G_ALPHA", (long) GarchSums.G_ALPHA);
        m.put("SXN_GARCH_G_GAMMA", (long) GarchSums.G_GAMMA);
        m.put("SXN_GARCH_G_BETA", (long) GarchSums.G_BETA);
        m.put("SXN_SCORE_S1", (long) ScorecardKernels.S1);
        m.put("SXN_SCORE_S2", (long) ScorecardKernels.S2);
        m.put("SXN_SCORE_EXCESS", (long) ScorecardKernels.EXCESS);
        m.put("SXN_SCORE_DOWN", (long) ScorecardKernels.DOWN);
        m.put("SXN_SCORE_GROWTH", (long) ScorecardKernels.GROWTH);
        m.put("SXN_SCORE_PEAK", (long) ScorecardKernels.PEAK);
        m.put("SXN_SCORE_MDD", (long) ScorecardKernels.MDD);
        return m;
    }

    @Test
    void headerMatchesJava() {
        java().forEach((name, v) -> assertEquals((long) v, longDefine(H, name), name));
        assertEquals(GarchSums.ROWS, longDefine(H, "SXN_GARCH_ROWS"));
        assertEquals(ScorecardKernels.ROWS, longDefine(H, "SXN_SCORE_ROWS"));
    }

    @Test
    void openClGetsEveryConstantFromJava() {
        String cl = kernelSource("risk.cl");
        java().forEach((name, v) -> {
            assertTrue(cl.contains("defined(" + name + ")"), name + " is not guarded in risk.cl");
            assertTrue(OpenClGarchKernels.OPENCL_OPTIONS.contains("-D " + name + "=" + v + " ")
                    || OpenClGarchKernels.OPENCL_OPTIONS.endsWith("-D " + name + "=" + v), name + " is not passed");
        });
    }
}
