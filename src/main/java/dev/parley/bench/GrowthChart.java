package dev.parley.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws the growth of Parley against corpus size as a PNG with three panels: indexing rate, index
 * size, and query latency (p50 and p99), each against passages indexed (log scale). Plain Java2D,
 * so the project needs no charting library for three line charts.
 */
public final class GrowthChart {
  private GrowthChart() {}

  /**
   * One measured corpus size.
   *
   * @param passages passages indexed
   * @param passagesPerSecond indexing rate
   * @param indexMB index size in MB
   * @param p50Millis median query latency
   * @param p99Millis 99th percentile latency
   */
  public record Point(
      long passages,
      double passagesPerSecond,
      double indexMB,
      double p50Millis,
      double p99Millis) {}

  private static final int PANEL_W = 420;
  private static final int PANEL_H = 300;
  private static final int MARGIN = 60;

  /** Writes the chart of {@code points} (sorted by passages) to {@code png}. */
  public static void write(Path png, List<Point> points, String title) throws IOException {
    BufferedImage image = new BufferedImage(3 * PANEL_W, PANEL_H + 40, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title, 10, 20);
    panel(
        g,
        0,
        "indexing rate (passages/s)",
        points,
        new double[][] {points.stream().mapToDouble(Point::passagesPerSecond).toArray()},
        new String[] {"passages/s"});
    panel(
        g,
        1,
        "index size (MB)",
        points,
        new double[][] {points.stream().mapToDouble(Point::indexMB).toArray()},
        new String[] {"MB"});
    panel(
        g,
        2,
        "query latency (ms), top 10 with snippets",
        points,
        new double[][] {
          points.stream().mapToDouble(Point::p50Millis).toArray(),
          points.stream().mapToDouble(Point::p99Millis).toArray()
        },
        new String[] {"p50", "p99"});
    g.dispose();
    ImageIO.write(image, "png", png.toFile());
  }

  private static final Color[] COLORS = {new Color(0x1f77b4), new Color(0xd62728)};

  private static void panel(
      Graphics2D g,
      int index,
      String title,
      List<Point> points,
      double[][] series,
      String[] names) {
    int x0 = index * PANEL_W + MARGIN;
    int y0 = 40;
    int w = PANEL_W - MARGIN - 20;
    int h = PANEL_H - MARGIN - 10;
    double minX = Math.log10(points.get(0).passages());
    double maxX = Math.log10(points.get(points.size() - 1).passages());
    if (maxX - minX < 1e-9) {
      maxX = minX + 1;
    }
    double maxY = 0;
    for (double[] s : series) {
      for (double v : s) {
        maxY = Math.max(maxY, v);
      }
    }
    maxY = maxY <= 0 ? 1 : maxY * 1.1;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.setColor(Color.BLACK);
    g.drawString(title, x0, y0 - 5);
    g.drawRect(x0, y0, w, h);
    for (int t = 0; t <= 4; t++) {
      int y = y0 + h - t * h / 4;
      g.setColor(new Color(0xdddddd));
      g.drawLine(x0 + 1, y, x0 + w - 1, y);
      g.setColor(Color.BLACK);
      g.drawString(String.format(Locale.ROOT, "%.3g", maxY * t / 4), x0 - MARGIN + 2, y + 4);
    }
    for (Point p : points) {
      int x = x0 + (int) ((Math.log10(p.passages()) - minX) / (maxX - minX) * w);
      g.drawString(String.format(Locale.ROOT, "%,d", p.passages()), x - 20, y0 + h + 15);
    }
    g.drawString("passages indexed (log scale)", x0 + w / 2 - 70, y0 + h + 30);
    for (int s = 0; s < series.length; s++) {
      g.setColor(COLORS[s % COLORS.length]);
      g.setStroke(new BasicStroke(2));
      int prevX = -1;
      int prevY = -1;
      for (int i = 0; i < points.size(); i++) {
        int x = x0 + (int) ((Math.log10(points.get(i).passages()) - minX) / (maxX - minX) * w);
        int y = y0 + h - (int) (series[s][i] / maxY * h);
        g.fillOval(x - 3, y - 3, 6, 6);
        if (prevX >= 0) {
          g.drawLine(prevX, prevY, x, y);
        }
        prevX = x;
        prevY = y;
      }
      g.drawString(names[s], x0 + 8, y0 + 15 + 14 * s);
    }
    g.setStroke(new BasicStroke(1));
  }
}
