package dev.sxn.math.amm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Minute CSV: a round trip, and errors that name the line and column; the synthetic market is seeded. */
class MinuteCsvTest {

    @Test
    void roundTripAndErrors(@TempDir Path dir) throws Exception {
        MinutePrices p = SyntheticMarket.twoAssets(500, 0.2, 9);
        Path f = dir.resolve("m.csv");
        MinuteCsv.write(f, p, List.of("A", "B"));
        MinuteCsv.Table t = MinuteCsv.read(f);
        assertEquals(List.of("A", "B"), t.assets());
        assertArrayEquals(p.values(), t.prices().values(), 0);
        assertEquals("499", t.times().get(499));
        Files.writeString(f, "time,A,B\n0,1.0,2.0\n\n1,1.5,x\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MinuteCsv.read(f));
        assertEquals(f + " line 4 column B must be a number, was x", e.getMessage());
        Files.writeString(f, "time,A,B\n0,1.0\n");
        assertThrows(IllegalArgumentException.class, () -> MinuteCsv.read(f));
        Files.writeString(f, "time,A,B\n0,1.0,-2\n");
        e = assertThrows(IllegalArgumentException.class, () -> MinuteCsv.read(f));
        assertEquals(f + " line 2 column B must be finite and > 0, was -2.0", e.getMessage());
    }

    @Test
    void syntheticMarketIsSeeded() {
        assertArrayEquals(SyntheticMarket.twoAssets(300, 0.3, 4).values(), SyntheticMarket.twoAssets(300, 0.3, 4).values(), 0);
        MinutePrices a = SyntheticMarket.twoAssets(300, 0.3, 4), b = SyntheticMarket.twoAssets(300, 0.3, 5);
        assertEquals(100.0, a.price(0, 0));
        assertEquals(50.0, a.price(0, 1));
        org.junit.jupiter.api.Assertions.assertNotEquals(a.price(299, 0), b.price(299, 0));
    }
}
