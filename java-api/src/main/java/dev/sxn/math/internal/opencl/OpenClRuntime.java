package dev.sxn.math.internal.opencl;

import static org.jocl.CL.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jocl.CL;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_platform_id;
import org.jocl.cl_program;
import org.jocl.cl_queue_properties;

/**
 * The process-wide OpenCL context: the first device with fp64, GPUs preferred, one in-order queue,
 * and programs built once per context from the {@code kernels/*.cl} resources and cached.
 *
 * <p>Touches JOCL, so it is only ever loaded by name after {@code org.jocl.CL} was found (JOCL is
 * optional at run time). The context, queue and programs live for the JVM's lifetime; per-call
 * device memory goes through {@link DeviceBuffer}s that kernels keep and reuse.
 *
 * <p>Thread-safety: building programs is thread-safe; a {@code cl_kernel} is not (its arguments are
 * state), so each kernel family creates its own kernels and serialises its calls.
 */
public final class OpenClRuntime {
    private static Object state; // OpenClRuntime, or a String saying why not

    private final cl_device_id device;
    private final cl_context context;
    private final cl_command_queue queue;
    private final String description;
    private final boolean gpu;
    private final long maxWorkGroupSize;
    private final int computeUnits;
    private final Map<String, cl_program> programs = new ConcurrentHashMap<>();

    private OpenClRuntime(cl_platform_id platform, cl_device_id device) {
        this.device = device;
        cl_context_properties props = new cl_context_properties();
        props.addProperty(CL_CONTEXT_PLATFORM, platform);
        this.context = clCreateContext(props, 1, new cl_device_id[] {device}, null, null, null);
        cl_command_queue q;
        try {
            q = clCreateCommandQueueWithProperties(context, device, new cl_queue_properties(), null);
        } catch (CLException | UnsatisfiedLinkError e) {
            q = createLegacyQueue(context, device); // an OpenCL 1.2 platform
        }
        this.queue = q;
        long type = deviceLong(device, CL_DEVICE_TYPE);
        this.gpu = (type & CL_DEVICE_TYPE_GPU) != 0;
        this.maxWorkGroupSize = deviceSizeT(device, CL_DEVICE_MAX_WORK_GROUP_SIZE);
        this.computeUnits = (int) deviceInt(device, CL_DEVICE_MAX_COMPUTE_UNITS);
        this.description = platformString(platform, CL_PLATFORM_NAME) + " " + shortVersion(platformString(platform, CL_PLATFORM_VERSION))
                + ", " + deviceString(device, CL_DEVICE_NAME) + ", " + typeName(type) + ", fp64";
    }

    /** "OpenCL 3.0 PoCL 3.1+debian Linux, ..." becomes "3.1+debian (OpenCL 3.0)". */
    private static String shortVersion(String v) {
        String[] t = v.split("\\s+");
        if (t.length >= 4 && t[0].equals("OpenCL")) return t[3] + " (OpenCL " + t[1] + ")";
        return v;
    }

    @SuppressWarnings("deprecation")
    private static cl_command_queue createLegacyQueue(cl_context context, cl_device_id device) {
        return clCreateCommandQueue(context, device, 0, null);
    }

    /**
     * Finds and opens the device once. Returns the runtime, or a String naming why OpenCL is
     * unavailable (no ICD loader, no platform, no fp64 device).
     */
    public static synchronized Object probe() {
        if (state == null) state = open();
        return state;
    }

    /** The runtime; throws IllegalStateException naming why when OpenCL is unavailable. */
    public static OpenClRuntime get() {
        Object s = probe();
        if (s instanceof OpenClRuntime r) return r;
        throw new IllegalStateException("OPENCL unavailable: " + s);
    }

