package dev.parley.solr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.indexer.Article;
import dev.parley.indexer.enrich.NewsEnricher;
import dev.parley.indexer.ingest.SeedFormat;
import dev.parley.indexer.segment.ParagraphSegmenter;
import dev.parley.indexer.segment.SegmentationConfig;
import dev.parley.indexer.write.ArticleDocuments;
import dev.parley.schema.ContentHashes;
import dev.parley.schema.Fields;
import dev.parley.solr.schema.SolrCollection;
import dev.parley.solr.schema.SolrSchema;
import dev.parley.solr.write.SolrDocuments;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.util.BytesRef;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Solr configset is generated from {@link Fields} and the checked-in copy never drifts. */
class SolrSchemaTest {
  @Test
  void everyFieldOfTheSchemaIsMappedOrExcludedWithAReason() {
    assertEquals(List.of(), SolrSchema.unmapped());
    assertEquals(
        Map.of(Fields.VECTOR, "dense vectors (hybrid search) are not supported on Solr"),
        SolrSchema.notOnSolr());
    for (String name : SolrSchema.luceneFieldNames()) {
      if (!SolrSchema.notOnSolr().containsKey(name)) {
        assertTrue(SolrSchema.managedSchema().contains("<field name=\"" + name + "\""), name);
      }
    }
  }

  @Test
  void checkedInConfigsetIsTheGeneratedOne() throws Exception {
    for (Map.Entry<String, String> e : SolrSchema.files().entrySet()) {
      Path checkedIn = Path.of("solr/configset").resolve(e.getKey());
      assertEquals(
          e.getValue(),
          Files.readString(checkedIn, StandardCharsets.UTF_8),
          checkedIn
              + " drifted from dev.parley.schema.Fields: regenerate it with"
              + " parley configset --out solr/configset");
    }
  }

  @Test
  void passageDocumentKeepsEveryValueOfTheLuceneDocument() throws Exception {
    Article article =
        SeedFormat.parse(
            "x1",
            "date 2019-01-10 Kim met Trump at a summit in Hanoi.\n\nSanctions on North Korea stay.\n",
            "x1.txt");
    var passages = new ParagraphSegmenter(SegmentationConfig.defaults()).segment(article);
    var enricher = NewsEnricher.defaults();
    List<Document> docs =
        ArticleDocuments.of(
            article, passages, passages.stream().map(p -> enricher.enrich(article, p)).toList());
    List<SolrInputDocument> solr = SolrDocuments.of(docs);
    SolrInputDocument first = solr.get(0);
    assertEquals("x1#0-0", first.getFieldValue(SolrSchema.ID));
    assertEquals("passage", first.getFieldValue(Fields.KIND));
    assertEquals("2019-01", first.getFieldValue(Fields.MONTH));
    assertEquals(docs.get(0).get(Fields.TEXT), first.getFieldValue(Fields.TEXT));
    assertEquals(
        List.of(docs.get(0).getValues(Fields.ENTITY)),
        List.of(first.getFieldValues(Fields.ENTITY).toArray()));
    assertEquals(3, first.getFieldValues(Fields.TOPIC_SCORES).size());
    assertTrue(first.getFieldValue(Fields.SIMHASH) instanceof Long);
    // Schema 8: the passage stores neither id nor its date in Lucene; Solr still gets all three,
    // and the packed values as the same bytes.
    assertEquals("x1#0-0", first.getFieldValue(Fields.PASSAGE_ID));
    assertEquals("x1", first.getFieldValue(Fields.ARTICLE_ID));
    assertEquals(article.date().toEpochDay(), first.getFieldValue(Fields.DATE));
    assertArrayEquals(
        BytesRef.deepCopyOf(docs.get(0).getBinaryValue(Fields.SPAN)).bytes,
        (byte[]) first.getFieldValue(Fields.SPAN));
    assertArrayEquals(
        BytesRef.deepCopyOf(docs.get(0).getBinaryValue(Fields.TOPICS)).bytes,
        (byte[]) first.getFieldValue(Fields.TOPICS));
    SolrInputDocument record = solr.get(solr.size() - 1);
    assertEquals("x1#article", record.getFieldValue(SolrSchema.ID));
    assertEquals("article", record.getFieldValue(Fields.KIND));
    // Both paragraphs are in the passages: the record stores only their layout (schema 9).
    assertEquals(null, record.getFieldValues(Fields.PARAGRAPH));
    assertArrayEquals(
        BytesRef.deepCopyOf(docs.get(docs.size() - 1).getBinaryValue(Fields.PARAGRAPH_LAYOUT))
            .bytes,
        (byte[]) record.getFieldValue(Fields.PARAGRAPH_LAYOUT));
    assertEquals(
        article.contentHash(),
        ContentHashes.toHex(SolrSchema.binary(record.getFieldValue(Fields.CONTENT_HASH))));
    for (SolrInputDocument d : solr) {
      for (String name : d.getFieldNames()) {
        assertTrue(SolrSchema.field(name) != null, "no Solr field " + name);
      }
    }
  }

  /** The Solr side keeps the library's layers: the write side never imports the query side. */
  @Test
  void solrPackagesKeepTheLayers() throws Exception {
    Map<String, List<String>> forbidden =
        Map.of(
            "solr/schema", List.of("dev.parley.indexer", "dev.parley.query", "dev.parley.cli"),
            "solr/write", List.of("dev.parley.query", "dev.parley.cli"),
            "solr/query", List.of("dev.parley.indexer", "dev.parley.cli"),
            "solr/cluster", List.of("dev.parley.indexer", "dev.parley.query", "dev.parley.cli"),
            "schema", List.of("dev.parley.solr"),
            "analysis", List.of("dev.parley.solr"),
            "indexer", List.of("dev.parley.solr"),
            "query", List.of("dev.parley.solr"));
    for (Map.Entry<String, List<String>> e : forbidden.entrySet()) {
      try (var files = Files.walk(Path.of("src/main/java/dev/parley").resolve(e.getKey()))) {
        for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
          String source = Files.readString(f);
          for (String bad : e.getValue()) {
            assertTrue(!source.contains("import " + bad + "."), f + " imports " + bad);
          }
        }
      }
    }
  }

  @Test
  void collectionUrlIsParsed() {
    SolrCollection c = SolrCollection.parse("http://127.0.0.1:8983/solr/parley");
    assertEquals("http://127.0.0.1:8983/solr", c.baseUrl());
    assertEquals("parley", c.collection());
    assertEquals(
        "http://10.0.0.5:9000/solr/news/",
        SolrCollection.parse("http://10.0.0.5:9000/solr/news/").url() + "/");
    assertEquals(
        "https://search.example.org/news/solr",
        SolrCollection.parse("https://search.example.org/news/solr/parley").baseUrl());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "127.0.0.1:8983/solr/parley",
        "http://127.0.0.1:8983/solr",
        "http://127.0.0.1:8983/",
        "ftp://host/solr/parley",
        "http://[bad/solr/parley",
        "http://127.0.0.1:8983/parley",
        "http://127.0.0.1:8983/solr/parley/select",
        "http://127.0.0.1:8983/api/collections/parley",
        "http://127.0.0.1:8983/solrx/parley",
        ""
      })
  void badCollectionUrlGetsOneLineWithAnExample(String url) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SolrCollection.parse(url));
    assertEquals(
        "--solr needs a collection URL such as http://127.0.0.1:8983/solr/parley, got: " + url,
        e.getMessage());
  }
}
