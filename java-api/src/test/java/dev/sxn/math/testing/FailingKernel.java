package dev.sxn.math.testing;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A kernel of any family's interface that behaves like a device or native kernel failing part-way through a
 * call (an OpenCL queue running out of resources after some buffers were read back): it answers with the
 * family's JAVA kernel up to call number {@code failAt} (counted from 0, across every method), and from that
 * call on writes garbage into the first half of what the JAVA kernel would have written and throws
 * {@link #MESSAGE}. Made with {@link Proxy}, so one class serves every kernel interface.
 *
 * <p>What it scribbles on: the failing call runs the JAVA kernel on copies of its array arguments (aliasing
 * kept) to learn which elements that call writes, then overwrites the first half of them, in index order, in
 * the caller's arrays: NaN, or {@link #SENTINEL} where JAVA writes NaN itself ({@code ~v} in {@code int[]}s).
 * With {@link Garbage#OUTPUTS_ONLY} it leaves alone the arrays the call also reads (found by running JAVA
 * again with that array perturbed): the kernel contract lets a kernel update data in place only after its
 * work succeeded, which is what the OPENCL kernels do by reading back into scratch first. With
 * {@link Garbage#EVERY_WRITE} it scribbles on those too, which an operation survives only when it
 * re-initialises its in-place arrays inside the dispatched op.
 *
 * <p>Methods returning {@code boolean} from primitive arguments only (a kernel's answers about itself:
 * {@code takesSeriesVariance}, {@code runsUserPotentials}, {@code checksFinite}) are the JAVA kernel's and are
 * not counted. Not thread-safe: one test drives it.
 */
public final class FailingKernel implements InvocationHandler {
    /** The failure's message: the error an OpenCL host sees when the device runs out of resources. */
    public static final String MESSAGE = "simulated CL_OUT_OF_RESOURCES";
    /** What replaces an element that JAVA writes as NaN. */
    public static final double SENTINEL = -7.777e300;
    /** {@link #arm} with this never fails. */
    public static final int NEVER = Integer.MAX_VALUE;

    /** Which arrays a failing call scribbles on. */
    public enum Garbage {
        /** Only arrays the call writes without reading them (outputs, scratch). */
        OUTPUTS_ONLY,
        /** Every array the call writes, in-place ones included. */
        EVERY_WRITE
    }

    private final Object java;
    private final Object proxy;
    private int failAt = NEVER;
    private Garbage garbage = Garbage.EVERY_WRITE;
    private int calls;
    private RuntimeException thrown;
    private final Set<String> scribbled = new LinkedHashSet<>();

    private FailingKernel(Object java) {
        this.java = java;
        List<Class<?>> interfaces = new ArrayList<>();
        for (Class<?> c = java.getClass(); c != null; c = c.getSuperclass()) interfaces.addAll(Arrays.asList(c.getInterfaces()));
        this.proxy = Proxy.newProxyInstance(java.getClass().getClassLoader(), interfaces.toArray(Class<?>[]::new), this);
    }

    /** A failing kernel that stands in for {@code javaKernel} (the family's JAVA kernel) and answers with it. */
    public static FailingKernel over(Object javaKernel) {
        return new FailingKernel(Objects.requireNonNull(javaKernel, "javaKernel"));
    }

    /** The kernel object to install: it implements every interface of the JAVA kernel's class. */
    public Object kernel() {
        return proxy;
    }

    /** Resets the call count: call number {@code failAt} (and every later one) fails, scribbling per {@code garbage}. */
    public void arm(int failAt, Garbage garbage) {
        this.failAt = failAt;
        this.garbage = garbage;
        this.calls = 0;
        this.thrown = null;
        this.scribbled.clear();
    }

    /** The calls made since {@link #arm}. */
    public int calls() {
        return calls;
    }

    /** The first failure thrown since {@link #arm}, or null. */
    public RuntimeException thrown() {
        return thrown;
    }

    /** The "method(argument index)" pairs failing calls have scribbled on since {@link #arm} (for sanity checks). */
    public Set<String> scribbled() {
        return scribbled;
    }

    /** Whether {@code e} is (or is caused by) a failure this class threw. */
    public static boolean isSimulated(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().startsWith(MESSAGE)) return true;
        }
        return false;
    }

    @Override
    public Object invoke(Object self, Method m, Object[] args) throws Throwable {
        if (m.getDeclaringClass() == Object.class) {
            return switch (m.getName()) {
                case "equals" -> self == args[0];
                case "hashCode" -> System.identityHashCode(self);
                default -> "FailingKernel over " + java.getClass().getSimpleName();
            };
        }
        if (isQuery(m)) return call(m, args);
        int n = calls++;
        if (n < failAt) return call(m, args);
        failPartWay(m, args, n);
        throw new AssertionError("unreachable");
    }

    private static boolean isQuery(Method m) {
        if (m.getReturnType() != boolean.class) return false;
        for (Class<?> p : m.getParameterTypes()) if (!p.isPrimitive()) return false;
        return true;
    }

    private Object call(Method m, Object[] args) throws Throwable {
        m.setAccessible(true);
        try {
            return m.invoke(java, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private void failPartWay(Method m, Object[] args, int n) throws Throwable {
        Object[] baseArgs = copyArrays(args, null);
        Object baseResult = call(m, baseArgs); // the data's own errors (IllegalArgument, Arithmetic) pass as JAVA's would
        Map<Object, Object> copies = pairs(args, baseArgs);
        // A write of the value already there (reused scratch holding the same numbers) is invisible in that run: a second
        // run on arrays whose every element was changed first shows it.
        Object[] allPerturbed = copyArrays(args, ALL);
        try {
            call(m, allPerturbed);
        } catch (Throwable t) {
            allPerturbed = null;
        }
        Map<Object, Object> perturbedAfter = allPerturbed == null ? null : pairs(args, allPerturbed);
        for (Map.Entry<Object, Object> e : copies.entrySet()) {
            Object original = e.getKey(), copy = e.getValue();
            int[] written = perturbedAfter == null ? written(original, copy) : written(original, copy, perturbedAfter.get(original));
            if (written.length == 0) continue;
            if (garbage == Garbage.OUTPUTS_ONLY && reads(m, args, original, written, baseArgs, baseResult)) continue;
            scribble(original, copy, Arrays.copyOf(written, (written.length + 1) / 2));
            scribbled.add(m.getName() + "(" + argIndex(args, original) + ")");
        }
        RuntimeException failure = new IllegalStateException(MESSAGE + " in " + m.getName() + " (injected at call " + n + ")");
        if (thrown == null) thrown = failure;
        throw failure;
    }

    /** Whether JAVA's call reads {@code array}: running it with the array perturbed changes what it writes or returns. */
    private boolean reads(Method m, Object[] args, Object array, int[] written, Object[] baseArgs, Object baseResult) {
        Object[] perturbed = copyArrays(args, array);
        Object result;
        try {
            result = call(m, perturbed);
        } catch (Throwable t) {
            return true;
        }
        if (!Objects.equals(result, baseResult)) return true;
        Map<Object, Object> base = pairs(args, baseArgs), other = pairs(args, perturbed);
        for (Object original : base.keySet()) {
            Object a = base.get(original), b = other.get(original);
            if (original == array) {
                if (written(a, b, written)) return true;
            } else if (!Arrays.deepEquals(new Object[] {a}, new Object[] {b})) {
                return true;
            }
        }
        return false;
    }

    private static int argIndex(Object[] args, Object array) {
        for (int i = 0; i < args.length; i++) if (args[i] == array) return i;
        return -1;
    }

    private static final Object ALL = new Object();

    /**
     * Copies of the array arguments (the same copy for the same array), {@code perturb}'s copy (every copy for
     * {@link #ALL}) changed in every element.
     */
    private static Object[] copyArrays(Object[] args, Object perturb) {
        if (args == null) return null;
        Map<Object, Object> copies = new IdentityHashMap<>();
        Object[] out = args.clone();
        for (int i = 0; i < args.length; i++) {
            Object a = args[i];
            if (a instanceof double[] || a instanceof int[] || a instanceof long[]) {
                out[i] = copies.computeIfAbsent(a, x -> {
                    Object c = copy(x);
                    if (x == perturb || perturb == ALL) perturb(c);
                    return c;
                });
            }
        }
        return out;
    }

    private static Map<Object, Object> pairs(Object[] originals, Object[] copies) {
        Map<Object, Object> m = new IdentityHashMap<>();
        if (originals == null) return m;
        for (int i = 0; i < originals.length; i++) if (originals[i] != copies[i]) m.put(originals[i], copies[i]);
        return m;
    }

    private static Object copy(Object a) {
        if (a instanceof double[] d) return d.clone();
        if (a instanceof int[] d) return d.clone();
        return ((long[]) a).clone();
    }

    private static void perturb(Object a) {
        if (a instanceof double[] d) {
            for (int i = 0; i < d.length; i++) d[i] = Double.isFinite(d[i]) ? d[i] * 1.25 + 0.5 : 0.75;
        } else if (a instanceof int[] d) {
            for (int i = 0; i < d.length; i++) d[i] += 1;
        } else {
            long[] d = (long[]) a;
            for (int i = 0; i < d.length; i++) d[i] += 1;
        }
    }

    /** The indices where {@code after} differs from {@code before}, bit for bit. */
    private static int[] written(Object before, Object after) {
        int len = Array.getLength(before);
        int[] idx = new int[len];
        int k = 0;
        for (int i = 0; i < len; i++) if (differs(before, after, i)) idx[k++] = i;
        return Arrays.copyOf(idx, k);
    }

    /** {@link #written(Object, Object)} in either run: from {@code before} to {@code after}, or from perturbed to {@code perturbedAfter}. */
    private static int[] written(Object before, Object after, Object perturbedAfter) {
        Object perturbed = copy(before);
        perturb(perturbed);
        int len = Array.getLength(before);
        int[] idx = new int[len];
        int k = 0;
        for (int i = 0; i < len; i++) if (differs(before, after, i) || differs(perturbed, perturbedAfter, i)) idx[k++] = i;
        return Arrays.copyOf(idx, k);
    }

    private static boolean written(Object a, Object b, int[] at) {
        for (int i : at) if (differs(a, b, i)) return true;
        return false;
    }

    private static boolean differs(Object a, Object b, int i) {
        if (a instanceof double[] x) return Double.doubleToRawLongBits(x[i]) != Double.doubleToRawLongBits(((double[]) b)[i]);
        if (a instanceof int[] x) return x[i] != ((int[]) b)[i];
        return ((long[]) a)[i] != ((long[]) b)[i];
    }

    /** Garbage into {@code target} at {@code at}: never what JAVA writes there ({@code javaAfter}). */
    private static void scribble(Object target, Object javaAfter, int[] at) {
        if (target instanceof double[] t) {
            double[] j = (double[]) javaAfter;
            for (int i : at) t[i] = Double.isNaN(j[i]) ? SENTINEL : Double.NaN;
        } else if (target instanceof int[] t) {
            int[] j = (int[]) javaAfter;
            for (int i : at) t[i] = ~j[i];
        } else {
            long[] t = (long[]) target, j = (long[]) javaAfter;
            for (int i : at) t[i] = ~j[i];
        }
    }
}
