/**
 * Dense passage and query vectors from a small embedding model run in-process: the {@link
 * dev.parley.embed.DenseModel} choices (e5-small-v2, bge-small-en-v1.5), and the {@link
 * dev.parley.embed.Embedder} that turns a passage or a query into an L2-normalised vector.
 *
 * <p>Like {@code analysis}, this package sits below both sides: the indexer embeds passages, the
 * searcher embeds queries, with the same model and the same prefixes. It imports neither {@code
 * indexer} nor {@code query}. The models, tokenizer, pooling and ONNX Runtime come from
 * langchain4j's embedding artifacts, which are optional dependencies of the library: an app that
 * never embeds does not need them, and {@link dev.parley.embed.Embedder#open} says which artifact
 * to add when they are missing.
 */
package dev.parley.embed;
