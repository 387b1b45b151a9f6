package dev.sxn.math.internal.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.backend.Calibration;
import dev.sxn.math.internal.CalibratedCrossovers;
import dev.sxn.math.internal.CpuKey;
import dev.sxn.math.internal.KernelFamilies;
import dev.sxn.math.internal.KernelFamily;
import dev.sxn.math.internal.Version;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 4: {@code sxn calibrate}'s engine. Every family has a probe; under a tiny budget it still answers for
 * every family and kind without failing; on calls whose speeds are known it finds the crossover, stores it, and the
 * file reads back.
 */
class CalibrationTest {
    @Test
    void everyFamilyHasOneProbeWithAscendingSizes() {
        List<Probe> probes = Probes.all();
        List<KernelFamily> families = new ArrayList<>();
        for (Probe p : probes) {
            families.add(p.family());
            long[] s = p.sizes();
            assertTrue(s.length >= 4, p.family() + ": a sweep of a few sizes");
            for (int i = 1; i < s.length; i++) assertTrue(s[i] > s[i - 1], p.family() + ": ascending sizes");
        }
        assertEquals(KernelFamilies.all(), families);
    }

    @Test
    void everyProbeCallsItsFamilyOnEveryAvailableKind() {
        for (Probe p : Probes.all()) {
            Probe.Call call = p.at().apply(0);
            for (Backend k : p.family().availableKinds()) call.run(k);
        }
    }

    @Test
    void theMatrixProfileProbeCountsTheWindowPairsItsDispatchSees() {
        // Windows l = n - m + 1; a self-join visits diagonals ceil(m/4) + 1 .. l - 1, diagonal k holding l - k pairs.
        int n = 100, m = 32, l = n - m + 1;
        long pairs = 0;
        for (int k = (m + 3) / 4 + 1; k < l; k++) pairs += l - k;
        assertEquals(pairs, DomainProbes.selfJoinPairs(n, m));
    }

    @Test
    void aTinyBudgetStillAnswersForEveryFamilyAndKind(@TempDir Path dir) {
        List<String> progress = new ArrayList<>();
        Duration budget = Duration.ofMillis(500);
        Calibration c = Calibrator.run(Probes.all(), budget, Calibrator.defaultKinds(), progress::add, dir, false);
        int kinds = 0;
        for (KernelFamily f : KernelFamilies.all()) kinds += f.kinds().size() - 1;
        assertEquals(kinds, c.crossovers().size(), c.report());
        assertEquals(KernelFamilies.all().size(), progress.size(), String.join("\n", progress));
        for (Calibration.Crossover x : c.crossovers()) {
            if (!x.measured()) assertEquals(x.shipped(), x.size(), x.toString());
            assertTrue(!x.note().isEmpty() && !x.note().contains("\n"), x.toString());
        }
        // The budget holds to within about one call per family and kind (generous for a loaded machine).
        assertTrue(c.elapsed().compareTo(budget.plusSeconds(60)) < 0, c.elapsed().toString());
        if (c.measured().isEmpty()) {
            assertNull(c.file());
            assertTrue(c.notStored().startsWith("nothing was measured"), c.notStored());
        } else {
            assertTrue(Files.exists(c.file()), c.report());
        }
    }

    /**
     * A probe of VectorOps' family whose calls take known CPU times: JAVA does 8 units of work per element, VECTOR 1
     * above 64 elements and 64 below; so VECTOR is taken from 256, the first size it wins at and keeps winning.
     */
    @Test
    void findsTheCrossoverOfKnownCallsAndStoresIt(@TempDir Path dir) {
        assumeTrue(Backends.isAvailable(Backend.VECTOR), "VECTOR is available in the test JVM (Vector API module)");
        long[] sizes = {16, 64, 256, 1024, 4096};
        double[] sink = new double[1];
        Probe probe = new Probe(KernelFamilies.VECTOR_OPS_REDUCE, sizes, i -> {
            long n = sizes[i];
            return k -> {
                long work = k == Backend.JAVA ? 8 * n : n <= 64 ? 64 * n : n;
                double s = sink[0];
                for (long j = 0; j < work; j++) s = s * 0.999999 + 1e-9;
                sink[0] = s;
            };
        });
        Calibration c = Calibrator.run(List.of(probe), Duration.ofSeconds(20), EnumSet.of(Backend.VECTOR), line -> {}, dir, false);
        Calibration.Crossover vector = c.crossovers().stream().filter(x -> x.kind() == Backend.VECTOR).findFirst().orElseThrow();
        assertTrue(vector.measured(), c.report());
        assertEquals(256, vector.size(), c.report());
        assertNotNull(c.file(), c.report());
        assertEquals(dir.resolve(CalibratedCrossovers.fileName(CpuKey.current(), Version.VERSION)), c.file());
        CalibratedCrossovers.Lookup back = CalibratedCrossovers.read(dir, CpuKey.current(), Version.VERSION);
        assertNull(back.ignored());
        assertEquals(java.util.Map.of("linalg.VectorOps.reduce.vector", 256L), back.calibration().values());
        assertEquals(CpuKey.current().identity(), back.calibration().identity());
        assertTrue(c.report().contains("linalg.VectorOps.reduce: ") && c.report().contains("VECTOR 256 (shipped 64)"), c.report());
    }

    @Test
    void theBudgetIsChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Calibrator.calibrate(Duration.ofHours(2), Set.of(Backend.VECTOR), line -> {}));
        assertEquals("budget must be between 1 ms and 1 hour, was PT2H", e.getMessage());
        assertThrows(NullPointerException.class, () -> Calibrator.calibrate(null, Set.of(Backend.VECTOR), line -> {}));
    }
}
