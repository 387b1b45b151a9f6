package dev.sxn.math.spark;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The universe job inside one partition: reads the partition's rows (sorted by asset, then time), cuts them into
 * assets, packs assets of equal length into blocks of {@code blockAssets} and scores each block with
 * {@link UniverseKernel#scoreBlock}, lazily, so a partition holds at most one pending block per length.
 */
final class UniversePartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;
    static final String[] PRICE_COLUMNS = {"open", "high", "low", "close", "volume"};

    private final UniverseSpec spec;
    private final int minBars;

    UniversePartition(UniverseSpec spec) {
        this.spec = spec;
        this.minBars = UniverseKernel.minBars(spec);
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        return new Scorer(rows);
    }

    /** Input rows are (asset, time, open, high, low, close, volume) with nulls where a value did not parse. */
    private final class Scorer implements Iterator<Row> {
        private final Iterator<Row> in;
        private final ArrayDeque<Row> ready = new ArrayDeque<>();
        private final Map<Integer, List<AssetBars>> pending = new LinkedHashMap<>();
        private Row lookahead;
        private boolean drained;

        Scorer(Iterator<Row> in) {
            this.in = in;
            this.lookahead = in.hasNext() ? in.next() : null;
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty() && !drained) advance();
            return !ready.isEmpty();
        }

        @Override
        public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            return ready.poll();
        }

        private void advance() {
            if (lookahead == null) {
                for (List<AssetBars> block : pending.values()) if (!block.isEmpty()) emit(block);
                pending.clear();
                drained = true;
                return;
            }
            AssetBars a = readAsset();
            UniverseKernel.check(a, minBars);
            List<AssetBars> block = pending.computeIfAbsent(a.bars(), n -> new ArrayList<>());
            block.add(a);
            if (block.size() == spec.blockAssets()) {
                emit(block);
                block.clear();
            }
        }

        private void emit(List<AssetBars> block) {
            for (AssetScore s : UniverseKernel.scoreBlock(block, spec)) ready.add(toRow(s));
        }

        private AssetBars readAsset() {
            String asset = lookahead.getString(0);
            long[] time = new long[64];
            double[][] cols = new double[PRICE_COLUMNS.length][64];
            int n = 0;
            while (lookahead != null && asset.equals(lookahead.getString(0))) {
                Row r = lookahead;
                if (n == time.length) {
                    time = Arrays.copyOf(time, 2 * n);
                    for (int c = 0; c < cols.length; c++) cols[c] = Arrays.copyOf(cols[c], 2 * n);
                }
                if (r.isNullAt(1)) throw new UniverseInputException("asset '" + asset + "' column 'time' has a missing or non-numeric value");
                time[n] = r.getLong(1);
                for (int c = 0; c < cols.length; c++) {
                    if (r.isNullAt(2 + c)) {
                        throw new UniverseInputException("asset '" + asset + "' column '" + PRICE_COLUMNS[c] + "' at time " + time[n]
                                + " has a missing or non-numeric value");
                    }
                    cols[c][n] = r.getDouble(2 + c);
                }
                n++;
                lookahead = in.hasNext() ? in.next() : null;
            }
            return new AssetBars(asset, Arrays.copyOf(time, n), Arrays.copyOf(cols[0], n), Arrays.copyOf(cols[1], n), Arrays.copyOf(cols[2], n),
                    Arrays.copyOf(cols[3], n), Arrays.copyOf(cols[4], n));
        }
    }

    /** The output row of one asset, in {@link UniverseJob#outputSchema}'s order. */
    static Row toRow(AssetScore s) {
        Object[] v = new Object[3 + s.indicators().length + 5];
        int j = 0;
        v[j++] = s.asset();
        v[j++] = s.time().length;
        v[j++] = s.time();
        for (double[] series : s.indicators()) v[j++] = series;
        v[j++] = s.sharpe();
        v[j++] = s.maxDrawdown();
        v[j++] = s.valueAtRisk();
        v[j++] = s.expectedShortfall();
        v[j] = s.garchVolatility();
        return RowFactory.create(v);
    }
}
