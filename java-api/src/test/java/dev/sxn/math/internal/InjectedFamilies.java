package dev.sxn.math.internal;

import dev.sxn.math.backend.Backend;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support for injected kernel failures. Two ways in:
 * <ul>
 *   <li>{@link #withVector}: a new family made by a test of another package ({@link KernelFamily#named} is
 *       package-private), bound with {@link KernelSet#of} and handed to a facade's package-private constructor;
 *   <li>{@link #inject}: a kernel installed into the set a facade already bound, as one of the family's kinds,
 *       so the public (static) facade calls reach it; {@link Injection#close()} puts everything back.
 * </ul>
 * Neither is thread-safe against other tests using the same family at the same time (the suite runs its tests
 * one after another).
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

    /**
     * The set {@code family} is bound to.
     *
     * @throws IllegalStateException if the family's facade has not bound it yet (call the facade once first)
     */
    public static KernelSet<?> set(KernelFamily family) {
        KernelSet<?> set = family.boundSet();
        if (set == null) throw new IllegalStateException(family + " is not bound yet: call its facade once before injecting");
        return set;
    }

    /**
     * Routes every automatic choice to JAVA: the crossover of every kind beyond JAVA of every family becomes
     * {@link Crossovers#NEVER} until the returned handle is closed. Pinned calls are not affected.
     */
    public static Injection javaOnly() {
        Injection undo = new Injection(null, null, false);
        for (KernelFamily f : KernelFamilies.all()) {
            for (Backend kind : Backend.values()) {
                if (kind != Backend.JAVA) undo.crossover(f, kind, Crossovers.NEVER);
            }
        }
        return undo;
    }

    /**
     * Installs {@code kernel} as {@code family}'s kernel of {@code kind} (not JAVA) in the set its facade bound,
     * whatever the detected availability of that kind: a call pinned to {@code kind} gets it, and the automatic
     * choice takes it from size 0 (every other kind beyond JAVA is set to {@link Crossovers#NEVER}), with the
     * kind's run-time failure mark cleared. Closing the handle restores the set's entry, the crossovers and the
     * mark.
     *
     * @throws IllegalStateException if the family is not bound yet
     */
    public static Injection inject(KernelFamily family, Backend kind, Object kernel) {
        if (kind == Backend.JAVA) throw new IllegalArgumentException("the JAVA kernel is the reference; inject another kind");
        KernelSet<?> set = set(family);
        Injection undo = new Injection(set, kind, set.hasFailed(kind));
        for (Backend k : Backend.values()) {
            if (k != Backend.JAVA) undo.crossover(family, k, k == kind ? 0 : Crossovers.NEVER);
        }
        undo.previousKernel = set.replaceKernel(kind, kernel);
        set.markFailed(kind, false);
        return undo;
    }

    /** What {@link #inject} or {@link #javaOnly} changed, restored by {@link #close()} (latest change first). */
    public static final class Injection implements AutoCloseable {
        private final KernelSet<?> set;
        private final Backend kind;
        private final boolean failedBefore;
        private Object previousKernel;
        private final List<Runnable> undo = new ArrayList<>();

        private Injection(KernelSet<?> set, Backend kind, boolean failedBefore) {
            this.set = set;
            this.kind = kind;
            this.failedBefore = failedBefore;
        }

        private void crossover(KernelFamily f, Backend k, long n) {
            long old = f.replaceCrossover(k, n);
            undo.add(() -> f.replaceCrossover(k, old));
        }

        /** Clears the injected kind's run-time failure mark, so the next automatic call takes the injected kernel again. */
        public void rearm() {
            set.markFailed(kind, false);
        }

        @Override
        public void close() {
            for (int i = undo.size() - 1; i >= 0; i--) undo.get(i).run();
            if (set != null) {
                set.replaceKernel(kind, previousKernel);
                set.markFailed(kind, failedBefore);
            }
        }
    }
}
