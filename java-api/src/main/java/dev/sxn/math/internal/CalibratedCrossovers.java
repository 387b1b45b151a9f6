package dev.sxn.math.internal;

import dev.sxn.math.backend.Backend;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The crossovers {@code sxn calibrate} measured on this machine: one file per CPU and library version in the
 * user's private cache directory ({@link CacheDirectory#root()}), named
 * {@code crossovers-<cpu key>-<hash of the CPU identity>-<version>.properties}. It holds the CPU identity, the
 * library version and the time of the measurement ({@code sxn.calibration.*}), then
 * {@code <family>.<kind> = <size>|never} lines for what was measured.
 *
 * <p>A file is used only when its identity and version are this CPU's and this library's. A file that is not
 * a regular file of this user that nobody else can write, or that does not parse as such lines, is ignored
 * with one warning naming the file and the problem: a broken calibration costs speed, never a failed call.
 */
public final class CalibratedCrossovers {
    static final String CPU = "sxn.calibration.cpu";
    static final String CPU_KEY = "sxn.calibration.cpuKey";
    static final String VERSION = "sxn.calibration.version";
    static final String WHEN = "sxn.calibration.date";
    private static final int GROUP_OR_OTHERS_WRITE = 0022;
    private static final long MAX_BYTES = 1 << 16;

    /**
     * A calibration read from a file.
     *
     * @param file where it was read from
     * @param identity the CPU it was measured on
     * @param when when it was measured
     * @param values the measured crossovers, {@code <family>.<kind>} to a size or {@link Crossovers#NEVER}
     */
    public record Calibration(Path file, String identity, Instant when, Map<String, Long> values) {}

    /**
     * What a look for this machine's file found: a calibration, or why a file there was ignored (both null when
     * there is no file).
     */
    public record Lookup(Calibration calibration, String ignored) {
        static final Lookup NONE = new Lookup(null, null);
    }

    private CalibratedCrossovers() {}

    /** The file name for {@code cpu} and library {@code version}. */
    public static String fileName(CpuKey cpu, String version) {
        return "crossovers-" + cpu.key() + "-" + shortHash(cpu.identity()) + "-" + version.replaceAll("[^A-Za-z0-9._-]", "_")
                + ".properties";
    }

