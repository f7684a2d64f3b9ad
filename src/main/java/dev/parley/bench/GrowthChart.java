package dev.parley.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Draws the growth of Parley, raw Lucene and SQLite FTS5 against corpus size as one PNG with three
 * panels, each against passages indexed on a logarithmic axis: indexing rate, index size (log–log,
 * so a straight line of slope 1 means linear growth) and query latency (Parley p50, p99 and
 * topic-ranked p50; both baselines' p50), drawn with JFreeChart.
 *
 * <p>Stateless; safe to call from any thread.
 */
public final class GrowthChart {
  private GrowthChart() {}

  /**
   * One measured corpus size.
   *
   * @param passages passages indexed
   * @param passagesPerSecond Parley's indexing rate
   * @param lucenePassagesPerSecond raw Lucene's indexing rate
   * @param fts5PassagesPerSecond FTS5's indexing rate
   * @param indexMB Parley's index size in MB
   * @param luceneIndexMB raw Lucene's index size in MB
   * @param fts5IndexMB FTS5's database size in MB
   * @param p50Millis Parley's median query latency (top 10 with snippets)
   * @param p99Millis Parley's 99th percentile latency
   * @param topicP50Millis Parley's median latency ranked with a topic
   * @param luceneP50Millis raw Lucene's median latency
   * @param fts5P50Millis FTS5's median latency
   */
  public record Point(
      long passages,
      double passagesPerSecond,
      double lucenePassagesPerSecond,
      double fts5PassagesPerSecond,
      double indexMB,
      double luceneIndexMB,
      double fts5IndexMB,
      double p50Millis,
      double p99Millis,
      double topicP50Millis,
      double luceneP50Millis,
      double fts5P50Millis) {}

  private static final int PANEL_W = 520;
  private static final int PANEL_H = 420;
  private static final int TITLE_H = 36;

  private static final Color PARLEY = new Color(0x1f77b4);
  private static final Color LUCENE = new Color(0xff7f0e);
  private static final Color FTS5 = new Color(0x2ca02c);

  /** A line of one panel: its name, colour, dashed or not, and how to read it from a point. */
  private record Line(String name, Color color, boolean dashed, ToDoubleFunction<Point> value) {}

  /**
   * Writes the chart of {@code points} to {@code png}.
   *
   * @throws IOException if the file cannot be written
   */
  public static void write(Path png, List<Point> points, String title) throws IOException {
    List<Point> sorted =
        points.stream().sorted(java.util.Comparator.comparingLong(Point::passages)).toList();
    BufferedImage image =
        new BufferedImage(3 * PANEL_W, PANEL_H + TITLE_H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
    g.drawString(title, 10, 24);
    List<JFreeChart> charts = charts(sorted);
    for (int i = 0; i < charts.size(); i++) {
      charts.get(i).draw(g, new Rectangle2D.Double(i * PANEL_W, TITLE_H, PANEL_W, PANEL_H));
    }
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  /** The three panels (indexing rate, size, latency) over {@code sorted} points. */
  static List<JFreeChart> charts(List<Point> sorted) {
    return List.of(
        chart(
            "Indexing rate (passages/s)",
            sorted,
            true,
            List.of(
                new Line("Parley", PARLEY, false, Point::passagesPerSecond),
                new Line("raw Lucene", LUCENE, false, Point::lucenePassagesPerSecond),
                new Line("SQLite FTS5", FTS5, false, Point::fts5PassagesPerSecond))),
        chart(
            "Index size (MB), log–log",
            sorted,
            true,
            List.of(
                new Line("Parley", PARLEY, false, Point::indexMB),
                new Line("raw Lucene", LUCENE, false, Point::luceneIndexMB),
                new Line("SQLite FTS5", FTS5, false, Point::fts5IndexMB))),
        chart(
            "Query latency (ms), top 10",
            sorted,
            true,
            List.of(
                new Line("Parley p50 (snippets)", PARLEY, false, Point::p50Millis),
                new Line("Parley p99", PARLEY, true, Point::p99Millis),
                new Line(
                    "Parley p50, topic-ranked", new Color(0x9467bd), false, Point::topicP50Millis),
                new Line("raw Lucene p50", LUCENE, false, Point::luceneP50Millis),
                new Line("SQLite FTS5 p50", FTS5, false, Point::fts5P50Millis))));
  }

  private static JFreeChart chart(
      String title, List<Point> points, boolean logY, List<Line> lines) {
    XYSeriesCollection data = new XYSeriesCollection();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    for (int i = 0; i < lines.size(); i++) {
      Line line = lines.get(i);
      XYSeries series = new XYSeries(line.name(), false, true);
      for (Point p : points) {
        double v = line.value().applyAsDouble(p);
        if (v > 0) { // a log axis has no place for 0 (a figure that was not measured)
          series.add(p.passages(), v);
        }
      }
      data.addSeries(series);
      renderer.setSeriesPaint(i, line.color());
      renderer.setSeriesStroke(
          i,
          line.dashed()
              ? new BasicStroke(
                  2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
              : new BasicStroke(2f));
    }
    LogAxis x = logAxis("passages indexed");
    long min = points.stream().mapToLong(Point::passages).min().orElse(1);
    long max = points.stream().mapToLong(Point::passages).max().orElse(10);
    // Room on both sides so the first and last points and tick labels are not cut.
    x.setRange(Math.max(1, min / 1.6), max * 1.6);
    ValueAxis y;
    if (logY) {
      LogAxis log = logAxis(null);
      // From the power of ten below the lowest point to the one above the highest, so every line
      // sits between two labelled ticks (raw Lucene's 0.15 ms had no labelled tick below it).
      double lo = Double.MAX_VALUE;
      double hi = 0;
      for (int i = 0; i < data.getSeriesCount(); i++) {
        for (int k = 0; k < data.getItemCount(i); k++) {
          lo = Math.min(lo, data.getYValue(i, k));
          hi = Math.max(hi, data.getYValue(i, k));
        }
      }
      if (hi > 0) {
        double lower = Math.pow(10, Math.floor(Math.log10(lo)));
        double upper = Math.pow(10, Math.ceil(Math.log10(hi)));
        // A little past each power of ten: a tick exactly on the axis's end is not drawn.
        log.setRange(lower / 1.25, Math.max(upper, lower * 10) * 1.25);
      }
      y = log;
    } else {
      NumberAxis n = new NumberAxis();
      n.setNumberFormatOverride(plain());
      n.setAutoRangeIncludesZero(true);
      y = n;
    }
    if (!logY) {
      y.setUpperMargin(0.15);
    }
    XYPlot plot = new XYPlot(data, x, y, renderer);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, true);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(4, 4, 4, 14));
    return chart;
  }

  private static LogAxis logAxis(String label) {
    LogAxis axis = new LogAxis(label);
    axis.setBase(10);
    axis.setNumberFormatOverride(plain());
    // One labelled tick per power of ten (1, 10, 100, ...), minor ticks between: the automatic
    // choice labels fractional powers (316,227.766).
    axis.setTickUnit(new NumberTickUnit(1), false, false);
    axis.setAutoTickUnitSelection(false, false);
    axis.setMinorTickCount(9);
    axis.setMinorTickMarksVisible(true);
    return axis;
  }

  /** Plain numbers with thousands separators ({@code 1,000,000}, {@code 0.25}), never 7.67e+03. */
  static DecimalFormat plain() {
    return new DecimalFormat("#,##0.###", DecimalFormatSymbols.getInstance(Locale.ROOT));
  }

  /** The point of one run object of {@code bench --json}. */
  public static Point point(JsonObject run) {
    JsonObject parley = run.getAsJsonObject("parley");
    JsonObject baseline = run.getAsJsonObject("baseline");
    JsonObject fts5 = run.getAsJsonObject("fts5");
    return new Point(
        run.getAsJsonObject("input").get("passages").getAsLong(),
        parley.get("passagesPerSecond").getAsDouble(),
        baseline.get("passagesPerSecond").getAsDouble(),
        fts5.get("passagesPerSecond").getAsDouble(),
        parley.get("indexBytes").getAsDouble() / 1e6,
        baseline.get("indexBytes").getAsDouble() / 1e6,
        fts5.get("indexBytes").getAsDouble() / 1e6,
        parley.get("p50Millis").getAsDouble(),
        parley.get("p99Millis").getAsDouble(),
        run.getAsJsonObject("filtered").get("topicP50Millis").getAsDouble(),
        baseline.get("p50Millis").getAsDouble(),
        fts5.get("p50Millis").getAsDouble());
  }

  /**
   * Draws the chart from saved {@code bench --json} outputs, so scales measured in separate runs
   * share one chart: {@code OUT.png TITLE RUN.json...} (each file one run, or {@code {"runs":
   * [...]}}).
   *
   * @throws IOException if a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    List<Point> points = new java.util.ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      JsonObject o = JsonParser.parseString(Files.readString(Path.of(args[i]))).getAsJsonObject();
      if (o.has("runs")) {
        o.getAsJsonArray("runs").forEach(r -> points.add(point(r.getAsJsonObject())));
      } else {
        points.add(point(o));
      }
    }
    write(Path.of(args[0]), points, args[1]);
  }
}
