package dev.sxn.math.internal;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.List;

/**
 * libsxnkernels: our own C kernels, packaged in the jar at build time and loaded through FFM.
 *
 * <p>Loading happens once, on first use of {@link #library()}; a failure is remembered with its
 * reason and reported by {@code Backends.describe()}. Downcalls are made with
 * {@link Linker.Option#critical(boolean) critical(true)}, so heap arrays
 * ({@code MemorySegment.ofArray}) reach C without a copy; every such kernel is short, never blocks
 * and never calls back into Java, which is what critical downcalls require.
 */
public final class SxnNative {
    /** Resource directory of the packaged library. */
    public static final String RESOURCE_DIR = "dev/sxn/math/native/linux-x86_64/";
    private static final String LIB = "libsxnkernels.so";
    /** SXN_ABI_VERSION in native/src/sxn_dispatch.h (NativeConstantsTest compares them). */
    static final int ABI_VERSION = 1;
    /** The ISA levels sxn_isa_level returns (sxn_isa_t in sxn_dispatch.h). */
    static final int ISA_AVX2 = 1, ISA_AVX512 = 2;
    private static final Linker LINKER = Linker.nativeLinker();

    private SxnNative() {}

    /** A loaded library: its lookup, where it was loaded from and which ISA body it runs. */
    public record Library(SymbolLookup lookup, Path path, String isa) {}

    private static final class Holder {
        static final LoadResult<Library> RESULT = LoadResult.of(load(), Library.class);
    }

    private static Object load() {
        try {
            return loadStages();
        } catch (Throwable t) {
            // Never fail the holder's initialiser: NATIVE is then unavailable for the life of the JVM, saying why.
            return "loading libsxnkernels failed: " + LoadReasons.oneLine(t.toString());
        }
    }

    // Each stage catches its own failures and phrases them (LoadReasons): one line, the cause and the fix.
    private static Object loadStages() {
        String os = System.getProperty("os.name", "") + "/" + System.getProperty("os.arch", "");
        if (!os.equals("Linux/amd64")) return "libsxnkernels is built for Linux/amd64 only, this JVM runs on " + os;
        Path path;
        try {
            String sha = NativeLibraries.packagedSha256(RESOURCE_DIR + LIB);
            if (sha == null) {
                return "libsxnkernels.so is not in the jar (it was built without cmake or a C compiler; see the build log)";
            }
            Path dir = NativeLibraries.extract("sxnkernels-" + Version.VERSION, List.of(new NativeLibraries.NativeFile(RESOURCE_DIR + LIB, sha)));
            path = dir.resolve(LIB);
        } catch (IOException | RuntimeException e) {
            return LoadReasons.extractFailed("libsxnkernels", e);
        }
        SymbolLookup lookup;
        try {
            lookup = SymbolLookup.libraryLookup(path, Arena.global());
        } catch (RuntimeException e) {
            return LoadReasons.isNativeAccessDenied(e) ? LoadReasons.nativeAccessDenied("libsxnkernels", SxnNative.class.getModule())
                    : LoadReasons.dlopenFailed("libsxnkernels", path, e);
        }
        try {
            int abi = (int) downcall(lookup, "sxn_abi_version", FunctionDescriptor.of(ValueLayout.JAVA_INT)).invokeExact();
            if (abi != ABI_VERSION) {
                return "libsxnkernels at " + path + " has ABI version " + abi + ", expected " + ABI_VERSION
                        + " (the jar's Java and C parts come from different builds: rebuild it)";
            }
            int isa = (int) downcall(lookup, "sxn_isa_level", FunctionDescriptor.of(ValueLayout.JAVA_INT)).invokeExact();
            String isaName = switch (isa) { case ISA_AVX512 -> "AVX-512"; case ISA_AVX2 -> "AVX2+FMA"; default -> "baseline x86-64"; };
            return new Library(lookup, path, isaName);
        } catch (Throwable t) {
            return "libsxnkernels from " + path + " loaded, but its first call failed: " + LoadReasons.oneLine(t);
        }
    }

    /** The loaded library, or null when it could not be loaded (see {@link #unavailableReason()}). */
    public static Library library() {
        return Holder.RESULT.library();
    }

    /** Why the library is unavailable, or null when it loaded. */
    public static String unavailableReason() {
        return Holder.RESULT.unavailableReason();
    }

    /**
     * A critical downcall handle to a libsxnkernels function.
     *
     * @throws IllegalStateException if the library is not loaded or lacks the symbol
     */
    public static MethodHandle downcall(String name, FunctionDescriptor descriptor) {
        return downcall(Holder.RESULT.require("NATIVE").lookup(), name, descriptor);
    }

    /** A critical downcall handle to {@code name} in {@code lookup}. */
    public static MethodHandle downcall(SymbolLookup lookup, String name, FunctionDescriptor descriptor) {
        MemorySegment symbol = lookup.find(name)
                .orElseThrow(() -> new IllegalStateException("native symbol " + name + " not found"));
        return LINKER.downcallHandle(symbol, descriptor, Linker.Option.critical(true));
    }
}
