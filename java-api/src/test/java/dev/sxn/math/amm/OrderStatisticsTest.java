package dev.sxn.math.amm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The selection behind the metrics' percentiles against a sorted copy (Arrays.sort, the order the percentiles were
 * defined with): every order statistic and the type-7 percentile bit for bit, on random arrays with ties, signed
 * zeros, NaN and infinities, sorted and reversed runs, lengths 1 to 300.
 */
class OrderStatisticsTest {
    @Test
    void selectionEqualsTheSortedOrder() {
        SplittableRandom r = new SplittableRandom(23);
        for (int trial = 0; trial < 400; trial++) {
            int k = 1 + r.nextInt(300);
            double[] x = new double[k];
            for (int i = 0; i < k; i++) {
                int kind = r.nextInt(20);
                x[i] = switch (kind) {
                    case 0 -> 0.0;
                    case 1 -> -0.0;
                    case 2 -> Double.NaN;
                    case 3 -> r.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                    case 4, 5, 6 -> r.nextInt(4) - 2.0;
                    default -> r.nextGaussian();
                };
            }
            if (trial % 10 == 1) Arrays.sort(x);
            if (trial % 10 == 2) {
                Arrays.sort(x);
                for (int i = 0; i < k / 2; i++) {
                    double t = x[i];
                    x[i] = x[k - 1 - i];
                    x[k - 1 - i] = t;
                }
            }
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            int j = r.nextInt(k);
            double[] y = x.clone();
            assertEquals(Double.doubleToLongBits(sorted[j]), Double.doubleToLongBits(OrderStatistics.select(y, k, j)), "trial " + trial);
            if (j + 1 < k) {
                assertEquals(Double.doubleToLongBits(sorted[j + 1]), Double.doubleToLongBits(OrderStatistics.min(y, j + 1, k)), "trial " + trial);
            }
            for (double q : new double[] {0, 1, 5, 37.5, 50, 95, 99, 100}) {
                double h = (k - 1) * (q / 100.0);
                int f = (int) Math.floor(h);
                double want = f >= k - 1 ? sorted[k - 1] : sorted[f] + (h - f) * (sorted[f + 1] - sorted[f]);
                assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(AmmMetrics.percentile(x.clone(), k, q)),
                        "trial " + trial + " q " + q);
            }
        }
    }
}
