package dev.parley.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java block in README.md compiles as printed: each is a whole class whose copy under
 * examples/ (the same text after a package line) the build compiles; this test keeps the two the
 * same, then runs them.
 */
class ReadmeSnippetsTest {
  @TempDir Path dir;

  static List<String> javaBlocks() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    List<String> blocks = new ArrayList<>();
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  @Test
  void everyJavaBlockIsACompiledExample() throws IOException {
    List<String> blocks = javaBlocks();
    assertEquals(3, blocks.size(), "README.md's Java blocks");
    for (String block : blocks) {
      Matcher name = Pattern.compile("public class (\\w+)").matcher(block);
      assertTrue(name.find(), "a README Java block must be a whole class:\n" + block);
      Path source = Path.of("examples/src/dev/parley/examples", name.group(1) + ".java");
      assertEquals(
          Files.readString(source),
          "package dev.parley.examples;\n\n" + block,
          "README.md's block differs from " + source);
    }
  }

  @Test
  void theReadmeExamplesRun() throws IOException {
    String index = dir.resolve("index").toString();
    PrintStream saved = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      ReadmeQuickStart.main(new String[] {index});
      ReadmeFilters.main(new String[] {index});
    } finally {
      System.setOut(saved);
    }
    String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.startsWith("1 000_36ca1f6425bbafbc#"), printed);
    assertTrue(printed.contains("\"totalHitsRelation\":\"eq\""), printed);
    assertTrue(printed.contains(" hits; facets: {topic="), printed);
  }

  @Test
  void theReadmeHybridExampleRuns() throws IOException {
    // Embeds the seed's 20 passages with e5-small-v2 (a second or two), then runs its three
    // searches; the index it leaves records the model, so a plain open finds the vectors.
    Path index = dir.resolve("hybrid");
    ReadmeHybrid.main(new String[] {index.toString()});
    try (dev.parley.query.Searcher searcher = dev.parley.query.Searcher.open(index)) {
      assertEquals(20, searcher.stats().passages());
    }
  }
}
