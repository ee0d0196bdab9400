/** The investigation workspace in the browser: search, entity pages, conflict and squatting checks, for people who write neither GraphQL nor Cypher. */
package io.ipgraph.workspace;
