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
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.Labels;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Parameter;
import org.neo4j.cypherdsl.core.Property;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.SortItem;
import org.neo4j.cypherdsl.core.SymbolicName;

/**
 * Turns a {@code Where} input into a Cypher-DSL condition and a {@code Sort} list into ORDER BY items, for one
 * statement: it numbers the statement's parameters and variables. Every value becomes a parameter; property names,
 * labels and relationship types come from the {@link GraphModel} (checked identifiers from the schema), so a request
 * can never change the shape of the query.
 */
final class CypherFilters {

	/** Suffix of the sort keys that order by a relationship count, e.g. {@code lawsuitsCount}. */
	static final String COUNT_SUFFIX = "Count";

	private static final Expression BOUND = Cypher.literalOf("..");

	private final GraphModel model;

	private final Map<String, Object> parameters = new HashMap<>();

	private int counter;

	CypherFilters(GraphModel model) {
		this.model = model;
	}

	/** A new parameter of the statement, holding {@code value} (never null). */
	Parameter<Object> param(Object value) {
		String name = "p" + (this.counter++);
		this.parameters.put(name, value);
		return Cypher.parameter(name, value);
	}

	/** A parameter the caller names, e.g. the ids of a batch of parents. */
	Parameter<Object> param(String name, Object value) {
		this.parameters.put(name, value);
		return Cypher.parameter(name, value);
	}

	/**
	 * The parameters given out so far with their values. A part of a plan left out after its parameters were given
	 * (a relationship field left to the loader) leaves them here unused, which Neo4j ignores.
	 */
	Map<String, Object> parameters() {
		return this.parameters;
	}

	/** A fresh variable name for the statement being built. */
	String variable(String prefix) {
		return prefix + (this.counter++);
	}

	/** A node of one of the types a relationship field leads to (a union's types as a label disjunction). */
	Node target(RelField rel) {
		Labels labels = null;
		for (String name : rel.targetNodeTypes()) {
			Labels label = Cypher.exactlyLabel(this.model.node(name).label());
			labels = labels == null ? label : labels.or(label);
		}
		return Cypher.node(labels);
	}

	/** {@link #target(RelField)} bound to {@code variable}. */
	Node target(RelField rel, String variable) {
		return target(rel).named(variable);
	}

	/** The relationship of a field from {@code from} to {@code to}, seen from its declaring type. */
	static Relationship pattern(Node from, RelField rel, Node to) {
		return rel.outgoing() ? from.relationshipTo(to, rel.relType()) : from.relationshipFrom(to, rel.relType());
	}

	/** A condition on {@code node} (of {@code type}); {@link Cypher#noCondition()} for no filter. */
	Condition where(NodeType type, Node node, Map<String, Object> where) {
		Condition filter = filter(type, node, where);
		return filter != null ? filter : Cypher.noCondition();
	}

	/**
	 * The condition of a filter, or null when it has none. An empty filter holds for every node, so inside OR and
	 * NOT it counts as {@code true} ({@link #holds}), not as nothing: {@code OR: [{}, {...}]} keeps every node.
	 */
	@SuppressWarnings("unchecked")
	private Condition filter(NodeType type, Node node, Map<String, Object> where) {
		if (where == null) {
			return null;
		}
		Condition condition = null;
		for (Map.Entry<String, Object> entry : where.entrySet()) {
			String key = entry.getKey();
			Object value = entry.getValue();
			Condition part = switch (key) {
				case "AND", "OR" -> {
					if (value == null) {
						yield null;
					}
					Condition nested = Cypher.literalOf(key.equals("AND")).asCondition();
					List<Object> items = (List<Object>) value;
					for (int i = 0; i < items.size(); i++) {
						Condition each = holds(filter(type, node, (Map<String, Object>) items.get(i)));
						nested = i == 0 ? each : key.equals("AND") ? nested.and(each) : nested.or(each);
					}
					yield nested;
				}
				case "NOT" -> value == null ? null : holds(filter(type, node, (Map<String, Object>) value)).not();
				default -> {
					if (type.properties().containsKey(key)) {
						yield property(node.property(key), key, type.properties().get(key), value);
					}
					if (type.relationships().containsKey(key)) {
						yield value == null ? null : relationship(node, type.relationships().get(key), (Map<String, Object>) value);
					}
					throw new BadRequestException("Unknown filter field " + key + " on " + type.name());
				}
			};
			if (part != null) {
				condition = condition == null ? part : condition.and(part);
			}
		}
		return condition;
	}

	/** A filter's condition, or {@code true} for an empty one. */
	private static Condition holds(Condition filter) {
		return filter != null ? filter : Cypher.literalTrue().asCondition();
	}