    private static Object open() {
        try {
            CL.setExceptionsEnabled(true);
            int[] count = new int[1];
            try {
                clGetPlatformIDs(0, null, count);
            } catch (CLException e) {
                return "no OpenCL platform found (" + e.getMessage() + "; install an ICD such as pocl-opencl-icd)";
            }
            if (count[0] == 0) return "no OpenCL platform found (install an ICD such as pocl-opencl-icd)";
            cl_platform_id[] platforms = new cl_platform_id[count[0]];
            clGetPlatformIDs(count[0], platforms, null);
            cl_platform_id bestPlatform = null;
            cl_device_id best = null;
            boolean bestGpu = false;
            List<String> skipped = new ArrayList<>();
            for (cl_platform_id p : platforms) {
                for (cl_device_id d : devices(p)) {
                    String name = deviceString(d, CL_DEVICE_NAME);
                    if (!hasFp64(d)) {
                        skipped.add(name + " (no fp64)");
                        continue;
                    }
                    boolean isGpu = (deviceLong(d, CL_DEVICE_TYPE) & CL_DEVICE_TYPE_GPU) != 0;
                    if (best == null || (isGpu && !bestGpu)) {
                        best = d;
                        bestPlatform = p;
                        bestGpu = isGpu;
                    }
                }
            }
            if (best == null) return "no OpenCL device with fp64 found" + (skipped.isEmpty() ? "" : ": " + skipped);
            return new OpenClRuntime(bestPlatform, best);
        } catch (CLException | LinkageError e) {
            return dev.sxn.math.internal.OpenClSupport.initFailure(e);
        }
    }

    /** Every device on every platform, one line each, for {@code sxn info}. */
    public static List<String> listDevices() {
        List<String> out = new ArrayList<>();
        CL.setExceptionsEnabled(true);
        int[] count = new int[1];
        clGetPlatformIDs(0, null, count);
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        if (count[0] > 0) clGetPlatformIDs(count[0], platforms, null);
        for (cl_platform_id p : platforms) {
            for (cl_device_id d : devices(p)) {
                out.add(platformString(p, CL_PLATFORM_NAME) + ": " + deviceString(d, CL_DEVICE_NAME) + ", "
                        + typeName(deviceLong(d, CL_DEVICE_TYPE)) + ", " + deviceInt(d, CL_DEVICE_MAX_COMPUTE_UNITS)
                        + " compute units, " + (deviceLong(d, CL_DEVICE_GLOBAL_MEM_SIZE) >> 20) + " MiB, "
                        + (hasFp64(d) ? "fp64" : "no fp64") + ", " + deviceString(d, CL_DEVICE_VERSION));
            }
        }
        return out;
    }

    /**
     * The program built from resource {@code kernels/<name>} (e.g. {@code "vectorops.cl"}), built once
     * per context. A build failure throws with the compiler's log.
     *
     * @param name the resource's file name
     * @return the built program
     */
    public cl_program program(String name) {
        return program(name, "");
    }

    /**
     * The program built from resource {@code kernels/<name>} with extra build options, built once per
     * context and options. The options carry the constants a program shares with the host as
     * {@code -D NAME=value}, so each has one source, a Java constant.
     *
     * @param name the resource's file name
     * @param options build options added to {@code -cl-std=CL1.2}, e.g. {@code "-D SXN_GEMM_TS=16"}
     * @return the built program
     */
    public cl_program program(String name, String options) {
        return programs.computeIfAbsent(options.isEmpty() ? name : name + " " + options, key -> build(name, options));
    }

    /**
     * A new kernel object for {@code kernelName} in program {@code programName}; the caller owns it.
     *
     * @param programName the resource's file name
     * @param kernelName the {@code __kernel} function
     * @return the kernel
     */
    public cl_kernel kernel(String programName, String kernelName) {
        return kernel(programName, "", kernelName);
    }

    /**
     * A new kernel object for {@code kernelName} in the program built with {@code options} (see
     * {@link #program(String, String)}); the caller owns it.
     *
     * @param programName the resource's file name
     * @param options the build options (the shared constants as {@code -D} options)
     * @param kernelName the {@code __kernel} function
     * @return the kernel
     */
    public cl_kernel kernel(String programName, String options, String kernelName) {
        return clCreateKernel(program(programName, options), kernelName, null);
    }

