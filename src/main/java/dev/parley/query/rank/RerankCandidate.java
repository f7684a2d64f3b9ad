package dev.parley.query.rank;

/**
 * A first-stage passage with its second-stage features, for learning reranking weights.
 *
 * @param passageId the passage id
 * @param trecId {@code articleId#from-to}
 * @param articleId the article id
 * @param features the values of {@link Reranker#FEATURES}, in order
 */
public record RerankCandidate(
    String passageId, String trecId, String articleId, double[] features) {}
