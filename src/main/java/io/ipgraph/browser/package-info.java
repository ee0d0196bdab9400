/** Serves Neo4j Browser at {@code /browser/}, preconnected to the graph ipgraph uses. */
package io.ipgraph.browser;
