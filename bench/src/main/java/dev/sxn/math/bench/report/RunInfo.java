package dev.sxn.math.bench.report;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The machine and conditions of one run, for the report's header: CPU model and ISA, cores, memory, JDK, OpenBLAS,
 * OpenCL devices, {@code Backends.describe()} (with the crossovers in force) and the load average at start and end.
 * {@code sxn bench} captures it at the start and end of a run and stores it beside the JMH JSON as
 * {@code <run>.machine.properties}; a report read from a JSON without one describes the machine reading it and says so.
 */
public final class RunInfo {
    /** The suite keeps about one core busy itself: more than this much other load at start or end marks the run loaded. */
    static final double LOADED_ABOVE = 0.75;

    final Properties p;

    private RunInfo(Properties p) {
        this.p = p;
    }

    /** Captures this machine now (the end-of-run fields stay empty until {@link #finish()}). */
    static RunInfo capture(String command) {
        Properties p = new Properties();
        p.setProperty("command", command);
        p.setProperty("start", Instant.now().toString());
        p.setProperty("cpu", cpuField("model name", System.getProperty("os.arch")));
        String flags = " " + cpuField("flags", "") + " ";
        String isa = flags.contains(" avx512f ") ? "AVX-512" : flags.contains(" avx2 ") ? "AVX2" : flags.contains(" sse4_2 ") ? "SSE4.2"
                : System.getProperty("os.arch");
        p.setProperty("isa", isa + (flags.contains(" fma ") ? " + FMA" : ""));
        p.setProperty("lanes", String.valueOf(preferredLanes()));
        p.setProperty("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
        p.setProperty("memory", memory());
        p.setProperty("jdk", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        p.setProperty("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        String describe;
        try {
            describe = dev.sxn.math.backend.Backends.describe();
        } catch (RuntimeException | LinkageError e) {
            describe = "Backends.describe() failed: " + e;
        }
        p.setProperty("describe", describe);
        p.setProperty("openblas", describeLines(describe, "OPENBLAS:"));
        p.setProperty("opencl", describeLines(describe, "  OpenCL device:"));
        p.setProperty("loadStart", loadAverage());
        return new RunInfo(p);
    }

    /** Records the end of the run (time and load average). */
    RunInfo finish() {
        p.setProperty("end", Instant.now().toString());
        p.setProperty("loadEnd", loadAverage());
        return this;
    }

    /**
     * This machine, marked as described when the report was made rather than when the results were measured; without
     * the run's time and load, which are unknown (so a page regenerated from the same files stays the same).
     */
    static RunInfo ofReader() {
        RunInfo r = capture("(unknown)");
        for (String k : new String[] {"command", "start", "loadStart"}) r.p.remove(k);
        r.p.setProperty("note", "the results came without a machine file: the header describes the machine that made this report, "
                + "which may not be the one that measured them; the run's time and load are unknown");
        return r;
    }

    /** The file stored beside a JMH JSON file: {@code x.json} -> {@code x.machine.properties}. */
    static Path sidecar(Path json) {
        String n = json.getFileName().toString();
        return json.resolveSibling((n.endsWith(".json") ? n.substring(0, n.length() - 5) : n) + ".machine.properties");
    }

    void write(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "sxn bench: the machine and load of one run (read by sxn bench --report)");
        }
    }

    /** The run info stored beside {@code json}, or null if none. */
    static RunInfo readBeside(Path json) throws IOException {
        Path f = sidecar(json);
        if (!Files.isRegularFile(f)) return null;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f)) {
            p.load(r);
        }
        return new RunInfo(p);
    }

    String get(String key) {
        return p.getProperty(key, "unknown");
    }

    /** The 1-minute load average at start and end (NaN when unknown). */
    double load(String key) {
        String v = p.getProperty(key, "");
        try {
            return Double.parseDouble(v.split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Whether other work ran beside the suite: more than {@link #LOADED_ABOVE} load at start, or above the suite's own one at end. */
    boolean loaded() {
        double s = load("loadStart"), e = load("loadEnd");
        return (!Double.isNaN(s) && s > LOADED_ABOVE) || (!Double.isNaN(e) && e - 1 > LOADED_ABOVE);
    }

    /** Double lanes of the preferred species when measured (the peak benchmark counts 8); 8 when unknown. */
    int lanes() {
        try {
            return Integer.parseInt(p.getProperty("lanes", "8"));
        } catch (NumberFormatException e) {
            return 8;
        }
    }

    /** The header lines, label then value; the first is the load warning when the run was loaded. */
    List<String[]> header() {
        List<String[]> h = new ArrayList<>();
        h.add(new String[] {"CPU", get("cpu") + " (" + get("isa") + ", " + p.getProperty("lanes", "?") + " double lanes)"});
        h.add(new String[] {"cores", get("cores")});
        h.add(new String[] {"memory", get("memory")});
        h.add(new String[] {"JDK", get("jdk")});
        h.add(new String[] {"OS", get("os")});
        h.add(new String[] {"OpenBLAS", get("openblas")});
        h.add(new String[] {"OpenCL devices", p.getProperty("opencl", "").isBlank() ? "none" : get("opencl")});
        if (p.getProperty("loadStart") != null) {
            h.add(new String[] {"load average (1, 5, 15 min)", "start " + get("loadStart") + "; end " + get("loadEnd")});
            h.add(new String[] {"run", get("start") + " to " + get("end") + ": " + get("command")});
        }
        if (p.getProperty("note") != null) h.add(new String[] {"note", get("note")});
        return h;
    }

    /** The report's first line: whether it was taken under load. */
    String loadLine() {
        if (p.getProperty("loadStart") == null) return "Load during the run: unknown (the results came without a machine file).";
        if (loaded()) {
            return String.format(Locale.ROOT, "Taken under load: load average %s at start, %s at end on %s cores (the suite itself adds about 1). "
                    + "Timings are slower and noisier than on a quiet machine.", first(get("loadStart")), first(get("loadEnd")), get("cores"));
        }
        return String.format(Locale.ROOT, "Taken on a quiet machine: load average %s at start, %s at end on %s cores.", first(get("loadStart")),
                first(get("loadEnd")), get("cores"));
    }

    private static String first(String s) {
        return s.split(" ")[0];
    }

    private static String describeLines(String describe, String prefix) {
        List<String> out = new ArrayList<>();
        for (String l : describe.split("\n")) if (l.startsWith(prefix)) out.add(l.substring(prefix.length()).strip());
        return String.join("; ", out);
    }

    private static int preferredLanes() {
        try {
            return jdk.incubator.vector.DoubleVector.SPECIES_PREFERRED.length();
        } catch (LinkageError e) {
            return 0;
        }
    }

    private static String cpuField(String name, String dflt) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith(name)) return l.substring(l.indexOf(':') + 1).strip();
            }
        } catch (IOException e) {
            // not Linux: the default
        }
        return dflt;
    }

    private static String memory() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kb / 1048576.0);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux: the JVM's view
        }
        return String.format(Locale.ROOT, "%.1f GiB (JVM max heap)", Runtime.getRuntime().maxMemory() / 1073741824.0);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
