package dev.parley.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks that make a benchmark run comparable: every baseline searched exactly Parley's
 * passages, in as many segments (a query costs a term lookup per segment, so one side with more
 * segments would pay for it), and no search on any side was cut short by a time limit.
 *
 * <p>Thread safety: stateless.
 */
public final class Fairness {
  private Fairness() {}

  /**
   * The problems of a run, one sentence each; empty when the run is fair.
   *
   * @param parley Parley's side
   * @param baselines the other sides
   */
  public static List<String> problems(SideFacts parley, List<SideFacts> baselines) {
    List<String> problems = new ArrayList<>();
    for (SideFacts b : baselines) {
      if (b.documents() != parley.documents()) {
        problems.add(
            b.name()
                + " indexed "
                + b.documents()
                + " documents but Parley "
                + parley.documents()
                + " passages: the two sides did not search the same text");
      }
      if (b.segments() != parley.segments()) {
        problems.add(
            b.name()
                + " searched "
                + b.segments()
                + " segments but Parley "
                + parley.segments()
                + ": merge both sides alike");
      }
    }
    List<SideFacts> all = new ArrayList<>();
    all.add(parley);
    all.addAll(baselines);
    for (SideFacts s : all) {
      if (s.partialSearches() > 0) {
        problems.add(
            s.name()
                + ": "
                + s.partialSearches()
                + " searches were cut off by the time limit (partial): their latencies are not"
                + " those of whole searches");
      }
    }
    return problems;
  }
}
