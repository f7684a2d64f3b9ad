package dev.parley.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed arguments of one command: options ({@code --name value}, repeatable values for options
 * that take several, {@code --flag} for switches) and positional words. Unknown options are usage
 * errors naming the option.
 */
final class Args {
  private final String command;
  private final Map<String, List<String>> options = new LinkedHashMap<>();
  private final List<String> positional = new ArrayList<>();

  /**
   * Parses {@code args} for {@code command}.
   *
   * @param valued options that take one value
   * @param multi options that take one or more values (until the next option)
   * @param switches options without a value
   */
  Args(String command, String[] args, Set<String> valued, Set<String> multi, Set<String> switches) {
    this.command = command;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("--") && a.length() > 2) {
        String name = a.substring(2);
        int eq = name.indexOf('=');
        String inline = null;
        if (eq > 0) {
          inline = name.substring(eq + 1);
          name = name.substring(0, eq);
        }
        List<String> values = options.computeIfAbsent(name, n -> new ArrayList<>());
        if (switches.contains(name)) {
          if (inline != null) {
            throw new UsageException("--" + name + " takes no value");
          }
        } else if (valued.contains(name)) {
          if (inline != null) {
            values.add(inline);
          } else if (i + 1 < args.length) {
            values.add(args[++i]);
          } else {
            throw new UsageException("--" + name + " needs a value");
          }
          if (values.size() > 1) {
            throw new UsageException("--" + name + " given twice");
          }
        } else if (multi.contains(name)) {
          if (inline != null) {
            values.add(inline);
          }
          while (i + 1 < args.length && !args[i + 1].startsWith("--")) {
            values.add(args[++i]);
          }
          if (values.isEmpty()) {
            throw new UsageException("--" + name + " needs at least one value");
          }
        } else {
          throw new UsageException("unknown option --" + name + " for '" + command + "'");
        }
      } else {
        positional.add(a);
      }
    }
  }

  boolean has(String name) {
    return options.containsKey(name);
  }

  String string(String name, String fallback) {
    List<String> v = options.get(name);
    return v == null ? fallback : v.get(0);
  }

  String required(String name) {
    List<String> v = options.get(name);
    if (v == null) {
      throw new UsageException("'" + command + "' needs --" + name);
    }
    return v.get(0);
  }

  List<String> list(String name) {
    return options.getOrDefault(name, List.of());
  }

  Path path(String name, String fallback) {
    return Path.of(string(name, fallback));
  }

  int integer(String name, int fallback, int min, int max) {
    String v = string(name, null);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v.strip());
      if (n < min || n > max) {
        throw new UsageException("--" + name + " must be in [" + min + ", " + max + "], got: " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, got: " + v);
    }
  }

  LocalDate date(String name) {
    String v = string(name, null);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v.strip());
    } catch (DateTimeParseException e) {
      throw new UsageException("--" + name + " must be a date YYYY-MM-DD, got: " + v);
    }
  }

  /**
   * The values of {@code name} as corpus indexes, {@code CORPUS=DIR} each; a bare {@code DIR}
   * serves the empty corpus name when {@code bare} is allowed.
   */
  java.util.Map<String, Path> corpusIndexes(String name, boolean bare, List<String> fallback) {
    java.util.Map<String, Path> indexes = new LinkedHashMap<>();
    for (String spec : list(name).isEmpty() ? fallback : list(name)) {
      int eq = spec.indexOf('=');
      if (eq < 0 && !bare) {
        throw new UsageException("--" + name + " takes CORPUS=DIR, got: " + spec);
      }
      indexes.put(
          eq < 0 ? "" : spec.substring(0, eq), Path.of(eq < 0 ? spec : spec.substring(eq + 1)));
    }
    return indexes;
  }

  List<String> positional() {
    return positional;
  }

  void noPositional() {
    if (!positional.isEmpty()) {
      throw new UsageException(
          "unexpected argument '" + positional.get(0) + "' for '" + command + "'");
    }
  }
}
