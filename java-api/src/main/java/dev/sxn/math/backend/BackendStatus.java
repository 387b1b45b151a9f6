package dev.sxn.math.backend;

import java.util.Objects;

/**
 * Whether one backend kind is usable in this JVM, and why (or why not).
 *
 * @param kind the backend kind
 * @param available whether kernels of this kind can run
 * @param detail what was found ("Portable Computing Language 3.1, CPU, fp64") or, when unavailable,
 *     the reason in one line: the cause and the switch or fix ("module jdk.incubator.vector not resolved
 *     (add --add-modules jdk.incubator.vector)"; "libsxnkernels needs native access, which this JVM denies
 *     to the class path (--illegal-native-access=deny): add --enable-native-access=ALL-UNNAMED")
 */
public record BackendStatus(Backend kind, boolean available, String detail) {
    /** Checks that kind and detail are present. */
    public BackendStatus {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }

    /** One line in the form used by {@code sxn info}: {@code "VECTOR: unavailable: <why>"}. */
    @Override
    public String toString() {
        return kind + ": " + (available ? detail : "unavailable: " + detail);
    }
}
