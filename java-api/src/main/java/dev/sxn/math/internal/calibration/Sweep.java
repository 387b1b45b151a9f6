package dev.sxn.math.internal.calibration;

import dev.sxn.math.backend.Backend;
import dev.sxn.math.backend.Calibration;
import dev.sxn.math.internal.Crossovers;
import dev.sxn.math.internal.KernelFamily;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One family's calibration: warm-up visits of each kind, then the sweep from the largest size down, timing JAVA
 * and each kind that is still undecided (and the kinds it would displace), until every kind has lost once or the
 * family's share of the budget is spent. Single-threaded; used by {@link Calibrator} only.
 */
final class Sweep {
    /** The automatic order of {@code KernelSet} (the first kind whose crossover a call reaches runs it). */
    static final List<Backend> ORDER = List.of(Backend.OPENCL, Backend.NATIVE, Backend.VECTOR);
    /** A timed repetition runs the call this long at least (many calls when one is short). */
    private static final long REP_NANOS = 200_000;
    /** Repetitions per size and kind (the best is kept: the others were disturbed). */
    private static final int REPS = 5;
    /**
     * A warm-up climbs to the next size once a call takes less than CLIMB_BELOW / CLIMB nanoseconds (the next size
     * costs 4-8 times more): an interpreted kernel stays on small sizes until C2 has compiled it.
     */
    private static final long CLIMB = 4;
    private static final long CLIMB_BELOW = 20_000_000L;
    /** Steady: a visit's best time per call within this factor of the best before it ... */
    private static final double STEADY = 0.97;
    /** ... for this many visits in a row ... */
    private static final int STEADY_VISITS = 3;
    /** ... the JIT finishing no compilation during the last this many visits and the one before them ... */
    private static final int QUIET_VISITS = 2;
    /** ... and for VECTOR, at most this many times JAVA's best time ... */
    private static final long PLAUSIBLE = 4;
    /** ... after this many nanoseconds of warm-up calls in all. */
    private static final long MIN_WARM_NANOS = 100_000_000L;

    final Probe probe;
    final KernelFamily family;
    /** The kinds calibrated, in the automatic order. */
    final List<Backend> order;
    /** The family's other kinds, and why each is not calibrated. */
    final Map<Backend, String> skipped = new EnumMap<>(Backend.class);
    private final Map<Backend, String> failed = new EnumMap<>(Backend.class);
    private final Map<Backend, double[]> times = new EnumMap<>(Backend.class);
    private final Set<Backend> lost = EnumSet.noneOf(Backend.class);
    private final Map<Backend, Warmth> warmth = new EnumMap<>(Backend.class);
    private final Probe.Call[] calls;
    /** The index of the largest size. */
    private final int top;
    /** What calls are timed with (see {@link CallClock}). */
    final CallClock clock;

    Sweep(Probe probe, Set<Backend> kinds) {
        this.probe = probe;
        this.family = probe.family();
        List<Backend> o = new ArrayList<>();
        for (Backend k : ORDER) {
            if (!family.kinds().contains(k)) continue;
            if (!kinds.contains(k)) skipped.put(k, "not among the kinds calibrated");
            else if (!family.status(k).available()) skipped.put(k, "unavailable here");
            else o.add(k);
        }
        this.order = List.copyOf(o);
        this.calls = new Probe.Call[probe.sizes().length];
        this.top = probe.sizes().length - 1;
        this.clock = CallClock.of(order.contains(Backend.OPENCL));
        for (Backend k : kinds()) {
            double[] t = new double[probe.sizes().length];
            Arrays.fill(t, Double.NaN);
            times.put(k, t);
            warmth.put(k, new Warmth());
        }
    }

    /** JAVA and the kinds calibrated. */
    List<Backend> kinds() {
        List<Backend> all = new ArrayList<>(List.of(Backend.JAVA));
        all.addAll(order);
        return all;
    }

    /** Whether {@code kind} still needs warm-up visits (not steady yet, not failed). */
    boolean warming(Backend kind) {
        return !failed.containsKey(kind) && !failed.containsKey(Backend.JAVA) && !steady(kind);
    }

    /**
     * Whether {@code kind}'s time per call is steady ({@code Warmth}) and, for VECTOR, at most {@link #PLAUSIBLE} times
     * JAVA's steady time: the Vector API's fallback, run until C2 compiles a kernel, is 100-1000 times slower than
     * compiled code, so a slower VECTOR time is taken as not compiled yet, however steady it looks.
     */
    boolean steady(Backend kind) {
        Warmth w = warmth.get(kind);
        if (!w.steady()) return false;
        if (kind != Backend.VECTOR) return true;
        Warmth java = warmth.get(Backend.JAVA);
        return java.steady() && w.best <= PLAUSIBLE * java.best;
    }

