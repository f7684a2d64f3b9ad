/**
 * Cutting articles into passages: the {@link dev.parley.indexer.segment.Segmenter} interface and
 * the default {@link dev.parley.indexer.segment.ParagraphSegmenter}, which keeps paragraphs whole,
 * merges runs of short ones, and windows long ones on sentence boundaries.
 */
package dev.parley.indexer.segment;
