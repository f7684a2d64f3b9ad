/**
 * The Solr side of the one schema: {@link dev.parley.solr.schema.SolrSchema} maps every field of
 * {@link dev.parley.schema.Fields} to a Solr field and writes the configset ({@code
 * managed-schema.xml}, {@code solrconfig.xml}); the analyzer and field type it names are here too.
 * Imports {@code schema} and {@code analysis} only, like the layer it mirrors.
 */
package dev.parley.solr.schema;
