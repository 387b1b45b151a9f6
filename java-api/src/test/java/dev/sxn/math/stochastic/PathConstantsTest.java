package dev.sxn.math.stochastic;

import static dev.sxn.math.testing.NativeSources.doubleDefine;
import static dev.sxn.math.testing.NativeSources.kernelSource;
import static dev.sxn.math.testing.NativeSources.longDefine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * One source per constant for the path kernels: {@link PathExp}'s constants, the reduction bits
 * ({@link PathReduction#bit()}) and {@link PathKernels#WHAT_PATHS} against native/src/paths.h, and the
 * header's against the copies in kernels/stochastic.cl.
 */
class PathConstantsTest {
    private static final String H = "paths.h";

    private static Map<String, Double> javaDoubles() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("SXN_PEXP_LO", PathExp.LO);
        m.put("SXN_PEXP_HI", PathExp.HI);
        m.put("SXN_PEXP_INV_LN2", PathExp.INV_LN2);
        m.put("SXN_PEXP_LN2_HI", PathExp.LN2_HI);
        m.put("SXN_PEXP_LN2_LO", PathExp.LN2_LO);
        m.put("SXN_PEXP_P1", PathExp.P1);
        m.put("SXN_PEXP_P2", PathExp.P2);
        m.put("SXN_PEXP_P3", PathExp.P3);
        m.put("SXN_PEXP_P4", PathExp.P4);
        m.put("SXN_PEXP_P5", PathExp.P5);
        m.put("SXN_PEXP_MAGIC", PathExp.MAGIC);
        return m;
    }

    private static Map<String, Long> javaCodes() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (PathReduction r : PathReduction.values()) m.put("SXN_PATH_" + r.name(), (long) r.bit());
        return m;
    }

    @Test
    void headerMatchesJava() {
        assertEquals(PathKernels.WHAT_PATHS, longDefine(H, "SXN_PATH_WHAT_PATHS"));
        javaCodes().forEach((name, v) -> assertEquals((long) v, longDefine(H, name), name));
        javaDoubles().forEach((name, v) -> assertEquals((double) v, doubleDefine(H, name), name));
    }

    @Test
    void openClHasTheHeadersConstants() {
        Map<String, String> cl = new LinkedHashMap<>();
        Matcher d = Pattern.compile("(?m)^#define (SXN_P\\w+) (\\S+)$").matcher(kernelSource("stochastic.cl"));
        while (d.find()) cl.put(d.group(1), d.group(2));
        javaCodes().forEach((name, v) -> assertEquals(Long.toString(v), cl.get(name), name));
        javaDoubles().forEach((name, v) -> {
            assertNotNull(cl.get(name), name);
            assertEquals((double) v, Double.parseDouble(cl.get(name)), name);
        });
    }
}