    /**
     * A launch of {@code kernel} on this runtime's queue: set its arguments in signature order, then
     * run it (see {@link KernelLaunch}).
     *
     * @param kernel a kernel created by {@link #kernel}
     * @return a fresh launch, its first argument index 0
     */
    public KernelLaunch launch(cl_kernel kernel) {
        return new KernelLaunch(this, kernel);
    }

    private cl_program build(String name, String options) {
        String source;
        try (InputStream in = OpenClRuntime.class.getResourceAsStream("/dev/sxn/math/kernels/" + name)) {
            if (in == null) throw new IllegalStateException("OpenCL source kernels/" + name + " not in the jar");
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("reading kernels/" + name, e);
        }
        cl_program program = clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
        try {
            String all = options.isBlank() ? "-cl-std=CL1.2" : "-cl-std=CL1.2 " + options.strip();
            clBuildProgram(program, 0, null, all, null, null);
        } catch (CLException e) {
            throw new IllegalStateException("building kernels/" + name + " failed: " + e.getMessage() + "\n" + buildLog(program), e);
        }
        return program;
    }

    private String buildLog(cl_program program) {
        long[] size = new long[1];
        clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetProgramBuildInfo(program, device, CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
        return new String(buf, 0, Math.max(0, buf.length - 1), StandardCharsets.UTF_8);
    }

    /** The context. */
    public cl_context context() {
        return context;
    }

    /** The in-order command queue. */
    public cl_command_queue queue() {
        return queue;
    }

    /** The chosen device. */
    public cl_device_id device() {
        return device;
    }

    /** Whether the device is a GPU (crossover sizes differ between GPUs and CPU drivers such as PoCL). */
    public boolean isGpu() {
        return gpu;
    }

    /** CL_DEVICE_MAX_WORK_GROUP_SIZE. */
    public long maxWorkGroupSize() {
        return maxWorkGroupSize;
    }

    /** CL_DEVICE_MAX_COMPUTE_UNITS. */
    public int computeUnits() {
        return computeUnits;
    }

    /** "Portable Computing Language (OpenCL 3.0 PoCL 3.1 ...), cpu-haswell-..., CPU, fp64". */
    public String description() {
        return description;
    }

    /** The largest power of two <= min(limit, max work-group size). */
    public int localSize(int limit) {
        long cap = Math.min(limit, maxWorkGroupSize);
        return Integer.highestOneBit((int) Math.max(1, cap));
    }

    private static cl_device_id[] devices(cl_platform_id p) {
        int[] n = new int[1];
        try {
            clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, n);
        } catch (CLException e) {
            return new cl_device_id[0]; // CL_DEVICE_NOT_FOUND
        }
        cl_device_id[] ds = new cl_device_id[n[0]];
        clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, n[0], ds, null);
        return ds;
    }

    private static boolean hasFp64(cl_device_id d) {
        return deviceLong(d, CL_DEVICE_DOUBLE_FP_CONFIG) != 0 || deviceString(d, CL_DEVICE_EXTENSIONS).contains("cl_khr_fp64");
    }

    private static String typeName(long type) {
        if ((type & CL_DEVICE_TYPE_GPU) != 0) return "GPU";
        if ((type & CL_DEVICE_TYPE_CPU) != 0) return "CPU";
        if ((type & CL_DEVICE_TYPE_ACCELERATOR) != 0) return "accelerator";
        return "other";
    }

    private static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(p, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetPlatformInfo(p, param, buf.length, Pointer.to(buf), null);
        return new String(buf, 0, Math.max(0, buf.length - 1), StandardCharsets.UTF_8).strip();
    }

    private static String deviceString(cl_device_id d, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(d, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetDeviceInfo(d, param, buf.length, Pointer.to(buf), null);
        return new String(buf, 0, Math.max(0, buf.length - 1), StandardCharsets.UTF_8).strip();
    }

    private static long deviceLong(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.cl_long, Pointer.to(v), null);
        return v[0];
    }

    private static long deviceInt(cl_device_id d, int param) {
        int[] v = new int[1];
        clGetDeviceInfo(d, param, Sizeof.cl_int, Pointer.to(v), null);
        return v[0];
    }

    private static long deviceSizeT(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.size_t, Pointer.to(v), null);
        return v[0];
    }
}
