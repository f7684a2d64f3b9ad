/**
 * Hybrid ranking: the lexical first stage (BM25 with synonyms and context) fused with dense passage
 * vectors. {@link dev.parley.query.fuse.Fusion} says how (weight, depth, candidate design); {@link
 * dev.parley.query.fuse.HybridRanker} gathers the candidates of both sides and scores them by a
 * min-max normalised interpolation.
 */
package dev.parley.query.fuse;
