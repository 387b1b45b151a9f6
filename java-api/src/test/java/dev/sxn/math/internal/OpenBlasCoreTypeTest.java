package dev.sxn.math.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sxn.math.testing.ForkedJvm;
import dev.sxn.math.testing.ForkedJvm.Result;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 4: OpenBLAS's kernels are chosen deterministically from the CPU's flags (not by OpenBLAS
 * 0.3.28's detection, which falls back to AVX2 on CPUs newer than it), an exported {@code OPENBLAS_CORETYPE}
 * wins, and {@code sxn info} reports the kernels in use. The forked JVMs inherit this environment as it is
 * (machines here may export OPENBLAS_CORETYPE, which tests must not change), so they check the decision
 * {@link OpenBlasCoreType#decide} makes for it; the decision itself is checked for every case directly.
 */
class OpenBlasCoreTypeTest {
    private static final Set<String> SKX = Set.of("fma", "avx2", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

    @Test
    void autoPicksSkylakeXForAvx512CooperlakeWithBf16AndLeavesOtherCpusToOpenBlas() {
        assertEquals("SkylakeX", OpenBlasCoreType.forFlags(SKX));
        Set<String> bf16 = new HashSet<>(SKX);
        bf16.add("avx512_bf16");
        assertEquals("Cooperlake", OpenBlasCoreType.forFlags(bf16));
        assertNull(OpenBlasCoreType.forFlags(Set.of("fma", "avx2")));
        // AVX-512 F without BW/DQ/VL (Knights Landing) is not enough for the SkylakeX kernels.
        assertNull(OpenBlasCoreType.forFlags(Set.of("avx2", "avx512f", "avx512cd")));
    }

    @Test
    void anExportedCoreTypeWinsThenTheSettingThenTheCpu() {
        assertEquals(new OpenBlasCoreType.Decision("Haswell", "from OPENBLAS_CORETYPE", false),
                OpenBlasCoreType.decide("Haswell", "SkylakeX", SKX));
        assertEquals(new OpenBlasCoreType.Decision("Zen", "from sxn.openblas.coretype", true), OpenBlasCoreType.decide(null, "Zen", SKX));
        assertEquals(new OpenBlasCoreType.Decision("SkylakeX", "set by sxn-math: the CPU has AVX-512", true),
                OpenBlasCoreType.decide(null, null, SKX));
        assertEquals(new OpenBlasCoreType.Decision("SkylakeX", "set by sxn-math: the CPU has AVX-512", true),
                OpenBlasCoreType.decide("", "auto", SKX));
        assertNull(OpenBlasCoreType.decide(null, "detect", SKX).core());
        assertNull(OpenBlasCoreType.decide(null, null, Set.of("avx2")).core());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenBlasCoreType.decide("Haswell", "sky lake", SKX));
        assertEquals("sxn.openblas.coretype must be auto, detect or an OpenBLAS core name such as SkylakeX, was sky lake", e.getMessage());
    }

    private static Result forked(String... jvmArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--enable-native-access=ALL-UNNAMED", "-Dsxn.openblas=bundled", "-cp", ForkedJvm.classPath()));
        args.addAll(List.of(jvmArgs));
        args.add("dev.sxn.forkcheck.DiagnosticsCheck");
        return ForkedJvm.run(args);
    }

    private static String openBlasLine(Result r) {
        assertEquals(0, r.exit(), r.all());
        String line = r.stdout().lines().filter(l -> l.startsWith("OPENBLAS: ")).findFirst().orElseThrow(() -> new AssertionError(r.all()));
        assumeTrue(!line.startsWith("OPENBLAS: unavailable"), line);
        return line;
    }

    /** The kernels the status reports are those the decision names, and the decision is reported with its reason. */
    private static void assertReports(String line, OpenBlasCoreType.Decision d) {
        if (d.core() == null) {
            assertTrue(line.contains("kernels "), line);
            assertFalse(line.contains("OPENBLAS_CORETYPE="), line);
        } else {
            assertTrue(line.toLowerCase(Locale.ROOT).contains("kernels " + d.core().toLowerCase(Locale.ROOT) + ","), line);
            assertTrue(line.endsWith("OPENBLAS_CORETYPE=" + d.describe()), line);
        }
    }

    @Test
    void theKernelsInUseAreTheDecidedOnesAndReported() throws Exception {
        String exported = System.getenv(OpenBlasCoreType.ENV);
        Set<String> flags = OpenBlasCoreType.cpuFlags();
        assertReports(openBlasLine(forked()), OpenBlasCoreType.decide(exported, null, flags));
        assertReports(openBlasLine(forked("-Dsxn.openblas.coretype=Haswell")), OpenBlasCoreType.decide(exported, "Haswell", flags));
        assertReports(openBlasLine(forked("-Dsxn.openblas.coretype=detect")), OpenBlasCoreType.decide(exported, "detect", flags));
    }

    @Test
    void aBadSettingIsOneLineNamingIt() throws Exception {
        Result r = forked("-Dsxn.openblas.coretype=sky lake");
        String line = r.stdout().lines().filter(l -> l.startsWith("OPENBLAS: ")).findFirst().orElseThrow(() -> new AssertionError(r.all()));
        assertEquals("OPENBLAS: unavailable: OpenBLAS/LAPACKE: sxn.openblas.coretype must be auto, detect or an OpenBLAS core name such as SkylakeX,"
                + " was sky lake", line);
    }
}
