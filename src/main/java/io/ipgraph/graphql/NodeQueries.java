package io.ipgraph.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import graphql.schema.SelectedField;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EntityRow;
import io.ipgraph.model.GraphModel;
import io.ipgraph.model.GraphModel.NodeType;
import io.ipgraph.model.GraphModel.RelField;
import io.ipgraph.store.Entities;
import io.ipgraph.store.GraphStore;
import org.neo4j.cypherdsl.core.Condition;
import org.neo4j.cypherdsl.core.Cypher;
import org.neo4j.cypherdsl.core.Expression;
import org.neo4j.cypherdsl.core.MapProjection;
import org.neo4j.cypherdsl.core.Node;
import org.neo4j.cypherdsl.core.Relationship;
import org.neo4j.cypherdsl.core.SortItem;
import org.neo4j.cypherdsl.core.Statement;
import org.neo4j.cypherdsl.core.SymbolicName;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The Cypher behind the generated GraphQL fields. Every method is one round trip, whatever the number of
 * parents it serves: relationship fields, citations and disputes are loaded for a whole batch of parents.
 * A node query also loads, in the same round trip, the relationship fields selected below it (nested
 * {@code COLLECT} subqueries, see {@link #projection}), so a typical request is answered by one query; what it
 * cannot load that way (fields of union targets, deep nesting, over-full lists) goes through {@link #relations}.
 */
public final class NodeQueries {

	/** Key of a node row that names its GraphQL type. */
	static final String TYPENAME = EntityRow.TYPENAME;

	/** Prefix of the keys of a node row that hold a relationship field loaded with the node, by result key. */
	static final String PREFETCHED = "__rel_";

	/** What {@link #prefetched} answers for a field that did not come with its parent. */
	static final Object NOT_LOADED = new Object();

	/** Levels of relationship fields loaded with their root node; deeper ones are batched per level. */
	private static final int PREFETCH_DEPTH = 4;

	private final GraphModel model;

	private final Reader reader;

	private final int maxRelated;

	private final Entities entities;

	private final PrintedPlans printed;

	/**
	 * @param reader runs a planned read: the store's gateway ({@link GraphStore#read}), which adds the reader's
	 * visibility; a translation test passes one that keeps the plans and answers nothing
	 */
	NodeQueries(GraphModel model, Reader reader, Entities entities, int maxRelated) {
		this(model, reader, entities, maxRelated, true);
	}

	/** @param keepPrintedPlans whether plans of one shape share their printed text ({@link PrintedPlans}) */
	NodeQueries(GraphModel model, Reader reader, Entities entities, int maxRelated, boolean keepPrintedPlans) {
		this.entities = entities;
		this.model = model;
		this.reader = reader;
		this.maxRelated = maxRelated;
		this.printed = new PrintedPlans(maxRelated, keepPrintedPlans);
	}

	/** Runs a read query with its parameters and returns its records. */
	@FunctionalInterface
	interface Reader {

		List<Record> read(String cypher, Map<String, Object> parameters);

	}

	/** A relationship field of one parent, requested with these arguments. */
	record RelKey(String type, String field, String parentId, Map<String, Object> arguments) {
	}

	/** Marks a relationship field whose parent has more related nodes than the cap allows. */
	record TooMany(String message) {
	}

	Map<String, Object> byId(NodeType type, String id, List<SelectedField> selection) {
		List<Record> records = read(byIdPlan(type, id, selection));
		return records.isEmpty() ? null : EntityRow.node(records.getFirst().get("node"), type.name());
	}

	ReadPlan byIdPlan(NodeType type, String id, List<SelectedField> selection) {
		CypherFilters filters = new CypherFilters(this.model);
		Node n = Cypher.node(type.label()).named("n");
		return this.printed.plan(this.printed.shape("byId", type.name(), selection), Cypher.match(n.withProperties("id", filters.param(id)))
			.where(GraphStore.visible(n))
			.returning(projection(type, n, selection, filters, 0).as("node"))
			.build(), filters.parameters());
	}

	List<Map<String, Object>> list(NodeType type, Map<String, Object> where, List<Object> sort, int offset, int limit,
			List<SelectedField> selection) {
		return read(listPlan(type, where, sort, offset, limit, selection)).stream()
			.map(r -> EntityRow.node(r.get("node"), type.name()))
			.toList();
	}

	/** A page of nodes: match, filter, order (ending with the id), page, projection. */
	ReadPlan listPlan(NodeType type, Map<String, Object> where, List<Object> sort, int offset, int limit, List<SelectedField> selection) {
		CypherFilters filters = new CypherFilters(this.model);
		Node n = Cypher.node(type.label()).named("n");
		Condition condition = filters.where(type, n, where);
		List<SortItem> order = filters.orderBy(type, n, sort);
		return this.printed.plan(this.printed.shape("list", type.name(), where, sort, selection), Cypher.match(n)
			.where(GraphStore.visible(n).and(condition))
			.with(n)
			.orderBy(order)
			.skip(filters.param(offset))
			.limit(filters.param(limit))
			.returning(projection(type, n, selection, filters, 0).as("node"))
			.build(), filters.parameters());
	}

	long count(NodeType type, Map<String, Object> where) {
		return read(countPlan(type, where)).getFirst().get("total").asLong();
	}

	ReadPlan countPlan(NodeType type, Map<String, Object> where) {
		CypherFilters filters = new CypherFilters(this.model);
		Node n = Cypher.node(type.label()).named("n");
		return this.printed.plan(this.printed.shape("count", type.name(), where),
				Cypher.match(n).where(GraphStore.visible(n).and(filters.where(type, n, where))).returning(Cypher.count(n).as("total")).build(),
				filters.parameters());
	}

	private List<Record> read(ReadPlan plan) {
		return this.reader.read(plan.cypher(), plan.parameters());
	}

	/**
	 * The map projection of a node with the relationship fields selected below it, each as a {@code COLLECT}
	 * subquery under the key {@link #PREFETCHED} + its result key, with the same filter, order and cap as
	 * {@link #relations}. A field it cannot plan (a bad argument, a union target's fields) is left to the loader,
	 * which also reports its errors at the field's own path.
	 */
	@SuppressWarnings("unchecked")
	MapProjection projection(NodeType type, Node node, List<SelectedField> selection, CypherFilters filters, int depth) {
		List<Object> entries = new ArrayList<>(properties(type, selection));
		Set<String> planned = new HashSet<>();
		for (SelectedField field : depth < PREFETCH_DEPTH ? selection : List.<SelectedField>of()) {
			RelField rel = type.relationships().get(field.getName());
			if (rel == null || !field.getObjectTypeNames().contains(type.name()) || !planned.add(field.getResultKey())) {
				continue;
			}
			Map<String, Object> arguments = field.getArguments();
			Integer limit = arguments.get("limit") instanceof Integer i ? i : null;
			if (limit != null && (limit < 0 || limit > this.maxRelated)) {
				continue;
			}
			Node m = filters.target(rel, filters.variable("m"));
			Relationship r = CypherFilters.pattern(node, rel, m).named(filters.variable("r"));
			Condition condition = Cypher.noCondition();
			List<SortItem> order = List.of(m.property("id").ascending());
			Expression nested = m.project(Cypher.asterisk());
			try {
				if (rel.targetNode() != null) {
					NodeType target = this.model.node(rel.targetNode());
					condition = filters.where(target, m, (Map<String, Object>) arguments.get("where"));
					order = filters.orderBy(target, m, (List<Object>) arguments.get("sort"));
					nested = projection(target, m, rel.linkType() != null ? below(field, "node") : field.getSelectionSet().getImmediateFields(),
							filters, depth + 1);
				}
			}
			catch (BadRequestException ex) {
				continue;
			}
			// one more than the cap, so that an over-full list is seen (and left to the loader, which reports it)
			int take = limit != null ? limit : this.maxRelated + 1;
			Statement related = Cypher.match(r)
				.where(GraphStore.visible(m).and(condition))
				.with(r.getRequiredSymbolicName(), m.getRequiredSymbolicName())
				.orderBy(order)
				.limit(filters.param(take))
				.returning(Cypher.mapOf("node", nested, "labels", Cypher.labels(m), "rel",
						rel.linkType() != null ? Cypher.properties(r) : Cypher.mapOf()))
				.build();
			entries.add(PREFETCHED + field.getResultKey());
			entries.add(Cypher.collect(related));
		}
		return node.project(entries);
	}

	/**
	 * The properties a node's map projection reads: the stored properties its selection asks for and its id (which
	 * the loaders of its other fields need), or all of them ({@code .*}) when a selected field needs more than a
	 * property of its own name (citations, disputes) or is not one the model knows. A company with its marks and
	 * lawsuits by id no longer reads every name, alias, quote and source list along the way.
	 */
	static List<Object> properties(NodeType type, List<SelectedField> selection) {
		Set<String> keys = new LinkedHashSet<>();
		keys.add("id");
		for (SelectedField field : selection) {
			if (!field.getObjectTypeNames().contains(type.name()) || field.getName().equals("__typename")
					|| type.relationships().containsKey(field.getName())) {
				continue;
			}
			if (!type.properties().containsKey(field.getName())) {
				return List.of(Cypher.asterisk());
			}
			// a name from the schema (checked to be an identifier when the model was read), never from the request
			keys.add(field.getName());
		}
		return List.copyOf(keys);
	}

	/** The fields selected below the sub-fields named {@code name} of a field (e.g. the {@code node} of a link). */
	static List<SelectedField> below(SelectedField field, String name) {
		List<SelectedField> fields = new ArrayList<>();
		for (SelectedField child : field.getSelectionSet().getImmediateFields()) {
			if (child.getName().equals(name)) {
				fields.addAll(child.getSelectionSet().getImmediateFields());
			}
		}
		return fields;
	}

	/**
	 * A relationship field loaded with its parent node, in the shape {@link #relations} gives; {@link #NOT_LOADED} when
	 * it was not loaded that way, or when it holds more than the cap and no {@code limit} was given (the loader reports that).
	 */
	Object prefetched(RelField rel, Map<?, ?> parent, String resultKey, Integer limit) {
		if (!(parent.get(PREFETCHED + resultKey) instanceof List<?> rows) || (limit == null && rows.size() > this.maxRelated)) {
			return NOT_LOADED;
		}
		List<Object> items = new ArrayList<>();
		for (Object row : rows) {
			Map<?, ?> item = (Map<?, ?>) row;
			items.add(item(rel, asMap(item.get("node")), (List<?>) item.get("labels"), asMap(item.get("rel"))));
		}
		return rel.list() ? items : items.isEmpty() ? null : items.getFirst();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value) {
		return (Map<String, Object>) value;
	}

	/** One item of a relationship field: the related node, or for a link type the relationship's properties with it. */
	private Object item(RelField rel, Map<String, Object> properties, List<?> labels, Map<String, Object> relationship) {
		Map<String, Object> node = new HashMap<>(properties);
		node.put(TYPENAME, this.model.typeForLabels(labels.stream().map(String::valueOf).toList()));
		if (rel.linkType() == null) {
			return node;
		}
		Map<String, Object> link = new HashMap<>(relationship);
		link.put("node", node);
		return link;
	}

	/** Any entity by id: one index lookup per label, in one query. */
	Map<String, Object> entity(String id) {
		return this.entities.find(id).orElse(null);
	}

	/**
	 * Loads one relationship field for many parents. Keys with the same field and arguments share a query, so
	 * the number of round trips depends on the shape of the request, not on the number of parents.
	 */
	@SuppressWarnings("unchecked")
	Map<RelKey, Object> relations(Set<RelKey> keys) {
		Map<RelKey, Object> result = new HashMap<>();
		Map<List<Object>, List<RelKey>> groups = keys.stream()
			.collect(Collectors.groupingBy(k -> List.of(k.type(), k.field(), k.arguments()), LinkedHashMap::new,
					Collectors.toList()));
		for (List<RelKey> group : groups.values()) {
			RelKey first = group.getFirst();
			NodeType parent = this.model.node(first.type());
			RelField rel = parent.relationships().get(first.field());
			Integer limit = (Integer) first.arguments().get("limit");
			if (limit != null && (limit < 0 || limit > this.maxRelated)) {
				throw new BadRequestException("limit on " + parent.name() + "." + rel.name() + " must be between 0 and " + this.maxRelated);
			}
			ReadPlan plan = relationsPlan(parent, rel, first.arguments(), group.stream().map(RelKey::parentId).distinct().toList(),
					limit != null ? limit : this.maxRelated);
			Map<String, Record> byParent = new HashMap<>();
			for (Record record : read(plan)) {
				byParent.put(record.get("pid").asString(), record);
			}
			for (RelKey key : group) {
				Record record = byParent.get(key.parentId());
				List<Object> items = new ArrayList<>();
				if (record != null) {
					if (limit == null && record.get("total").asInt() > this.maxRelated) {
						result.put(key, new TooMany(parent.name() + " " + key.parentId() + " has " + record.get("total").asInt()
								+ " related nodes in " + rel.name() + ", more than the cap of " + this.maxRelated
								+ "; pass `limit` and `where` to narrow it"));
						continue;
					}
					for (Value item : record.get("items").values()) {
						items.add(item(rel, item.get("node").asMap(), item.get("labels").asList(Value::asString), item.get("rel").asMap()));
					}
				}
				if (rel.list()) {
					result.put(key, items);
				}
				else if (!items.isEmpty()) {
					result.put(key, items.getFirst());
				}
			}
		}
		return result;
	}

	/**
	 * One relationship field for a batch of parents: per parent, its related nodes in order, cut to {@code take}, and
	 * how many there are (to tell an over-full list).
	 */
	@SuppressWarnings("unchecked")
	ReadPlan relationsPlan(NodeType parent, RelField rel, Map<String, Object> arguments, List<String> parentIds, int take) {
		CypherFilters filters = new CypherFilters(this.model);
		SymbolicName pid = Cypher.name("pid");
		SymbolicName items = Cypher.name("items");
		Node m = filters.target(rel, "m");
		Relationship r = CypherFilters.pattern(Cypher.node(parent.label()).named("p").withProperties("id", pid), rel, m).named("r");
		Condition condition = Cypher.noCondition();
		List<SortItem> order = List.of(m.property("id").ascending());
		NodeType target = this.model.filterType(rel).orElse(null);
		if (target != null) {
			condition = filters.where(target, m, (Map<String, Object>) arguments.get("where"));
			order = filters.orderBy(target, m, (List<Object>) arguments.get("sort"));
		}
		return this.printed.plan(this.printed.shape("related", parent.name(), rel.name(), arguments.get("where"), arguments.get("sort")),
				Cypher.unwind(filters.param("ids", parentIds))
			.as(pid)
			.match(r)
			.where(GraphStore.visible(m).and(condition))
			.with(pid, r.getRequiredSymbolicName(), m.getRequiredSymbolicName())
			.orderBy(order)
			.with(pid, Cypher.collect(Cypher.mapOf("node", m.project(Cypher.asterisk()), "labels", Cypher.labels(m), "rel", Cypher.properties(r)))
				.as(items))
			.returning(pid, Cypher.subList(items, Cypher.literalOf(0), filters.param(take)).as("items"), Cypher.size(items).as("total"))
			.build(), filters.parameters());
	}

	/** Source nodes by id. */
	Map<String, Map<String, Object>> sources(Set<String> ids) {
		Map<String, Map<String, Object>> result = new HashMap<>();
		// an analyst's judgement is the source of the links it makes (SAME_AS), cited like any other source
		for (Record r : this.reader.read("""
				CALL () {
				  MATCH (s:Source) WHERE s.id IN $ids RETURN s {.*} AS node
				  UNION
				  MATCH (j:Judgement) WHERE j.id IN $ids
				  RETURN {id: j.id, kind: 'analyst-judgement', note: j.reason, retrievedOn: left(j.at, 10),
				          title: toLower(j.decision) + ' judgement by ' + j.by + CASE j.status WHEN 'UNDONE' THEN ' (undone)' ELSE '' END} AS node
				}
				RETURN node""", Map.of("ids", List.copyOf(ids)))) {
			Map<String, Object> node = EntityRow.node(r.get("node"), "Source");
			result.put((String) node.get("id"), node);
		}
		return result;
	}

	/** Disputed facts of many entities: their assertions, grouped by property. */
	Map<String, List<Map<String, Object>>> disputes(Set<String> subjectIds) {
		Map<String, List<Map<String, Object>>> result = new HashMap<>();
		List<Record> records = this.reader.read("""
				MATCH (a:Assertion) WHERE a.subjectId IN $ids
				WITH a ORDER BY a.property, a.id
				WITH a.subjectId AS subject, a.property AS property, collect(a {.*}) AS claims
				RETURN subject, property, claims ORDER BY subject, property""", Map.of("ids", List.copyOf(subjectIds)));
		for (Record r : records) {
			List<Map<String, Object>> claims = r.get("claims").asList(v -> EntityRow.node(v, "Assertion"));
			result.computeIfAbsent(r.get("subject").asString(), k -> new ArrayList<>())
				.add(Map.of("property", r.get("property").asString(), "claims", claims));
		}
		return result;
	}

	/**
	 * Full-text search over names, aliases, texts, numbers and titles. The properties are read for the hits kept
	 * only, after the cut to {@code limit}, not for every candidate fetched to filter by kind.
	 */
	public List<Map<String, Object>> search(String query, Collection<String> labels, int limit) {
		String lucene = LuceneQuery.of(query);
		List<Record> records = this.reader.read("""
				CALL db.index.fulltext.queryNodes('entity_search', $query, {limit: $fetch}) YIELD node, score
				WHERE ($labels IS NULL OR any(l IN labels(node) WHERE l IN $labels)) AND %s
				WITH node, score ORDER BY score DESC LIMIT $limit
				RETURN node {.*} AS node, labels(node) AS labels, score""".formatted(GraphStore.visible("node")), parameters("query", lucene, "labels", labels, "limit", limit,
				"fetch", labels == null ? limit : limit * 10));
		List<Map<String, Object>> hits = new ArrayList<>();
		for (Record r : records) {
			String type = this.model.typeForLabels(r.get("labels").asList(Value::asString));
			hits.add(Map.of("score", r.get("score").asDouble(), "kind", type, "node", EntityRow.node(r.get("node"), type)));
		}
		return hits;
	}

	private static Map<String, Object> parameters(Object... keyValues) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put((String) keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

}
