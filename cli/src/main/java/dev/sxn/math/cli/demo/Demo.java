package dev.sxn.math.cli.demo;

import dev.sxn.math.backend.BackendStatus;
import dev.sxn.math.backend.Backends;
import java.io.PrintStream;
import java.util.List;

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
            new KalmanSection());

    private Demo() {}

    /**
     * Runs the demo.
     *
     * @return the process exit code: 0 when every backend agreed, 1 otherwise
     */
    public static int run(PrintStream out, int assets, int ticks, long seed) {
        out.println("SxN-Math demo: " + assets + " synthetic assets x " + ticks + " ticks, seed " + seed);
        for (BackendStatus s : Backends.statuses()) out.println("  " + s);
        out.println("Times are the best of 3 runs after a warm-up of >= 0.5 s per backend (a demo, not a benchmark:");
        out.println("see BENCHMARKS.md for JMH numbers). 'agrees' = within the stated tolerance of plain Java.");
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
}
