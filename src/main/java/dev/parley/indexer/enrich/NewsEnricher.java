package dev.parley.indexer.enrich;

import dev.parley.analysis.EntityTagger;
import dev.parley.analysis.Gazetteer;
import dev.parley.analysis.Mention;
import dev.parley.analysis.TokenView;
import dev.parley.indexer.Article;
import dev.parley.indexer.Passage;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The default enricher: cuts the passage (and its heading) into words once ({@link TokenView}),
 * tags the gazetteer's entities in those words (a leader's family name alone too, where the passage
 * or its context names the leader in full), and scores the topic model on the same words, the
 * entities and the article's context ({@link ArticleContext}).
 *
 * <p>Thread safety: immutable, safe to share. (Each thread keeps the words of the last article
 * context it cut, so the passages of one article do not cut its lead again.)
 */
public final class NewsEnricher implements Enricher {
  private final EntityTagger tagger;
  private final String gazetteerVersion;
  private final TopicModel topics;
  private final ThreadLocal<CachedContext> lastContext = new ThreadLocal<>();

  private record CachedContext(String text, TokenView view, List<Mention> mentions) {}

  /** An enricher with the default gazetteer and the built-in topics. */
  public static NewsEnricher defaults() {
    return new NewsEnricher(Gazetteer.defaults(), TopicModel.defaults());
  }

  /** An enricher over {@code gazetteer} and {@code topics}. */
  public NewsEnricher(Gazetteer gazetteer, TopicModel topics) {
    this.tagger = new EntityTagger(Objects.requireNonNull(gazetteer, "gazetteer"));
    this.gazetteerVersion = gazetteer.version();
    this.topics = Objects.requireNonNull(topics, "topics");
  }

  @Override
  public Enrichment enrich(Article article, Passage passage) {
    if (passage.heading() == null) {
      return enrich(passage.text(), ArticleContext.of(article, passage.from(), passage.to()));
    }
    String text = passage.heading() + "\n" + passage.text();
    Enrichment e = enrich(text, ArticleContext.of(article, passage.from(), passage.to()));
    // Mentions index the passage text, which the indexer writes apart from its heading.
    int shift = passage.heading().length() + 1;
    List<Mention> own = new java.util.ArrayList<>(e.mentions().size());
    for (Mention m : e.mentions()) {
      if (m.start() >= shift) {
        own.add(new Mention(m.entityId(), m.kind(), m.start() - shift, m.end() - shift));
      }
    }
    return new Enrichment(e.topics(), e.labels(), e.entities(), own);
  }

  /** The enrichment of a bare text, without article context. */
  public Enrichment enrich(String text) {
    return enrich(text, null);
  }

  /** The enrichment of a text whose article context is {@code context} (null for none). */
  public Enrichment enrich(String text, String context) {
    TokenView view = TokenView.of(text);
    CachedContext c = context(context);
    List<Mention> own = tagger.tag(view);
    List<Mention> mentions =
        c == null
            ? tagger.withFamilyNames(view, own, null, List.of())
            : tagger.withFamilyNames(view, own, c.view(), c.mentions());
    Map<String, Float> scores = topics.score(view, mentions, c == null ? null : c.view());
    // The passage's entities and topic features count a family name its context resolves ("Kim
    // said", the lead naming Kim Jong Un); its entity tokens are only the names in its own words,
    // which is all a Solr analysis chain can see (ParleySolrAnalyzer), so both rank alike.
    return new Enrichment(scores, topics.labels(scores), EntityTagger.ids(mentions), own);
  }

  @Override
  public List<Mention> mentions(String text) {
    return tagger.tag(text);
  }

  @Override
  public String gazetteerVersion() {
    return gazetteerVersion;
  }

  /** The context's words and mentions, cut and tagged once per article on each thread. */
  private CachedContext context(String context) {
    if (context == null) {
      return null;
    }
    CachedContext cached = lastContext.get();
    if (cached != null && cached.text().equals(context)) {
      return cached;
    }
    TokenView view = TokenView.of(context);
    CachedContext fresh = new CachedContext(context, view, tagger.tag(view));
    lastContext.set(fresh);
    return fresh;
  }

  @Override
  public List<String> topics() {
    return topics.names();
  }

  @Override
  public String version() {
    return topics.version();
  }
}
