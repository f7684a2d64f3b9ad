package dev.parley.examples.web;

import dev.parley.indexer.Indexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A small index for the web tests: the seed article plus a few JSON Lines articles written here,
 * one of which carries markup ({@code <script>}, an {@code <img onerror>}) that would set {@code
 * window.parleyXss} if the page ever inserted article text as HTML.
 */
final class WebFixture {
  private WebFixture() {}

  /** The markup article's id. */
  static final String HOSTILE_ID = "hostile-1";

  static final String HOSTILE_TEXT =
      "Envoys discussed sanctions relief <script>window.parleyXss = 1;</script> and a"
          + " <img src=x onerror=\"window.parleyXss = 2\"> summit date in Geneva.";

  static final String JSONL =
      String.join(
          "\n",
          "{\"id\":\"geneva-1\",\"date\":\"2020-03-02\",\"title\":\"Geneva talks resume\","
              + "\"paragraphs\":[\"Negotiators resumed talks in Geneva on Monday about the ceasefire.\","
              + "\"The talks were described as constructive by both delegations.\"]}",
          "{\"id\":\"sanctions-1\",\"date\":\"2020-03-05\",\"title\":\"New sanctions\","
              + "\"paragraphs\":[\"The United Nations Security Council imposed new sanctions on"
              + " North Korea, freezing assets and banning exports of coal and textiles.\","
              + "\"Talks on sanctions relief stalled as the embargo and asset freeze took effect.\"]}",
          "{\"id\":\""
              + HOSTILE_ID
              + "\",\"date\":\"2020-04-01\",\"paragraphs\":["
              + new com.google.gson.Gson().toJson(HOSTILE_TEXT)
              + ",\"Officials said the envoys would meet again.\"]}",
          "");

  /** Twelve short articles that all match "ministers": more than one page of results. */
  static String ministers() {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 12; i++) {
      b.append(
          String.format(
              "{\"id\":\"ministers-%02d\",\"date\":\"2021-05-%02d\",\"paragraphs\":[\"Foreign"
                  + " ministers met for round %d of the regional dialogue.\"]}%n",
              i, i, i));
    }
    return b.toString();
  }

  /** Indexes the seed article and the fixture articles into {@code dir/index}; returns it. */
  static Path index(Path dir) throws IOException {
    Path in = Files.createDirectories(dir.resolve("in"));
    Files.writeString(in.resolve("fixture.jsonl"), JSONL);
    Files.writeString(in.resolve("ministers.jsonl"), ministers());
    Path index = dir.resolve("index");
    try (Indexer indexer = Indexer.builder(index).build()) {
      var report = indexer.index(List.of(Path.of("seeds"), in));
      if (!report.rejected().isEmpty()) {
        throw new IllegalStateException("fixture rejected: " + report.rejected());
      }
    }
    return index;
  }
}
