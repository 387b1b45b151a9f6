package dev.sxn.math.internal;

import dev.sxn.math.backend.Backend;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * The crossover sizes in force in this JVM: from which problem size each backend kind is chosen automatically,
 * per kernel family. Three sources, the first that has a value wins:
 * <ol>
 *   <li>the calibration {@code sxn calibrate} stored for this exact CPU and library version in the user's cache
 *       ({@link CalibratedCrossovers}), unless {@code sxn.crossovers} / {@code SXN_CROSSOVERS} is {@code shipped};
 *   <li>the shipped section for this CPU family ({@link CpuKey}, e.g. {@code amd-zen5.linalg.gemm.native});
 *   <li>the shipped generic line ({@code linalg.gemm.native}); see {@link ShippedCrossovers}.
 * </ol>
 * {@code -Dsxn.crossover.<family>.<kind>=N} overrides all three for one family and kind
 * ({@link KernelFamily#crossover}). A crossover is a size or {@link #NEVER} ("only when pinned or forced").
 *
 * <p>Resolved once per JVM, on the first kernel call, and again after a calibration ({@link #reload()}).
 * Immutable; thread-safe.
 */
public final class Crossovers {
    /** Crossover meaning "never chosen automatically; only when pinned or forced". */
    public static final long NEVER = Long.MAX_VALUE;

    private static volatile Crossovers active;

    private final ShippedCrossovers shipped;
    private final CpuKey cpu;
    private final CalibratedCrossovers.Calibration calibration; // null: none in force
    private final String note; // why no calibration is in force, or null

    private Crossovers(ShippedCrossovers shipped, CpuKey cpu, CalibratedCrossovers.Calibration calibration, String note) {
        this.shipped = shipped;
        this.cpu = cpu;
        this.calibration = calibration;
        this.note = note;
    }

    /**
     * The crossovers in force in this JVM: resolved on first use from the settings, this CPU and the user's cache.
     *
     * @throws IllegalArgumentException if {@code sxn.crossovers} / {@code SXN_CROSSOVERS} is not {@code auto} or
     *     {@code shipped} (on every call until it is fixed)
     */
    public static Crossovers active() {
        Crossovers c = active;
        if (c == null) {
            synchronized (Crossovers.class) {
                c = active;
                if (c == null) active = c = resolve(Config.setting("sxn.crossovers", "SXN_CROSSOVERS").orElse(null), ShippedCrossovers.get(),
                        CpuKey.current(), CacheDirectory::root, Version.VERSION);
            }
        }
        return c;
    }

    /** Forgets the crossovers in force, so the next use reads them again (after {@code sxn calibrate} stored new ones). */
    public static void reload() {
        synchronized (Crossovers.class) {
            active = null;
        }
        for (KernelFamily f : KernelFamilies.all()) f.forgetCrossovers();
    }

    /** The directory of the user's cache, or an IOException saying why it is unusable. */
    @FunctionalInterface
    interface CacheRoot {
        /** The directory. */
        Path get() throws IOException;
    }

    /**
     * The crossovers for {@code cpu} from {@code shipped} and the calibration in {@code cache} for
     * {@code version}, under the setting {@code setting} ({@code auto}, {@code shipped} or null for auto).
     *
     * @throws IllegalArgumentException if the setting is neither
     */
    static Crossovers resolve(String setting, ShippedCrossovers shipped, CpuKey cpu, CacheRoot cache, String version) {
        String s = setting == null ? "auto" : setting.strip().toLowerCase(Locale.ROOT);
        if (s.equals("shipped")) return new Crossovers(shipped, cpu, null, "calibration not used: sxn.crossovers=shipped");
        if (!s.equals("auto")) throw Checks.invalid("sxn.crossovers / SXN_CROSSOVERS", "'" + setting + "'", "be auto or shipped");
        Path dir;
        try {
            dir = cache.get();
        } catch (IOException | RuntimeException e) {
            // The native loader reports an unusable cache directory; here it only means "no calibration".
            Log.logger().log(System.Logger.Level.DEBUG, "no calibrated crossovers: " + e.getMessage());
            return new Crossovers(shipped, cpu, null, null);
        }
        CalibratedCrossovers.Lookup l = CalibratedCrossovers.read(dir, cpu, version);
        return new Crossovers(shipped, cpu, l.calibration(), l.ignored() == null ? null : "calibration ignored: " + l.ignored());
    }

    /** The crossovers shipped for {@code cpu}, ignoring any calibration. */
    static Crossovers shippedFor(ShippedCrossovers shipped, CpuKey cpu) {
        return new Crossovers(shipped, cpu, null, null);
    }

    /**
     * The crossover of {@code kind} in {@code family} ({@code gpu}: OPENCL runs on a GPU device). A family's kind
     * with no value in any source is never chosen automatically (and {@code CrossoversTest} fails).
     */
    public long crossover(String family, Backend kind, boolean gpu) {
        String key = family + "." + Config.key(kind);
        Long v = calibration == null ? null : calibration.values().get(key);
        if (v == null) v = shipped.value(cpu.key(), key, gpu);
        if (v == null) {
            Log.once("crossover/" + key, System.Logger.Level.WARNING, "no crossover for " + key + " in " + ShippedCrossovers.RESOURCE
                    + "; that kind is used only when pinned");
            return NEVER;
        }
        return v;
    }

    /** The shipped crossover of {@code kind} in {@code family} for this CPU family (the calibration left out). */
    public long shipped(String family, Backend kind, boolean gpu) {
        Long v = shipped.value(cpu.key(), family + "." + Config.key(kind), gpu);
        return v == null ? NEVER : v;
    }

    /** The CPU these crossovers are for. */
    public CpuKey cpu() {
        return cpu;
    }

    /** The calibration in force, or null. */
    public CalibratedCrossovers.Calibration calibration() {
        return calibration;
    }

    /**
     * Where the crossovers come from, one line for {@code sxn info}: "calibrated on 2026-12-07 for &lt;CPU&gt;
     * (&lt;file&gt;); what it did not measure: shipped defaults for amd-zen5", or "shipped defaults for amd-zen5
     * (its section of crossovers.properties)" / "(no section for it: the generic values)", with why a calibration
     * is not in force where one was looked at and not used.
     */
    public String describe() {
        String section = shipped.hasSection(cpu.key()) ? " (its section of " + ShippedCrossovers.RESOURCE + ", else the generic values)"
                : " (no section for it in " + ShippedCrossovers.RESOURCE + ": the generic values)";
        String shippedPart = "shipped defaults for " + cpu.key() + section;
        if (calibration != null) {
            return "calibrated on " + calibration.when().atOffset(ZoneOffset.UTC).toLocalDate() + " for " + calibration.identity() + " ("
                    + calibration.file() + "); what it did not measure: " + shippedPart;
        }
        return shippedPart + (note == null ? "" : "; " + note);
    }
}
