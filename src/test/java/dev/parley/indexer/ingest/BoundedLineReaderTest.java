package dev.parley.indexer.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLineReaderTest {
  private static List<BoundedLineReader.Line> lines(String text, int max) throws IOException {
    BoundedLineReader reader = new BoundedLineReader(new StringReader(text), max);
    List<BoundedLineReader.Line> out = new ArrayList<>();
    for (BoundedLineReader.Line l = reader.next(); l != null; l = reader.next()) {
      out.add(l);
    }
    return out;
  }

  @Test
  void endsLinesAtLfCrlfAndCrLikeBufferedReader() throws IOException {
    assertEquals(
        List.of(
            new BoundedLineReader.Line("a", 1),
            new BoundedLineReader.Line("b", 1),
            new BoundedLineReader.Line("c", 1),
            new BoundedLineReader.Line("", 0),
            new BoundedLineReader.Line("d", 1)),
        lines("a\r\nb\rc\n\nd", 10));
    assertEquals(List.of(), lines("", 10));
  }

  @Test
  void longLineIsMeasuredButNotKept() throws IOException {
    String text = "ok\n" + "x".repeat(20_000) + "\r\nafter\n";
    assertEquals(
        List.of(
            new BoundedLineReader.Line("ok", 2),
            new BoundedLineReader.Line(null, 20_000),
            new BoundedLineReader.Line("after", 5)),
        lines(text, 100));
  }
}