    /**
     * Reads this machine's calibration from {@code dir}. A file that fails a check is reported once (a warning
     * naming the file and the fix) and ignored.
     */
    public static Lookup read(Path dir, CpuKey cpu, String version) {
        Path file = dir.resolve(fileName(cpu, version));
        String problem;
        try {
            problem = checkFile(file);
            if (problem == null) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                Object parsed = parse(file, text, cpu, version);
                if (parsed instanceof Calibration c) return new Lookup(c, null);
                problem = (String) parsed;
            }
        } catch (NoSuchFileException e) {
            return Lookup.NONE;
        } catch (IOException | RuntimeException e) {
            problem = "cannot read it (" + e + ")";
        }
        Log.once("crossovers/" + file, System.Logger.Level.WARNING, "ignoring the calibrated crossovers in " + file + ": " + problem
                + "; run sxn calibrate again, or delete the file");
        return new Lookup(null, file + ": " + problem);
    }

    /** Null when {@code file} is a regular file of this user that nobody else can write, else what is wrong. */
    private static String checkFile(Path file) throws IOException {
        Map<String, Object> a = Files.readAttributes(file, "unix:isSymbolicLink,isRegularFile,uid,mode,size", LinkOption.NOFOLLOW_LINKS);
        if ((Boolean) a.get("isSymbolicLink")) return "it is a symbolic link";
        if (!(Boolean) a.get("isRegularFile")) return "it is not a regular file";
        int me = CacheDirectory.currentUid();
        if ((Integer) a.get("uid") != me) return "it is owned by uid " + a.get("uid") + ", not by this user (uid " + me + ")";
        int mode = (Integer) a.get("mode");
        if ((mode & GROUP_OR_OTHERS_WRITE) != 0) return "it is writable by group or others (mode " + Integer.toOctalString(mode & 0777) + ")";
        if ((Long) a.get("size") > MAX_BYTES) return "it is larger than " + MAX_BYTES + " bytes";
        return null;
    }

    /** The calibration in {@code text}, or a String saying what is wrong with it. */
    static Object parse(Path file, String text, CpuKey cpu, String version) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            return "it is not a properties file (" + e.getMessage() + ")";
        }
        String identity = p.getProperty(CPU);
        if (identity == null || p.getProperty(VERSION) == null || p.getProperty(WHEN) == null) {
            return "it lacks " + CPU + ", " + VERSION + " or " + WHEN;
        }
        if (!identity.equals(cpu.identity())) return "it was measured on " + identity + ", not on this CPU (" + cpu.identity() + ")";
        if (!p.getProperty(VERSION).equals(version)) return "it was measured with sxn-math " + p.getProperty(VERSION) + ", not " + version;
        Instant when;
        try {
            when = Instant.parse(p.getProperty(WHEN).strip());
        } catch (DateTimeParseException e) {
            return WHEN + " must be an ISO-8601 instant, was '" + p.getProperty(WHEN) + "'";
        }
        Map<String, Long> values = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("sxn.calibration.")) continue;
            String problem = checkKey(key);
            if (problem != null) return problem;
            try {
                values.put(key, ShippedCrossovers.parseValue(key, p.getProperty(key), file.getFileName().toString()));
            } catch (IllegalStateException e) {
                return e.getMessage();
            }
        }
        return new Calibration(file, identity, when, Collections.unmodifiableMap(values));
    }

    /** Null when {@code key} is {@code <family>.<kind>} of a family that has that kind, else what is wrong. */
    private static String checkKey(String key) {
        int dot = key.lastIndexOf('.');
        if (dot > 0) {
            String family = key.substring(0, dot), kind = key.substring(dot + 1);
            for (KernelFamily f : KernelFamilies.all()) {
                if (!f.name().equals(family)) continue;
                for (Backend b : f.kinds()) if (b != Backend.JAVA && Config.key(b).equals(kind)) return null;
            }
        }
        return "'" + key + "' is not <family>.<kind> of a kernel family that has that kind";
    }

    /**
     * Stores a calibration of this machine's CPU for this library version in {@code dir}, or in the user's cache
     * ({@link CacheDirectory#root()}) when {@code dir} is null, and returns the file.
     *
     * @throws IOException naming the directory and what is wrong with it
     */
    public static Path store(Path dir, Instant when, Map<String, Long> values, Iterable<String> notes) throws IOException {
        return write(dir != null ? dir : CacheDirectory.root(), CpuKey.current(), Version.VERSION, when, values, notes);
    }

    /**
     * Writes a calibration of {@code cpu} into {@code dir} (owner-only, replacing the earlier one at once) and
     * returns the file.
     *
     * @param values {@code <family>.<kind>} to a size or {@link Crossovers#NEVER}
     * @param notes comment lines written above the values (what was measured, how)
     */
    static Path write(Path dir, CpuKey cpu, String version, Instant when, Map<String, Long> values, Iterable<String> notes)
            throws IOException {
        StringWriter w = new StringWriter();
        w.write("# sxn calibrate: crossover sizes measured on this machine, used instead of the shipped ones while the CPU\n");
        w.write("# and the library version below are this machine's. Delete the file to return to the shipped defaults.\n");
        for (String n : notes) w.write("# " + n.replace('\n', ' ') + "\n");
        Properties p = new Properties(); // stored in key order (JDK 18+), so two calibrations diff line by line
        p.setProperty(CPU, cpu.identity());
        p.setProperty(CPU_KEY, cpu.key());
        p.setProperty(VERSION, version);
        p.setProperty(WHEN, when.toString());
        values.forEach((k, v) -> p.setProperty(k, v == Crossovers.NEVER ? "never" : Long.toString(v)));
        StringWriter body = new StringWriter();
        p.store(body, null);
        // Properties.store writes a date comment first: the file carries its own date, so drop it.
        for (String line : body.toString().split("\n")) if (!line.startsWith("#")) w.write(line + "\n");
        Path target = dir.resolve(fileName(cpu, version));
        Path tmp = Files.createTempFile(dir, ".crossovers-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(tmp, w.toString(), StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }

    private static String shortHash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }
}
