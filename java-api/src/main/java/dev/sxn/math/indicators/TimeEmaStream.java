package dev.sxn.math.indicators;

import dev.sxn.math.indicators.stream.TickStream;

/**
 * The stream of {@link Indicators#timeEma(double[], double[], double)}: the array loop's weight
 * ({@link JavaOnlyKernels#timeEmaWeight}, re-computed only when the step dt changes, as the array does; the
 * value reused is the one it would recompute) and step ({@link JavaOnlyKernels#timeEmaStep}). Lookback 0; O(1)
 * per update.
 */
final class TimeEmaStream extends TickStream {
    private final double tau;
    private boolean live;
    private double v, last, lastDt = Double.NaN, alpha;

    TimeEmaStream(double tau) {
        super(0, 1);
        this.tau = tau;
    }

    private TimeEmaStream(TimeEmaStream o) {
        super(o);
        tau = o.tau;
        live = o.live;
        v = o.v;
        last = o.last;
        lastDt = o.lastDt;
        alpha = o.alpha;
    }

    @Override
    public TimeEmaStream copy() {
        return new TimeEmaStream(this);
    }

    @Override
    protected boolean commit(double time, double x, double[] out) {
        if (!finite(x)) {
            live = false;
            out[0] = Double.NaN;
            return false;
        }
        if (!live) {
            v = x;
            live = true;
        } else {
            double dt = time - last;
            if (dt != lastDt) {
                alpha = JavaOnlyKernels.timeEmaWeight(dt, tau);
                lastDt = dt;
            }
            v = JavaOnlyKernels.timeEmaStep(v, x, alpha);
        }
        last = time;
        out[0] = v;
        return true;
    }

    @Override
    protected void trial(double time, double x, double[] out) {
        if (!finite(x)) out[0] = Double.NaN;
        else if (!live) out[0] = x;
        else {
            double dt = time - last;
            double a = dt != lastDt ? JavaOnlyKernels.timeEmaWeight(dt, tau) : alpha;
            out[0] = JavaOnlyKernels.timeEmaStep(v, x, a);
        }
    }
}
