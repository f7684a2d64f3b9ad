package dev.parley;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The built jars (run by failsafe after {@code package}): the library artifact, its sources and
 * javadoc jars hold the library alone (no command line, benchmark or evaluation code), declare a
 * module name and the licence; the command-line jar holds everything and runs.
 */
class LibraryArtifactIT {
  static final Path LIBRARY = Path.of(System.getProperty("parley.libraryJar"));
  static final Path COMMAND_LINE = Path.of(System.getProperty("parley.commandLineJar"));
  static final List<String> NOT_LIBRARY =
      List.of("dev/parley/cli/", "dev/parley/bench/", "dev/parley/eval/", "dev/parley/examples/");

  static Path sibling(String classifier) {
    String name = LIBRARY.getFileName().toString();
    return LIBRARY.resolveSibling(name.replace(".jar", "-" + classifier + ".jar"));
  }

  static List<String> names(Path jar) throws IOException {
    try (JarFile j = new JarFile(jar.toFile())) {
      return j.stream().map(JarEntry::getName).toList();
    }
  }

  @Test
  void theLibraryJarsHoldTheLibraryAlone() throws IOException {
    for (Path jar : List.of(LIBRARY, sibling("sources"), sibling("javadoc"))) {
      List<String> names = names(jar);
      for (String part : NOT_LIBRARY) {
        assertTrue(names.stream().noneMatch(n -> n.contains(part)), jar + " holds " + part);
      }
    }
    for (Path jar : List.of(LIBRARY, sibling("sources"))) {
      assertTrue(names(jar).contains("META-INF/LICENSE"), jar + " has no META-INF/LICENSE");
    }
    List<String> classes = names(LIBRARY);
    assertTrue(classes.contains("dev/parley/query/Searcher.class"));
    assertTrue(classes.contains("dev/parley/indexer/Indexer.class"));
    assertTrue(names(sibling("sources")).contains("dev/parley/query/Searcher.java"));
    assertTrue(
        names(sibling("javadoc")).stream()
            .anyMatch(n -> n.endsWith("dev/parley/query/Searcher.html")));
    try (JarFile j = new JarFile(LIBRARY.toFile())) {
      assertEquals(
          "dev.parley", j.getManifest().getMainAttributes().getValue("Automatic-Module-Name"));
      for (JarEntry e : j.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
        try (InputStream in = j.getInputStream(e)) {
          String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
          assertFalse(bytes.contains("java/awt"), e.getName() + " uses java.awt");
          assertFalse(bytes.contains("picocli/"), e.getName() + " uses picocli");
        }
      }
    }
  }

  @Test
  void thePublishedPomIsComplete() throws IOException {
    try (JarFile j = new JarFile(LIBRARY.toFile())) {
      JarEntry pom = j.getJarEntry("META-INF/maven/dev.parley/parley/pom.xml");
      assertNotNull(pom);
      String xml = new String(j.getInputStream(pom).readAllBytes(), StandardCharsets.UTF_8);
      for (String element : List.of("<licenses>", "<url>", "<scm>", "<developers>")) {
        assertTrue(xml.contains(element), element);
      }
      assertTrue(xml.contains("Apache License, Version 2.0"));
      assertFalse(xml.contains("lucene-queryparser"), "an unused dependency");
    }
  }

  @Test
  void theCommandLineJarRunsOnItsOwn() throws IOException, InterruptedException {
    assertTrue(names(COMMAND_LINE).contains("dev/parley/cli/Main.class"));
    // The search page (an example) travels in the command line's jar, for parley serve.
    assertTrue(names(COMMAND_LINE).contains("dev/parley/examples/web/SearchServer.class"));
    assertTrue(names(COMMAND_LINE).contains("dev/parley/examples/web/static/index.html"));
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                COMMAND_LINE.toString(),
                "--version")
            .redirectErrorStream(true)
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.matches("parley \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), out);
  }
}
