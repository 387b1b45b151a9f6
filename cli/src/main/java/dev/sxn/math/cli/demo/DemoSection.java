package dev.sxn.math.cli.demo;

/**
 * One part of {@code sxn demo}: a kernel family run on the synthetic market on every available
 * backend. Sections are listed in {@link Demo#SECTIONS}; each prints through the context.
 */
public interface DemoSection {
    /** A short title, printed as the section's heading. */
    String title();

    /** Runs the section; throws if a result is wrong (the demo then exits non-zero). */
    void run(DemoContext ctx);
}
