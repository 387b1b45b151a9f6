package dev.sxn.math.cli.demo;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.BackendStatus;
import dev.sxn.math.backend.Backends;
import dev.sxn.math.backend.WarmUpReport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code sxn demo}: generates the seeded synthetic market and runs every kernel family on every
 * available backend, printing results, per-backend times and agreement with plain Java.
 */
public final class Demo {
    /** The sections, in the order they run. Each kernel issue adds its own. */
    static final List<DemoSection> SECTIONS = List.of(
            new VectorOpsSection(),
            new IndicatorsSection(),
            new SpectralSection(),
            new LinalgSection(),
            new LinalgVectorSection(),
            new MatrixProfileSection(),
            new DynamicsSection(),
            new KalmanSection(),
            new StochasticSection(),
            new RiskSection(),
            new RegimeSection(),
            new AmmSection(),
            new StreamingSection());

    private Demo() {}

    /** The default budget of the warm-up before the sections (see {@link #run}). */
    public static final Duration DEFAULT_WARM_UP = Duration.ofSeconds(60);

    /**
     * Runs the demo.
     *
     * <p>Before the sections it warms every kernel family on JAVA, VECTOR and NATIVE with
     * {@code Backends.warmUp(warmUp, kinds)}: a Vector API kernel runs its slow fallback until C2 has compiled
     * it, which takes seconds in a fresh JVM, and a demo timing the first second of a kernel's life showed VECTOR
     * slower than JAVA. The warm-up stops when every kernel's time has settled or the budget is spent, and the
     * demo says which did not settle. OPENCL needs no JIT warm-up (its first call builds the program, which the
     * per-computation warm-up covers).
     *
     * @param warmUp the budget of that warm-up ({@link Duration#ZERO}: none, only the per-computation one)
     * @return the process exit code: 0 when every backend agreed, 1 otherwise
     */
    public static int run(PrintStream out, int assets, int ticks, long seed, Duration warmUp) {
        out.println("SxN-Math demo: " + assets + " synthetic assets x " + ticks + " ticks, seed " + seed);
        for (BackendStatus s : Backends.statuses()) out.println("  " + s);
        warmUp(out, warmUp);
        out.println("Times are the best of 3 runs after that warm-up and >= 0.5 s more per computation and backend (a demo, not a");
        out.println("benchmark: see BENCHMARKS.md for JMH numbers). 'agrees' = within the stated tolerance of plain Java.");
        System.err.println("  ... generating the market");
        SyntheticMarket market = SyntheticMarket.generate(assets, ticks, seed, 5e-4);
        DemoContext ctx = new DemoContext(market, out);
        for (DemoSection section : SECTIONS) {
            out.println();
            out.println("== " + section.title());
            long t0 = System.nanoTime();
            try {
                section.run(ctx);
            } catch (RuntimeException e) {
                ctx.fail(section.title() + " threw " + e);
                e.printStackTrace();
            }
            ctx.line("(section took %.2f s)", (System.nanoTime() - t0) / 1e9);
        }
        out.println();
        if (ctx.failures().isEmpty()) {
            out.println("demo: all " + SECTIONS.size() + " sections ran; every backend agreed with plain Java.");
            return 0;
        }
        out.println("demo: " + ctx.failures().size() + " failure(s):");
        for (String f : ctx.failures()) out.println("  " + f);
        return 1;
    }

    /** Warms every family on the CPU kinds available here and prints one line, plus the kernels that did not settle. */
    private static void warmUp(PrintStream out, Duration budget) {
        if (budget.isZero()) {
            out.println("Warm-up: none before the sections (--warmup 0).");
            return;
        }
        Set<Backend> kinds = EnumSet.noneOf(Backend.class);
        for (Backend k : List.of(Backend.JAVA, Backend.VECTOR, Backend.NATIVE)) if (Backends.isAvailable(k)) kinds.add(k);
        System.err.println("  ... warming up every kernel on " + kinds + " (at most " + budget.toSeconds() + " s)");
        WarmUpReport r = Backends.warmUp(budget, kinds);
        long ran = r.entries().stream().filter(e -> e.outcome() != WarmUpReport.Outcome.SKIPPED).count();
        List<WarmUpReport.Entry> unsettled = r.entries().stream().filter(e -> e.outcome() == WarmUpReport.Outcome.BUDGET_SPENT
                || e.outcome() == WarmUpReport.Outcome.FAILED).toList();
        out.println(String.format(Locale.ROOT, "Warm-up: Backends.warmUp on %s took %.1f s of its %d s budget; %d of %d kernels settled.",
                kinds, r.elapsed().toNanos() / 1e9, budget.toSeconds(), ran - unsettled.size(), ran));
        for (WarmUpReport.Entry e : unsettled) out.println("  not settled (its times below may include JIT warm-up): " + e);
    }
}
