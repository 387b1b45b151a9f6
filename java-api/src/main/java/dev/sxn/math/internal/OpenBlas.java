package dev.sxn.math.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * OpenBLAS with LAPACKE, the second half of the NATIVE backend (reported separately from
 * libsxnkernels: either can be missing).
 *
 * <p>Source, by {@code sxn.openblas} ({@code auto}, the default, {@code system} or {@code bundled}):
 * <ul>
 *   <li>system: {@code libopenblas.so.0} from the usual library directories; when it does not export
 *       LAPACKE itself (Debian's does not), {@code liblapacke.so.3} beside it. Loaded by resolved
 *       absolute path; a library file that group or others can write is refused.
 *   <li>bundled: the four libraries of the {@code org.bytedeco:openblas:0.3.28-1.5.11:linux-x86_64} jar
 *       (libopenblas.so.0 with LAPACKE, libgfortran.so.5, libquadmath.so.0, libgcc_s.so.1), extracted
 *       together by {@link NativeLibraries} and checked against the SHA-256s below before loading. The jar
 *       may be on the class path or, unresolved, on the module path ({@link ModulePathResources}).
 * </ul>
 * OpenBLAS is set to {@code sxn.blas.threads} threads (default 1) so a host's own thread pool is not
 * oversubscribed.
 */
public final class OpenBlas {
    private static final String BUNDLED_DIR = "org/bytedeco/openblas/linux-x86_64/";
    /** SHA-256 of the pinned bytedeco jar's files (openblas 0.3.28-1.5.11). */
    private static final List<NativeLibraries.NativeFile> BUNDLED = List.of(
            new NativeLibraries.NativeFile(BUNDLED_DIR + "libgcc_s.so.1", "489803ded8a4d803e2c792763a2767c12185f5764b7bba080742d14ef2452b27"),
            new NativeLibraries.NativeFile(BUNDLED_DIR + "libquadmath.so.0", "36ccd8fddb16b65129879a6ecf379b468d6e920bdcaeb01e3a7fdd4e7ddf1be8"),
            new NativeLibraries.NativeFile(BUNDLED_DIR + "libgfortran.so.5", "01fc721062fc3c2b5492202d276c5a374b7d952fc168d2d1e603fa85660cc502"),
            new NativeLibraries.NativeFile(BUNDLED_DIR + "libopenblas.so.0", "475a5f66a65fd2f79572560e3e043dad606c30694b6f1934e8fb3fb9b4725757"));
    private static final String BUNDLED_JAR = "org.bytedeco:openblas:0.3.28-1.5.11:linux-x86_64";
    /** Why the bundled jar was not found when this library is a named module (README, "Using it from a host project"). */
    static final String MODULE_PATH = "the " + BUNDLED_JAR + " jar is on neither the module path nor the class path"
            + " (add it to either; on the module path it need not be resolved), or install a system OpenBLAS with LAPACKE"
            + " (Debian: libopenblas0-pthread liblapacke)";
    private static final List<String> SYSTEM_DIRS = List.of(
            "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib", "/opt/OpenBLAS/lib");

    private OpenBlas() {}

    /** A loaded OpenBLAS + LAPACKE: one lookup over both, and a description of what was loaded. */
    public record Library(SymbolLookup lookup, String description) {}

    private static final class Holder {
        static final LoadResult<Library> RESULT = LoadResult.of(load(), Library.class);
    }

    /** The loaded library, or null (see {@link #unavailableReason()}). */
    public static Library library() {
        return Holder.RESULT.library();
    }

    /** Why OpenBLAS is unavailable, or null when it loaded. */
    public static String unavailableReason() {
        return Holder.RESULT.unavailableReason();
    }

    /**
     * A critical downcall handle to an OpenBLAS / LAPACKE function.
     *
     * @throws IllegalStateException if OpenBLAS is not loaded or lacks the symbol
     */
    public static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        return SxnNative.downcall(Holder.RESULT.require("OpenBLAS").lookup(), name, descriptor);
    }

    private static Object load() {
        if (Config.disabled().contains(dev.sxn.math.backend.Backend.NATIVE)) return "disabled by sxn.disable / SXN_DISABLE";
        String mode = Config.setting("sxn.openblas", "SXN_OPENBLAS").orElse("auto");
        if (!mode.equals("auto") && !mode.equals("system") && !mode.equals("bundled")) {
            return "sxn.openblas must be auto, system or bundled, was '" + mode + "'";
        }
        OpenBlasCoreType.Decision coreType;
        try {
            coreType = OpenBlasCoreType.apply();
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        } catch (RuntimeException e) {
            if (LoadReasons.isNativeAccessDenied(e)) return new NativeAccessDenied().getMessage();
            return "choosing OpenBLAS's core type failed: " + LoadReasons.oneLine(e);
        }
        Object loaded;
        try {
            loaded = loadFrom(mode);
        } finally {
            OpenBlasCoreType.restore(coreType);
        }
        if (loaded instanceof Library lib && coreType.core() != null) {
            return new Library(lib.lookup(), lib.description() + ", " + OpenBlasCoreType.ENV + "=" + coreType.describe());
        }
        return loaded;
    }

    private static Object loadFrom(String mode) {
        try {
            String systemWhy = null;
            if (!mode.equals("bundled")) {
                Object sys = loadSystem();
                if (sys instanceof Library) return sys;
                systemWhy = (String) sys;
                if (mode.equals("system")) return "system OpenBLAS: " + systemWhy;
            }
            Object bundled = loadBundled();
            if (bundled instanceof Library) return bundled;
            return (systemWhy == null ? "" : "system: " + systemWhy + "; ") + "bundled: " + bundled;
        } catch (NativeAccessDenied e) {
            return e.getMessage(); // the same for the system and the bundled library: said once
        }
    }

    /** The JVM refused native access: no library can load, so the search stops with this one reason. */
    private static final class NativeAccessDenied extends Exception {
        NativeAccessDenied() {
            super(LoadReasons.nativeAccessDenied("OpenBLAS", OpenBlas.class.getModule()), null, false, false);
        }
    }

    private static SymbolLookup open(Path library) throws NativeAccessDenied {
        try {
            return SymbolLookup.libraryLookup(library, Arena.global());
        } catch (RuntimeException e) {
            if (LoadReasons.isNativeAccessDenied(e)) throw new NativeAccessDenied();
            throw new IllegalStateException(LoadReasons.dlopenFailed("OpenBLAS", library, e), e);
        }
    }

    private static Object loadSystem() throws NativeAccessDenied {
        Path blas = find("libopenblas.so.0");
        if (blas == null) return "libopenblas.so.0 not found in " + SYSTEM_DIRS;
        try {
            checkNotWorldWritable(blas);
            SymbolLookup lookup = open(blas);
            String what = "system " + blas;
            if (lookup.find("LAPACKE_dgesdd").isEmpty()) {
                Path lapacke = find("liblapacke.so.3");
                if (lapacke == null) return blas + " has no LAPACKE and liblapacke.so.3 was not found (install liblapacke)";
                checkNotWorldWritable(lapacke);
                lookup = lookup.or(open(lapacke));
                what += " + " + lapacke;
            }
            return finish(lookup, what);
        } catch (IOException e) {
            return LoadReasons.io(e);
        } catch (RuntimeException e) {
            return LoadReasons.oneLine(e);
        }
    }

    private static Object loadBundled() throws NativeAccessDenied {
        String probe = BUNDLED.getLast().resource();
        NativeLibraries.ResourceSource source;
        if (OpenBlas.class.getResource("/" + probe) != null) {
            source = resource -> OpenBlas.class.getResourceAsStream("/" + resource);
        } else if (OpenBlas.class.getModule().isNamed() && ClassLoader.getSystemResource(probe) != null) {
            // This library on the module path, the jar on the class path: its files are no package, so visible.
            source = ClassLoader::getSystemResourceAsStream;
        } else if (OpenBlas.class.getModule().isNamed()) {
            // A named module's Class.getResource sees only its own files; the jar, a module needing javacpp,
            // is read off the module path without being resolved.
            source = ModulePathResources.holding(probe).orElse(null);
            if (source == null) return MODULE_PATH;
        } else {
            return BUNDLED_JAR + " is not on the class path (add it, or install a system OpenBLAS with LAPACKE)";
        }
        Path dir;
        try {
            dir = NativeLibraries.extract("openblas-0.3.28-1.5.11", BUNDLED, source);
        } catch (IOException | RuntimeException e) {
            return LoadReasons.extractFailed("the bundled OpenBLAS", e);
        }
        try {
            SymbolLookup lookup = open(dir.resolve("libopenblas.so.0"));
            return finish(lookup, "bundled (org.bytedeco:openblas) " + dir.resolve("libopenblas.so.0"));
        } catch (RuntimeException e) {
            return LoadReasons.oneLine(e);
        }
    }

    private static Library finish(SymbolLookup lookup, String where) {
        long threads = Config.longProperty("sxn.blas.threads", 1);
        Checks.atLeast(threads, "sxn.blas.threads", 1);
        try {
            lookup.find("openblas_set_num_threads").ifPresent(s -> {
                try {
                    SxnNative.downcall(lookup, "openblas_set_num_threads", FunctionDescriptor.ofVoid(ValueLayout.JAVA_INT))
                            .invokeExact((int) threads);
                } catch (Throwable t) {
                    throw new IllegalStateException("openblas_set_num_threads failed", t);
                }
            });
            String config = "";
            if (lookup.find("openblas_get_config").isPresent()) {
                MemorySegment s = (MemorySegment) SxnNative.downcall(lookup, "openblas_get_config",
                        FunctionDescriptor.of(ValueLayout.ADDRESS)).invokeExact();
                config = s.reinterpret(256).getString(0).strip() + ", ";
            }
            // The kernels in use, which OPENBLAS_CORETYPE (or OpenBLAS's detection) chose at load.
            if (lookup.find("openblas_get_corename").isPresent()) {
                MemorySegment s = (MemorySegment) SxnNative.downcall(lookup, "openblas_get_corename",
                        FunctionDescriptor.of(ValueLayout.ADDRESS)).invokeExact();
                config += "kernels " + s.reinterpret(64).getString(0).strip() + ", ";
            }
            return new Library(lookup, (config.startsWith("OpenBLAS") ? "" : "OpenBLAS ") + config + threads + " thread(s), " + where);
        } catch (Throwable t) {
            throw new IllegalStateException("initialising OpenBLAS (" + where + ") failed: " + LoadReasons.oneLine(t), t);
        }
    }

    private static Path find(String name) {
        for (String d : SYSTEM_DIRS) {
            Path p = Path.of(d, name);
            if (Files.exists(p)) {
                try {
                    return p.toRealPath();
                } catch (IOException e) {
                    // A dangling link (an alternatives entry with its package removed): keep looking.
                }
            }
        }
        return null;
    }

    private static void checkNotWorldWritable(Path p) throws IOException {
        int mode = (Integer) Files.getAttribute(p, "unix:mode");
        if ((mode & 0022) != 0) throw new IOException(p + " is writable by group or others; refusing to load it");
    }
}
