package dev.sxn.math.stochastic;

import static dev.sxn.math.stochastic.RngConstants.MODE_BITS;
import static dev.sxn.math.stochastic.RngConstants.MODE_CLOSED_OPEN;
import static dev.sxn.math.stochastic.RngConstants.MODE_OPEN;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API kernel: L consecutive lanes (paths) in the L lanes of the preferred {@code long} species, one
 * Philox block per vector lane, so a step block of L paths is ten vector rounds and its words are
 * contiguous stores into the step rows.
 *
 * <p>Philox4x64's 64x64 -> 128-bit products have no Vector API operation: the high half is put together
 * from four 32x32 -> 64-bit lane products. Philox4x32 runs with each 32-bit word in a
 * 64-bit lane, where the full 32x32 product is one lane multiply. Both give the JAVA kernel's words; the
 * conversions ({@link UnitDoubles}) and the normal ({@link NormalQuantile} with {@link FdLog}) repeat the
 * scalar operations lane-wise in the same order, with branches turned into blends, so every value is the
 * JAVA kernel's bit for bit. The integer exponent of the logarithm becomes a double through the
 * exponent-bits trick (exact), avoiding a 64-bit integer conversion that AVX2 lacks.
 *
 * <p>No vector crosses a method boundary, and no method is large: the block is written to a per-call
 * scratch array, each word is converted by a method that loads it, and the normal's tail stages hand their
 * vectors over through scratch too. A large method of Vector API code can exceed C2's inlining budget; in a
 * JVM whose Vector API profiles other shapes have polluted, the calls left out cannot be bound and every
 * vector is boxed ({@code RandomsAllocationTest} caught it in the full suite). Lanes left over after the
 * last whole vector run on the JAVA kernel. Loaded only when VECTOR is available; stateless.
 */
final class VectorRandomKernels implements RandomKernels {
    private static final VectorSpecies<Long> LS = LongVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Double> DS = DoubleVector.SPECIES_PREFERRED;
    private static final int L = LS.length();
    private static final long MASK32 = 0xFFFF_FFFFL;
    private static final long[] IOTA = new long[L];

    static {
        for (int i = 0; i < L; i++) IOTA[i] = i;
        if (DS.length() != L) throw new IllegalStateException("long and double species differ in length");
    }


    @Override
    public void fill(RandomStream s, int mode, long lane0, int lanes, long step0, int steps, double[] d, long[] bits, int off, int ld) {
        fillWith(s, mode, lane0, lanes, step0, steps, d, bits, off, ld, new long[4 * L], new double[7 * L]);
    }

    /**
     * The fill with the caller's scratch ({@code words.length >= 4 L}, {@code scratch.length >= 7 L}): the path
     * kernels fill many tiles per call from per-thread scratch.
     */
    static void fillWith(RandomStream s, int mode, long lane0, int lanes, long step0, int steps, double[] d, long[] bits, int off, int ld,
                         long[] words, double[] scratch) {
        if (lanes <= 0 || steps <= 0) return;
        int vecLanes = lanes / L * L;
        if (vecLanes > 0) {
            Generator g = s.generator();
            long seed = s.seed(), stream = s.stream();
            boolean wide = g == Generator.PHILOX_4X64;
            int v = g.stepsPerBlock();
            long end = step0 + steps;
            for (long b = step0 / v; b * v < end; b++) {
                long first = b * v;
                int w0 = (int) (Math.max(step0, first) - first);
                int w1 = (int) Math.min(v, end - first);
                int row0 = (int) (first + w0 - step0);
                for (int i = 0; i < vecLanes; i += L) {
                    if (wide) philox4x64(lane0 + i, b, seed, stream, words);
                    else philox4x32(lane0 + i, b, stream, seed, words);
                    for (int k = w0, idx = off + row0 * ld + i; k < w1; k++, idx += ld) emit(mode, words, k * L, d, bits, idx, scratch);
                }
            }
        }
        if (vecLanes < lanes) JavaRandomKernels.fillJava(s, mode, lane0 + vecLanes, lanes - vecLanes, step0, steps, d, bits, off + vecLanes, ld, words);
    }