	@SuppressWarnings("unchecked")
	private Condition property(Property p, String name, ScalarKind kind, Object filter) {
		if (kind == ScalarKind.BOOLEAN) {
			return filter == null ? p.isNull() : p.isEqualTo(param(filter));
		}
		if (filter == null) {
			return null;
		}
		Condition condition = null;
		for (Map.Entry<String, Object> op : ((Map<String, Object>) filter).entrySet()) {
			Object v = op.getValue();
			if (v == null) {
				if (op.getKey().equals("eq")) {
					condition = and(condition, p.isNull());
				}
				continue;
			}
			if (kind == ScalarKind.DATE && List.of("gt", "gte", "lt", "lte", "startsWith").contains(op.getKey())) {
				condition = and(condition, boundedDate(p, op.getKey(), param(v)));
				continue;
			}
			SymbolicName x = Cypher.name("x");
			condition = and(condition, switch (op.getKey()) {
				case "eq" -> p.isEqualTo(param(v));
				case "in" -> p.in(param(v));
				case "contains" -> p.contains(param(v));
				case "startsWith" -> p.startsWith(param(v));
				case "endsWith" -> p.endsWith(param(v));
				case "gt" -> p.gt(param(v));
				case "gte" -> p.gte(param(v));
				case "lt" -> p.lt(param(v));
				case "lte" -> p.lte(param(v));
				case "includes" -> param(v).in(p);
				case "someContains" -> Cypher.any(x).in(p).where(Cypher.toLower(x).contains(Cypher.toLower(param(v))));
				// the stored list is read once (iterating the argument would read it once per value)
				case "includesAny" -> Cypher.any(x).in(p).where(x.in(param(v)));
				case "includesAll" -> Cypher.all(x).in(param(v)).where(x.in(p));
				default -> throw new BadRequestException("Unknown operator " + op.getKey() + " on " + name);
			});
		}
		return condition;
	}

	/**
	 * A comparison on a date that may be bounded ({@code ..2010}): it holds for a bounded date only when it holds
	 * for every date the bound allows. The plain text comparison comes first so that a range index can serve it;
	 * it holds for every bounded date that passes the second test.
	 */
	private static Condition boundedDate(Property p, String op, Parameter<Object> v) {
		Expression earliest = Cypher.caseExpression()
			.when(p.startsWith(BOUND)).then(Cypher.literalNull())
			.when(p.contains(BOUND)).then(Cypher.valueAt(Cypher.split(p, BOUND), 0))
			.elseDefault(p);
		Expression latest = Cypher.caseExpression()
			.when(p.endsWith(BOUND)).then(Cypher.literalNull())
			.when(p.contains(BOUND)).then(Cypher.valueAt(Cypher.split(p, BOUND), 1))
			.elseDefault(p);
		Condition exact = p.contains(BOUND).not();
		return switch (op) {
			case "gt" -> p.gt(v).and(exact.or(earliest.gt(v)));
			case "gte" -> p.gte(v).and(exact.or(earliest.gte(v)));
			case "lt" -> p.lt(v).and(exact.or(latest.lt(v)));
			case "lte" -> p.lte(v).and(exact.or(latest.lte(v)));
			default -> p.startsWith(v).and(exact.or(latest.startsWith(v)));
		};
	}

	@SuppressWarnings("unchecked")
	private Condition relationship(Node node, RelField rel, Map<String, Object> filter) {
		NodeType targetType = this.model.filterType(rel).orElseThrow(() -> new BadRequestException("Cannot filter through " + rel.name()));
		Node other = target(rel, variable("n"));
		Relationship pattern = pattern(node, rel, other);
		Condition condition = null;
		for (Map.Entry<String, Object> op : filter.entrySet()) {
			if (op.getValue() == null) {
				continue;
			}
			Condition nested = filter(targetType, other, (Map<String, Object>) op.getValue());
			condition = and(condition, switch (op.getKey()) {
				case "some" -> exists(pattern, nested);
				case "none" -> exists(pattern, nested).not();
				case "all" -> exists(pattern, holds(nested).not()).not();
				case "single" -> (nested == null ? Cypher.count(pattern) : Cypher.count(pattern).where(nested)).isEqualTo(Cypher.literalOf(1));
				default -> throw new BadRequestException("Unknown relationship operator " + op.getKey() + " on " + rel.name());
			});
		}
		return condition;
	}

	/** {@code EXISTS { MATCH pattern WHERE condition }}, without the WHERE for no condition. */
	private static Condition exists(Relationship pattern, Condition condition) {
		return condition == null ? Cypher.match(pattern).asCondition() : Cypher.match(pattern).where(condition).asCondition();
	}

	private static Condition and(Condition left, Condition right) {
		return left == null ? right : left.and(right);
	}

	/**
	 * ORDER BY items for {@code node}, always ending with the id so that pages are stable. Besides properties, a
	 * sort key {@code <relationship field>Count} orders by the number of related nodes.
	 */
	@SuppressWarnings("unchecked")
	List<SortItem> orderBy(NodeType type, Node node, List<Object> sort) {
		List<SortItem> items = new ArrayList<>();
		boolean byId = false;
		if (sort != null) {
			for (Object element : sort) {
				for (Map.Entry<String, Object> entry : ((Map<String, Object>) element).entrySet()) {
					if (entry.getValue() == null) {
						continue;
					}
					byId |= entry.getKey().equals("id");
					Expression key = sortKey(type, node, entry.getKey());
					items.add("DESC".equals(String.valueOf(entry.getValue())) ? key.descending() : key.ascending());
				}
			}
		}
		if (!byId) {
			items.add(node.property("id").ascending());
		}
		return items;
	}

	private Expression sortKey(NodeType type, Node node, String key) {
		ScalarKind kind = type.properties().get(key);
		if (kind != null && kind.sortable()) {
			return node.property(key);
		}
		if (key.endsWith(COUNT_SUFFIX)) {
			RelField rel = type.relationships().get(key.substring(0, key.length() - COUNT_SUFFIX.length()));
			if (rel != null) {
				return Cypher.count(pattern(node, rel, target(rel)));
			}
		}
		throw new BadRequestException("Cannot sort " + type.name() + " by " + key);
	}

}
