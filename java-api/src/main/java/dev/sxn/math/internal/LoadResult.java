package dev.sxn.math.internal;

/**
 * What loading a native library once produced: the library, or the reason it is unavailable (exactly
 * one of the two is non-null). {@link SxnNative} and {@link OpenBlas} each keep one in a lazy holder and
 * answer {@code library()}, {@code unavailableReason()} and {@code downcall(...)} from it.
 *
 * @param library the loaded library, or null
 * @param unavailableReason why it is unavailable, or null when it loaded
 * @param <L> the library's description type
 */
record LoadResult<L>(L library, String unavailableReason) {
    /** The outcome of a loader that returns either the library (an {@code L}) or the reason (a String). */
    static <L> LoadResult<L> of(Object result, Class<L> type) {
        return type.isInstance(result) ? new LoadResult<>(type.cast(result), null) : new LoadResult<>(null, (String) result);
    }

    /**
     * The library.
     *
     * @throws IllegalStateException "{@code what} unavailable: reason" if it did not load
     */
    L require(String what) {
        if (library == null) throw new IllegalStateException(what + " unavailable: " + unavailableReason);
        return library;
    }
}
