package dev.sxn.math.internal.calibration;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Calibration;
import dev.sxn.math.internal.CalibratedCrossovers;
import dev.sxn.math.internal.Checks;
import dev.sxn.math.internal.Config;
import dev.sxn.math.internal.CpuKey;
import dev.sxn.math.internal.Crossovers;
import dev.sxn.math.internal.Detection;
import dev.sxn.math.internal.OpenClSupport;
import dev.sxn.math.internal.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * {@code sxn calibrate}: measures on this machine, within a time budget, from which size each backend kind is
 * chosen automatically in each kernel family, stores the result in the user's cache, where every later JVM on
 * this CPU and library version uses it ({@link Crossovers}), and puts it in force in this JVM.
 *
 * <p>How: every family has a {@link Probe} (a geometric sweep of sizes and a public call for each). The families
 * are calibrated one at a time, each with an equal share of the budget left. First its kinds (JAVA too) are warmed
 * up round robin, climbing the sizes as their calls get fast, until each one's best time per call at the largest
 * size stops improving while the JIT is quiet (compiled by C2; see {@code Sweep}), for up to {@value #WARM_PERCENT}%
 * of the share. Then it is timed from its largest size down (thread CPU time, see {@link CallClock}; best of several
 * repetitions; JAVA beside every kind) until each kind has been slower once; {@link CrossoverRule} turns the timings
 * into crossovers. A kind that never got steady, or whose rivals did not, is not measured and keeps its shipped
 * value. The budget is kept to within about one call per family and kind.
 */
public final class Calibrator {
    /** The part of a family's share its warm-up may take; the sweep has the rest. */
    private static final int WARM_PERCENT = 75;
    private static final long MIN_SLICE = 1_000_000L;
    private static final long MAX_SLICE = 10_000_000L;

    private Calibrator() {}

    /**
     * The kinds calibrated by default: VECTOR and NATIVE, and OPENCL when its device is a GPU (on a CPU device it
     * never won in the shipped measurements, and building its kernels there takes seconds of the budget).
     */
    public static Set<Backend> defaultKinds() {
        Set<Backend> kinds = EnumSet.of(Backend.VECTOR, Backend.NATIVE);
        if (Detection.statuses().get(Backend.OPENCL).available() && OpenClSupport.isGpu()) kinds.add(Backend.OPENCL);
        return kinds;
    }

    /**
     * Calibrates every family, stores the result in the user's cache and puts it in force in this JVM.
     *
     * @param budget the time to spend, in [1 ms, 1 hour]
     * @param kinds the kinds to calibrate (JAVA is always the reference; others are ignored where unavailable)
     * @param progress told one line per family as it is done
     * @throws IllegalArgumentException if the budget is out of range, or {@code sxn.crossovers} is invalid
     */
    public static Calibration calibrate(Duration budget, Set<Backend> kinds, Consumer<String> progress) {
        checkBudget(budget);
        Checks.notNull(kinds, "kinds");
        Checks.notNull(progress, "progress");
        return run(Probes.all(), budget, kinds, progress, null, true);
    }

    static void checkBudget(Duration budget) {
        Checks.notNull(budget, "budget");
        if (budget.compareTo(Duration.ofMillis(1)) < 0 || budget.compareTo(Duration.ofHours(1)) > 0) {
            throw Checks.invalid("budget", budget, "be between 1 ms and 1 hour");
        }
    }

    /**
     * Calibrates the families of {@code probes} and stores what was measured in {@code dir} (null: the user's cache);
     * with {@code apply}, puts it in force in this JVM.
     */
    static Calibration run(List<Probe> probes, Duration budget, Set<Backend> kinds, Consumer<String> progress, Path dir, boolean apply) {
        // Detection (seconds where an OpenCL platform is probed) comes before the clock starts: the budget is for measuring.
        Crossovers current = Crossovers.active();
        boolean gpu = kinds.contains(Backend.OPENCL) && Detection.statuses().get(Backend.OPENCL).available() && OpenClSupport.isGpu();
        long start = System.nanoTime();
        long end = start + budget.toNanos();
        List<Sweep> sweeps = new ArrayList<>();
        for (Probe p : probes) sweeps.add(new Sweep(p, kinds));
        Map<Sweep, List<Calibration.Crossover>> outcomes = new HashMap<>();
        List<Sweep> pending = new ArrayList<>();
        for (Sweep s : sweeps) {
            if (s.order.isEmpty()) done(s, outcomes, current, gpu, progress, start);
            else pending.add(s);
        }
        // One family at a time, each with an equal share of what is left (what one leaves over goes to the next): a
        // warm-up of up to WARM_PERCENT of the share, then the sweep. Alone, a family's calls are the JIT's only work,
        // so a quiet JIT means its code is compiled.
        for (int i = 0; i < pending.size(); i++) {
            Sweep s = pending.get(i);
            long now = System.nanoTime();
            long share = Math.max(0, (end - now) / (pending.size() - i));
            s.warmUp(now + share * WARM_PERCENT / 100, Math.max(MIN_SLICE, Math.min(MAX_SLICE, share / 100)));
            s.measure(now + share);
            done(s, outcomes, current, gpu, progress, start);
        }
        List<Calibration.Crossover> all = new ArrayList<>();
        for (Sweep s : sweeps) all.addAll(outcomes.get(s));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Instant when = Instant.now();
        Map<String, Long> values = new TreeMap<>();
        for (Calibration.Crossover c : all) if (c.measured()) values.put(c.family() + "." + Config.key(c.kind()), c.size());
        Path file = null;
        String notStored = null;
        if (values.isEmpty()) {
            notStored = "nothing was measured (a budget too small to warm the kernels up, or no kind besides JAVA available)";
        } else {
            try {
                file = CalibratedCrossovers.store(dir, when, values, List.of("budget " + budget + ", took " + elapsed
                        + "; kinds " + kinds + "; " + values.size() + " crossovers measured, the others shipped"));
                if (apply) Crossovers.reload();
            } catch (IOException | RuntimeException e) {
                notStored = "cannot write to the cache directory: " + e.getMessage();
            }
        }
        CpuKey cpu = current.cpu();
        return new Calibration(cpu.identity(), cpu.key(), Version.VERSION, when, elapsed, all, file, notStored);
    }

    /** Records a family's outcome and tells {@code progress}. */
    private static void done(Sweep s, Map<Sweep, List<Calibration.Crossover>> outcomes, Crossovers current, boolean gpu,
            Consumer<String> progress, long start) {
        List<Calibration.Crossover> out = s.outcome(current, gpu);
        outcomes.put(s, out);
        progress.accept(String.format("%5.1f s  ", (System.nanoTime() - start) * 1e-9) + s.family.name() + ": "
                + (out.isEmpty() ? "JAVA only" : String.join(", ", out.stream().map(Object::toString).toList())));
    }
}
