package dev.parley.solr.schema;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import dev.parley.schema.Fields;
import dev.parley.schema.IndexManifest;
import dev.parley.schema.SchemaMismatchException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.impl.CloudHttp2SolrClient;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.SolrInputDocument;

/**
 * Where a Parley collection lives ({@code http://host:port/solr/NAME}, what {@code --solr} takes)
 * and the conventions both sides share: the client, and the manifest kept in the collection as one
 * document ({@link SolrSchema#MANIFEST_ID}) holding the same keys as an index's commit data.
 *
 * @param baseUrl the Solr base URL, {@code http://host:port/solr}
 * @param collection the collection name
 */
public record SolrCollection(String baseUrl, String collection) {
  private static final Gson GSON = new Gson();

  /** Validates the values. */
  public SolrCollection {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(collection, "collection");
  }

  /**
   * Parses a collection URL.
   *
   * @throws IllegalArgumentException when it is not {@code
   *     http(s)://host[:port][/prefix]/solr/NAME}
   */
  public static SolrCollection parse(String url) {
    String hint =
        "--solr needs a collection URL such as http://127.0.0.1:8983/solr/parley, got: " + url;
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(hint);
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    int slash = path.lastIndexOf('/');
    if (uri.getHost() == null
        || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
        || slash <= 0
        || slash == path.length() - 1
        // Solr answers under /solr; anything else (a handler such as /select after the
        // collection, another prefix) would only fail later as "is the cluster running?".
        || !path.substring(0, slash).endsWith("/solr")) {
      throw new IllegalArgumentException(hint);
    }
    String base =
        uri.getScheme()
            + "://"
            + uri.getHost()
            + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
            + path.substring(0, slash);
    return new SolrCollection(base, path.substring(slash + 1));
  }

  /** The collection URL, as {@link #parse} reads it. */
  public String url() {
    return baseUrl + "/" + collection;
  }

  /** A cloud client that finds the cluster through {@link #baseUrl}; the caller closes it. */
  public CloudSolrClient client() {
    return new CloudHttp2SolrClient.Builder(List.of(baseUrl))
        .withDefaultCollection(collection)
        .build();
  }

  /** The manifest document for {@code manifest}. */
  public static SolrInputDocument manifestDocument(IndexManifest manifest) {
    SolrInputDocument doc = new SolrInputDocument();
    doc.addField(SolrSchema.ID, SolrSchema.MANIFEST_ID);
    doc.addField(Fields.ARTICLE_ID, SolrSchema.MANIFEST_ID); // routes like its id
    doc.addField(Fields.KIND, SolrSchema.KIND_MANIFEST);
    doc.addField(SolrSchema.MANIFEST, GSON.toJson(manifest.toUserData()));
    return doc;
  }

  /**
   * The collection's manifest, or null when nothing was indexed into it yet.
   *
   * @throws SchemaMismatchException if it was written with another schema version
   * @throws IOException if Solr cannot be reached
   */
  public IndexManifest readManifest(SolrClient client) throws IOException {
    SolrDocument doc;
    try {
      // A search, not a real-time get: it reads the committed manifest, the one whose counts
      // match what searches see.
      SolrQuery q = new SolrQuery("*:*");
      q.addFilterQuery(Fields.KIND + ":" + SolrSchema.KIND_MANIFEST);
      q.setFields(SolrSchema.MANIFEST);
      q.setRows(1);
      var found = client.query(collection, q).getResults();
      doc = found.isEmpty() ? null : found.get(0);
    } catch (SolrServerException | RuntimeException e) {
      String message = String.valueOf(e.getMessage());
      if (message.startsWith("Collection not found")) {
        throw new IOException(
            "no collection '"
                + collection
                + "' at "
                + url()
                + ": the cluster answers, but Parley's collection is '"
                + SolrSchema.COLLECTION
                + "' (a URL ending in /solr/"
                + SolrSchema.COLLECTION
                + ")",
            e);
      }
      throw new IOException(
          "cannot read the manifest of Solr collection "
              + url()
              + ": "
              + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ")
              + " (is the cluster running? start one with: parley cluster)",
          e);
    }
    if (doc == null) {
      return null;
    }
    Map<String, String> data =
        GSON.fromJson(
            String.valueOf(doc.getFirstValue(SolrSchema.MANIFEST)),
            new TypeToken<TreeMap<String, String>>() {}.getType());
    return IndexManifest.fromUserData(data, Path.of(url()));
  }
}
