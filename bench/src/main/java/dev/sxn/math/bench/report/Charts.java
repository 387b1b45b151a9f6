package dev.sxn.math.bench.report;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.IChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;

/**
 * Draws one panel as a headless PNG with XChart: time or throughput against the size (log-log) per backend and
 * peer with JMH's error bars, crossover sizes as vertical lines, and beside it the fraction of the measured limit
 * (FLOP peak or copy bandwidth) where the panel has a work model.
 */
final class Charts {
    private Charts() {}

    /** Our kinds and our own baselines; every other series is a peer, drawn dashed. */
    private static final Set<String> OURS = Set.of("JAVA", "VECTOR", "NATIVE", "OPENCL", "STREAM", "ARRAY", "SCALAR", "LOOP", "ours");

    static final int WIDTH = 820, HEIGHT = 440;

    /**
     * Writes {@code <dir>/<panel id>.png} and returns its path.
     *
     * @param crossovers family -> kind -> size, from {@code Backends.describe()}
     */
    static Path write(Panels.Panel panel, ReportConfig cfg, Limits limits, Map<String, Map<String, Long>> crossovers, Path dir)
            throws IOException {
        List<IChart> charts = new ArrayList<>();
        charts.add(scores(panel, crossovers));
        XYChart frac = fractions(panel, cfg, limits);
        if (frac != null) charts.add(frac);
        Path file = dir.resolve(panel.id() + ".png");
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            BitmapEncoder.saveBitmap(charts, 1, charts.size(), out, BitmapEncoder.BitmapFormat.PNG);
        }
        return file;
    }

    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        Styler s = c.getStyler();
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        c.getStyler().setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        c.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        c.getStyler().setXAxisLogarithmic(true);
        c.getStyler().setErrorBarsColorSeriesColor(true);
        c.getStyler().setMarkerSize(7);
        s.setChartTitleBoxVisible(false);
        return c;
    }

    static String xTitle(Panels.Panel p) {
        if (p.xParam() == null) return "(no size parameter)";
        return p.xParam().equals("shape") ? "shape: rows x cols elements (log)" : p.xParam() + " (log scale)";
    }

    private static XYChart scores(Panels.Panel p, Map<String, Map<String, Long>> crossovers) {
        boolean rate = Units.isRate(p.unit());
        XYChart c = chart(p.domain() + "." + p.name(), xTitle(p), (rate ? "throughput, " + p.unit() + " (higher is better)"
                : "time, " + p.unit() + " (lower is better)") + ", log");
        c.getStyler().setYAxisLogarithmic(true);
        c.getStyler().setYAxisDecimalPattern("0.##E0");
        double ymax = 0, ymin = Double.POSITIVE_INFINITY;
        for (Panels.Series s : p.series()) {
            int n = s.points().size();
            double[] x = new double[n], y = new double[n], e = new double[n];
            for (int i = 0; i < n; i++) {
                Panels.Point pt = s.points().get(i);
                x[i] = pt.x();
                y[i] = pt.y();
                // Log axes cannot draw an error bar reaching zero or below: clip it at 90% of the score.
                e[i] = Double.isNaN(pt.err()) ? 0 : Math.min(pt.err(), 0.9 * pt.y());
                ymax = Math.max(ymax, y[i] + e[i]);
                ymin = Math.min(ymin, y[i] - e[i]);
            }
            XYSeries xs = c.addSeries(s.label(), x, y, e);
            if (peer(s, p)) xs.setLineStyle(SeriesLines.DASH_DASH);
        }
        range(c, p.xs());
        // Label the ticks between decades where a panel spans less than one: it would have no label at all.
        List<Double> all = p.xs();
        if (!all.isEmpty() && all.get(all.size() - 1) < 10 * all.get(0)) c.getStyler().setXAxisLogarithmicDecadeOnly(false);
        if (ymin > 0 && ymax < 10 * ymin) c.getStyler().setYAxisLogarithmicDecadeOnly(false);
        if (ymin > 0 && ymin == ymax) {
            c.getStyler().setYAxisMin(ymin / 2);
            c.getStyler().setYAxisMax(ymax * 2);
        }
        Map<String, Long> kinds = p.family() == null ? null : crossovers.get(p.family());
        List<Double> xs = p.xs();
        if (kinds != null && !xs.isEmpty()) {
            int k = 0;
            for (var e : kinds.entrySet()) {
                double at = e.getValue();
                if (at < xs.get(0) || at > xs.get(xs.size() - 1)) continue;
                c.addAnnotation(new AnnotationLine(at, true, false));
                double ty = ymax > 0 ? ymax / Math.pow(1.6, k++) : 1;
                c.addAnnotation(new AnnotationText(e.getKey() + " from " + e.getValue(), at, ty, false));
            }
        }
        return c;
    }

    /** The fraction-of-limit panel, or null when the panel has no work model or the run no limit benchmark. */
    private static XYChart fractions(Panels.Panel p, ReportConfig cfg, Limits limits) {
        String kind = null;
        XYChart c = null;
        for (Panels.Series s : p.series()) {
            List<double[]> pts = new ArrayList<>();
            for (Panels.Point pt : s.points()) {
                ReportConfig.Work w = cfg.work(pt.result().domain(), pt.result().method());
                double f = limits.fraction(pt.result(), w);
                if (!Double.isNaN(f) && f > 0) {
                    pts.add(new double[] {pt.x(), f});
                    kind = w.flops() ? "fraction of FLOP peak (" + Report.num(limits.peakFlops / 1e9) + " GFLOP/s, PeakFlopsBench)"
                            : "fraction of copy bandwidth (BandwidthBench, nearest working set)";
                }
            }
            if (pts.isEmpty()) continue;
            if (c == null) c = chart(p.domain() + "." + p.name() + ": share of the measured limit", xTitle(p), kind);
            double[] x = new double[pts.size()], y = new double[pts.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = pts.get(i)[0];
                y[i] = pts.get(i)[1];
            }
            XYSeries xs = c.addSeries(s.label(), x, y);
            if (peer(s, p)) xs.setLineStyle(SeriesLines.DASH_DASH);
        }
        if (c != null) {
            c.setYAxisTitle(kind);
            c.getStyler().setYAxisMin(0.0);
            c.getStyler().setYAxisDecimalPattern("0.00");
            range(c, p.xs());
        }
        return c;
    }

    /** A peer's series: neither one of our kinds or baselines nor the panel's own method. */
    static boolean peer(Panels.Series s, Panels.Panel p) {
        String first = s.label().split(" ")[0];
        return !OURS.contains(first) && !first.equals(p.name());
    }

    /** A log x axis needs a range: half and twice the one size when there is only one. */
    private static void range(XYChart c, List<Double> xs) {
        if (xs.isEmpty()) return;
        double lo = xs.get(0), hi = xs.get(xs.size() - 1);
        if (lo == hi) {
            c.getStyler().setXAxisMin(lo / 2);
            c.getStyler().setXAxisMax(hi * 2);
        }
    }
}
