package dev.sxn.math.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.testing.LogCapture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18, item 4: which crossover is in force. This machine's calibration (for this exact CPU and library version)
 * wins over the shipped section of its CPU family, which wins over the generic line; {@code sxn.crossovers=shipped}
 * leaves the calibration out; a calibration file that is garbage, another user's or a link is ignored with one
 * warning, never a failed call.
 */
class CrossoversResolutionTest {
    private static final CpuKey ZEN5 = new CpuKey("amd-zen5", "AMD EPYC (AuthenticAMD family 26 model 2 stepping 1)");
    private static final CpuKey ZEN4_SAME_NAME = new CpuKey("amd-zen5", "AMD EPYC (AuthenticAMD family 25 model 17 stepping 1)");
    private static final CpuKey SPR = new CpuKey("intel-spr", "Intel(R) Xeon(R) Platinum 8480+ (GenuineIntel family 6 model 143 stepping 8)");
    private static final String VERSION = "9.9-test";
    private static final Instant WHEN = Instant.parse("2026-01-02T03:04:05Z");

    /** Generic lines for gemm, and an amd-zen5 section that overrides two of them. */
    private static ShippedCrossovers shipped() {
        Properties p = new Properties();
        p.setProperty("linalg.gemm.native", "8");
        p.setProperty("linalg.gemm.vector", "16");
        p.setProperty("linalg.gemm.opencl", "never");
        p.setProperty("linalg.gemm.opencl.gpu", "256");
        p.setProperty("amd-zen5.linalg.gemm.native", "64");
        p.setProperty("amd-zen5.linalg.gemm.opencl.gpu", "512");
        return ShippedCrossovers.parse(p, "test");
    }

    private static Path calibrate(Path dir, CpuKey cpu, Map<String, Long> values) throws IOException {
        return CalibratedCrossovers.write(dir, cpu, VERSION, WHEN, values, List.of("written by a test"));
    }

    @Test
    void calibrationWinsOverTheCpuSectionWhichWinsOverTheGenericLine(@TempDir Path dir) throws IOException {
        calibrate(dir, ZEN5, Map.of("linalg.gemm.native", 4L));
        Crossovers c = Crossovers.resolve(null, shipped(), ZEN5, () -> dir, VERSION);
        assertEquals(4, c.crossover("linalg.gemm", Backend.NATIVE, false), "measured on this CPU");
        assertEquals(16, c.crossover("linalg.gemm", Backend.VECTOR, false), "not measured, no section line: generic");
        assertEquals(512, c.crossover("linalg.gemm", Backend.OPENCL, true), "not measured: the section's GPU line");
        assertEquals(Crossovers.NEVER, c.crossover("linalg.gemm", Backend.OPENCL, false));
        assertEquals(64, c.shipped("linalg.gemm", Backend.NATIVE, false), "shipped, calibration left out");
        assertEquals("calibrated on 2026-01-02 for " + ZEN5.identity() + " (" + dir.resolve(CalibratedCrossovers.fileName(ZEN5, VERSION))
                + "); what it did not measure: shipped defaults for amd-zen5 (its section of crossovers.properties, else the generic values)",
                c.describe());

        Crossovers ignoring = Crossovers.resolve("shipped", shipped(), ZEN5, () -> dir, VERSION);
        assertEquals(64, ignoring.crossover("linalg.gemm", Backend.NATIVE, false), "sxn.crossovers=shipped: the section");
        assertTrue(ignoring.describe().endsWith("calibration not used: sxn.crossovers=shipped"), ignoring.describe());

        Crossovers otherCpu = Crossovers.resolve("auto", shipped(), SPR, () -> dir, VERSION);
        assertEquals(8, otherCpu.crossover("linalg.gemm", Backend.NATIVE, false), "no file for this CPU, no section: generic");
        assertEquals(256, otherCpu.crossover("linalg.gemm", Backend.OPENCL, true));
        assertEquals("shipped defaults for intel-spr (no section for it in crossovers.properties: the generic values)", otherCpu.describe());

        Crossovers otherVersion = Crossovers.resolve(null, shipped(), ZEN5, () -> dir, "10.0");
        assertEquals(64, otherVersion.crossover("linalg.gemm", Backend.NATIVE, false), "a calibration holds for its library version only");
    }

