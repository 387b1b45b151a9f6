package dev.sxn.math.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sxn garch} and the risk lines of {@code sxn --help} through {@link Main} in a child JVM: exit statuses and streams. */
class RiskCommandsProcessTest {
    @TempDir
    Path dir;

    @Test
    void garchThroughMainExitsZeroOnAFitAndTwoOnBadInput() throws Exception {
        String dax = References.path("eustockmarkets.csv").toString();
        SxnProcess.Result ok = SxnProcess.run(dir, "", List.of(), List.of("garch", "--input", dax, "--column", "SMI", "--horizon", "2"), "");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("status: CONVERGED") && ok.out().contains("shape"), ok.out());
        SxnProcess.Result bad = SxnProcess.run(dir, "", List.of(), List.of("garch", "--input", dax), "");
        assertEquals(2, bad.code(), bad.err());
        assertEquals("", bad.out());
        assertTrue(bad.err().startsWith("sxn garch: ") && bad.err().contains("no column 'close'") && bad.err().lines().count() == 1, bad.err());
    }

    @Test
    void helpListsGarchAndTheRiskComputations() throws Exception {
        SxnProcess.Result r = SxnProcess.run(dir, "", List.of(), List.of("--help"), "");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("garch --input FILE") && r.out().contains("compute metrics|var"), r.out());
    }
}