    /** Philox4x64-10 of counters (lane + 0..L-1, b, 0, 0) under (seed, stream): word k of lane j to words[k L + j]. */
    private static void philox4x64(long lane, long b, long k0, long k1, long[] words) {
        LongVector x0 = LongVector.fromArray(LS, IOTA, 0).add(lane);
        LongVector x1 = LongVector.broadcast(LS, b), x2 = LongVector.zero(LS), x3 = LongVector.zero(LS);
        // The high halves of M0 x0 and M1 x2 from four 32x32 -> 64-bit lane products each, written out
        // here rather than in a helper: a vector crossing a call C2 declines to inline is boxed.
        final long m0l = PhiloxCore.M64_0 & MASK32, m0h = PhiloxCore.M64_0 >>> 32, m1l = PhiloxCore.M64_1 & MASK32, m1h = PhiloxCore.M64_1 >>> 32;
        for (int r = 0; r < PhiloxCore.ROUNDS; r++) {
            LongVector al = x0.and(MASK32), ah = x0.lanewise(VectorOperators.LSHR, 32);
            LongVector t = al.mul(m0l);
            LongVector u = ah.mul(m0l).add(t.lanewise(VectorOperators.LSHR, 32));
            LongVector w = al.mul(m0h).add(u.and(MASK32));
            LongVector hi0 = ah.mul(m0h).add(u.lanewise(VectorOperators.LSHR, 32)).add(w.lanewise(VectorOperators.LSHR, 32));
            LongVector lo0 = x0.mul(PhiloxCore.M64_0);
            al = x2.and(MASK32);
            ah = x2.lanewise(VectorOperators.LSHR, 32);
            t = al.mul(m1l);
            u = ah.mul(m1l).add(t.lanewise(VectorOperators.LSHR, 32));
            w = al.mul(m1h).add(u.and(MASK32));
            LongVector hi1 = ah.mul(m1h).add(u.lanewise(VectorOperators.LSHR, 32)).add(w.lanewise(VectorOperators.LSHR, 32));
            LongVector lo1 = x2.mul(PhiloxCore.M64_1);
            x0 = hi1.lanewise(VectorOperators.XOR, x1).lanewise(VectorOperators.XOR, k0);
            x1 = lo1;
            x2 = hi0.lanewise(VectorOperators.XOR, x3).lanewise(VectorOperators.XOR, k1);
            x3 = lo0;
            k0 += PhiloxCore.W64_0;
            k1 += PhiloxCore.W64_1;
        }
        x0.intoArray(words, 0);
        x1.intoArray(words, L);
        x2.intoArray(words, 2 * L);
        x3.intoArray(words, 3 * L);
    }

