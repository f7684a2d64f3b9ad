/**
 * Hybrid ranking: the lexical first stage (BM25 with synonyms and context) fused with dense passage
 * vectors. {@link dev.parley.query.fuse.Fusion} says how (weight, depth, candidate design, the
 * model's floor); {@link dev.parley.query.fuse.HybridRanker} gathers the candidates of both sides
 * and scores them by a min-max normalised interpolation whose dense part is scaled by the dense
 * side's confidence (how far its best cosine rises above the floor).
 */
package dev.parley.query.fuse;
