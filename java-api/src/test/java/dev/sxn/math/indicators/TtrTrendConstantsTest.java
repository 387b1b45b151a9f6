package dev.sxn.math.indicators;

import static dev.sxn.math.testing.NativeSources.kernelSource;
import static dev.sxn.math.testing.NativeSources.longDefine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One source per constant for {@code indicators.ttr.trend}: the volatility method codes of {@link TrendKernels} against
 * native/src/ttr_trend.h, and every one of them guarded in kernels/ttr_trend.cl and passed by
 * {@link OpenClTrendKernels#OPTIONS}; the C scratch size against {@link NativeTrendKernels}' block.
 */
class TtrTrendConstantsTest {
    private static final String H = "ttr_trend.h";

    private static Map<String, Long> java() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("SXN_TTR_CLOSE", (long) TrendKernels.CLOSE);
        m.put("SXN_TTR_CLOSE_MEAN0", (long) TrendKernels.CLOSE_MEAN0);
        m.put("SXN_TTR_GARMAN_KLASS", (long) TrendKernels.GARMAN_KLASS);
        m.put("SXN_TTR_PARKINSON", (long) TrendKernels.PARKINSON);
        m.put("SXN_TTR_ROGERS_SATCHELL", (long) TrendKernels.ROGERS_SATCHELL);
        m.put("SXN_TTR_GK_YZ", (long) TrendKernels.GK_YZ);
        m.put("SXN_TTR_YANG_ZHANG", (long) TrendKernels.YANG_ZHANG);
        return m;
    }

    @Test
    void headerMatchesJava() {
        java().forEach((name, v) -> assertEquals((long) v, longDefine(H, name), name));
        assertEquals(8, longDefine(H, "SXN_TTR_BLOCK"), "NativeTrendKernels sizes the C scratch for blocks of 8");
    }

    @Test
    void openClGetsEveryConstantFromJava() {
        String cl = kernelSource("ttr_trend.cl");
        java().forEach((name, v) -> {
            assertTrue(cl.contains("defined(" + name + ")"), name + " is not guarded in ttr_trend.cl");
            assertTrue(OpenClTrendKernels.OPTIONS.contains("-D " + name + "=" + v + " ") || OpenClTrendKernels.OPTIONS.endsWith("-D " + name + "=" + v),
                    name + " is not passed");
        });
    }
}
