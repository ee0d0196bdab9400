package io.ipgraph.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Value;

/**
 * The shape in which an entity travels between the store and every feature: its properties as a map, with its
 * GraphQL type name under {@link #TYPENAME}.
 */
public final class EntityRow {

	/** Key of a node row that names its GraphQL type. */
	public static final String TYPENAME = "__typename";

	private EntityRow() {
	}

	/** A node row: the properties of {@code value} and its type name. */
	public static Map<String, Object> node(Value value, String typeName) {
		Map<String, Object> node = new HashMap<>(value.asMap());
		node.put(TYPENAME, typeName);
		return node;
	}

	/** The type name of a node row. */
	/** A list property of a row as strings (null items as ""); empty when the row has none. */
	public static List<String> strings(Object value) {
		return value instanceof List<?> list ? list.stream().map(v -> v == null ? "" : String.valueOf(v)).toList() : List.of();
	}

	public static String typeName(Map<String, ?> row) {
		Object type = row.get(TYPENAME);
		return type == null ? null : type.toString();
	}

	/**
	 * A registration's number as outputs print it: the number, or "(number not known)" for a registration whose id
	 * is {@code <office>:unnumbered:<key>}, so that the made-up key never passes for a number.
	 */
	public static String registrationNumber(Map<String, ?> registration) {
		Object number = registration.get("number");
		return number != null ? number.toString() : "(number not known)";
	}

}
