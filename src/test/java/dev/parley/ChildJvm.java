package dev.parley;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a main class of the test classpath in a separate JVM, for tests that need a real process:
 * a heap limit, a SIGKILL, a second process holding a lock.
 */
public final class ChildJvm {
  private ChildJvm() {}

  /**
   * A process builder for {@code main} with {@code args}, a heap of {@code maxHeap} (e.g. {@code
   * "256m"}) and the serial collector (fewer threads on a small machine).
   */
  public static ProcessBuilder builder(String maxHeap, Class<?> main, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command);
  }
}
