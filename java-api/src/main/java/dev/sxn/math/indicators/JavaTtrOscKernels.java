package dev.sxn.math.indicators;

/**
 * The plain-Java oscillator kernels, the reference: today's {@link Segments} path (each asset's finite runs gathered
 * into contiguous scratch and computed by the one-series kernels of {@link Oscillators} and {@link VolumeIndicators}),
 * so the batch results are the one-series results bit for bit and follow the NaN rule. Allocates its small argument
 * arrays and per-thread scratch only.
 */
final class JavaTtrOscKernels implements TtrOscKernels {
    @Override
    public boolean exactLog() {
        return true;
    }

    @Override
    public void momentum(double[] x, int k, int t, int n, int type, double[] out) {
        Segments.Kernel kernel = switch (type) {
            case DIFF -> (v, m, o, w) -> TtrOps.momentum(v[0], m, n, o[0]);
            case DISCRETE -> (v, m, o, w) -> TtrOps.rocDiscrete(v[0], m, n, o[0]);
            default -> (v, m, o, w) -> TtrOps.rocContinuous(v[0], m, n, o[0]);
        };
        Segments.run(new double[][] {x}, k, t, new double[][] {out}, kernel);
    }

    @Override
    public void wpr(double[] h, double[] l, double[] c, int k, int t, int n, double[] out) {
        Segments.run(new double[][] {h, l, c}, k, t, new double[][] {out},
                (v, m, o, w) -> Oscillators.wpr(v[0], v[1], v[2], m, n, o[0], w));
    }

    @Override
    public void cci(double[] h, double[] l, double[] c, int k, int t, int n, double coef, double[] out) {
        if (l == null) {
            Segments.run(new double[][] {h}, k, t, new double[][] {out}, (v, m, o, w) -> Oscillators.cciOf(v[0], m, n, coef, o[0], w));
        } else {
            Segments.run(new double[][] {h, l, c}, k, t, new double[][] {out},
                    (v, m, o, w) -> Oscillators.cci(v[0], v[1], v[2], m, n, coef, o[0], w));
        }
    }

    @Override
    public void mfi(double[] h, double[] l, double[] c, double[] v, int k, int t, int n, double[] out) {
        Segments.run(new double[][] {h, l, c, v}, k, t, new double[][] {out},
                (in, m, o, w) -> VolumeIndicators.mfi(in[0], in[1], in[2], in[3], m, n, o[0], w));
    }
}
