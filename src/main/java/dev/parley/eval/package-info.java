/**
 * Measuring ranking quality inside the project: {@link dev.parley.eval.Qrels} (graded judgments),
 * {@link dev.parley.eval.Metrics} (nDCG@10, P@10, AP, recall, MRR, judged@10 under the rules of
 * {@code ../shared/eval/README.md}), {@link dev.parley.eval.Significance} (paired randomisation
 * test) and {@link dev.parley.eval.Evaluation}, which runs queries through named ranking {@link
 * dev.parley.eval.Profile}s side by side.
 */
package dev.parley.eval;
