/** The in-process Neo4j that ipgraph starts when no external server is configured. */
package io.ipgraph.embedded;
