package dev.parley.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One side's figures (Parley or the baseline), under the JSON keys of {@code bench --json}.
 *
 * @param passagesPerSecond passages indexed per second, whole run
 * @param inputMBPerSecond input megabytes (10^6 bytes) indexed per second
 * @param indexBytes index size on disk after the final commit
 * @param p50Millis median single-threaded query latency
 * @param p95Millis 95th percentile latency
 * @param p99Millis 99th percentile latency
 * @param qps queries per second, one thread
 * @param qpsThreads queries per second with the requested number of threads
 * @param peakHeapBytes peak heap in use during indexing and querying
 * @param firstQueryMillis time to open the index and answer a first query
 * @param worstQueryP99Millis the highest of the queries' own 99th percentiles (each over its {@code
 *     --repeat} single-threaded timings; with fewer than 100 repeats, its slowest timing)
 */
public record Measurement(
    double passagesPerSecond,
    double inputMBPerSecond,
    long indexBytes,
    double p50Millis,
    double p95Millis,
    double p99Millis,
    double qps,
    double qpsThreads,
    long peakHeapBytes,
    double firstQueryMillis,
    double worstQueryP99Millis) {

  /** The figures by JSON key, in order. */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("passagesPerSecond", passagesPerSecond);
    m.put("inputMBPerSecond", inputMBPerSecond);
    m.put("indexBytes", (double) indexBytes);
    m.put("p50Millis", p50Millis);
    m.put("p95Millis", p95Millis);
    m.put("p99Millis", p99Millis);
    m.put("qps", qps);
    m.put("qpsThreads", qpsThreads);
    m.put("peakHeapBytes", (double) peakHeapBytes);
    m.put("firstQueryMillis", firstQueryMillis);
    m.put("worstQueryP99Millis", worstQueryP99Millis);
    return m;
  }
}
