package dev.parley.bench;

import com.google.gson.JsonObject;
import dev.parley.analysis.AnalysisConfig;
import dev.parley.analysis.EntityTagger;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import dev.parley.analysis.ParleyAnalyzer;
import dev.parley.analysis.TokenView;
import dev.parley.indexer.Article;
import dev.parley.indexer.Passage;
import dev.parley.indexer.enrich.ArticleContext;
import dev.parley.indexer.enrich.Enrichment;
import dev.parley.indexer.enrich.TopicModel;
import dev.parley.indexer.ingest.ArticleFormatException;
import dev.parley.indexer.ingest.SeedFormat;
import dev.parley.indexer.ingest.TextDecoding;
import dev.parley.indexer.segment.ParagraphSegmenter;
import dev.parley.indexer.segment.SegmentationConfig;
import dev.parley.indexer.write.ArticleDocuments;
import dev.parley.indexer.write.ArticleTokens;
import dev.parley.schema.Fields;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Where indexing time goes, stage by stage, on one thread: the indexer's own steps run one after
 * another on the seed-format ({@code .txt}) articles under the inputs, each timed on its own, and
 * reported in microseconds per passage. Time is the indexing thread's CPU time ({@link
 * ThreadMXBean#getCurrentThreadCpuTime()}), so other processes on a shared machine do not inflate
 * it (they still share caches); Lucene's background merge threads are not counted (the final
 * commit's flush runs on this thread and is). Reading the clock costs well under a microsecond and
 * is charged to the stages.
 *
 * <p>The figures are one pass, so they include the JIT's warm-up: on Reuters the first tenth of the
 * articles costs two to three times the rest. {@link #secondHalf} gives tag + topics and analyse +
 * tag + topics over the second half of the articles alone, reported beside (not instead of) the
 * whole-run figures.
 *
 * <ul>
 *   <li>{@code read}: the file's bytes; {@code parse}: decoding and the seed format;
 *   <li>{@code segment}: paragraphs to passages;
 *   <li>{@code analyse}: all the analysis the documents need, done before Lucene sees them ({@link
 *       ArticleTokens}, as the indexer does it): each article's words once, sliced into its
 *       passages, context and article text, plus any piece that cannot be sliced exactly, analysed
 *       on its own;
 *   <li>{@code tag}: cutting the passage (and the article context, once per article) into a {@link
 *       TokenView} and tagging entities on it; {@code topics}: the topic model on the same view;
 *   <li>{@code write}: building the documents and {@link IndexWriter#addDocuments} (Lucene's
 *       inversion of the replayed tokens, and buffering); {@code commit}: the final commit.
 * </ul>
 *
 * <p>Not thread-safe; one run per instance.
 */
public final class StageBreakdown {
  /** The stages, in pipeline order. */
  public static final List<String> STAGES =
      List.of("read", "parse", "segment", "analyse", "tag", "topics", "write", "commit");

  /** The text fields a run can leave out ({@link #run(List, Path, java.util.Set)}). */
  public static final List<String> DROPPABLE =
      List.of(Fields.TEXT, Fields.CONTEXT, Fields.ARTICLE_TEXT);

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final long[] nanos = new long[STAGES.size()];

  /**
   * The stages' time over the second half of the articles only, and their passages: the same run
   * once the JIT has compiled the hot code (the first tenth of a Reuters run costs two to three
   * times the rest). Reported beside the whole-run figures, which stay the measure.
   */
  private final long[] laterNanos = new long[STAGES.size()];

  private long laterPassages;
  private long passages;
  private long articles;
  private long sliced;
  private long contexts;

  /**
   * Indexes the {@code .txt} articles under {@code inputs} into a new index in {@code work}, timing
   * each stage.
   *
   * @throws IOException if the inputs cannot be read or the index written
   */
  public Map<String, Double> run(List<Path> inputs, Path work) throws IOException {
    return run(inputs, work, java.util.Set.of());
  }

  /**
   * As {@link #run(List, Path)}, with the text fields named in {@code dropped} ({@link #DROPPABLE}:
   * {@link Fields#TEXT}, {@link Fields#CONTEXT}, {@link Fields#ARTICLE_TEXT}) left out of the
   * documents: Lucene neither inverts nor stores them, so the difference to a full run is what the
   * field costs (the time side of the field ablation). The article's one analysis ({@link
   * ArticleTokens}) still runs, since the fields left share it; only a piece that cannot be sliced
   * from it (0.25% of Reuters' passage texts and contexts) is analysed for the dropped field alone.
   * Entity tagging and the topic model still read the passage text and the context: they are not
   * the fields' cost.
   *
   * @throws IllegalArgumentException if {@code dropped} names another field
   * @throws IOException if the inputs cannot be read or the index written
   */
  public Map<String, Double> run(List<Path> inputs, Path work, java.util.Set<String> dropped)
      throws IOException {
    for (String f : dropped) {
      if (!DROPPABLE.contains(f)) {
        throw new IllegalArgumentException(
            "--drop-field " + f + ": only " + String.join(", ", DROPPABLE) + " can be left out");
      }
    }
    if (!THREADS.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure thread CPU time");
    }
    List<Path> files = new ArrayList<>();
    for (Path input : inputs) {
      try (Stream<Path> s = Files.walk(input)) {
        s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
      }
    }
    AnalysisConfig analysis = AnalysisConfig.defaults();
    ParagraphSegmenter segmenter = new ParagraphSegmenter(SegmentationConfig.defaults());
    Gazetteer gazetteer = Gazetteer.defaults();
    EntityTagger tagger = new EntityTagger(gazetteer);
    TopicModel model = TopicModel.defaults();
    Files.createDirectories(work);
    ParleyAnalyzer writerAnalyzer = new ParleyAnalyzer(analysis);
    IndexWriterConfig config = new IndexWriterConfig(writerAnalyzer);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE);
    // 64 MB, the indexer's default buffer when the stage figures were first taken, so figures stay
    // comparable across versions (the default now depends on the heap: Indexer.defaultRamBufferMb).
    config.setRAMBufferSizeMB(64);
    try (FSDirectory dir = FSDirectory.open(work);
        IndexWriter writer = new IndexWriter(dir, config)) {
      int fileIndex = 0;
      for (Path file : files) {
        boolean later = fileIndex++ >= files.size() / 2;
        long[] before = later ? nanos.clone() : null;
        long t0 = cpu();
        byte[] bytes = Files.readAllBytes(file);
        long t1 = cpu();
        Article article;
        try {
          String name = file.getFileName().toString();
          article =
              SeedFormat.parse(
                  name.substring(0, name.length() - 4),
                  TextDecoding.decode(bytes),
                  file.toString());
        } catch (ArticleFormatException | IllegalArgumentException e) {
          continue; // not an article: the indexer would reject it too
        }
        long t2 = cpu();
        List<Passage> ps = segmenter.segment(article);
        long t3 = cpu();
        nanos[0] += t1 - t0;
        nanos[1] += t2 - t1;
        nanos[2] += t3 - t2;
        List<Enrichment> enrichments = new ArrayList<>(ps.size());
        String lastContext = null;
        TokenView contextView = null;
        List<Mention> contextMentions = List.of();
        for (Passage p : ps) {
          long a = cpu();
          String text = p.heading() == null ? p.text() : p.heading() + "\n" + p.text();
          String context = ArticleContext.of(article, p.from(), p.to());
          if (context != null && !context.equals(lastContext)) {
            contextView = TokenView.of(context);
            contextMentions = tagger.tag(contextView);
            lastContext = context;
          }
          TokenView view = TokenView.of(text);
          List<Mention> mentions =
              context == null
                  ? tagger.withFamilyNames(view, tagger.tag(view), null, List.of())
                  : tagger.withFamilyNames(view, tagger.tag(view), contextView, contextMentions);
          long b = cpu();
          Map<String, Float> scores =
              model.score(view, mentions, context == null ? null : contextView);
          Enrichment e =
              new Enrichment(
                  scores, model.labels(scores), EntityTagger.ids(mentions), own(p, mentions));
          long c = cpu();
          enrichments.add(e);
          nanos[4] += b - a;
          nanos[5] += c - b;
        }
        // All the analysis the documents need, once (ArticleTokens: the article's words once,
        // sliced into passages, context and article text; a piece that cannot be sliced exactly
        // analysed on its own): what the indexer does before Lucene inverts the replays.
        long w0 = cpu();
        ArticleTokens tokens = ArticleTokens.of(writerAnalyzer, article, ps);
        long w1 = cpu();
        // The context's entity tokens as the indexer writes them (Enricher.mentions: the tagger).
        List<Document> docs =
            ArticleDocuments.of(article, ps, enrichments, null, tokens, tagger::tag);
        for (Document d : docs) {
          dropped.forEach(d::removeFields);
        }
        writer.addDocuments(docs);
        long w2 = cpu();
        nanos[3] += w1 - w0;
        nanos[6] += w2 - w1;
        sliced += tokens.sliced();
        contexts += ps.isEmpty() ? 0 : 1;
        passages += ps.size();
        articles++;
        if (later) {
          for (int i = 0; i < nanos.length; i++) {
            laterNanos[i] += nanos[i] - before[i];
          }
          laterPassages += ps.size();
        }
      }
      long c0 = cpu();
      writer.commit();
      nanos[7] += cpu() - c0;
    }
    Map<String, Double> perPassage = new LinkedHashMap<>();
    for (int i = 0; i < nanos.length; i++) {
      perPassage.put(STAGES.get(i), passages == 0 ? 0 : nanos[i] / 1000.0 / passages);
    }
    return perPassage;
  }

  /**
   * The mentions inside the passage's own text, as {@code NewsEnricher} gives them to the writer:
   * the tagger read the heading and the text joined by a line break, and the entity tokens index
   * the text alone.
   */
  private static List<Mention> own(Passage p, List<Mention> mentions) {
    if (p.heading() == null) {
      return mentions;
    }
    int shift = p.heading().length() + 1;
    List<Mention> own = new ArrayList<>(mentions.size());
    for (Mention m : mentions) {
      if (m.start() >= shift) {
        own.add(new Mention(m.entityId(), m.kind(), m.start() - shift, m.end() - shift));
      }
    }
    return own;
  }

  /** The calling thread's CPU time in nanoseconds. */
  private static long cpu() {
    return THREADS.getCurrentThreadCpuTime();
  }

  /** Passages indexed by the last run. */
  public long passages() {
    return passages;
  }

  /**
   * Of the passage texts and article contexts of the last run, the share sliced from their
   * article's analysis rather than analysed on their own ({@link ArticleTokens#sliced()}).
   */
  public double slicedShare() {
    return passages + contexts == 0 ? 0 : (double) sliced / (passages + contexts);
  }

  /** Articles indexed by the last run. */
  public long articles() {
    return articles;
  }

  /**
   * µs per passage of tag + topics and of analyse + tag + topics over the second half of the
   * articles of the last run (the JIT's compiled code; see {@link #laterNanos}).
   */
  public double[] secondHalf() {
    if (laterPassages == 0) {
      return new double[] {0, 0};
    }
    double tagTopics = (laterNanos[4] + laterNanos[5]) / 1000.0 / laterPassages;
    return new double[] {tagTopics, tagTopics + laterNanos[3] / 1000.0 / laterPassages};
  }

  /** The figures as JSON: passages, articles, µs per passage of each stage, and sums. */
  public JsonObject toJson(Map<String, Double> perPassage) {
    JsonObject o = new JsonObject();
    o.addProperty("articles", articles);
    o.addProperty("passages", passages);
    o.addProperty("slicedShare", Math.round(slicedShare() * 10000) / 10000.0);
    JsonObject us = new JsonObject();
    perPassage.forEach((k, v) -> us.addProperty(k, Math.round(v * 100) / 100.0));
    o.add("microsPerPassage", us);
    o.addProperty(
        "tagAndTopics",
        Math.round((perPassage.get("tag") + perPassage.get("topics")) * 100) / 100.0);
    o.addProperty(
        "analyseTagAndTopics",
        Math.round(
                (perPassage.get("analyse") + perPassage.get("tag") + perPassage.get("topics"))
                    * 100)
            / 100.0);
    JsonObject half = new JsonObject();
    half.addProperty("tagAndTopics", Math.round(secondHalf()[0] * 100) / 100.0);
    half.addProperty("analyseTagAndTopics", Math.round(secondHalf()[1] * 100) / 100.0);
    o.add("secondHalf", half);
    return o;
  }

  /** A table of the figures. */
  public String table(Map<String, Double> perPassage) {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "stage breakdown, 1 thread: %,d articles, %,d passages%n",
            articles,
            passages));
    b.append(
        String.format(
            Locale.ROOT,
            "(passage texts and contexts sliced from their article's one analysis: %.2f%%)%n",
            100 * slicedShare()));
    double total = 0;
    for (Map.Entry<String, Double> e : perPassage.entrySet()) {
      b.append(String.format(Locale.ROOT, "%-8s %9.2f µs/passage%n", e.getKey(), e.getValue()));
      total += e.getValue();
    }
    b.append(String.format(Locale.ROOT, "%-8s %9.2f µs/passage%n", "total", total));
    b.append(
        String.format(
            Locale.ROOT,
            "tag+topics %.2f µs/passage; analyse+tag+topics %.2f µs/passage%n",
            perPassage.get("tag") + perPassage.get("topics"),
            perPassage.get("analyse") + perPassage.get("tag") + perPassage.get("topics")));
    b.append(
        String.format(
            Locale.ROOT,
            "second half of the articles only (JIT warm; the figures above are the measure):"
                + " tag+topics %.2f µs/passage; analyse+tag+topics %.2f µs/passage%n",
            secondHalf()[0],
            secondHalf()[1]));
    return b.toString();
  }
}
