package dev.parley.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.bench.GrowthChart.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The growth chart's axes: every line between labelled ticks, plain numbers, no cut points. */
class GrowthChartTest {
  // The fifth session's quiet window (docs/performance.md), rounded.
  private static final List<Point> POINTS =
      List.of(
          new Point(
              103_935, 9_335, 100_000, 104_000, 37.3, 4.8, 13.7, 2.21, 9.75, 2.25, 0.151, 21.1),
          new Point(
              415_740, 18_523, 140_000, 103_000, 146.6, 17.9, 41.3, 1.85, 3.67, 2.44, 0.316, 90.9),
          new Point(
              1_662_960, 16_938, 130_000, 99_000, 580.8, 69.8, 152.5, 2.40, 5.78, 3.70, 0.680,
              353.9));

  @Test
  void everyLogAxisSpansThePowersOfTenAroundItsPoints() {
    List<JFreeChart> charts = GrowthChart.charts(POINTS);
    double[][] lowHigh = {{9_335, 140_000}, {4.8, 580.8}, {0.151, 353.9}};
    for (int i = 0; i < charts.size(); i++) {
      XYPlot plot = charts.get(i).getXYPlot();
      ValueAxis y = plot.getRangeAxis();
      assertTrue(y instanceof LogAxis, "panel " + i);
      double below = Math.pow(10, Math.floor(Math.log10(lowHigh[i][0])));
      double above = Math.pow(10, Math.ceil(Math.log10(lowHigh[i][1])));
      // The labelled ticks below and above the data lie inside the axis, not on its ends.
      assertTrue(y.getLowerBound() < below && below <= lowHigh[i][0], "panel " + i + " low");
      assertTrue(y.getUpperBound() > above && above >= lowHigh[i][1], "panel " + i + " high");
      ValueAxis x = plot.getDomainAxis();
      assertTrue(x.getLowerBound() < 103_935 && x.getUpperBound() > 1_662_960, "panel " + i);
    }
    // The latency panel has a labelled tick (0.1) below raw Lucene's 0.151 ms.
    assertTrue(charts.get(2).getXYPlot().getRangeAxis().getLowerBound() < 0.1);
  }

  @Test
  void numbersArePlainNeverScientific() {
    assertEquals("7,670", GrowthChart.plain().format(7_670));
    assertEquals("1,000,000", GrowthChart.plain().format(1_000_000));
    assertEquals("0.1", GrowthChart.plain().format(0.1));
  }

  @Test
  void writesAPicture(@TempDir Path dir) throws Exception {
    Path png = dir.resolve("growth.png");
    GrowthChart.write(png, POINTS, "test");
    assertTrue(Files.size(png) > 10_000);
  }
}