    /**
     * One warm-up visit of {@code kind}: calls for {@code slice} nanoseconds (at least one), climbing the sizes from
     * the smallest: a call at the next size is made only once one at this size is short ({@link #CLIMB}). A kernel
     * still interpreted (the Vector API's fallback is 100-1000 times slower than compiled code) thus stays on small
     * sizes until C2 has compiled it, instead of spending the budget on one slow call at the largest.
     */
    void warm(Backend kind, long slice) {
        Warmth w = warmth.get(kind);
        try {
            long compiled = JitActivity.millis();
            long start = System.nanoTime();
            long stop = start + slice;
            long now;
            do {
                long t = clock.now();
                call(w.level).run(kind);
                long took = clock.now() - t;
                now = System.nanoTime();
                w.sample(took);
                if (w.level < top && took * CLIMB < CLIMB_BELOW) w.climb();
            } while (now < stop);
            w.endVisit(now - start, compiled);
        } catch (RuntimeException e) {
            failed.put(kind, oneLine(e));
        }
    }

    /**
     * Warms the family's kinds up round robin, visits of {@code slice} nanoseconds, until all are steady (or failed)
     * or {@code until} (nanoTime) passes.
     */
    void warmUp(long until, long slice) {
        while (!warmedUp()) {
            for (Backend k : kinds()) {
                if (System.nanoTime() >= until) return;
                if (warming(k)) warm(k, slice);
            }
        }
    }

    /** The call at size index {@code i}, made once and kept until {@link #measure} ends. */
    private Probe.Call call(int i) {
        Probe.Call c = calls[i];
        if (c == null) calls[i] = c = probe.at().apply(i);
        return c;
    }

    /** Times the sweep from the largest size down until every kind is decided or {@code deadline} (nanoTime) passes. */
    void measure(long deadline) {
        long[] sizes = probe.sizes();
        for (int i = sizes.length - 1; i >= 0; i--) {
            if (System.nanoTime() >= deadline) break;
            List<Backend> needed = needed();
            if (needed.size() <= 1) break;
            Probe.Call call;
            try {
                call = call(i);
            } catch (RuntimeException e) {
                for (Backend k : order) failed.putIfAbsent(k, "the probe failed to make its data: " + oneLine(e));
                break;
            }
            for (Backend k : needed) {
                try {
                    times.get(k)[i] = seconds(clock, call, k, deadline);
                } catch (RuntimeException e) {
                    failed.put(k, oneLine(e));
                }
            }
            for (Backend k : order) {
                if (lost.contains(k) || failed.containsKey(k)) continue;
                double own = times.get(k)[i];
                if (!Double.isNaN(own) && own > rival(k, i)) lost.add(k);
            }
        }
        Arrays.fill(calls, null);
    }

    /**
     * JAVA and the kinds still to time: each decidable kind that has not lost yet, with the kinds it would displace
     * (its rivals); empty when none is left.
     */
    private List<Backend> needed() {
        List<Backend> n = new ArrayList<>();
        boolean from = false;
        for (Backend k : order) {
            from |= decidable(k) && !lost.contains(k);
            if (from && !failed.containsKey(k)) n.add(k);
        }
        if (n.isEmpty()) return n;
        n.add(0, Backend.JAVA);
        return n;
    }

    /** Whether the sweep can decide {@code kind}: it, JAVA and every kind it would displace are steady (or failed). */
    boolean decidable(Backend kind) {
        return undecidable(kind) == null;
    }

    /** Why the sweep cannot decide {@code kind}, or null when it can. */
    private String undecidable(Backend kind) {
        if (failed.containsKey(Backend.JAVA)) return "JAVA failed: " + failed.get(Backend.JAVA);
        if (failed.containsKey(kind)) return "failed: " + failed.get(kind);
        if (!steady(Backend.JAVA)) return "JAVA's time per call was not yet steady when the budget ran out";
        if (!steady(kind)) return "its time per call was not yet steady when the budget ran out";
        for (Backend d : order.subList(order.indexOf(kind) + 1, order.size())) {
            if (!failed.containsKey(d) && !steady(d)) {
                return "the time per call of " + d + ", which it would displace, was not yet steady when the budget ran out";
            }
        }
        return null;
    }

