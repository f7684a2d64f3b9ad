package dev.parley.solr.schema;

import dev.parley.schema.Fields;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.util.BytesRef;

/**
 * Parley's Solr configset, generated from {@link Fields}: each Lucene field becomes the Solr field
 * that indexes it the same way (analyzed text with {@link ParleySolrAnalyzer}, keywords, points,
 * doc values, topic features with {@link TopicScoresField}), plus the few fields a SolrCloud
 * collection needs of its own ({@link #ID}, {@link #MANIFEST}, {@code _version_}). The checked-in
 * copy under {@code solr/configset/conf} is this output; a test fails when they drift, and one when
 * {@link Fields} names a field this class does not map.
 *
 * <p>The configuration ({@code solrconfig.xml}) registers the {@code {!parley}} query parser, the
 * snippet highlighter, BM25 with Parley's parameters and {@code ExactStatsCache}, so every shard
 * scores with the statistics of the whole collection.
 *
 * <p>Thread safety: constants and pure functions.
 */
public final class SolrSchema {
  private SolrSchema() {}

  /** Solr's unique key: the passage id, {@code articleId#article} for an article record. */
  public static final String ID = "id";

  /** The stored manifest (JSON) on the collection's one manifest document. */
  public static final String MANIFEST = "manifest";

  /** {@link Fields#KIND} of the manifest document. */
  public static final String KIND_MANIFEST = "manifest";

  /**
   * Id and article id of the manifest document; '#' cannot start an article id, so it never meets
   * one.
   */
  public static final String MANIFEST_ID = "#manifest";

  /** Name of the collection the command line creates. */
  public static final String COLLECTION = "parley";

  /** Name of the configset the command line uploads. */
  public static final String CONFIGSET = "parley";

  /** BM25 parameters of the embedded searcher's defaults. */
  static final float K1 = 0.9f;

  static final float B = 0.4f;

  /** The unique key of an article's record document. */
  public static String articleRecordId(String articleId) {
    return articleId + "#article";
  }

  /**
   * How a Lucene field is kept in Solr.
   *
   * @param name the field name (the same as in Lucene)
   * @param type the Solr field type name
   * @param indexed searchable
   * @param stored returned with hits
   * @param docValues sorting, faceting, folding
   * @param multiValued several values per document
   * @param why one line on why it is kept so
   */
  public record SolrField(
      String name,
      String type,
      boolean indexed,
      boolean stored,
      boolean docValues,
      boolean multiValued,
      String why) {}

  private static final Map<String, SolrField> FIELDS = new LinkedHashMap<>();

  /** Fields of {@link Fields} with no Solr counterpart, and why. */
  private static final Map<String, String> NOT_ON_SOLR =
      Map.of(Fields.VECTOR, "dense vectors (hybrid search) are not supported on Solr");

  private static void add(
      String name, String type, boolean i, boolean s, boolean dv, boolean mv, String why) {
    FIELDS.put(name, new SolrField(name, type, i, s, dv, mv, why));
  }

  static {
    add(ID, "string", true, true, false, false, "unique key: updates replace by it (idempotent)");
    add("_version_", "plong", false, false, true, false, "SolrCloud's optimistic concurrency");
    add(MANIFEST, "string", false, true, false, false, "the index manifest, as JSON");
    add(Fields.KIND, "string", true, false, false, false, "passage or article filter");
    add(Fields.PASSAGE_ID, "string", true, true, true, false, "ties are broken on it");
    add(Fields.ARTICLE_ID, "string", true, true, true, false, "routing and replace by article");
    add(Fields.TEXT, "parley_text_offsets", true, true, false, false, "ranked and highlighted");
    add(Fields.CONTEXT, "parley_text", true, false, false, false, "article context, lower weight");
    add(Fields.ARTICLE_TEXT, "parley_text_freqs", true, false, false, false, "article evidence");
    add(Fields.HEADING, "string", false, true, false, false, "shown with hits");
    add(Fields.TITLE, "string", false, true, false, false, "shown with articles");
    add(Fields.DATE, "plong", true, true, true, false, "range filters and newest-first order");
    add(Fields.SPAN, "binary", false, true, false, false, "paragraphs, offsets, ordinal, date");
    add(Fields.SOURCE, "string", false, true, false, false, "where the article was read");
    add(Fields.CONTENT_HASH, "binary", false, true, false, false, "unchanged articles skipped");
    add(Fields.PARAGRAPH, "string", false, true, false, true, "paragraphs no passage gives back");
    add(Fields.PARAGRAPH_LAYOUT, "binary", false, true, false, false, "paragraph lengths");
    add(
        Fields.HEADING_PARAGRAPH,
        "pint",
        false,
        true,
        false,
        true,
        "which paragraphs are headings");
    add(Fields.PASSAGE_COUNT, "pint", false, true, false, false, "passages of the article");
    add(Fields.TOPIC_SCORES, "topic_scores", true, false, false, true, "topic features");
    add(Fields.TOPICS, "binary", false, true, false, false, "topic scores shown with hits");
    add(Fields.TOPIC, "string", true, false, true, true, "topic filter and facet");
    add(Fields.ENTITY, "string", true, true, true, true, "entity filter and facet");
    add(Fields.MONTH, "string", true, false, true, false, "month facet");
    add(Fields.SIMHASH, "plong", false, false, true, false, "near-duplicate folding");
  }

