package io.ipgraph.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ipgraph.imports.ImportLine.Citation;
import io.ipgraph.imports.ImportLine.NodeLine;
import io.ipgraph.imports.ImportLine.RelationshipLine;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads one line of the import format (see {@code import/ipgraph-import.schema.json}) into an {@link ImportLine}.
 * Shape errors (not JSON, a missing or unknown member, a wrong type) are reported with the line number.
 */
final class ImportParser {

	static final int MAX_ID = 200;

	private static final Set<String> NODE_MEMBERS = Set.of("kind", "label", "id", "properties", "sources");

	private static final Set<String> RELATIONSHIP_MEMBERS = Set.of("kind", "type", "from", "to", "key", "properties", "sources");

	private final JsonMapper json = JsonMapper.builder().build();

	/** A line that cannot go in, and why. */
	static final class Rejected extends RuntimeException {

		private final long line;

		Rejected(long line, String reason) {
			super(reason, null, false, false);
			this.line = line;
		}

		long line() {
			return this.line;
		}

	}

	ImportLine parse(String text, long line) {
		JsonNode root;
		try {
			root = this.json.readTree(text);
		}
		catch (JacksonException ex) {
			throw new Rejected(line, "not valid JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new Rejected(line, "a line must be one JSON object");
		}
		String kind = text(root, "kind", line, true);
		return switch (kind) {
			case "node" -> {
				members(root, NODE_MEMBERS, line);
				yield new NodeLine(line, text(root, "label", line, true), id(root, "id", line), properties(root, line), sources(root, line));
			}
			case "relationship" -> {
				members(root, RELATIONSHIP_MEMBERS, line);
				yield new RelationshipLine(line, text(root, "type", line, true), id(root, "from", line), id(root, "to", line),
						text(root, "key", line, false), properties(root, line), sources(root, line));
			}
			default -> throw new Rejected(line, "kind must be \"node\" or \"relationship\", was \"" + kind + "\"");
		};
	}

	/**
	 * A line a reader of another format built as a value, checked and normalised as a parsed line is: ids, the
	 * kinds of property values (integers as {@code Long}), citations.
	 */
	ImportLine check(ImportLine typed) {
		long line = typed.line();
		Map<String, Object> properties = new LinkedHashMap<>();
		typed.properties().forEach((name, value) -> properties.put(name, value(name, value, line)));
		List<Citation> sources = new ArrayList<>();
		for (Citation citation : typed.sources()) {
			sources.add(new Citation(id("id", citation.id(), line), citation.quote() == null ? "" : citation.quote()));
		}
		return switch (typed) {
			case NodeLine node -> new NodeLine(line, required("label", node.label(), line), id("id", node.id(), line), properties, sources);
			case RelationshipLine rel -> new RelationshipLine(line, required("type", rel.type(), line), id("from", rel.from(), line),
					id("to", rel.to(), line), rel.key(), properties, sources);
		};
	}

	private static String required(String name, String value, long line) {
		if (value == null) {
			throw new Rejected(line, "\"" + name + "\" is missing");
		}
		return value;
	}

	/** A property value given as a Java value: what {@link #value(String, JsonNode, long)} accepts from JSON. */
	private static Object value(String name, Object value, long line) {
		return switch (value) {
			case null -> null;
			case String text -> text;
			case Boolean flag -> flag;
			case Long number -> number;
			case Integer number -> number.longValue();
			case Short number -> number.longValue();
			case Double number -> number;
			case Float number -> number.doubleValue();
			case Collection<?> list -> {
				List<Object> items = new ArrayList<>();
				for (Object item : list) {
					switch (item) {
						case String text -> items.add(text);
						case Long number -> items.add(number);
						case Integer number -> items.add(number.longValue());
						case null, default -> throw new Rejected(line, "property \"" + name + "\" must be a list of strings or of integers");
					}
				}
				yield items;
			}
			default -> throw new Rejected(line, "property \"" + name + "\" must be text, a number, a boolean or a list");
		};
	}

	private static void members(JsonNode root, Set<String> allowed, long line) {
		for (String name : root.propertyNames()) {
			if (!allowed.contains(name)) {
				throw new Rejected(line, "unknown member \"" + name + "\"; a line has " + allowed);
			}
		}
	}

	private static String text(JsonNode root, String name, long line, boolean required) {
		JsonNode value = root.get(name);
		if (value == null || value.isNull()) {
			if (required) {
				throw new Rejected(line, "\"" + name + "\" is missing");
			}
			return null;
		}
		if (!value.isString()) {
			throw new Rejected(line, "\"" + name + "\" must be a string");
		}
		return value.asString();
	}

	private static String id(JsonNode root, String name, long line) {
		return id(name, text(root, name, line, true), line);
	}

	private static String id(String name, String id, long line) {
		if (id == null) {
			throw new Rejected(line, "\"" + name + "\" is missing");
		}
		if (id.isBlank() || id.length() > MAX_ID || id.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw new Rejected(line, "\"" + name + "\" must be 1 to " + MAX_ID + " characters without spaces or control characters");
		}
		return id;
	}

	private static Map<String, Object> properties(JsonNode root, long line) {
		JsonNode node = root.get("properties");
		Map<String, Object> properties = new LinkedHashMap<>();
		if (node == null || node.isNull()) {
			return properties;
		}
		if (!node.isObject()) {
			throw new Rejected(line, "\"properties\" must be an object");
		}
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			properties.put(entry.getKey(), value(entry.getKey(), entry.getValue(), line));
		}
		return properties;
	}

	private static Object value(String name, JsonNode value, long line) {
		if (value.isNull()) {
			return null;
		}
		if (value.isString()) {
			return value.asString();
		}
		if (value.isBoolean()) {
			return value.asBoolean();
		}
		if (value.isIntegralNumber()) {
			if (!value.canConvertToLong()) {
				throw new Rejected(line, "property \"" + name + "\" is out of range");
			}
			return value.asLong();
		}
		if (value.isNumber()) {
			return value.asDouble();
		}
		if (value.isArray()) {
			List<Object> items = new ArrayList<>();
			Iterator<JsonNode> it = value.values().iterator();
			while (it.hasNext()) {
				JsonNode item = it.next();
				if (item.isString()) {
					items.add(item.asString());
				}
				else if (item.isIntegralNumber() && item.canConvertToLong()) {
					items.add(item.asLong());
				}
				else {
					throw new Rejected(line, "property \"" + name + "\" must be a list of strings or of integers");
				}
			}
			return items;
		}
		throw new Rejected(line, "property \"" + name + "\" must be text, a number, a boolean or a list");
	}

	private static List<Citation> sources(JsonNode root, long line) {
		JsonNode node = root.get("sources");
		List<Citation> citations = new ArrayList<>();
		if (node == null || node.isNull()) {
			return citations;
		}
		if (!node.isArray()) {
			throw new Rejected(line, "\"sources\" must be a list of {\"id\", \"quote\"}");
		}
		for (JsonNode citation : node.values()) {
			if (!citation.isObject()) {
				throw new Rejected(line, "each source must be an object {\"id\", \"quote\"}");
			}
			members(citation, Set.of("id", "quote"), line);
			String quote = text(citation, "quote", line, false);
			citations.add(new Citation(id(citation, "id", line), quote == null ? "" : quote));
		}
		return citations;
	}

}