    /** Whether every kind is steady or failed: nothing more to warm up. */
    boolean warmedUp() {
        for (Backend k : kinds()) if (warming(k)) return false;
        return true;
    }

    /** The fastest time at size index {@code i} among JAVA and the kinds {@code kind} would displace. */
    private double rival(Backend kind, int i) {
        double ref = times.get(Backend.JAVA)[i];
        for (Backend d : order.subList(order.indexOf(kind) + 1, order.size())) {
            double t = times.get(d)[i];
            if (!Double.isNaN(t)) ref = Math.min(ref, t);
        }
        return ref;
    }

    /** The best of {@link #REPS} repetitions in seconds per call on {@code clock} (one repetition at least, more while before the deadline). */
    private static double seconds(CallClock clock, Probe.Call call, Backend kind, long deadline) {
        long t = clock.now();
        call.run(kind);
        long first = Math.max(1, clock.now() - t);
        int inner = (int) Math.max(1, Math.min(1 << 16, REP_NANOS / first));
        double best = first;
        for (int r = 0; r < REPS && (r == 0 || System.nanoTime() < deadline); r++) {
            t = clock.now();
            for (int j = 0; j < inner; j++) call.run(kind);
            best = Math.min(best, (clock.now() - t) / (double) inner);
        }
        return best * 1e-9;
    }

    /** The outcome for every kind of the family but JAVA, in the automatic order. */
    List<Calibration.Crossover> outcome(Crossovers shipped, boolean gpu) {
        List<Calibration.Crossover> out = new ArrayList<>();
        for (Backend k : ORDER) {
            if (!family.kinds().contains(k)) continue;
            long ship = shipped.shipped(family.name(), k, k == Backend.OPENCL && gpu);
            String why = skipped.get(k);
            if (why == null) why = undecidable(k);
            if (why != null) {
                out.add(new Calibration.Crossover(family.name(), k, false, ship, ship, "not measured: " + why));
                continue;
            }
            CrossoverRule.Decision d = CrossoverRule.decide(k, order, probe.sizes(), times, ship);
            out.add(new Calibration.Crossover(family.name(), k, d.measured(), d.size(), ship, d.note()));
        }
        return out;
    }

    private static String oneLine(RuntimeException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.replace('\n', ' ');
    }

    /**
     * How far a kind's warm-up got: the size it has climbed to ({@link #CLIMB}: a kernel reaches the largest size
     * only once it is fast at the one below), and whether it is steady: at the largest size, its best time per call
     * improved by less than 1 - {@link #STEADY} over {@link #STEADY_VISITS} visits in a row, the JIT finished no
     * compilation over the last {@link #QUIET_VISITS} of them ({@link JitActivity}; a family is warmed up alone, so
     * that is its own code compiled), and it ran {@link #MIN_WARM_NANOS} in all. (And see {@link Sweep#steady}.)
     */
    private final class Warmth {
        int level;
        private long best = Long.MAX_VALUE; // at this level, over the visits since it got there
        private long visitBest = Long.MAX_VALUE;
        private int steadyVisits;
        private int quietVisits;
        private long compiledBefore = -1; // the JIT's total at the start of the visit before this one
        private long warmed;

        void sample(long nanos) {
            visitBest = Math.min(visitBest, nanos);
        }

        /** On to the next size: its time starts afresh. */
        void climb() {
            level++;
            best = Long.MAX_VALUE;
            visitBest = Long.MAX_VALUE;
            steadyVisits = 0;
        }

        /**
         * Ends a visit of {@code nanos} that began when the JIT's total was {@code compiled}: steady one visit more if
         * its best was within {@link #STEADY} of the best before; quiet one visit more if the JIT finished no
         * compilation since the visit before began.
         */
        void endVisit(long nanos, long compiled) {
            warmed += nanos;
            long nowCompiled = JitActivity.millis();
            quietVisits = compiledBefore >= 0 && nowCompiled == compiledBefore ? quietVisits + 1 : 0;
            compiledBefore = compiled;
            if (visitBest != Long.MAX_VALUE) {
                if (best != Long.MAX_VALUE && visitBest >= STEADY * best) steadyVisits++;
                else steadyVisits = 0;
                best = Math.min(best, visitBest);
            }
            visitBest = Long.MAX_VALUE;
        }

        boolean steady() {
            return level == top && steadyVisits >= STEADY_VISITS && quietVisits >= QUIET_VISITS && warmed >= MIN_WARM_NANOS;
        }
    }
}
