/**
 * The contract between the indexer and the searcher: field names, how each field is indexed, the
 * schema version, and the manifest that each commit records.
 *
 * <p>Nothing else in Parley names a Lucene field by string; both sides go through {@link
 * dev.parley.schema.Fields}.
 */
package dev.parley.schema;
