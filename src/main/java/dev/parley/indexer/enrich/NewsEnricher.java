package dev.parley.indexer.enrich;

import dev.parley.analysis.EntityTagger;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import dev.parley.analysis.NormalizedText;
import dev.parley.indexer.Article;
import dev.parley.indexer.Passage;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The default enricher: tags the gazetteer's entities in the passage (and its heading) and scores
 * the topic model on the passage text and those entities.
 *
 * <p>Thread safety: immutable, safe to share.
 */
public final class NewsEnricher implements Enricher {
  private final EntityTagger tagger;
  private final TopicModel topics;

  /** An enricher with the default gazetteer and the built-in topics. */
  public static NewsEnricher defaults() {
    return new NewsEnricher(Gazetteer.defaults(), TopicModel.defaults());
  }

  /** An enricher over {@code gazetteer} and {@code topics}. */
  public NewsEnricher(Gazetteer gazetteer, TopicModel topics) {
    this.tagger = new EntityTagger(Objects.requireNonNull(gazetteer, "gazetteer"));
    this.topics = Objects.requireNonNull(topics, "topics");
  }

  @Override
  public Enrichment enrich(Article article, Passage passage) {
    return enrich(
        passage.heading() == null ? passage.text() : passage.heading() + "\n" + passage.text());
  }

  /**
   * The enrichment of a bare text. Entities and topics are found in the text's {@link
   * NormalizedText} form, as the analyzer matches it, so a soft hyphen inside {@code
   * sanc\u00ADtions} hides neither the word nor the topic.
   */
  public Enrichment enrich(String text) {
    String normalized = NormalizedText.of(text).text();
    List<Mention> mentions = tagger.tag(normalized);
    Map<String, Float> scores = topics.score(normalized, mentions);
    return new Enrichment(scores, topics.labels(scores), EntityTagger.ids(mentions));
  }

  @Override
  public List<String> topics() {
    return topics.names();
  }
}
