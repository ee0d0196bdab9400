package io.ipgraph.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EntityRow;
import io.ipgraph.model.GraphModel;
import org.neo4j.driver.Value;

/** Turns Cypher rows into the maps the GraphQL layer renders: nodes with their type, relationships as hops. */
final class GraphRows {

	private final GraphModel model;

	static final String SAME_AS = "SAME_AS";

	GraphRows(GraphModel model) {
		this.model = model;
	}

	/** A node from a {@code {node: n {.*}, labels: labels(n)}}-shaped value. */
	Map<String, Object> node(Value node, Value labels) {
		return EntityRow.node(node, this.model.typeForLabels(labels.asList(Value::asString)));
	}

	/** A relationship as a {@code Hop}: type, ends, direction, properties and provenance. */
	static Map<String, Object> hop(String type, String from, String to, boolean forward, Map<String, Object> properties) {
		Map<String, Object> hop = new HashMap<>();
		hop.put("type", type);
		hop.put("from", from);
		hop.put("to", to);
		hop.put("direction", forward ? "FORWARD" : "BACKWARD");
		hop.put("sourceIds", properties.getOrDefault("sourceIds", List.of()));
		hop.put("quotes", properties.getOrDefault("quotes", List.of()));
		List<Map<String, Object>> own = new ArrayList<>();
		new TreeMap<>(properties).forEach((key, value) -> {
			if (!key.equals("sourceIds") && !key.equals("quotes")) {
				Map<String, Object> property = new HashMap<>();
				property.put("key", key);
				property.put("value", value == null ? null : String.valueOf(value));
				own.add(property);
			}
		});
		hop.put("properties", own);
		return hop;
	}

	/**
	 * The relationship types a request may traverse: the ones it names, each checked against the schema, or
	 * every type but the {@code ABOUT} links of disputed claims. The result is safe to put into a pattern.
	 */
	String types(List<String> requested) {
		List<String> known = new ArrayList<>(this.model.relationshipTypes());
		// links made by analysts' merge judgements (entity resolution)
		known.add(SAME_AS);
		List<String> chosen;
		if (requested == null || requested.isEmpty()) {
			chosen = known.stream().filter(t -> !t.equals("ABOUT")).toList();
		}
		else {
			for (String type : requested) {
				if (!known.contains(type)) {
					throw new BadRequestException("Unknown relationship type '" + type + "'; known types are " + known);
				}
			}
			chosen = requested;
		}
		return String.join("|", chosen.stream().map(t -> "`" + t + "`").toList());
	}

	static int bounded(String name, Integer value, int min, int max) {
		if (value == null || value < min || value > max) {
			throw new BadRequestException(name + " must be between " + min + " and " + max + ", was " + value);
		}
		return value;
	}

}
