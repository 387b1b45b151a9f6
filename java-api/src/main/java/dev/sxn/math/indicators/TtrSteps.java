package dev.sxn.math.indicators;

/**
 * TtrOps' window building blocks as steps, one value at a time, for the streams of {@link TtrStreams2}: each
 * performs its array kernel's floating-point operations in the same order on the same values, so a stream built
 * from them equals the array function bit for bit. Like TtrOps they wait for the first non-NaN value (an earlier
 * stage's warm-up) and then give NaN until their window is full. Each holds a ring of its window, so
 * {@code copyFrom} is O(window); {@code step} allocates nothing.
 */
final class TtrSteps {
    private TtrSteps() {}

    /** TtrOps.runSum as a step: a plain seed sum of the first n values, then {@code (prev + x) - x[i-n]}. O(1). */
    static final class Sum {
        final int n;
        final double[] ring;
        boolean started;
        int k, pos;
        double s;

        Sum(int n) {
            this.n = n;
            ring = new double[n];
        }

        void reset() {
            started = false;
            k = 0;
            pos = 0;
            s = 0;
        }

        double step(double x) {
            if (!started) {
                if (Double.isNaN(x)) return Double.NaN;
                started = true;
            }
            if (k < n) {
                s += x;
                ring[k++] = x;
                return k == n ? s : Double.NaN;
            }
            s = s + x - ring[pos];
            ring[pos] = x;
            pos = pos + 1 == n ? 0 : pos + 1;
            return s;
        }

        /** The value j steps back (0: the newest) of a full window. */
        double back(int j) {
            int p = pos - 1 - j;
            return ring[p < 0 ? p + n : p];
        }

        void copyFrom(Sum o) {
            System.arraycopy(o.ring, 0, ring, 0, n);
            started = o.started;
            k = o.k;
            pos = o.pos;
            s = o.s;
        }
    }

    /**
     * TtrOps.runExtreme as a step, by a monotonic deque (O(1) amortised): the window's maximum ({@code max}) or
     * minimum, and among equal extremes the newest, as the array's newest-first strict-comparison scan keeps (this
     * matters only for the sign of a zero). For finite inputs.
     */
    static final class Extreme {
        final int n;
        final boolean max;
        final double[] vals;
        final long[] idx;
        int head, size;
        long i;

        Extreme(int n, boolean max) {
            this.n = n;
            this.max = max;
            vals = new double[n];
            idx = new long[n];
        }

        void reset() {
            head = size = 0;
            i = 0;
        }

        double step(double x) {
            // expire first, so that the deque never holds more than n entries
            if (size > 0 && idx[head] <= i - n) {
                head = head + 1 == n ? 0 : head + 1;
                size--;
            }
            while (size > 0) {
                int b = back();
                double v = vals[b];
                if (max ? v <= x : v >= x) size--;
                else break;
            }
            int p = head + size;
            p = p >= n ? p - n : p;
            vals[p] = x;
            idx[p] = i;
            size++;
            i++;
            return i >= n ? vals[head] : Double.NaN;
        }

        /** The index, counted from the run's start, of the current extreme. */
        long where() {
            return idx[head];
        }

        private int back() {
            int b = head + size - 1;
            return b >= n ? b - n : b;
        }

        void copyFrom(Extreme o) {
            System.arraycopy(o.vals, 0, vals, 0, n);
            System.arraycopy(o.idx, 0, idx, 0, n);
            head = o.head;
            size = o.size;
            i = o.i;
        }
    }

    /**
     * TtrOps.runCov as a step: window means as TtrOps.ttrMean (oldest first), products summed newest first, over
     * n - 1 ({@code sample}) or n. O(n) per step: the means change with every value, so the centred products are
     * summed afresh, in the array's order.
     */
    static final class Cov {
        final int n;
        final boolean sample;
        final double[] rx, ry;
        boolean started;
        int k, pos;

        Cov(int n, boolean sample) {
            this.n = n;
            this.sample = sample;
            rx = new double[n];
            ry = new double[n];
        }

        void reset() {
            started = false;
            k = pos = 0;
        }

        double step(double x, double y) {
            if (!started) {
                if (Double.isNaN(x) || Double.isNaN(y)) return Double.NaN;
                started = true;
            }
            rx[pos] = x;
            ry[pos] = y;
            pos = pos + 1 == n ? 0 : pos + 1;
            if (k < n) k++;
            if (k < n) return Double.NaN;
            double mx = mean(rx), my = mean(ry);
            double r = 0.0;
            for (int j = 0; j < n; j++) {
                int p = pos - 1 - j;
                if (p < 0) p += n;
                r += (rx[p] - mx) * (ry[p] - my);
            }
            return r / (sample ? n - 1 : n);
        }

        /** TtrOps.ttrMean of the full window, oldest (at pos) first. */
        private double mean(double[] ring) {
            double m = ring[pos] / n;
            for (int j = 1; j < n; j++) {
                int p = pos + j;
                m += ring[p >= n ? p - n : p] / n;
            }
            return m;
        }

        void copyFrom(Cov o) {
            System.arraycopy(o.rx, 0, rx, 0, n);
            System.arraycopy(o.ry, 0, ry, 0, n);
            started = o.started;
            k = o.k;
            pos = o.pos;
        }
    }
}
