package dev.sxn.math.backend;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@link Backends#warmUp(Duration)} did: one entry per kernel family and kind it considered, with the
 * calls it made and the time they took, and whether the calls' times had settled when it stopped.
 *
 * @param budget the time the caller allowed
 * @param elapsed the time the warm-up took (it finishes the call in progress when the budget runs out, so this
 *     may exceed the budget by one representative call)
 * @param entries per family and kind, in the order of the family registry ({@code Backends.operations()})
 */
public record WarmUpReport(Duration budget, Duration elapsed, List<Entry> entries) {
    /** Checks for nulls and copies the entries. */
    public WarmUpReport {
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(elapsed, "elapsed");
        entries = List.copyOf(entries);
    }

    /** How the warm-up of one family on one kind ended. */
    public enum Outcome {
        /** The representative call's time settled (see {@link Backends#warmUp(Duration)} for the rule). */
        STEADY,
        /** The budget ran out before the kind counted as steady; it may still be running uncompiled code. */
        BUDGET_SPENT,
        /** Not run: the kind is unavailable, its kernel class failed to load, or the family has no
         *  representative call the library can make on the host's behalf; {@link Entry#detail()} says which. */
        SKIPPED,
        /** A representative call threw; {@link Entry#detail()} has the exception. The kind is not switched off. */
        FAILED
    }

    /**
     * One family on one kind.
     *
     * @param family the family's name, as in {@code Backends.operations()} ("linalg.gemm")
     * @param kind the kind its calls were pinned to
     * @param calls representative calls made
     * @param time wall-clock time those calls took
     * @param best the fastest of those calls ({@link Duration#ZERO} when none was made)
     * @param outcome how it ended
     * @param detail why it was skipped or failed; empty otherwise
     */
    public record Entry(String family, Backend kind, int calls, Duration time, Duration best, Outcome outcome, String detail) {
        /** Checks for nulls. */
        public Entry {
            Objects.requireNonNull(family, "family");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(best, "best");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(detail, "detail");
        }

        /** One line: {@code "<family> <KIND>: <OUTCOME> after <calls> calls, <seconds> s (best call <time>)"}. */
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s %s: %s after %d calls, %.3f s%s", family, kind, outcome, calls,
                    time.toNanos() / 1e9, calls == 0 ? "" : String.format(Locale.ROOT, " (best call %.1f us)", best.toNanos() / 1e3))
                    + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** The entries of {@code family}. */
    public List<Entry> of(String family) {
        return entries.stream().filter(e -> e.family.equals(family)).toList();
    }

    /** Whether every entry that ran reached {@link Outcome#STEADY}. */
    public boolean allSteady() {
        return entries.stream().allMatch(e -> e.outcome == Outcome.STEADY || e.outcome == Outcome.SKIPPED);
    }

    /** A multi-line report: the total, then one entry per line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "warm-up: %.3f s of a %.3f s budget%n",
                elapsed.toNanos() / 1e9, budget.toNanos() / 1e9));
        for (Entry e : entries) sb.append("  ").append(e).append('\n');
        return sb.toString();
    }
}