    @Test
    void aCalibrationOfAnotherCpuWithTheSameKeyIsIgnored(@TempDir Path dir) throws IOException {
        Path written = calibrate(dir, ZEN4_SAME_NAME, Map.of("linalg.gemm.native", 4L));
        Files.move(written, dir.resolve(CalibratedCrossovers.fileName(ZEN5, VERSION)));
        try (LogCapture log = LogCapture.of("dev.sxn.math")) {
            Crossovers c = Crossovers.resolve(null, shipped(), ZEN5, () -> dir, VERSION);
            assertEquals(64, c.crossover("linalg.gemm", Backend.NATIVE, false));
            assertEquals(1, log.count("it was measured on " + ZEN4_SAME_NAME.identity() + ", not on this CPU"), log.text());
        }
    }

    @Test
    void aGarbageFileIsIgnoredWithOneLineOfWarning(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(CalibratedCrossovers.fileName(ZEN5, VERSION));
        byte[] garbage = new byte[3000];
        new java.util.Random(18).nextBytes(garbage);
        Files.write(file, garbage);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        try (LogCapture log = LogCapture.of("dev.sxn.math")) {
            Crossovers c = Crossovers.resolve(null, shipped(), ZEN5, () -> dir, VERSION);
            assertEquals(64, c.crossover("linalg.gemm", Backend.NATIVE, false), "the shipped section, as if there were no file");
            assertTrue(c.describe().contains("; calibration ignored: " + file + ": "), c.describe());
            Crossovers.resolve(null, shipped(), ZEN5, () -> dir, VERSION);
            String text = log.text();
            assertEquals(1, log.count("ignoring the calibrated crossovers in " + file + ": "), "one warning, however often it is read: " + text);
            String line = text.lines().filter(l -> l.contains("ignoring the calibrated crossovers")).findFirst().orElseThrow();
            assertTrue(line.endsWith("; run sxn calibrate again, or delete the file"), "the message is one line with the fix: " + text);
        }
    }

