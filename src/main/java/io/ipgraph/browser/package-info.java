/**
 * Serves Neo4j Browser at {@code /browser/}, preconnected to the graph ipgraph uses, with ipgraph's guide, style and
 * saved queries ({@code cypher/browser}) at {@code /browser-guide/}.
 */
package io.ipgraph.browser;
