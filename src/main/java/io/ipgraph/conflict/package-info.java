/** Conflict search: earlier registrations similar to a mark, found through stored keys and ranked by an explainable score. */
package io.ipgraph.conflict;
