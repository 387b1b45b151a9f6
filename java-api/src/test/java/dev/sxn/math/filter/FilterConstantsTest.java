package dev.sxn.math.filter;

import static dev.sxn.math.testing.NativeSources.longDefine;
import static dev.sxn.math.testing.NativeSources.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The packed model's layout has one source, {@link BatchPlan}: native/src/filter.h and the OpenCL
 * build options of kernels/filter.cl hold the same offsets.
 */
class FilterConstantsTest {
    private static final String H = "filter.h";
    private static final Map<String, Integer> LAYOUT = Map.of("SXN_FB_F", BatchPlan.F, "SXN_FB_Q", BatchPlan.Q, "SXN_FB_H1",
            BatchPlan.H1, "SXN_FB_H2", BatchPlan.H2, "SXN_FB_R1", BatchPlan.R1, "SXN_FB_R2", BatchPlan.R2, "SXN_FB_C", BatchPlan.C,
            "SXN_FB_R12", BatchPlan.R12, "SXN_FB_CV", BatchPlan.CV);

    @Test
    void headerMatchesBatchPlan() {
        assertEquals(BatchPlan.PACKED, longDefine(H, "SXN_FB_PACKED"));
        LAYOUT.forEach((name, value) -> assertEquals((long) value, longDefine(H, name), name));
    }

    @Test
    void openClGetsTheSameLayout() {
        Map<String, String> opts = options(OpenClBatchKalmanKernels.OPENCL_OPTIONS);
        assertEquals(LAYOUT.keySet(), opts.keySet());
        opts.forEach((name, value) -> assertEquals(longDefine(H, name), Long.parseLong(value), name));
    }
}
