package dev.sxn.math.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses OpenBLAS's kernel set (its "core type") before the library loads, so the choice does not
 * depend on OpenBLAS's own CPU detection.
 *
 * <p>Why: a {@code DYNAMIC_ARCH} OpenBLAS picks its kernels once, in the library's constructor, from
 * {@code cpuid}; versions that predate a CPU (0.3.28 and AMD Zen 5, for one) fall back to their AVX2
 * ({@code Haswell}) kernels, and on some virtual machines the pick varied between launches of the same
 * JVM. OpenBLAS reads the environment variable {@code OPENBLAS_CORETYPE} in that constructor, so setting
 * it in this process before {@code dlopen} makes the choice deterministic. On a CPU with AVX-512
 * F/CD/BW/DQ/VL the {@code SkylakeX} kernels run (whatever the vendor; those are all they use), and
 * {@code Cooperlake} where AVX-512 BF16 is there too (it adds only bf16 kernels). Other CPUs are left
 * to OpenBLAS. The measured effect is in bench/results/history/BENCHMARKS.md ("OpenBLAS core type").
 *
 * <p>Setting {@code sxn.openblas.coretype} (or {@code SXN_OPENBLAS_CORETYPE}): {@code auto} (default),
 * {@code detect} (leave it to OpenBLAS), or a core name OpenBLAS knows ({@code Haswell}, {@code SkylakeX},
 * ...). An {@code OPENBLAS_CORETYPE} the user exported always wins. It has no effect on an OpenBLAS that
 * the process had loaded already, or on one built for a single target; {@code sxn info} reports the
 * kernels actually in use ({@code openblas_get_corename}).
 */
final class OpenBlasCoreType {
    static final String ENV = "OPENBLAS_CORETYPE";
    private static final Set<String> SKYLAKEX_FLAGS = Set.of("avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl");

    private OpenBlasCoreType() {}

    /**
     * The core type {@code auto} gives for a CPU with these {@code /proc/cpuinfo} flags, or null to leave
     * the choice to OpenBLAS.
     */
    static String forFlags(Set<String> flags) {
        if (!flags.containsAll(SKYLAKEX_FLAGS)) return null;
        return flags.contains("avx512_bf16") ? "Cooperlake" : "SkylakeX";
    }

    /**
     * What to do about the core type.
     *
     * @param core the core name OpenBLAS will use, or null when OpenBLAS detects it
     * @param reason where it comes from, for the status line
     * @param set whether this library must put it into the environment (and take it out after the load)
     */
    record Decision(String core, String reason, boolean set) {
        /** "SkylakeX (set by sxn-math: the CPU has AVX-512)", or null when OpenBLAS detects it. */
        String describe() {
            return core == null ? null : core + " (" + reason + ")";
        }
    }

    /**
     * The decision for a process whose environment has {@code exported} (null when unset), whose setting
     * {@code sxn.openblas.coretype} is {@code setting} (null when unset) and whose CPU has {@code flags}.
     *
     * @throws IllegalArgumentException if the setting is not {@code auto}, {@code detect} or a word
     */
    static Decision decide(String exported, String setting, Set<String> flags) {
        String s = setting == null ? "auto" : setting.strip();
        if (!s.matches("[A-Za-z0-9]+")) {
            throw Checks.invalid("sxn.openblas.coretype", setting, "be auto, detect or an OpenBLAS core name such as SkylakeX");
        }
        if (exported != null && !exported.isBlank()) return new Decision(exported.strip(), "from " + ENV, false);
        if (s.equalsIgnoreCase("detect")) return new Decision(null, "detected by OpenBLAS", false);
        if (s.equalsIgnoreCase("auto")) {
            String core = forFlags(flags);
            if (core == null) return new Decision(null, "detected by OpenBLAS", false);
            return new Decision(core, "set by sxn-math: the CPU has AVX-512" + (core.equals("Cooperlake") ? " with BF16" : ""), true);
        }
        return new Decision(s, "from sxn.openblas.coretype", true);
    }

    /**
     * Decides for this process and, where this library chooses, puts {@code OPENBLAS_CORETYPE} into the C
     * environment. Call just before OpenBLAS is opened, and {@link #restore} just after.
     *
     * @throws IllegalArgumentException if the setting is invalid
     */
    static Decision apply() {
        Decision d = decide(System.getenv(ENV), Config.setting("sxn.openblas.coretype", "SXN_OPENBLAS_CORETYPE").orElse(null), cpuFlags());
        if (d.set()) setEnvironment(ENV, d.core());
        return d;
    }

    /**
     * Takes out what {@link #apply} put in, once OpenBLAS has read it (its constructor runs in
     * {@code dlopen}), so processes the host starts later do not inherit this library's choice.
     */
    static void restore(Decision d) {
        if (d.set()) unsetEnvironment(ENV);
    }

    /** The {@code flags} of the first processor in {@code /proc/cpuinfo}; empty where there is none. */
    static Set<String> cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    int colon = line.indexOf(':');
                    return Arrays.stream(line.substring(colon + 1).trim().split("\\s+")).collect(Collectors.toUnmodifiableSet());
                }
            }
        } catch (IOException | RuntimeException e) {
            // No /proc (not Linux) or unreadable: OpenBLAS detects the CPU itself.
        }
        return Set.of();
    }

    /** C {@code unsetenv(name)}. */
    private static void unsetEnvironment(String name) {
        Linker linker = Linker.nativeLinker();
        MethodHandle unsetenv = linker.downcallHandle(linker.defaultLookup().find("unsetenv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) unsetenv.invokeExact(arena.allocateFrom(name));
            if (rc != 0) throw new IllegalStateException("unsetenv(" + name + ") failed");
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("unsetenv(" + name + ") failed: " + t, t);
        }
    }

    /**
     * C {@code setenv(name, value, 0)}: the C environment OpenBLAS reads, which {@link System#getenv} does
     * not see after start-up. Not overwriting keeps a value another part of the host set first.
     */
    private static void setEnvironment(String name, String value) {
        Linker linker = Linker.nativeLinker();
        MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        try (Arena arena = Arena.ofConfined()) {
            int rc = (int) setenv.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 0);
            if (rc != 0) throw new IllegalStateException("setenv(" + name + ") failed");
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException("setenv(" + name + ") failed: " + t, t);
        }
    }
}
