package io.ipgraph.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.schema.SelectedField;
import org.neo4j.cypherdsl.core.Statement;

/**
 * The Cypher texts of plans already printed, by the shape of the request that made them. Printing a statement is the
 * largest part of planning a read (about 60% on a typical node query), and the text depends on the shape of a
 * request only: the type, the fields selected and their aliases, the names and operators of its filters, whether a
 * value is given or null, sort keys and directions, whether a field's {@code limit} is in range. Values never reach the
 * text (they are parameters), so requests of one shape share one printed text, each with its own parameters. The
 * statement is still built for every request: that is where its parameters are collected.
 */
final class PrintedPlans {

	/** Shapes kept at most; past it, plans are printed each time (a request mix this varied gains little from it). */
	static final int MAX_SHAPES = 4096;

	private final Map<String, String> texts = new ConcurrentHashMap<>();

	private final int maxRelated;

	private final boolean enabled;

	PrintedPlans(int maxRelated, boolean enabled) {
		this.maxRelated = maxRelated;
		this.enabled = enabled;
	}

	/** The plan of {@code statement}, printed once per {@code shape}. */
	ReadPlan plan(String shape, Statement statement, Map<String, Object> parameters) {
		if (!this.enabled) {
			return ReadPlan.of(statement, parameters);
		}
		String text = this.texts.get(shape);
		if (text == null) {
			text = ReadPlan.of(statement, parameters).cypher();
			if (this.texts.size() < MAX_SHAPES) {
				this.texts.putIfAbsent(shape, text);
			}
		}
		return new ReadPlan(text, Map.copyOf(parameters));
	}

	/** The shape of a request: its parts (names, and arguments or selections as {@link #value} and {@link #shape} give them). */
	String shape(Object... parts) {
		StringBuilder out = new StringBuilder();
		for (Object part : parts) {
			if (part instanceof List<?> list && !list.isEmpty() && list.getFirst() instanceof SelectedField) {
				@SuppressWarnings("unchecked")
				List<SelectedField> fields = (List<SelectedField>) list;
				selection(out, fields);
			}
			else if (part instanceof String name) {
				out.append(name);
			}
			else {
				value(out, part);
			}
			out.append('|');
		}
		return out.toString();
	}

	private void selection(StringBuilder out, List<SelectedField> selection) {
		out.append('[');
		for (SelectedField field : selection) {
			out.append(field.getName()).append(':').append(field.getResultKey()).append(field.getObjectTypeNames()).append('(');
			for (Map.Entry<String, Object> argument : field.getArguments().entrySet()) {
				out.append(argument.getKey()).append('=');
				if (argument.getKey().equals("limit")) {
					out.append(argument.getValue() instanceof Integer limit ? (limit >= 0 && limit <= this.maxRelated ? "ok" : "out") : "none");
				}
				else {
					value(out, argument.getValue());
				}
				out.append(';');
			}
			out.append(')');
			selection(out, field.getSelectionSet().getImmediateFields());
		}
		out.append(']');
	}

	/**
	 * The shape of an argument: maps and lists as they are, with every value reduced to whether it is given, except a
	 * sort's directions, which are written into the text.
	 */
	static void value(StringBuilder out, Object value) {
		switch (value) {
			case null -> out.append('~');
			case Map<?, ?> map -> {
				out.append('{');
				map.forEach((key, item) -> {
					out.append(key).append(':');
					value(out, item);
					out.append(',');
				});
				out.append('}');
			}
			case List<?> list -> {
				out.append('<');
				for (Object item : list) {
					value(out, item);
					out.append(',');
				}
				out.append('>');
			}
			default -> {
				if (value.equals("ASC") || value.equals("DESC")) {
					out.append(value);
				}
				else {
					out.append('$');
				}
			}
		}
	}

}
