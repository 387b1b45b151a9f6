package dev.sxn.math.indicators;

/**
 * The JAVA kernel's per-asset states of the batched rolling sums, variances, EMAs and RSIs, kept per thread and grown on
 * demand, so that a warm batched call allocates nothing per asset. Each getter returns the first {@code k}
 * states reset to a new instance's (the array may be longer). A kernel runs to completion before the next one
 * starts on its thread (no kernel calls back into another), so one set per thread suffices.
 */
final class BatchStates {
    private static final ThreadLocal<BatchStates> LOCAL = ThreadLocal.withInitial(BatchStates::new);

    private RollingSumState[] sums = new RollingSumState[0];
    private RollingVarState[] vars = new RollingVarState[0];
    private EmaState[] emas = new EmaState[0];
    private RsiState[] rsis = new RsiState[0];

    private BatchStates() {}

    /** This thread's states. */
    static BatchStates get() {
        return LOCAL.get();
    }

    /** k rolling-sum states, reset. */
    RollingSumState[] sums(int k) {
        if (sums.length < k) {
            RollingSumState[] grown = java.util.Arrays.copyOf(sums, k);
            for (int a = sums.length; a < k; a++) grown[a] = new RollingSumState();
            sums = grown;
        }
        for (int a = 0; a < k; a++) sums[a].reset();
        return sums;
    }

    /** k rolling-variance states, reset. */
    RollingVarState[] vars(int k) {
        if (vars.length < k) {
            RollingVarState[] grown = java.util.Arrays.copyOf(vars, k);
            for (int a = vars.length; a < k; a++) grown[a] = new RollingVarState();
            vars = grown;
        }
        for (int a = 0; a < k; a++) vars[a].reset();
        return vars;
    }

    /** k EMA states, reset. */
    EmaState[] emas(int k) {
        if (emas.length < k) {
            EmaState[] grown = java.util.Arrays.copyOf(emas, k);
            for (int a = emas.length; a < k; a++) grown[a] = new EmaState();
            emas = grown;
        }
        for (int a = 0; a < k; a++) emas[a].reset();
        return emas;
    }

    /** k RSI states, reset. */
    RsiState[] rsis(int k) {
        if (rsis.length < k) {
            RsiState[] grown = java.util.Arrays.copyOf(rsis, k);
            for (int a = rsis.length; a < k; a++) grown[a] = new RsiState();
            rsis = grown;
        }
        for (int a = 0; a < k; a++) rsis[a].reset();
        return rsis;
    }
}
