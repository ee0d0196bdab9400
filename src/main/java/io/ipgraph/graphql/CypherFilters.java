package io.ipgraph.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.GraphModel;
import io.ipgraph.model.GraphModel.NodeType;
import io.ipgraph.model.GraphModel.RelField;
import io.ipgraph.model.GraphModel.ScalarKind;
import io.ipgraph.model.PartialDates;

/**
 * Turns a {@code Where} input into a Cypher predicate and a {@code Sort} list into an ORDER BY. Every value
 * becomes a parameter; property names, labels and relationship types come from the {@link GraphModel}
 * (checked identifiers from the schema), so a request can never change the shape of the query.
 */
final class CypherFilters {

	/** Suffix of the sort keys that order by a relationship count, e.g. {@code lawsuitsCount}. */
	static final String COUNT_SUFFIX = "Count";

	private final GraphModel model;

	private final Map<String, Object> parameters = new HashMap<>();

	private int counter;

	CypherFilters(GraphModel model) {
		this.model = model;
	}

	Map<String, Object> parameters() {
		return this.parameters;
	}

	String param(Object value) {
		String name = "p" + (this.counter++);
		this.parameters.put(name, value);
		return "$" + name;
	}

	/** A fresh variable name for the query being built. */
	String variable(String prefix) {
		return prefix + (this.counter++);
	}

	/** A predicate on {@code variable} (a node of {@code type}), or {@code "true"} for no filter. */
	@SuppressWarnings("unchecked")
	String where(NodeType type, String variable, Map<String, Object> where) {
		if (where == null || where.isEmpty()) {
			return "true";
		}
		List<String> parts = new ArrayList<>();
		for (Map.Entry<String, Object> entry : where.entrySet()) {
			String key = entry.getKey();
			Object value = entry.getValue();
			switch (key) {
				case "AND", "OR" -> {
					if (value == null) {
						continue;
					}
					List<String> nested = new ArrayList<>();
					for (Object item : (List<Object>) value) {
						nested.add(where(type, variable, (Map<String, Object>) item));
					}
					if (nested.isEmpty()) {
						parts.add(key.equals("AND") ? "true" : "false");
					}
					else {
						parts.add("(" + String.join(" " + key + " ", nested) + ")");
					}
				}
				case "NOT" -> {
					if (value != null) {
						parts.add("NOT (" + where(type, variable, (Map<String, Object>) value) + ")");
					}
				}
				default -> {
					if (type.properties().containsKey(key)) {
						parts.addAll(property(variable, key, type.properties().get(key), value));
					}
					else if (type.relationships().containsKey(key)) {
						if (value != null) {
							parts.addAll(relationship(variable, type.relationships().get(key), (Map<String, Object>) value));
						}
					}
					else {
						throw new BadRequestException("Unknown filter field " + key + " on " + type.name());
					}
				}
			}
		}
		return parts.isEmpty() ? "true" : String.join(" AND ", parts);
	}

	@SuppressWarnings("unchecked")
	private List<String> property(String variable, String name, ScalarKind kind, Object filter) {
		String p = variable + ".`" + name + "`";
		List<String> parts = new ArrayList<>();
		if (kind == ScalarKind.BOOLEAN) {
			parts.add(filter == null ? p + " IS NULL" : p + " = " + param(filter));
			return parts;
		}
		if (filter == null) {
			return parts;
		}
		for (Map.Entry<String, Object> op : ((Map<String, Object>) filter).entrySet()) {
			Object v = op.getValue();
			if (v == null) {
				if (op.getKey().equals("eq")) {
					parts.add(p + " IS NULL");
				}
				continue;
			}
			if (kind == ScalarKind.DATE && List.of("gt", "gte", "lt", "lte", "startsWith").contains(op.getKey())) {
				parts.add(boundedDate(p, op.getKey(), param(v)));
				continue;
			}
			parts.add(switch (op.getKey()) {
				case "eq" -> p + " = " + param(v);
				case "in" -> p + " IN " + param(v);
				case "contains" -> p + " CONTAINS " + param(v);
				case "startsWith" -> p + " STARTS WITH " + param(v);
				case "endsWith" -> p + " ENDS WITH " + param(v);
				case "gt" -> p + " > " + param(v);
				case "gte" -> p + " >= " + param(v);
				case "lt" -> p + " < " + param(v);
				case "lte" -> p + " <= " + param(v);
				case "includes" -> param(v) + " IN " + p;
				case "someContains" -> "any(x IN " + p + " WHERE toLower(x) CONTAINS toLower(" + param(v) + "))";
				// the stored list is read once (iterating the argument would read it once per value)
				case "includesAny" -> "any(x IN " + p + " WHERE x IN " + param(v) + ")";
				case "includesAll" -> "all(x IN " + param(v) + " WHERE x IN " + p + ")";
				default -> throw new BadRequestException("Unknown operator " + op.getKey() + " on " + name);
			});
		}
		return parts;
	}

