package dev.parley.query.highlight;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's default passage score (BM25 over the sentence, {@code k1 = 1.2}, {@code b = 0.75}, pivot
 * 87, times the position norm), computed without a {@code BytesRefHash}: Lucene's {@link
 * PassageScorer#score} builds one for every sentence it scores, and its block pool allocates 32 KB
 * each time, a tenth of the snippet stage on the Reuters bench queries (docs/performance.md, sixth
 * session). A sentence holds few matches of few distinct query words, so they are counted by a
 * linear scan instead.
 *
 * <p>The score is the same float: distinct words are summed in the order of their first match (the
 * order in which the hash numbered them), each term as the same float product, the sum in double,
 * times the norm, cast to float at the end.
 *
 * <p>Thread safety: stateless, safe to share.
 */
final class PlainPassageScorer extends PassageScorer {
  /** Lucene's defaults ({@link PassageScorer#PassageScorer()}). */
  PlainPassageScorer() {
    super();
  }

  @Override
  public float score(Passage passage, int contentLength) {
    int matches = passage.getNumMatches();
    BytesRef[] terms = passage.getMatchTerms();
    int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
    int[] firstMatch = new int[matches]; // of each distinct word, in first-seen order
    int[] freqInPassage = new int[matches];
    int distinct = 0;
    for (int i = 0; i < matches; i++) {
      int word = 0;
      while (word < distinct && !terms[firstMatch[word]].bytesEquals(terms[i])) {
        word++;
      }
      if (word == distinct) {
        firstMatch[distinct++] = i;
      }
      freqInPassage[word]++;
    }
    double score = 0d;
    for (int word = 0; word < distinct; word++) {
      score +=
          tf(freqInPassage[word], passage.getLength())
              * weight(contentLength, freqsInDoc[firstMatch[word]]);
    }
    score *= norm(passage.getStartOffset());
    return (float) score;
  }
}
