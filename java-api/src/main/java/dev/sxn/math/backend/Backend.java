package dev.sxn.math.backend;

import dev.sxn.math.internal.Checks;

/**
 * The kinds of execution backend a kernel can run on.
 *
 * <p>{@link #JAVA} is always available and is the reference every other kind is tested against.
 * Which of the others is fastest depends on the kernel, the problem size and the device; the
 * per-call choice comes from measured crossover sizes (see {@code BENCHMARKS.md}).
 *
 * <p>Wherever the API takes a {@code Backend} (an argument, an option, an instance bound to one), a
 * non-null kind pins the call to that kind (it runs there or throws, naming why), and {@code null} means
 * what the forms without it do: the kind is chosen per call.
 */
public enum Backend {
    /** Plain Java: always available, the reference implementation of every kernel. */
    JAVA,
    /** The Java Vector API (incubator module {@code jdk.incubator.vector}) on HotSpot with C2. */
    VECTOR,
    /** Native code through Panama FFM: libsxnkernels (our C kernels) and OpenBLAS/LAPACKE. */
    NATIVE,
    /** OpenCL through JOCL, on the first device with fp64 (GPUs preferred). */
    OPENCL;

    /**
     * Parses a backend name as used by {@code sxn.backend} / {@code SXN_BACKEND}: case-insensitive
     * {@code java}, {@code vector}, {@code native} or {@code opencl}.
     *
     * @param name the name to parse
     * @param source where the name came from, for the error message
     * @return the kind
     * @throws IllegalArgumentException naming the value and the accepted names
     */
    public static Backend parse(String name, String source) {
        for (Backend b : values()) {
            if (b.name().equalsIgnoreCase(name.strip())) return b;
        }
        throw Checks.invalid(source, "'" + name + "'", "be one of java, vector, native, opencl");
    }
}