  /**
   * A binary stored value as SolrJ hands it back: {@code byte[]} over javabin, a {@code ByteBuffer}
   * or base64 text otherwise; null for none.
   */
  public static BytesRef binary(Object value) {
    if (value == null) {
      return null;
    } else if (value instanceof byte[] b) {
      return new BytesRef(b);
    } else if (value instanceof java.nio.ByteBuffer buffer) {
      byte[] b = new byte[buffer.remaining()];
      buffer.duplicate().get(b);
      return new BytesRef(b);
    } else {
      return new BytesRef(java.util.Base64.getDecoder().decode(value.toString()));
    }
  }

  /** Every Solr field of the collection, in schema order. */
  public static List<SolrField> fields() {
    return List.copyOf(FIELDS.values());
  }

  /** The Solr field named {@code name}, or null if the collection has none. */
  public static SolrField field(String name) {
    return FIELDS.get(name);
  }

  /**
   * The field names {@link Fields} declares (its {@code public static final String} constants that
   * name fields, not values such as {@link Fields#KIND_PASSAGE}).
   */
  public static List<String> luceneFieldNames() {
    List<String> names = new ArrayList<>();
    for (Field f : Fields.class.getFields()) {
      int m = f.getModifiers();
      if (f.getType() == String.class
          && Modifier.isStatic(m)
          && Modifier.isFinal(m)
          && !f.getName().startsWith("KIND_")) {
        try {
          names.add((String) f.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return names;
  }

  /**
   * The fields of {@link Fields} that this class neither maps nor excludes with a reason: empty
   * unless the schema changed without the Solr side.
   */
  public static List<String> unmapped() {
    return luceneFieldNames().stream()
        .filter(n -> !FIELDS.containsKey(n) && !NOT_ON_SOLR.containsKey(n))
        .toList();
  }

  /** The fields of {@link Fields} left out of Solr, with the reason. */
  public static Map<String, String> notOnSolr() {
    return NOT_ON_SOLR;
  }

  /** The text of {@code managed-schema.xml}. */
  public static String managedSchema() {
    List<String> missing = unmapped();
    if (!missing.isEmpty()) {
      throw new IllegalStateException(
          "fields of dev.parley.schema.Fields with no Solr mapping in SolrSchema: " + missing);
    }
    StringBuilder x = new StringBuilder();
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.append("<!-- Generated by dev.parley.solr.schema.SolrSchema from dev.parley.schema.Fields;")
        .append(" do not edit (parley solr-configset writes it). -->\n");
    x.append("<schema name=\"parley\" version=\"1.7\">\n");
    x.append("  <uniqueKey>").append(ID).append("</uniqueKey>\n");
    x.append("  <similarity class=\"solr.BM25SimilarityFactory\">\n");
    x.append("    <float name=\"k1\">").append(K1).append("</float>\n");
    x.append("    <float name=\"b\">").append(B).append("</float>\n");
    x.append("  </similarity>\n");
    x.append("  <fieldType name=\"string\" class=\"solr.StrField\" sortMissingLast=\"true\"/>\n");
    x.append("  <fieldType name=\"plong\" class=\"solr.LongPointField\"/>\n");
    x.append("  <fieldType name=\"pint\" class=\"solr.IntPointField\"/>\n");
    x.append("  <fieldType name=\"binary\" class=\"solr.BinaryField\"/>\n");
    x.append("  <fieldType name=\"topic_scores\" class=\"")
        .append(TopicScoresField.class.getName())
        .append("\"/>\n");
    String analyzer = "    <analyzer class=\"" + ParleySolrAnalyzer.class.getName() + "\"/>\n";
    // Postings as the embedded field types index them (Fields.TEXT_TYPE and the others).
    x.append("  <fieldType name=\"parley_text_offsets\" class=\"solr.TextField\"")
        .append(" storeOffsetsWithPositions=\"true\">\n")
        .append(analyzer)
        .append("  </fieldType>\n");
    x.append("  <fieldType name=\"parley_text\" class=\"solr.TextField\">\n")
        .append(analyzer)
        .append("  </fieldType>\n");
    x.append("  <fieldType name=\"parley_text_freqs\" class=\"solr.TextField\"")
        .append(" omitPositions=\"true\">\n")
        .append(analyzer)
        .append("  </fieldType>\n");
    for (SolrField f : FIELDS.values()) {
      x.append("  <field name=\"")
          .append(f.name())
          .append("\" type=\"")
          .append(f.type())
          .append("\" indexed=\"")
          .append(f.indexed())
          .append("\" stored=\"")
          .append(f.stored())
          .append("\" docValues=\"")
          .append(f.docValues())
          .append("\" multiValued=\"")
          .append(f.multiValued())
          .append("\"/> <!-- ")
          .append(f.why())
          .append(" -->\n");
    }
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(NOT_ON_SOLR).entrySet()) {
      x.append("  <!-- not on Solr: ")
          .append(e.getKey())
          .append(": ")
          .append(e.getValue())
          .append(" -->\n");
    }
    x.append("</schema>\n");
    return x.toString();
  }

  /** The text of {@code solrconfig.xml}. */
  public static String solrConfig() {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- Generated by dev.parley.solr.schema.SolrSchema; do not edit. -->
        <config>
          <luceneMatchVersion>9.12</luceneMatchVersion>
          <dataDir>${solr.data.dir:}</dataDir>
          <directoryFactory name="DirectoryFactory"
                            class="${solr.directoryFactory:solr.NRTCachingDirectoryFactory}"/>
          <schemaFactory class="ManagedIndexSchemaFactory">
            <bool name="mutable">false</bool>
            <str name="managedSchemaResourceName">managed-schema.xml</str>
          </schemaFactory>
          <updateHandler class="solr.DirectUpdateHandler2">
            <updateLog><str name="dir">${solr.ulog.dir:}</str></updateLog>
            <autoCommit>
              <maxTime>${solr.autoCommit.maxTime:15000}</maxTime>
              <openSearcher>false</openSearcher>
            </autoCommit>
          </updateHandler>
          <!-- Every shard scores with the term statistics of the whole collection. -->
          <statsCache class="org.apache.solr.search.stats.ExactStatsCache"/>
          <query>
            <filterCache size="512" initialSize="512" autowarmCount="0"/>
          </query>
          <!-- Loads Parley's analyzers, gazetteer and sentence breaks before the first search of
               a core and after every commit, which would otherwise spend a search's time limit
               (timeAllowed) on them. -->
          <listener event="firstSearcher" class="solr.QuerySenderListener">
            <arr name="queries">%1$s</arr>
          </listener>
          <listener event="newSearcher" class="solr.QuerySenderListener">
            <arr name="queries">%1$s</arr>
          </listener>
          <!-- solr.stats.fields: the statistics of every scored text field come from every
               shard. ExactStatsCache records a field only where the query's Weight asks for it,
               and a phrase asks only on shards that hold one of its words: a phrase whose words
               live on one shard would otherwise be scored with that shard's field statistics. -->
          <requestHandler name="/select" class="solr.SearchHandler">
            <lst name="defaults">
              <str name="echoParams">none</str>
              <str name="solr.stats.fields">%3$s</str>
            </lst>
          </requestHandler>
          <queryParser name="parley" class="%s"/>
          <searchComponent class="solr.HighlightComponent" name="highlight">
            <highlighting class="%s"/>
          </searchComponent>
        </config>
        """
        .replace("%1$s", WARMING)
        .replace("%3$s", String.join("!", SCORED_TEXT_FIELDS))
        .formatted(QUERY_PARSER, HIGHLIGHTER);
  }

  /**
   * The fields ranking scores with BM25 (first stage, context, whole-article evidence), whose
   * collection statistics every shard reports for every request.
   */
  static final List<String> SCORED_TEXT_FIELDS =
      List.of(Fields.TEXT, Fields.CONTEXT, Fields.ARTICLE_TEXT);

  /** The warming query: a Parley query with snippets. */
  private static final String WARMING =
      "<lst><str name=\"q\">{!parley}</str><str name=\"parley.q\">summit talks North"
          + " Korea</str><str name=\"rows\">3</str><str name=\"hl\">true</str><str"
          + " name=\"hl.fl\">text</str><str name=\"hl.method\">unified</str></lst>";

  /** Class of the {@code {!parley}} query parser plugin (in the {@code query} layer). */
  static final String QUERY_PARSER = "dev.parley.solr.query.ParleyQParserPlugin";

  /** Class of the snippet highlighter (in the {@code query} layer). */
  static final String HIGHLIGHTER = "dev.parley.solr.query.ParleySnippetHighlighter";

  /** The configset's files, by path inside the configset. */
  public static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("conf/managed-schema.xml", managedSchema());
    files.put("conf/solrconfig.xml", solrConfig());
    return files;
  }

  /**
   * Writes the configset under {@code dir} ({@code dir/conf/...}), ready for {@code bin/solr zk
   * upconfig} or a test cluster.
   *
   * @throws IOException if it cannot be written
   */
  public static Path write(Path dir) throws IOException {
    for (Map.Entry<String, String> e : files().entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
    }
    return dir.resolve("conf");
  }

  /** Field names in alphabetical order, for messages. */
  static String names() {
    return String.join(", ", new TreeSet<>(FIELDS.keySet()));
  }
}