    @Test
    void aFileThatDoesNotHoldCrossoversIsIgnored(@TempDir Path dir) throws IOException {
        String head = CalibratedCrossovers.CPU + "=" + ZEN5.identity() + "\n" + CalibratedCrossovers.VERSION + "=" + VERSION + "\n"
                + CalibratedCrossovers.WHEN + "=" + WHEN + "\n";
        Map<String, String> bad = Map.of(
                head + "linalg.gemm.native = fast\n", "must be a size >= 0 or 'never'",
                head + "linalg.gemm.native = -3\n", "must be a size >= 0 or 'never'",
                head + "linalg.nothing.native = 3\n", "'linalg.nothing.native' is not <family>.<kind>",
                head + "linalg.lu.opencl = 3\n", "'linalg.lu.opencl' is not <family>.<kind>",
                "linalg.gemm.native = 3\n", "it lacks " + CalibratedCrossovers.CPU,
                head.replace(WHEN.toString(), "yesterday") + "linalg.gemm.native = 3\n", CalibratedCrossovers.WHEN + " must be an ISO-8601 instant",
                head + "linalg.gemm.native = \\u12\n", "it is not a properties file");
        for (Map.Entry<String, String> e : bad.entrySet()) {
            Path sub = Files.createTempDirectory(dir, "case");
            Path file = sub.resolve(CalibratedCrossovers.fileName(ZEN5, VERSION));
            Files.writeString(file, e.getKey(), StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            Crossovers c = Crossovers.resolve(null, shipped(), ZEN5, () -> sub, VERSION);
            assertEquals(64, c.crossover("linalg.gemm", Backend.NATIVE, false), e.getKey());
            assertTrue(c.describe().contains(e.getValue()), c.describe());
        }
    }

    @Test
    void aFileOthersCanWriteOrALinkIsIgnored(@TempDir Path dir) throws IOException {
        Path file = calibrate(dir, ZEN5, Map.of("linalg.gemm.native", 4L));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        Crossovers c = Crossovers.resolve(null, shipped(), ZEN5, () -> dir, VERSION);
        assertEquals(64, c.crossover("linalg.gemm", Backend.NATIVE, false));
        assertTrue(c.describe().contains("it is writable by group or others (mode 666)"), c.describe());

        Path elsewhere = Files.createTempDirectory(dir, "real");
        Path target = calibrate(elsewhere, ZEN5, Map.of("linalg.gemm.native", 4L));
        Files.delete(file);
        Files.createSymbolicLink(file, target);
        c = Crossovers.resolve(null, shipped(), ZEN5, () -> dir, VERSION);
        assertEquals(64, c.crossover("linalg.gemm", Backend.NATIVE, false));
        assertTrue(c.describe().contains("it is a symbolic link"), c.describe());
    }

    @Test
    void aFileOfAnotherUserIsIgnored(@TempDir Path dir) throws IOException {
        assumeTrue(CacheDirectory.currentUid() == 0, "needs root, to give the file to another user");
        Path file = calibrate(dir, ZEN5, Map.of("linalg.gemm.native", 4L));
        Files.setAttribute(file, "unix:uid", 65534);
        Crossovers c = Crossovers.resolve(null, shipped(), ZEN5, () -> dir, VERSION);
        assertEquals(64, c.crossover("linalg.gemm", Backend.NATIVE, false));
        assertTrue(c.describe().contains("it is owned by uid 65534, not by this user (uid 0)"), c.describe());
    }

    @Test
    void anUnusableCacheMeansTheShippedValues() {
        Crossovers c = Crossovers.resolve(null, shipped(), ZEN5, () -> {
            throw new IOException("cache directory /nowhere is owned by uid 7");
        }, VERSION);
        assertEquals(64, c.crossover("linalg.gemm", Backend.NATIVE, false));
    }

    @Test
    void aBadSettingNamesItself() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Crossovers.resolve("calibrated", shipped(), ZEN5, () -> Path.of("/nowhere"), VERSION));
        assertEquals("sxn.crossovers / SXN_CROSSOVERS must be auto or shipped, was 'calibrated'", e.getMessage());
    }

    @Test
    void theShippedFileKeepsSectionsApart() {
        Properties p = new Properties();
        p.setProperty("AMD-Zen5.linalg.gemm.native", "8");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ShippedCrossovers.parse(p, "crossovers.properties"));
        assertTrue(e.getMessage().startsWith("crossovers.properties: AMD-Zen5.linalg.gemm.native must be <cpu>.<family>.<kind>"), e.getMessage());
        ShippedCrossovers s = shipped();
        assertEquals(List.of("amd-zen5"), List.copyOf(s.sections()));
        assertFalse(s.keys().contains("amd-zen5.linalg.gemm.native"), "section lines are not generic lines");
        assertTrue(s.hasSection("amd-zen5"));
    }

    /** The settings as a JVM reads them: sxn.native.dir names the cache, and a stored calibration is in force after a reload. */
    @Test
    void aStoredCalibrationIsInForceAfterAReload(@TempDir Path dir) throws IOException {
        String nativeDir = System.getProperty("sxn.native.dir");
        String setting = System.getProperty("sxn.crossovers");
        try {
            System.setProperty("sxn.native.dir", dir.toString());
            System.setProperty("sxn.crossovers", "auto");
            Path file = CalibratedCrossovers.store(null, WHEN, Map.of("linalg.gemm.vector", 3L), List.of("a test"));
            assertEquals(dir.resolve(CalibratedCrossovers.fileName(CpuKey.current(), Version.VERSION)), file);
            Crossovers.reload();
            assertEquals(3, Crossovers.active().crossover("linalg.gemm", Backend.VECTOR, false));
            if (Backends.isAvailable(Backend.VECTOR)) assertEquals(3, KernelFamilies.GEMM.crossover(Backend.VECTOR));
            assertTrue(Backends.describe().contains("\ncrossovers: calibrated on 2026-01-02 for " + CpuKey.current().identity()), Backends.describe());

            System.setProperty("sxn.crossovers", "shipped");
            Crossovers.reload();
            assertEquals(16, Crossovers.active().crossover("linalg.gemm", Backend.VECTOR, false), "the shipped generic line");
            assertTrue(Backends.describe().contains("\ncrossovers: shipped defaults for " + CpuKey.current().key()), Backends.describe());
        } finally {
            restore("sxn.native.dir", nativeDir);
            restore("sxn.crossovers", setting);
            Crossovers.reload();
        }
    }

    private static void restore(String name, String value) {
        if (value == null) System.clearProperty(name);
        else System.setProperty(name, value);
    }
}
