package dev.sxn.math.backend;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Backends#calibrate(Duration)} measured: per kernel family and backend kind, the size from which the
 * kind is chosen automatically on this machine, beside the shipped value it replaces; and where it was stored.
 *
 * @param cpu the exact CPU it was measured on (model name, vendor, family, model, stepping)
 * @param cpuKey the CPU's family key ({@code amd-zen5}, {@code intel-spr}, ..., or {@code generic})
 * @param libraryVersion the library version it holds for
 * @param when when the measurement ended
 * @param elapsed how long it took
 * @param crossovers one entry per family and kind (JAVA excluded), in the registry's order
 * @param file the file it was stored in, used by every later JVM on this CPU and version; null if not stored
 * @param notStored why it was not stored (one line), or null
 */
public record Calibration(String cpu, String cpuKey, String libraryVersion, Instant when, Duration elapsed, List<Crossover> crossovers,
        Path file, String notStored) {
    /** A crossover meaning "never chosen automatically; only when pinned or forced". */
    public static final long NEVER = Long.MAX_VALUE;

    /** Copies the list. */
    public Calibration {
        Objects.requireNonNull(cpu, "cpu");
        Objects.requireNonNull(cpuKey, "cpuKey");
        Objects.requireNonNull(libraryVersion, "libraryVersion");
        Objects.requireNonNull(when, "when");
        Objects.requireNonNull(elapsed, "elapsed");
        crossovers = List.copyOf(crossovers);
    }

    /**
     * One family's kind.
     *
     * @param family the family's name (as in {@link Backends#operations()})
     * @param kind the kind
     * @param measured whether this run decided it; if not, {@code size} is the shipped value and {@code note} says why
     * @param size the crossover in the family's size unit, or {@link #NEVER}
     * @param shipped the shipped crossover for this CPU family, or {@link #NEVER}
     * @param note how it was decided, or why it was not measured
     */
    public record Crossover(String family, Backend kind, boolean measured, long size, long shipped, String note) {
        /** "NATIVE 8 (shipped 8)", "VECTOR never (shipped 64)", "OPENCL shipped never (not measured: ...)". */
        @Override
        public String toString() {
            return kind + (measured ? " " + text(size) + " (shipped " + text(shipped) + ")" : " shipped " + text(shipped) + " (" + note + ")");
        }
    }

    /** The measured entries only. */
    public List<Crossover> measured() {
        return crossovers.stream().filter(Crossover::measured).toList();
    }

    /**
     * A report: a header line, one line per family with its kinds ("linalg.gemm: NATIVE 8 (shipped 8), VECTOR 16
     * (shipped 16)"), and where it was stored.
     */
    public String report() {
        StringBuilder sb = new StringBuilder("calibrated " + measured().size() + " of " + crossovers.size() + " crossovers in "
                + String.format("%.1f", elapsed.toMillis() / 1000.0) + " s on " + cpu + " (" + cpuKey + "), sxn-math " + libraryVersion + "\n");
        String family = null;
        for (Crossover c : crossovers) {
            if (!c.family().equals(family)) {
                if (family != null) sb.append('\n');
                family = c.family();
                sb.append("  ").append(family).append(": ");
            } else {
                sb.append(", ");
            }
            sb.append(c);
        }
        if (family != null) sb.append('\n');
        sb.append(file != null ? "stored in " + file : "not stored: " + notStored).append('\n');
        return sb.toString();
    }

    private static String text(long n) {
        return n == NEVER ? "never" : Long.toString(n);
    }
}
