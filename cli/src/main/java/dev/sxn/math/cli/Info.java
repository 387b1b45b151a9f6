package dev.sxn.math.cli;

import dev.sxn.math.backend.Backends;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code sxn info}: the JDK, the CPU and what each backend found. */
final class Info {
    private Info() {}

    static int print(PrintStream out) {
        Runtime rt = Runtime.getRuntime();
        out.println("SxN-Math " + Backends.libraryVersion());
        out.println("JDK:    " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (" + System.getProperty("java.vendor") + ") at " + System.getProperty("java.home"));
        out.println("CPU:    " + cpuModel() + ", " + rt.availableProcessors() + " cores available, ISA: " + isaFlags());
        out.println("memory: max heap " + rt.maxMemory() / (1 << 20) + " MiB");
        out.println();
        try {
            out.print(Backends.describe());
        } catch (IllegalArgumentException | IllegalStateException e) {
            // A bad setting: reported in one line beside what could be printed without the backends.
            out.println("backends: " + e.getMessage());
            return 2;
        }
        return 0;
    }

    private static List<String> cpuinfo() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo"));
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String cpuModel() {
        for (String l : cpuinfo()) {
            if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).strip();
        }
        return System.getProperty("os.arch");
    }

    private static String isaFlags() {
        for (String l : cpuinfo()) {
            if (l.startsWith("flags")) {
                List<String> want = List.of("sse4_2", "avx", "avx2", "fma", "avx512f", "avx512dq", "avx512vl");
                List<String> have = new ArrayList<>();
                List<String> flags = List.of(l.substring(l.indexOf(':') + 1).strip().split("\\s+"));
                for (String w : want) if (flags.contains(w)) have.add(w);
                return String.join(" ", have);
            }
        }
        return "unknown";
    }
}
