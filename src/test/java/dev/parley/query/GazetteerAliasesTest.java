package dev.parley.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.analysis.Entity;
import dev.parley.analysis.Gazetteer;
import dev.parley.indexer.Article;
import dev.parley.indexer.Indexer;
import dev.parley.indexer.Paragraph;
import dev.parley.query.result.Hit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Every alias of every gazetteer entity finds a passage written with every other alias of the same
 * entity ({@code UN} finds "United Nations" and "U.N.", and back), end to end: passages are indexed
 * and searched through the public API, so the test does not care how aliases are matched
 * (query-time synonyms today, index-time entity tokens perhaps later).
 *
 * <p>The few aliases left out are listed in {@link #EXCLUDED} with the reason, and
 * docs/gazetteer.md must list them too.
 */
class GazetteerAliasesTest {

  /**
   * Aliases that are understood when typed but never added to a query for another alias, because
   * they also occur inside other names (entity id, alias). docs/gazetteer.md gives the reasons.
   */
  static final Set<String> EXCLUDED = Set.of();

  @Test
  void everyAliasFindsEveryOtherAliasOfItsEntity() throws IOException {
    Gazetteer gazetteer = Gazetteer.defaults();
    List<Entity> entities = new ArrayList<>(gazetteer.entities());
    try (Directory dir = new ByteBuffersDirectory()) {
      try (Indexer indexer = Indexer.builder(Path.of("mem")).withDirectory(dir).build()) {
        for (int e = 0; e < entities.size(); e++) {
          List<String> aliases = entities.get(e).aliases();
          for (int a = 0; a < aliases.size(); a++) {
            indexer.add(
                new Article(
                    "e" + e + "a" + a,
                    LocalDate.of(2020, 1, 1),
                    null,
                    List.of(
                        new Paragraph(
                            0,
                            "Officials from " + aliases.get(a) + " met on Monday.",
                            Paragraph.Kind.BODY)),
                    "gazetteer"));
          }
        }
      }
      List<String> failures = new ArrayList<>();
      int pairs = 0;
      try (Searcher searcher = Searcher.builder(Path.of("mem")).withDirectory(dir).build()) {
        for (int e = 0; e < entities.size(); e++) {
          Entity entity = entities.get(e);
          List<String> aliases = entity.aliases();
          for (String typed : aliases) {
            SearchRequest request =
                SearchRequest.builder(typed)
                    .withMatch(MatchMode.ALL)
                    .withK(200)
                    .withPerArticle(0)
                    .build();
            Set<String> found = new HashSet<>();
            for (Hit hit : searcher.search(request).hits()) {
              found.add(hit.articleId());
            }
            for (int a = 0; a < aliases.size(); a++) {
              String written = aliases.get(a);
              if (written.equals(typed)) {
                continue;
              }
              pairs++;
              if (!found.contains("e" + e + "a" + a)
                  && !EXCLUDED.contains(entity.id() + " " + written)) {
                failures.add(entity.id() + ": '" + typed + "' does not find '" + written + "'");
              }
            }
          }
        }
      }
      System.out.println(
          "GazetteerAliasesTest: " + pairs + " alias pairs, " + failures.size() + " fail");
      failures.forEach(System.out::println);
      assertEquals(List.of(), failures);
    }
  }

  /** An alias a query adds is not counted inside another entity's name; a typed one still is. */
  @Test
  void addedAliasesDoNotMatchInsideOtherNames() throws IOException {
    String[][] passages = {
      {"latam", "Leaders from Latin America met on Monday."},
      {"usa", "Leaders from America met on Monday."},
      {"ssudan", "Leaders from South Sudan met on Monday."},
      {"sudan", "Leaders from Sudan met on Monday."},
      {"unsc", "The UN Security Council met on Monday."},
      {"un", "The UN met on Monday."},
      {"drc", "Leaders from the Democratic Republic of Congo met on Monday."},
      {"roc", "Leaders from the Republic of Congo met on Monday."}
    };
    try (Directory dir = new ByteBuffersDirectory()) {
      try (Indexer indexer = Indexer.builder(Path.of("mem")).withDirectory(dir).build()) {
        for (String[] p : passages) {
          indexer.add(
              new Article(
                  p[0],
                  LocalDate.of(2020, 1, 1),
                  null,
                  List.of(new Paragraph(0, p[1], Paragraph.Kind.BODY)),
                  "test"));
        }
      }
      try (Searcher searcher = Searcher.builder(Path.of("mem")).withDirectory(dir).build()) {
        assertEquals(List.of("usa"), found(searcher, "United States"));
        assertEquals(List.of("sudan"), found(searcher, "Republic of Sudan"));
        assertEquals(List.of("un"), found(searcher, "United Nations"));
        assertEquals(List.of("roc"), found(searcher, "Congo-Brazzaville"));
        // typed, an alias is matched wherever it occurs
        assertEquals(List.of("latam", "usa"), found(searcher, "America"));
        assertEquals(List.of("ssudan", "sudan"), found(searcher, "Sudan"));
        assertEquals(List.of("un", "unsc"), found(searcher, "UN"));
      }
    }
  }

  private static List<String> found(Searcher searcher, String query) throws IOException {
    return searcher
        .search(SearchRequest.builder(query).withMatch(MatchMode.ALL).withPerArticle(0).build())
        .hits()
        .stream()
        .map(Hit::articleId)
        .sorted()
        .toList();
  }

  @Test
  void everyExclusionIsDocumented() throws IOException {
    String doc = Files.readString(Path.of("docs/gazetteer.md"));
    for (String excluded : EXCLUDED) {
      String alias = excluded.substring(excluded.indexOf(' ') + 1);
      assertTrue(doc.contains("`" + alias + "`"), "docs/gazetteer.md must list " + excluded);
    }
  }
}
