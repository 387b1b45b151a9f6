package dev.sxn.math.internal;

/** Turns a Throwable from a downcall into an unchecked exception that names the function. */
public final class NativeFailure {
    private NativeFailure() {}

    /** An IllegalStateException naming {@code function}, or {@code t} itself when it is unchecked. */
    public static RuntimeException wrap(String function, Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException("native call " + function + " failed: " + t, t);
    }
}
