package dev.parley.query;

/** How the clauses of a query combine. */
public enum MatchMode {
  /** A passage matching any clause is a candidate; BM25 ranks those matching more, higher. */
  ANY,
  /** Every clause (or one of its OR alternatives) must match the passage or its context. */
  ALL
}
