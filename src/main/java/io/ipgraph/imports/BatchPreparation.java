package io.ipgraph.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.ipgraph.imports.ImportLine.Citation;
import io.ipgraph.imports.ImportLine.NodeLine;
import io.ipgraph.imports.ImportLine.RelationshipLine;
import io.ipgraph.keys.DerivedKeys;
import io.ipgraph.model.GraphModel;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;

/**
 * Prepares a batch of validated lines for the writer, on the reading thread: the rows to write (with their derived
 * keys), the labels of the ids the lines refer to (from the file, else from the database) and the cited sources and
 * retracted ids found in the database, so that the writer only checks and writes.
 */
final class BatchPreparation {

	private final GraphStore store;

	/** The labels a relationship's end may have, for the look-up of ends this file does not hold. */
	private final List<String> labels;

	BatchPreparation(GraphStore store, GraphModel model) {
		this.store = store;
		this.labels = model.relationshipPatterns().keySet().stream().flatMap(p -> Stream.of(p.get(0), p.get(2))).distinct().toList();
	}

	PreparedBatch prepare(List<ImportLine> batch, Map<String, String> fileLabels, Set<String> knownSources, Map<String, Long> refused) {
		Map<String, String> inFile = new HashMap<>();
		Set<String> unknownIds = new HashSet<>();
		Set<String> cited = new HashSet<>();
		Map<ImportLine, Map<String, Object>> rows = new java.util.IdentityHashMap<>();
		Consumer<String> refer = id -> {
			String label = fileLabels.get(id);
			if (label != null) {
				inFile.put(id, label);
			}
			else {
				unknownIds.add(id);
			}
		};
		List<String> nodeIds = new ArrayList<>();
		for (ImportLine line : batch) {
			if (line instanceof NodeLine node) {
				nodeIds.add(node.id());
				refer.accept(node.id());
				if (node.label().equals("Assertion") && node.properties().get("subjectId") instanceof String subject) {
					refer.accept(subject);
				}
				rows.put(line, nodeRow(node));
			}
			else if (line instanceof RelationshipLine rel) {
				refer.accept(rel.from());
				refer.accept(rel.to());
				rows.put(line, relationshipRow(rel));
			}
			for (Citation c : line.sources()) {
				String label = fileLabels.get(c.id());
				if (label != null) {
					inFile.put(c.id(), label);
				}
				cited.add(c.id());
			}
		}
		// ends, subjects and cited sources that this file does not hold: look them up in the database
		Set<String> unknownSources = new HashSet<>(cited);
		unknownSources.removeIf(id -> knownSources.contains(id) || "Source".equals(inFile.get(id)));
		knownSources.addAll(storedSources(unknownSources));
		cited.retainAll(knownSources);
		return new PreparedBatch(batch, inFile, storedLabels(unknownIds), cited, retracted(nodeIds), rows, refused);
	}

	static Map<String, Object> nodeRow(NodeLine line) {
		Map<String, Object> props = new HashMap<>();
		line.properties().forEach((k, v) -> {
			if (v != null && !k.equals("id")) {
				props.put(k, v);
			}
		});
		props.putAll(DerivedKeys.of(line.label(), props));
		Map<String, Object> row = new HashMap<>();
		row.put("id", line.id());
		row.put("props", props);
		row.put("sourceIds", line.sources().stream().map(Citation::id).toList());
		row.put("quotes", line.sources().stream().map(Citation::quote).toList());
		return row;
	}

	static Map<String, Object> relationshipRow(RelationshipLine line) {
		Map<String, Object> props = new HashMap<>();
		line.properties().forEach((k, v) -> {
			if (v != null) {
				props.put(k, v);
			}
		});
		Map<String, Object> row = new HashMap<>();
		row.put("line", line.line());
		row.put("from", line.from());
		row.put("to", line.to());
		row.put("key", line.key());
		row.put("props", props);
		row.put("sourceIds", line.sources().stream().map(Citation::id).toList());
		row.put("quotes", line.sources().stream().map(Citation::quote).toList());
		return row;
	}

	/** Labels of stored nodes by id (one index seek per label). */
	private Map<String, String> storedLabels(Set<String> ids) {
		Map<String, String> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		String union = String.join(" UNION ", this.labels.stream()
			.map(l -> "MATCH (n:`" + l + "` {id: id}) RETURN '" + l + "' AS label")
			.toList());
		for (Record r : this.store.readEverything("UNWIND $ids AS id CALL (id) { " + union + " } RETURN id, label", Map.of("ids", List.copyOf(ids)))) {
			found.putIfAbsent(r.get("id").asString(), r.get("label").asString());
		}
		return found;
	}

	/** Those of the ids that an editor has retracted. */
	private Set<String> retracted(List<String> ids) {
		Set<String> found = new HashSet<>();
		if (!ids.isEmpty()) {
			this.store.readEverything("MATCH (n:Retracted) WHERE n.id IN $ids RETURN n.id AS id", Map.of("ids", ids)).forEach(r -> found.add(r.get("id").asString()));
		}
		return found;
	}

	private Set<String> storedSources(Set<String> ids) {
		Set<String> found = new HashSet<>();
		if (!ids.isEmpty()) {
			this.store.readEverything("MATCH (s:Source) WHERE s.id IN $ids RETURN s.id AS id", Map.of("ids", List.copyOf(ids)))
				.forEach(r -> found.add(r.get("id").asString()));
		}
		return found;
	}

}
