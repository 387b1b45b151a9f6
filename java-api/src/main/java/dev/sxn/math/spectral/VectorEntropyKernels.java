package dev.sxn.math.spectral;

/**
 * Rolling spectral entropy on the Vector API FFT stages (the per-window algorithm of
 * {@link JavaEntropyKernels}). Loaded only when VECTOR is available.
 */
final class VectorEntropyKernels extends JavaEntropyKernels {
    VectorEntropyKernels() {
        super(new VectorFftKernels());
    }
}
