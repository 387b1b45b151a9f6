package dev.sxn.math.testing;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.internal.KernelFamily;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One public call that dispatches on {@code family}, for the fault-injection suite ({@code FaultInjectionTest}):
 * {@code fresh} makes the call on new data (the same data every time, so runs compare bit for bit), pinned to the
 * kind it is given or choosing per call when given null.
 *
 * @param name what the call is, for messages
 * @param family the family whose kernel is made to fail
 * @param inPlace whether the call hands the caller's own data (or an object's state) to the kernel to update in
 *     place; its facade then relies on the kernel contract (a kernel updates in place only after its work
 *     succeeded), so the failing kernel scribbles only on outputs ({@link FailingKernel.Garbage#OUTPUTS_ONLY});
 *     otherwise on every array it writes
 * @param pinnable whether the call has a pinned form (some composite calls only choose per call; they ignore the kind)
 * @param fresh the call on new data, pinned to a kind or (null) choosing per call
 */
public record FaultCase(String name, KernelFamily family, boolean inPlace, boolean pinnable, Function<Backend, Call> fresh) {
    /** A call that writes only its own outputs and can be pinned. */
    public static FaultCase of(String name, KernelFamily family, Function<Backend, Call> fresh) {
        return new FaultCase(name, family, false, true, fresh);
    }

    /** This case, marked as updating the caller's data in place (see {@link #inPlace}). */
    public FaultCase inPlaceOnCallersData() {
        return new FaultCase(name, family, true, pinnable, fresh);
    }

    /** This case, marked as having no pinned form. */
    public FaultCase unpinnedOnly() {
        return new FaultCase(name, family, inPlace, false, fresh);
    }

    /** The garbage a failing kernel leaves in this case. */
    public FailingKernel.Garbage garbage() {
        return inPlace ? FailingKernel.Garbage.OUTPUTS_ONLY : FailingKernel.Garbage.EVERY_WRITE;
    }

    @Override
    public String toString() {
        return name;
    }

    /** One public call on its own data. */
    public interface Call {
        /** Makes the call. */
        void run();

        /**
         * Everything the call produced or changed (outputs, results, state): after an unpinned run, compared bit for
         * bit with a pure-JAVA run's. Arrays (nested too) and boxed values.
         */
        Object outcome();

        /** The caller's inputs: no run may change them (compared bit for bit before and after each run). */
        Object inputs();

        /**
         * The state a failed pinned call must leave exactly as it was before the call (compared bit for bit), or
         * null where the API promises nothing (outputs the call writes may then hold anything).
         */
        default Object state() {
            return null;
        }

        /** A call from its parts; {@code inputs} are the caller's arrays themselves (snapshots are taken by the suite). */
        static Call of(Runnable run, Supplier<Object> outcome, Object inputs) {
            return of(run, outcome, inputs, () -> null);
        }

        /** {@link #of(Runnable, Supplier, Object)} with the state a failed pinned call must leave as it was. */
        static Call of(Runnable run, Supplier<Object> outcome, Object inputs, Supplier<Object> state) {
            return new Call() {
                @Override
                public void run() {
                    run.run();
                }

                @Override
                public Object outcome() {
                    return outcome.get();
                }

                @Override
                public Object inputs() {
                    return inputs;
                }

                @Override
                public Object state() {
                    return state.get();
                }
            };
        }
    }
}
