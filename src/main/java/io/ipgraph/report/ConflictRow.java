package io.ipgraph.report;

import java.util.List;
import java.util.Map;

import io.ipgraph.conflict.ConflictScorer;

/** A conflict found: what it was searched for, the earlier registration, its holders, score and reasons. */
record ConflictRow(String searchedFor, Map<String, Object> registration, List<String> holders, double score,
		List<ConflictScorer.Reason> reasons, String flag, List<Map<String, Object>> cited) {
}
