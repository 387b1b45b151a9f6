package dev.sxn.math.stochastic;

import static dev.sxn.math.testing.NativeSources.defines;
import static dev.sxn.math.testing.NativeSources.doubleDefine;
import static dev.sxn.math.testing.NativeSources.kernelSource;
import static dev.sxn.math.testing.NativeSources.longDefine;
import static dev.sxn.math.testing.NativeSources.options;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One source per constant, held together: the Java constants ({@link RngConstants}, {@link PhiloxCore},
 * {@link FdLog}, {@link NormalQuantile}) against native/src/stochastic.h, and the header's algorithm
 * constants against kernels/stochastic.cl; the mode and generator codes reach OpenCL as -D options.
 */
class StochasticConstantsTest {
    private static final String H = "stochastic.h";

    private static Map<String, Double> javaDoubles() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("SXN_LN2_HI", FdLog.LN2_HI);
        m.put("SXN_LN2_LO", FdLog.LN2_LO);
        m.put("SXN_LG1", FdLog.LG1);
        m.put("SXN_LG2", FdLog.LG2);
        m.put("SXN_LG3", FdLog.LG3);
        m.put("SXN_LG4", FdLog.LG4);
        m.put("SXN_LG5", FdLog.LG5);
        m.put("SXN_LG6", FdLog.LG6);
        m.put("SXN_LG7", FdLog.LG7);
        m.put("SXN_LOG_THIRD", FdLog.THIRD);
        double[][] as241 = {
            {NormalQuantile.A7, NormalQuantile.A6, NormalQuantile.A5, NormalQuantile.A4, NormalQuantile.A3, NormalQuantile.A2, NormalQuantile.A1, NormalQuantile.A0},
            {NormalQuantile.B7, NormalQuantile.B6, NormalQuantile.B5, NormalQuantile.B4, NormalQuantile.B3, NormalQuantile.B2, NormalQuantile.B1},
            {NormalQuantile.C7, NormalQuantile.C6, NormalQuantile.C5, NormalQuantile.C4, NormalQuantile.C3, NormalQuantile.C2, NormalQuantile.C1, NormalQuantile.C0},
            {NormalQuantile.D7, NormalQuantile.D6, NormalQuantile.D5, NormalQuantile.D4, NormalQuantile.D3, NormalQuantile.D2, NormalQuantile.D1},
            {NormalQuantile.E7, NormalQuantile.E6, NormalQuantile.E5, NormalQuantile.E4, NormalQuantile.E3, NormalQuantile.E2, NormalQuantile.E1, NormalQuantile.E0},
            {NormalQuantile.F7, NormalQuantile.F6, NormalQuantile.F5, NormalQuantile.F4, NormalQuantile.F3, NormalQuantile.F2, NormalQuantile.F1},
        };
        for (int set = 0; set < as241.length; set++) {
            for (int k = 0; k < as241[set].length; k++) m.put("SXN_AS241_" + (char) ('A' + set) + (7 - k), as241[set][k]);
        }
        return m;
    }

    private static Map<String, Long> javaWords() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("SXN_PHILOX_M32_0", PhiloxCore.M32_0 & 0xFFFF_FFFFL);
        m.put("SXN_PHILOX_M32_1", PhiloxCore.M32_1 & 0xFFFF_FFFFL);
        m.put("SXN_PHILOX_W32_0", PhiloxCore.W32_0 & 0xFFFF_FFFFL);
        m.put("SXN_PHILOX_W32_1", PhiloxCore.W32_1 & 0xFFFF_FFFFL);
        m.put("SXN_PHILOX_M64_0", PhiloxCore.M64_0);
        m.put("SXN_PHILOX_M64_1", PhiloxCore.M64_1);
        m.put("SXN_PHILOX_W64_0", PhiloxCore.W64_0);
        m.put("SXN_PHILOX_W64_1", PhiloxCore.W64_1);
        return m;
    }

    private static long hexWord(String text) {
        return Long.parseUnsignedLong(text.replaceFirst("^0x", "").replaceFirst("[uUlL]+$", ""), 16);
    }

    private static Map<String, String> clDefines() {
        Map<String, String> m = new LinkedHashMap<>();
        Matcher d = Pattern.compile("(?m)^#define (SXN_\\w+) (\\S+)$").matcher(kernelSource("stochastic.cl"));
        while (d.find()) m.put(d.group(1), d.group(2));
        return m;
    }

    @Test
    void headerMatchesJava() {
        assertEquals(RngConstants.MODE_BITS, longDefine(H, "SXN_RNG_MODE_BITS"));
        assertEquals(RngConstants.MODE_OPEN, longDefine(H, "SXN_RNG_MODE_OPEN"));
        assertEquals(RngConstants.MODE_CLOSED_OPEN, longDefine(H, "SXN_RNG_MODE_CLOSED_OPEN"));
        assertEquals(RngConstants.MODE_NORMAL, longDefine(H, "SXN_RNG_MODE_NORMAL"));
        assertEquals(RngConstants.GEN_PHILOX_4X32, longDefine(H, "SXN_RNG_PHILOX4X32"));
        assertEquals(RngConstants.GEN_PHILOX_4X64, longDefine(H, "SXN_RNG_PHILOX4X64"));
        assertEquals(PhiloxCore.ROUNDS, longDefine(H, "SXN_PHILOX_ROUNDS"));
        javaWords().forEach((name, v) -> assertEquals((long) v, hexWord(defines(H).get(name)), name));
        Map<String, Double> doubles = javaDoubles();
        assertEquals(10 + 45, doubles.size());
        doubles.forEach((name, v) -> assertEquals((double) v, doubleDefine(H, name), name));
    }

    @Test
    void openClHasTheHeadersConstantsAndGetsTheCodes() {
        Map<String, String> cl = clDefines();
        javaWords().forEach((name, v) -> assertEquals((long) v, hexWord(cl.get(name)), name));
        javaDoubles().forEach((name, v) -> assertEquals((double) v, Double.parseDouble(cl.get(name)), name));
        assertEquals(Long.toString(PhiloxCore.ROUNDS), cl.get("SXN_PHILOX_ROUNDS"));
        Map<String, String> opts = options(OpenClRandomKernels.OPENCL_OPTIONS);
        assertEquals(6, opts.size());
        opts.forEach((name, value) -> assertEquals(longDefine(H, name), Long.parseLong(value), name));
    }

    @Test
    void layoutTagsAreDistinctFromDenseCounters() {
        // Dense Philox4x64 counters end in (0, 0), per-slot ones in (j, 1); Philox4x32 dense word 3 is 0.
        assertEquals(1, Layout.SLOT_TAG_64);
        assertEquals(Integer.MIN_VALUE, Layout.SLOT_TAG_32);
    }
}
