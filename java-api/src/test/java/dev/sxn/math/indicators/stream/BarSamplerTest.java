package dev.sxn.math.indicators.stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sxn.math.indicators.Bars;
import dev.sxn.math.indicators.CompositeIndicators;
import dev.sxn.math.indicators.IndicatorStreams;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The tick-to-bar sampler against bars built by hand, and the streams fed by it against the array functions. */
class BarSamplerTest {
    private static final double[] TIME = {0.5, 1.2, 1.9, 2.0, 4.7, 5.1, 5.2};
    private static final double[] PRICE = {10, 12, 9, 11, 13, 8, 9};
    private static final double[] SIZE = {1, 2, 3, 4, 5, 6, 7};

    @Test
    void timeBarsCloseAtTheFirstTickOfALaterInterval() {
        Bars b = BarSampler.time(2).sample(TIME, PRICE, SIZE);
        // [0,2): ticks 0..2; [2,4): tick 3; [4,6): 4..6 still forming (left out).
        assertArrayEquals(new double[] {10, 11}, b.open());
        assertArrayEquals(new double[] {12, 11}, b.high());
        assertArrayEquals(new double[] {9, 11}, b.low());
        assertArrayEquals(new double[] {9, 11}, b.close());
        assertArrayEquals(new double[] {6, 4}, b.volume());
        BarSampler s = BarSampler.time(2);
        for (int i = 0; i < 5; i++) s.update(TIME[i], PRICE[i], SIZE[i]);
        assertFalse(s.closeAt(5.9));
        assertTrue(s.closeAt(6.0));
        assertEquals(13, s.close());
        assertEquals(0, s.formingTicks());
    }

    @Test
    void tickVolumeAndDollarBarsIncludeTheClosingTick() {
        Bars t = BarSampler.ticks(3).sample(TIME, PRICE, SIZE);
        assertArrayEquals(new double[] {10, 11}, t.open());
        assertArrayEquals(new double[] {9, 8}, t.close());
        assertArrayEquals(new double[] {6, 15}, t.volume());
        Bars v = BarSampler.volume(7).sample(TIME, PRICE, SIZE);
        // sizes 1+2+3+4 = 10 >= 7; 5+6 = 11; 7 = 7.
        assertArrayEquals(new double[] {10, 11, 7}, v.volume());
        assertArrayEquals(new double[] {13, 9}, new double[] {v.high()[1], v.close()[2]});
        Bars d = BarSampler.dollars(50).sample(TIME, PRICE, SIZE);
        // values 10, 24, 27 (61 >= 50); 44, 65 (109); 48, 63 (111).
        assertArrayEquals(new double[] {6, 9, 13}, d.volume());
    }

    @Test
    void streamsFedBySamplerBarsEqualTheArraysOnThoseBars() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 4000;
        double[] time = new double[n], price = new double[n], size = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            time[i] = (i == 0 ? 0 : time[i - 1]) + r.nextDouble() * 0.3;
            p += r.nextGaussian() * 0.05;
            price[i] = p;
            size[i] = r.nextInt(1, 50);
        }
        Bars bars = BarSampler.time(5).sample(time, price, size);
        double[] atr = CompositeIndicators.atr(bars.high(), bars.low(), bars.close(), 14);
        BarSampler s = BarSampler.time(5);
        BarStream stream = IndicatorStreams.atr(14);
        int j = 0;
        for (int i = 0; i < n; i++) {
            if (s.update(time[i], price[i], size[i])) StreamContract.same(atr[j++], s.feed(stream), "bar " + (j - 1));
        }
        assertEquals(bars.length(), j);
    }

    @Test
    void badTicksAreRejected() {
        BarSampler s = BarSampler.ticks(2);
        s.update(1, 10, 1);
        assertThrows(IllegalArgumentException.class, () -> s.update(0.5, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> s.update(2, Double.NaN, 1));
        assertThrows(IllegalArgumentException.class, () -> s.update(2, 10, -1));
        assertEquals(1, s.formingTicks());
        assertThrows(IllegalArgumentException.class, () -> BarSampler.volume(0));
    }
}
