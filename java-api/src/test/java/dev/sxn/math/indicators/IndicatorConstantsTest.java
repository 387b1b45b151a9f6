package dev.sxn.math.indicators;

import static dev.sxn.math.testing.NativeSources.doubleDefine;
import static dev.sxn.math.testing.NativeSources.kernelSource;
import static dev.sxn.math.testing.NativeSources.longDefine;
import static dev.sxn.math.testing.NativeSources.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The constants the indicator kernels share have one value: native/src/indicators.h, the OpenCL build
 * options and {@link IndicatorConstants} agree, and kernels/indicators.cl takes them from the options
 * instead of defining its own.
 */
class IndicatorConstantsTest {
    private static final String H = "indicators.h";

    @Test
    void headerMatchesJava() {
        assertEquals(IndicatorConstants.RESUM, longDefine(H, "SXN_IND_RESUM"));
        assertEquals(IndicatorConstants.NATIVE_SCRATCH_PER_ASSET, longDefine(H, "SXN_IND_SCRATCH"));
        assertEquals(IndicatorConstants.VAR_FAST_MIN_W, longDefine(H, "SXN_IND_VAR_FAST_MIN_W"));
        assertEquals(IndicatorConstants.VAR_LANE_MAX_W, longDefine(H, "SXN_IND_VAR_LANE_MAX_W"));
        assertEquals(IndicatorConstants.VAR_TAU, doubleDefine(H, "SXN_IND_VAR_TAU"));
    }

    @Test
    void openClGetsTheSameValues() {
        Map<String, String> opts = options(IndicatorConstants.OPENCL_OPTIONS);
        assertEquals(Map.of("SXN_IND_RESUM", "1024"), opts);
        for (Map.Entry<String, String> e : opts.entrySet()) {
            assertEquals(longDefine(H, e.getKey()), Long.parseLong(e.getValue()), e.getKey());
        }
        String cl = kernelSource("indicators.cl");
        assertTrue(cl.contains("% SXN_IND_RESUM == 0"), "indicators.cl re-sums at SXN_IND_RESUM");
        assertFalse(cl.matches("(?s).*#\\s*define\\s+(SXN_IND_)?RESUM\\b.*"), "indicators.cl defines RESUM itself");
    }
}
