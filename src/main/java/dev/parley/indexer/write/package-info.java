/**
 * Turning passages into Lucene documents exactly as {@link dev.parley.schema.Fields} describes, one
 * block per article: its passages, then its article record.
 */
package dev.parley.indexer.write;