    /**
     * Philox4x32-10 of counters (lane + 0..L-1, b, stream, 0) under (seed low, seed high), one 32-bit word per
     * 64-bit lane: 64-bit word k (x[2k+1] << 32 | x[2k]) of lane j to words[k L + j].
     */
    private static void philox4x32(long lane, long b, long stream, long seed, long[] words) {
        LongVector x0 = LongVector.fromArray(LS, IOTA, 0).add(lane).and(MASK32);
        LongVector x1 = LongVector.broadcast(LS, b & MASK32), x2 = LongVector.broadcast(LS, stream & MASK32), x3 = LongVector.zero(LS);
        long k0 = seed & MASK32, k1 = seed >>> 32;
        long m0 = PhiloxCore.M32_0 & MASK32, m1 = PhiloxCore.M32_1 & MASK32;
        for (int r = 0; r < PhiloxCore.ROUNDS; r++) {
            LongVector p0 = x0.mul(m0), p1 = x2.mul(m1); // exact: both factors < 2^32
            x0 = p1.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, x1).lanewise(VectorOperators.XOR, k0);
            x1 = p1.and(MASK32);
            x2 = p0.lanewise(VectorOperators.LSHR, 32).lanewise(VectorOperators.XOR, x3).lanewise(VectorOperators.XOR, k1);
            x3 = p0.and(MASK32);
            k0 = (k0 + (PhiloxCore.W32_0 & MASK32)) & MASK32;
            k1 = (k1 + (PhiloxCore.W32_1 & MASK32)) & MASK32;
        }
        x1.lanewise(VectorOperators.LSHL, 32).or(x0).intoArray(words, 0);
        x3.lanewise(VectorOperators.LSHL, 32).or(x2).intoArray(words, L);
    }

    /** Converts the L words at words[at..] for {@code mode} and stores them at index {@code idx}. */
    private static void emit(int mode, long[] words, int at, double[] d, long[] bits, int idx, double[] scratch) {
        switch (mode) {
            case MODE_BITS -> LongVector.fromArray(LS, words, at).intoArray(bits, idx);
            case MODE_OPEN -> emitOpen(words, at, d, idx);
            case MODE_CLOSED_OPEN -> emitClosedOpen(words, at, d, idx);
            default -> emitNormal(words, at, d, idx, scratch);
        }
    }

    // Each emitter loads, converts and stores within itself: no vector crosses a call (see the class comment).

    /** {@link UnitDoubles#open}, lane-wise. */
    private static void emitOpen(long[] words, int at, double[] d, int idx) {
        LongVector w = LongVector.fromArray(LS, words, at);
        w.lanewise(VectorOperators.LSHR, 12).or(UnitDoubles.ONE_BITS).reinterpretAsDoubles().sub(UnitDoubles.OPEN_SHIFT).intoArray(d, idx);
    }

    /** {@link UnitDoubles#closedOpen}, lane-wise: j 2^-52 (exponent trick) plus the 53rd bit times 2^-53, exact. */
    private static void emitClosedOpen(long[] words, int at, double[] d, int idx) {
        LongVector w = LongVector.fromArray(LS, words, at);
        DoubleVector hi = w.lanewise(VectorOperators.LSHR, 12).or(UnitDoubles.ONE_BITS).reinterpretAsDoubles().sub(1.0);
        LongVector bit = w.lanewise(VectorOperators.LSHR, 11).and(1L).neg().and(Double.doubleToRawLongBits(0x1p-53));
        hi.add(bit.reinterpretAsDoubles()).intoArray(d, idx);
    }

    /**
     * {@link NormalQuantile#of} of {@link UnitDoubles#open}, lane-wise. The central region here; the tails
     * (some lane outside |q| <= 0.425) in {@link #normalTails} and the stages it calls, handing vectors
     * over through {@code scratch}: each stage is a
     * small compilation unit, so C2 keeps every vector's exact type and inlines every operation even where
     * the Vector API's shared profiles were polluted by other shapes (a single large method lost them and
     * boxed its vectors in a JVM that had run other vector code).
     */
    private static void emitNormal(long[] words, int at, double[] d, int idx, double[] scratch) {
        DoubleVector u = LongVector.fromArray(LS, words, at).lanewise(VectorOperators.LSHR, 12).or(UnitDoubles.ONE_BITS)
                .reinterpretAsDoubles().sub(UnitDoubles.OPEN_SHIFT);
        DoubleVector q = u.sub(0.5);
        DoubleVector r = DoubleVector.broadcast(DS, 0.180625).sub(q.mul(q));
        DoubleVector num = r.mul(NormalQuantile.A7).add(NormalQuantile.A6).mul(r).add(NormalQuantile.A5).mul(r).add(NormalQuantile.A4)
                .mul(r).add(NormalQuantile.A3).mul(r).add(NormalQuantile.A2).mul(r).add(NormalQuantile.A1).mul(r).add(NormalQuantile.A0).mul(q);
        DoubleVector den = r.mul(NormalQuantile.B7).add(NormalQuantile.B6).mul(r).add(NormalQuantile.B5).mul(r).add(NormalQuantile.B4)
                .mul(r).add(NormalQuantile.B3).mul(r).add(NormalQuantile.B2).mul(r).add(NormalQuantile.B1).mul(r).add(1.0);
        DoubleVector z = num.div(den);
        if (q.abs().compare(VectorOperators.LE, 0.425).allTrue()) {
            z.intoArray(d, idx);
            return;
        }
        u.intoArray(scratch, 0);
        z.intoArray(scratch, L);
        normalTails(scratch, d, idx);
    }

    /**
     * The tails of AS241 for the uniforms at scratch[0, L) with the central values at scratch[L, 2L); stores
     * all L normals. Scratch: [2L, 3L) the logarithm's argument and result, then t; [3L, 4L) the far tail;
     * [4L, 6L) the logarithm's f and k.
     */
    private static void normalTails(double[] scratch, double[] d, int idx) {
        DoubleVector u = DoubleVector.fromArray(DS, scratch, 0);
        DoubleVector q = u.sub(0.5);
        DoubleVector.broadcast(DS, 1.0).sub(u).blend(u, q.compare(VectorOperators.LT, 0.0)).intoArray(scratch, 2 * L);
        logReduce(scratch, 2 * L, 4 * L);
        logFinish(scratch, 4 * L, 2 * L);
        DoubleVector t = DoubleVector.fromArray(DS, scratch, 2 * L).neg().sqrt();
        t.intoArray(scratch, 2 * L);
        t.intoArray(scratch, 3 * L);
        // Lanes in the central region have min(u, 1 - u) >= 0.075, so t <= 1.61 there: "near" holds for them.
        boolean far = !t.compare(VectorOperators.LE, 5.0).allTrue();
        intermediateTailInPlace(scratch, 2 * L);
        if (far) farTailInPlace(scratch, 3 * L);
        normalsAssemble(scratch, d, idx);
    }

    /** Picks, per lane, the central value, the intermediate or the far tail, with q's sign; stores the L normals. */
    private static void normalsAssemble(double[] scratch, double[] d, int idx) {
        DoubleVector q = DoubleVector.fromArray(DS, scratch, 0).sub(0.5);
        DoubleVector t = DoubleVector.fromArray(DS, scratch, 5 * L);
        DoubleVector tail = DoubleVector.fromArray(DS, scratch, 3 * L).blend(DoubleVector.fromArray(DS, scratch, 2 * L),
                t.compare(VectorOperators.LE, 5.0));
        tail = tail.blend(tail.neg(), q.compare(VectorOperators.LT, 0.0));
        tail.blend(DoubleVector.fromArray(DS, scratch, L), q.abs().compare(VectorOperators.LE, 0.425)).intoArray(d, idx);
    }

    /** AS241's intermediate tail C(t - 1.6) / D(t - 1.6) of the L values t at s[at..], in place; t kept at s[at + 3L..]. */
    private static void intermediateTailInPlace(double[] s, int at) {
        DoubleVector t = DoubleVector.fromArray(DS, s, at);
        t.intoArray(s, at + 3 * L);
        DoubleVector c = t.sub(1.6);
        c.mul(NormalQuantile.C7).add(NormalQuantile.C6).mul(c).add(NormalQuantile.C5).mul(c).add(NormalQuantile.C4)
                .mul(c).add(NormalQuantile.C3).mul(c).add(NormalQuantile.C2).mul(c).add(NormalQuantile.C1).mul(c).add(NormalQuantile.C0)
                .div(c.mul(NormalQuantile.D7).add(NormalQuantile.D6).mul(c).add(NormalQuantile.D5).mul(c).add(NormalQuantile.D4)
                        .mul(c).add(NormalQuantile.D3).mul(c).add(NormalQuantile.D2).mul(c).add(NormalQuantile.D1).mul(c).add(1.0))
                .intoArray(s, at);
    }

    /** AS241's far tail E(t - 5) / F(t - 5) of the L values at s[at..], in place. */
    private static void farTailInPlace(double[] s, int at) {
        DoubleVector e = DoubleVector.fromArray(DS, s, at).sub(5.0);
        e.mul(NormalQuantile.E7).add(NormalQuantile.E6).mul(e).add(NormalQuantile.E5).mul(e).add(NormalQuantile.E4)
                .mul(e).add(NormalQuantile.E3).mul(e).add(NormalQuantile.E2).mul(e).add(NormalQuantile.E1).mul(e).add(NormalQuantile.E0)
                .div(e.mul(NormalQuantile.F7).add(NormalQuantile.F6).mul(e).add(NormalQuantile.F5).mul(e).add(NormalQuantile.F4)
                        .mul(e).add(NormalQuantile.F3).mul(e).add(NormalQuantile.F2).mul(e).add(NormalQuantile.F1).mul(e).add(1.0))
                .intoArray(s, at);
    }

    /**
     * The integer half of {@link FdLog#log} for the L values at s[from..]: f (the reduced mantissa minus 1)
     * to s[to..], the exponent k as a double to s[to + L..], and fdlibm's two branch tests on the high word
     * as 1.0 / 0.0 flags: the tiny-f test over the input at s[from..], the middle-band test to s[to + 2L..].
     */
    static void logReduce(double[] s, int from, int to) {
        LongVector bits = DoubleVector.fromArray(DS, s, from).reinterpretAsLongs();
        LongVector high = bits.lanewise(VectorOperators.LSHR, 32);
        LongVector hx = high.and(0x000fffffL);
        LongVector i = hx.add(0x95f64L).and(0x100000L);
        hx.or(i.lanewise(VectorOperators.XOR, 0x3ff00000L)).lanewise(VectorOperators.LSHL, 32).or(bits.and(MASK32))
                .reinterpretAsDoubles().sub(1.0).intoArray(s, to);
        high.lanewise(VectorOperators.LSHR, 20).sub(1023).add(i.lanewise(VectorOperators.LSHR, 20)).add(K_BIAS_BITS)
                .reinterpretAsDoubles().sub(K_BIAS).intoArray(s, to + L);
        // fdlibm's branch tests on hx, as doubles: 1 where the condition holds, else 0 (exact small integers).
        DoubleVector one = DoubleVector.broadcast(DS, 1.0), zero = DoubleVector.zero(DS);
        zero.blend(one, hx.add(2).and(0x000fffffL).compare(VectorOperators.LT, 3).cast(DS)).intoArray(s, from);
        zero.blend(one, hx.sub(0x6147aL).or(LongVector.broadcast(LS, 0x6b851L).sub(hx)).compare(VectorOperators.GT, 0).cast(DS))
                .intoArray(s, to + 2 * L);
    }

    /**
     * The floating-point half of {@link FdLog#log}: from f at s[from..], k at s[from + L..], the band flag at
     * s[from + 2L..] and the tiny flag at s[to..] (from {@link #logReduce}), the logarithm to s[to..].
     */
    static void logFinish(double[] s, int from, int to) {
        DoubleVector f = DoubleVector.fromArray(DS, s, from), dk = DoubleVector.fromArray(DS, s, from + L);
        VectorMask<Double> band = DoubleVector.fromArray(DS, s, from + 2 * L).compare(VectorOperators.NE, 0.0);
        VectorMask<Double> tiny = DoubleVector.fromArray(DS, s, to).compare(VectorOperators.NE, 0.0);
        DoubleVector dkHi = dk.mul(FdLog.LN2_HI), dkLo = dk.mul(FdLog.LN2_LO);
        DoubleVector rt = f.mul(f).mul(DoubleVector.broadcast(DS, 0.5).sub(f.mul(FdLog.THIRD)));
        DoubleVector resTiny = dkHi.sub(rt.sub(dkLo).sub(f));
        DoubleVector q = f.div(f.add(2.0));
        DoubleVector z = q.mul(q);
        DoubleVector w = z.mul(z);
        DoubleVector r = z.mul(w.mul(w.mul(w.mul(FdLog.LG7).add(FdLog.LG5)).add(FdLog.LG3)).add(FdLog.LG1))
                .add(w.mul(w.mul(w.mul(FdLog.LG6).add(FdLog.LG4)).add(FdLog.LG2)));
        DoubleVector hfsq = f.mul(0.5).mul(f);
        DoubleVector resBand = dkHi.sub(hfsq.sub(q.mul(hfsq.add(r)).add(dkLo)).sub(f));
        DoubleVector resOther = dkHi.sub(q.mul(f.sub(r)).sub(dkLo).sub(f));
        resOther.blend(resBand, band).blend(resTiny, tiny).intoArray(s, to);
    }

    /** 2^52 + 2048 as bits: adding an exponent k >= -2048 to it and subtracting its value gives k as a double, exactly. */
    private static final long K_BIAS_BITS = Double.doubleToRawLongBits(0x1p52) + 2048;
    private static final double K_BIAS = 0x1p52 + 2048;
}
