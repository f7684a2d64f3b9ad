package dev.parley.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * Builds the query-time synonym maps from the gazetteer. Loose query words map each alias to the
 * entity's one indexed token ({@link #buildTokens}); quoted phrases use the older map, in which
 * every alias of an entity is a synonym of every other ({@code North Korea = DPRK = Democratic
 * People's Republic of Korea}), in both directions, keeping the original. An alias that occurs
 * inside another entity's name ({@code America} in {@code Latin America}, {@code UN} in {@code UN
 * Security Council}) is added too; the query side then keeps it from matching inside those names
 * (query.build.ForeignNames). Aliases are analyzed by the same chain as the text up to the synonym
 * step, so {@code U.S.} and {@code US} become the same token and {@code us} stays apart.
 */
final class EntitySynonyms {
  private EntitySynonyms() {}

  /**
   * Builds the map.
   *
   * @param preSynonymChain analyzes a rule's input as the query chain has it at the synonym step
   * @param outputChain analyzes a rule's output to its final (stemmed) form
   */
  static SynonymMap build(Gazetteer gazetteer, Analyzer preSynonymChain, Analyzer outputChain) {
    SynonymMap.Parser outputs =
        new SynonymMap.Parser(true, outputChain) {
          @Override
          public void parse(java.io.Reader in) {
            throw new UnsupportedOperationException("rules come from the gazetteer");
          }
        };
    SynonymMap.Parser parser =
        new SynonymMap.Parser(true, preSynonymChain) {
          @Override
          public void parse(java.io.Reader in) {
            throw new UnsupportedOperationException("rules come from the gazetteer");
          }
        };
    try {
      for (Entity entity : gazetteer.entities()) {
        Set<String> seen = new LinkedHashSet<>();
        List<CharsRef> forms = new ArrayList<>();
        List<CharsRef> finals = new ArrayList<>();
        for (String alias : entity.aliases()) {
          CharsRef form = analyze(parser, alias);
          CharsRef last = analyze(outputs, alias);
          if (form != null && last != null && seen.add(form.toString())) {
            forms.add(form);
            finals.add(last);
          }
        }
        for (int i = 0; i < forms.size(); i++) {
          for (int j = 0; j < forms.size(); j++) {
            if (i != j) {
              parser.add(forms.get(i), finals.get(j), true);
            }
          }
        }
      }
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build entity synonyms", e);
    }
  }

  /**
   * Builds the map of loose query words: every alias of an entity, as the query chain has it at the
   * synonym step (lower case, so {@code dprk} and {@code DPRK} are the same input), gets the one
   * token {@link EntityTokenFilter#token} that the index writes at each tagged mention, keeping the
   * typed words. One term per entity instead of a phrase per alias.
   *
   * @param preSynonymChain analyzes a rule's input as the query chain has it at the synonym step
   */
  static SynonymMap buildTokens(Gazetteer gazetteer, Analyzer preSynonymChain) {
    SynonymMap.Parser parser =
        new SynonymMap.Parser(true, preSynonymChain) {
          @Override
          public void parse(java.io.Reader in) {
            throw new UnsupportedOperationException("rules come from the gazetteer");
          }
        };
    try {
      for (Entity entity : gazetteer.entities()) {
        CharsRef token = new CharsRef(EntityTokenFilter.token(entity.id()));
        Set<String> seen = new LinkedHashSet<>();
        for (String alias : entity.aliases()) {
          CharsRef form = analyze(parser, alias);
          if (form != null && seen.add(form.toString())) {
            parser.add(form, token, true);
          }
        }
      }
      return parser.build();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot build entity tokens", e);
    }
  }

  /** The analyzed alias, or null when it analyzes to nothing. */
  private static CharsRef analyze(SynonymMap.Parser parser, String alias) throws IOException {
    try {
      CharsRef ref = parser.analyze(alias, new CharsRefBuilder());
      return ref.length == 0 ? null : ref;
    } catch (IllegalArgumentException e) {
      // An alias made only of tokens the chain drops (or with a hole) cannot be a synonym.
      return null;
    }
  }
}