	/**
	 * A comparison on a date that may be bounded ({@code ..2010}): it holds for a bounded date only when it holds
	 * for every date the bound allows. The plain text comparison comes first so that a range index can serve it;
	 * it holds for every bounded date that passes the second test.
	 */
	private static String boundedDate(String p, String op, String v) {
		return switch (op) {
			case "gt" -> "(" + p + " > " + v + " AND (NOT " + p + " CONTAINS '..' OR " + PartialDates.earliestCypher(p) + " > " + v + "))";
			case "gte" -> "(" + p + " >= " + v + " AND (NOT " + p + " CONTAINS '..' OR " + PartialDates.earliestCypher(p) + " >= " + v + "))";
			case "lt" -> "(" + p + " < " + v + " AND (NOT " + p + " CONTAINS '..' OR " + PartialDates.latestCypher(p) + " < " + v + "))";
			case "lte" -> "(" + p + " <= " + v + " AND (NOT " + p + " CONTAINS '..' OR " + PartialDates.latestCypher(p) + " <= " + v + "))";
			default -> "(" + p + " STARTS WITH " + v + " AND (NOT " + p + " CONTAINS '..' OR " + PartialDates.latestCypher(p) + " STARTS WITH " + v
					+ "))";
		};
	}

	@SuppressWarnings("unchecked")
	private List<String> relationship(String variable, RelField rel, Map<String, Object> filter) {
		NodeType target = this.model.filterType(rel).orElseThrow(() -> new BadRequestException("Cannot filter through " + rel.name()));
		String other = "n" + (this.counter++);
		String pattern = "(" + variable + ")" + arrow(rel, "") + "(" + other + ":" + labels(rel) + ")";
		List<String> parts = new ArrayList<>();
		for (Map.Entry<String, Object> op : filter.entrySet()) {
			if (op.getValue() == null) {
				continue;
			}
			String condition = where(target, other, (Map<String, Object>) op.getValue());
			parts.add(switch (op.getKey()) {
				case "some" -> "EXISTS { MATCH " + pattern + " WHERE " + condition + " }";
				case "none" -> "NOT EXISTS { MATCH " + pattern + " WHERE " + condition + " }";
				case "all" -> "NOT EXISTS { MATCH " + pattern + " WHERE NOT (" + condition + ") }";
				case "single" -> "COUNT { MATCH " + pattern + " WHERE " + condition + " } = 1";
				default -> throw new BadRequestException("Unknown relationship operator " + op.getKey() + " on " + rel.name());
			});
		}
		return parts;
	}

	/**
	 * ORDER BY items for {@code variable}, always ending with the id so that pages are stable. Besides
	 * properties, a sort key {@code <relationship field>Count} orders by the number of related nodes.
	 */
	@SuppressWarnings("unchecked")
	String orderBy(NodeType type, String variable, List<Object> sort) {
		List<String> items = new ArrayList<>();
		if (sort != null) {
			for (Object element : sort) {
				for (Map.Entry<String, Object> entry : ((Map<String, Object>) element).entrySet()) {
					if (entry.getValue() == null) {
						continue;
					}
					String direction = "DESC".equals(String.valueOf(entry.getValue())) ? "DESC" : "ASC";
					items.add(sortKey(type, variable, entry.getKey()) + " " + direction);
				}
			}
		}
		if (items.stream().noneMatch(i -> i.startsWith(variable + ".`id` "))) {
			items.add(variable + ".`id` ASC");
		}
		return String.join(", ", items);
	}

	private String sortKey(NodeType type, String variable, String key) {
		ScalarKind kind = type.properties().get(key);
		if (kind != null && kind.sortable()) {
			return variable + ".`" + key + "`";
		}
		if (key.endsWith(COUNT_SUFFIX)) {
			RelField rel = type.relationships().get(key.substring(0, key.length() - COUNT_SUFFIX.length()));
			if (rel != null) {
				return "COUNT { (" + variable + ")" + arrow(rel, "") + "(:" + labels(rel) + ") }";
			}
		}
		throw new BadRequestException("Cannot sort " + type.name() + " by " + key);
	}

	/** The relationship pattern of a field, seen from its declaring type. */
	static String arrow(RelField rel, String variable) {
		return rel.outgoing() ? "-[" + variable + ":`" + rel.relType() + "`]->" : "<-[" + variable + ":`" + rel.relType() + "`]-";
	}

	/** The label expression of a relationship field's target: one label, or several for a union. */
	String labels(RelField rel) {
		return rel.targetNodeTypes().stream().map(t -> "`" + this.model.node(t).label() + "`").collect(java.util.stream.Collectors.joining("|"));
	}

}
