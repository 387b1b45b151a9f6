package dev.sxn.math.stochastic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The unscrambled Sobol sequence against SciPy 1.10.1, bit for bit (tolerance: none; both are integers times
 * 2^-32): reference/stochastic_sobol.txt, made by gen_qmc.py from {@code scipy.stats.qmc.Sobol(d, scramble=False,
 * bits=32)} for d in {1, 2, 5, 50, 1000, 21201}, the first 40 points and blocks after {@code fast_forward} up to
 * index 2^32 - 1. The packed direction numbers are checked in full: the decoded (poly, m) of all 21201 dimensions
 * against a SHA-256 of SciPy's npz, and the 32 direction integers of every dimension against a SHA-256 of
 * SciPy's own {@code _sv} table.
 */
class SobolReferenceTest {
    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String value(String key) {
        for (String line : PhiloxReferenceTest.lines("stochastic_sobol.txt")) {
            if (line.startsWith(key + " ")) return line.substring(key.length() + 1).strip();
        }
        throw new AssertionError(key + " missing from stochastic_sobol.txt");
    }

    @Test
    void packedTableIsJoeKuoAsShippedBySciPy() {
        SobolDirections.Raw raw = SobolDirections.read();
        assertEquals(Sobol.MAX_DIMENSION, raw.poly().length);
        StringBuilder canon = new StringBuilder();
        for (int j = 0; j < raw.poly().length; j++) {
            canon.append(j).append(' ').append(raw.poly()[j]);
            for (int m : raw.m()[j]) canon.append(' ').append(m);
            canon.append('\n');
        }
        assertEquals(value("tablesha256"), sha256(canon.toString().getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void directionIntegersOfEveryDimensionAreSciPys() {
        int[] v = SobolDirections.table();
        assertEquals(Sobol.MAX_DIMENSION * 32, v.length);
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(4 * v.length); // big-endian
        for (int x : v) b.putInt(x);
        assertEquals(value("svsha256"), sha256(b.array()));
    }

    private record Ref(int d, long index, int firstDim, double[] x) {}

    private static List<Ref> points() {
        List<Ref> out = new ArrayList<>();
        for (String line : PhiloxReferenceTest.lines("stochastic_sobol.txt")) {
            if (!line.startsWith("point ")) continue;
            String[] halves = line.split(" : ");
            String[] head = halves[0].split(" ");
            String[] vals = halves[1].split(" ");
            double[] x = new double[vals.length];
            for (int k = 0; k < vals.length; k++) x[k] = Double.parseDouble(vals[k]);
            out.add(new Ref(Integer.parseInt(head[1]), Long.parseLong(head[2]), Integer.parseInt(head[3]), x));
        }
        return out;
    }

    @Test
    void coordinatesPointsAndFillsAreSciPys() {
        List<Ref> refs = points();
        assertEquals(414, refs.size());
        int checked = 0;
        Sobol s = null;
        double[] point = new double[0];
        for (Ref r : refs) {
            if (s == null || s.dimension() != r.d()) {
                s = Sobol.of(r.d());
                point = new double[r.d() + 3];
            }
            s.point(r.index(), point, 3);
            double[] one = new double[r.x().length];
            s.uniforms(r.index(), 1, r.firstDim(), r.x().length, one, 0, 1);
            for (int k = 0; k < r.x().length; k++) {
                int j = r.firstDim() + k;
                String where = "d=" + r.d() + " i=" + r.index() + " j=" + j;
                assertEquals(r.x()[k], s.coordinate(r.index(), j), where);
                assertEquals(r.x()[k], point[3 + j], where);
                assertEquals(r.x()[k], one[k], where);
                checked++;
            }
        }
        assertEquals(5903, checked);
    }

    /** A fill walks the Gray code from its first index: whole runs of consecutive reference points in one call. */
    @Test
    void blockFillsOverRunsOfConsecutivePointsAreSciPys() {
        List<Ref> refs = points();
        int runs = 0;
        for (int start = 0; start < refs.size(); ) {
            Ref first = refs.get(start);
            int spans = 1;
            while (start + spans < refs.size() && refs.get(start + spans).index() == first.index()
                    && refs.get(start + spans).d() == first.d()) spans++;
            int end = start + spans;
            while (end + spans <= refs.size() && refs.get(end).d() == first.d()
                    && refs.get(end).index() == refs.get(end - 1).index() + 1) end += spans;
            int points = (end - start) / spans;
            Sobol s = Sobol.of(first.d());
            for (int k = 0; k < spans; k++) {
                Ref span = refs.get(start + k);
                int dims = span.x().length, stride = points + 2;
                double[] out = new double[1 + dims * stride];
                s.uniforms(first.index(), points, span.firstDim(), dims, out, 1, stride);
                for (int p = 0; p < points; p++) {
                    Ref want = refs.get(start + p * spans + k);
                    assertEquals(first.index() + p, want.index());
                    for (int c = 0; c < dims; c++) {
                        assertEquals(want.x()[c], out[1 + c * stride + p], "d=" + first.d() + " i=" + want.index() + " j=" + (span.firstDim() + c));
                    }
                }
            }
            runs++;
            start = end;
        }
        assertEquals(16, runs);
    }
}
