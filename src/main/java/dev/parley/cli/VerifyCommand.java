package dev.parley.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.parley.indexer.IndexVerifier;
import dev.parley.indexer.Verification;
import dev.parley.query.result.ResultsJson;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code parley verify}: Lucene's CheckIndex and Parley's manifest checks; exit 0 when the index is
 * sound, 1 with one line per problem when it is not.
 */
@Command(
    name = "verify",
    description = {
      "Check an index: Lucene's CheckIndex plus Parley's checks.",
      "Parley checks manifest counts, whole articles and unique passage ids.",
      "Exit 0 when sound, 1 with one 'problem:' line each when not."
    })
final class VerifyCommand extends CliCommand {
  @Option(names = "--index", paramLabel = "DIR", description = "Index directory (default: index).")
  Path index = Path.of("index");

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Verification v = IndexVerifier.verify(index);
    if (json) {
      JsonObject o = new JsonObject();
      o.addProperty("index", v.index().toString());
      o.addProperty("sound", v.sound());
      o.addProperty("articles", v.articles());
      o.addProperty("passages", v.passages());
      JsonArray problems = new JsonArray();
      v.problems().forEach(problems::add);
      o.add("problems", problems);
      out.println(ResultsJson.toJson(o));
    } else if (v.sound()) {
      out.printf(
          "index %s is sound: %d articles, %d passages; CheckIndex clean, manifest matches%n",
          v.index(), v.articles(), v.passages());
    } else {
      for (String problem : v.problems()) {
        out.println("problem: " + problem);
      }
      err.println(
          "parley verify: index "
              + v.index()
              + " is not sound ("
              + v.problems().size()
              + (v.problems().size() == 1 ? " problem" : " problems")
              + " above): re-index into a new directory");
    }
    return v.sound() ? 0 : 1;
  }
}
