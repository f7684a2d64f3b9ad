package dev.parley.query.result;

import java.time.LocalDate;

/**
 * What an index holds.
 *
 * @param articles number of articles
 * @param passages number of passages
 * @param firstDate earliest article date, or {@code null} when empty
 * @param lastDate latest article date, or {@code null} when empty
 * @param schemaVersion the index's schema version
 */
public record IndexStats(
    long articles, long passages, LocalDate firstDate, LocalDate lastDate, int schemaVersion) {}
