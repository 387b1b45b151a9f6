package dev.sxn.math.internal;

import dev.sxn.math.backend.Backend;

/**
 * Kernel families made by tests of other packages ({@link KernelFamily#named} is package-private): a facade's
 * test binds one to its kernel interface with {@link KernelSet#of} and hands the set to the facade's
 * package-private constructor, to inject a kernel (typically one that fails part-way) as another kind.
 */
public final class InjectedFamilies {
    private InjectedFamilies() {}

    /**
     * A family named {@code name} (unique per JVM: a family binds once) whose VECTOR kernel is the class
     * {@code vectorClass} (no-argument constructor), chosen automatically from size 0 wherever VECTOR is
     * available.
     */
    public static KernelFamily withVector(String name, String vectorClass) {
        return KernelFamily.named(name).with(Backend.VECTOR, vectorClass, 0, 0).build();
    }
}
