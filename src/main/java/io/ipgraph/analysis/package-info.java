/** Analyses investigators come for: paths, neighbourhoods, timelines, contradictions and aggregations. */
package io.ipgraph.analysis;
