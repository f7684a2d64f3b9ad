/**
 * A local SolrCloud in one process, for {@code parley cluster}, tests and benchmarks: embedded
 * ZooKeeper, Jetty nodes on consecutive ports, Parley's configset uploaded and the {@code parley}
 * collection created.
 */
package dev.parley.solr.cluster;
