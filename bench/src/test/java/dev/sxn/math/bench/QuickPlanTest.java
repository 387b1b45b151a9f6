package dev.sxn.math.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.bench.report.RunCost;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The plan {@code sxn bench} runs, from JMH's generated benchmark list and the {@link Quick} annotations, without
 * running it: every suite class contributes its benchmarks (nested state classes too), the quick entries cut what
 * they name, and the whole quick plan fits the 15-minute budget by the cost model of the newest checked-in quick run.
 */
class QuickPlanTest {
    /** The budget for {@code sxn bench --quick} on this machine, all classes together. */
    static final double BUDGET_S = 15 * 60;

    static List<QuickPlan.Trial> quickPlan() {
        return QuickPlan.plan(Suite.CLASSES, Pattern.compile(".*"), true);
    }

    @Test
    void everySuiteClassHasBenchmarksNestedOnesIncluded() {
        List<QuickPlan.Trial> plan = quickPlan();
        for (Class<?> c : Suite.CLASSES) {
            assertTrue(plan.stream().anyMatch(t -> t.suiteClass() == c), c.getSimpleName() + " has no benchmark in the plan");
        }
        // SpectralBench's methods live in its nested state classes.
        assertTrue(plan.stream().anyMatch(t -> t.benchmark().equals("dev.sxn.math.bench.SpectralBench.Fft.complex")));
        assertTrue(plan.stream().anyMatch(t -> t.benchmark().equals("dev.sxn.math.bench.SpectralBench.Rolling.rollingEntropy")));
        // The filter matches Class.method with the top-level class's simple name.
        List<QuickPlan.Trial> one = QuickPlan.plan(Suite.CLASSES, Pattern.compile("^SpectralBench\\.realFft$"), true);
        assertEquals(1, one.size());
    }

    @Test
    void quickEntriesCutOnlyWhatTheyName() {
        Map<String, String[]> p = new LinkedHashMap<>();
        p.put("size", new String[] {"1", "2", "3"});
        p.put("backend", new String[] {"JAVA", "VECTOR", "LOOP"});
        QuickPlan.apply(new String[] {"size=2", "missing=1", "batch.*:backend=VECTOR,LOOP"}, "sma", p);
        assertArrayEquals(new String[] {"2"}, p.get("size"));
        assertArrayEquals(new String[] {"JAVA", "VECTOR", "LOOP"}, p.get("backend"), "a method the qualifier does not match keeps its list");
        assertFalse(p.containsKey("missing"), "a parameter the method lacks is not added");
        QuickPlan.apply(new String[] {"batch.*:backend=VECTOR, LOOP"}, "batchEma", p);
        assertArrayEquals(new String[] {"VECTOR", "LOOP"}, p.get("backend"));
        assertThrows(IllegalArgumentException.class, () -> QuickPlan.apply(new String[] {"size"}, "sma", p));
    }

    @Test
    void quickRowsAndKeysFollowTheParameterLists() {
        QuickPlan.Trial t = quickPlan().stream().filter(x -> x.benchmark().endsWith("SpectralBench.Fft.complex")).findFirst().orElseThrow();
        long product = 1;
        for (String[] v : t.params().values()) product *= v.length;
        assertEquals(product, t.rows());
        assertEquals(t.rows(), t.rowParams().size());
        assertEquals(t.params().keySet(), t.rowParams().get(0).keySet());
        assertEquals("SpectralBench.complex", t.name());
        // The full profile runs every declared value: at least as many rows as the quick one.
        assertTrue(QuickPlan.rows(QuickPlan.plan(Suite.CLASSES, Pattern.compile(".*"), false)) >= QuickPlan.rows(quickPlan()));
    }

    /**
     * The budget, checked without running the suite. Rows: a row costs at least its fork and setup (what the newest
     * quick run's wall time leaves after its iterations, per row) plus one warm-up and three measurements, so the
     * plan may have at most BUDGET_S / that many rows. Time: the same model with each row's own time per operation
     * where that run measured it must stay within BUDGET_S.
     */
    @Test
    void costModelScalesAnUnmeasuredSizeFromTheNearestMeasuredOne() throws IOException {
        RunCost cost = QuickPlan.cost(Path.of(".."));
        assertNotNull(cost);
        // The quick run measured RandomBench.uniforms at n = 1048576; half the size (nearest to it) takes half the time.
        Map<String, String> p = new java.util.TreeMap<>(Map.of("backend", "NATIVE", "generator", "PHILOX_4X32", "n", "1048576"));
        double full = cost.secondsPerOp("RandomBench.uniforms", p);
        assertTrue(full > 0, "measured: " + full);
        p.put("n", "524288");
        assertEquals(full / 2, cost.secondsPerOp("RandomBench.uniforms", p), full * 1e-12);
        assertTrue(Double.isNaN(cost.secondsPerOp("NoSuchBench.x", Map.of("n", "1"))));
    }

    @Test
    void quickPlanFitsTheFifteenMinutes() throws IOException {
        RunCost cost = QuickPlan.cost(Path.of(".."));
        assertNotNull(cost, "no bench/results/quick-*.json to take the cost model from");
        List<QuickPlan.Trial> plan = quickPlan();
        double lightRow = cost.overheadPerRow() + QuickPlan.QUICK_WARMUP_S + QuickPlan.QUICK_MEASUREMENTS * QuickPlan.QUICK_MEASUREMENT_S;
        long maxRows = (long) (BUDGET_S / lightRow);
        QuickPlan.Estimate e = QuickPlan.estimate(plan, cost);
        System.out.print(e.text());
        assertTrue(QuickPlan.rows(plan) <= maxRows, "the quick plan has " + QuickPlan.rows(plan) + " rows, must be <= " + maxRows
                + " (15 min / " + lightRow + " s per row)");
        assertTrue(e.seconds() <= BUDGET_S, "the quick plan must take <= " + BUDGET_S + " s, was an estimated " + e.seconds() + " s:\n" + e.text());
    }
}
