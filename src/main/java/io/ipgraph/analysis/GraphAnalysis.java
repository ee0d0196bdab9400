package io.ipgraph.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EntityRow;
import io.ipgraph.model.GraphModel;
import io.ipgraph.store.Entities;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;

import org.springframework.stereotype.Service;

/**
 * Paths and neighbourhoods. Paths use Neo4j's shortest-path search; neighbourhoods expand one hop per round
 * trip with a cap on each hop, so a hub with millions of links costs no more than the cap.
 */
@Service
public class GraphAnalysis {

	static final int MAX_PATH_HOPS = 8;

	/** Links an entity may have for an expansion to join it to everything drawn (beyond, only to the entity expanded). */
	static final int LINKS_TO_DRAWN = 1000;

	private final GraphStore store;

	private final GraphModel model;

	private final GraphRows rows;

	private final Entities entities;

	GraphAnalysis(GraphStore store, GraphModel model, Entities entities) {
		this.entities = entities;
		this.store = store;
		this.model = model;
		this.rows = new GraphRows(model);
	}

	/** Shortest paths between two entities. */
	public List<Map<String, Object>> paths(String from, String to, Integer maxHops, List<String> types, Integer limit) {
		int hops = GraphRows.bounded("maxHops", maxHops, 1, MAX_PATH_HOPS);
		int count = GraphRows.bounded("limit", limit, 1, 50);
		if (from.equals(to)) {
			throw new BadRequestException("from and to are the same entity");
		}
		String cypher = this.entities.visibleAnchor("from", "a") + " WITH a " + this.entities.visibleAnchor("to", "b") + " WITH a, b"
				+ " MATCH p = allShortestPaths((a)-[:" + this.rows.types(types) + "*1.." + hops + "]-(b))"
				// a retracted entity is no stop on any path
				+ " WHERE " + GraphStore.shownAlong("p")
				+ " WITH p LIMIT $limit"
				+ " RETURN [x IN nodes(p) | {node: x {.*}, labels: labels(x)}] AS nodes,"
				+ " [i IN range(0, size(relationships(p)) - 1) | {type: type(relationships(p)[i]),"
				+ " from: startNode(relationships(p)[i]).id, to: endNode(relationships(p)[i]).id,"
				+ " forward: startNode(relationships(p)[i]) = nodes(p)[i], props: properties(relationships(p)[i])}] AS hops";
		List<Record> records = this.store.read(cypher, Map.of("from", from, "to", to, "limit", count));
		if (records.isEmpty()) {
			requireEntity(from);
			requireEntity(to);
		}
		List<Map<String, Object>> paths = new ArrayList<>();
		for (Record record : records) {
			List<Map<String, Object>> nodes = record.get("nodes").asList(v -> this.rows.node(v.get("node"), v.get("labels")));
			List<Map<String, Object>> hopList = record.get("hops")
				.asList(v -> GraphRows.hop(v.get("type").asString(), v.get("from").asString(null), v.get("to").asString(null),
						v.get("forward").asBoolean(), v.get("props").asMap()));
			paths.add(Map.of("length", hopList.size(), "nodes", nodes, "hops", hopList));
		}
		return paths;
	}

	/** The entities and relationships up to {@code hops} away from one entity, capped per hop. */
	public Map<String, Object> neighbourhood(String id, Integer hops, List<String> types, Integer limit) {
		int depth = GraphRows.bounded("hops", hops, 1, 3);
		int cap = GraphRows.bounded("limit", limit, 1, 1000);
		Expansion expansion = expand(id, depth, this.rows.types(types), cap);
		Map<String, Object> result = new HashMap<>();
		result.put("center", expansion.center());
		result.put("nodes", new ArrayList<>(expansion.nodes().values()));
		result.put("relationships", expansion.relationships());
		result.put("truncated", expansion.truncated());
		return result;
	}

	/** What a breadth-first expansion found: nodes by element id (internal only), relationships, and whether a cap cut it. */
	record Expansion(Map<String, Object> center, Map<String, Map<String, Object>> nodes, List<Map<String, Object>> relationships,
			boolean truncated) {
	}

	/**
	 * The entities within {@code hops} relationships of one entity and the relationships among them, as a report
	 * draws them: jurisdictions and offices are reached but not passed through (they link everything in their
	 * territory), and at most {@code capPerHop} relationships are followed per hop.
	 */
	public Subgraph around(String id, int hops, int capPerHop) {
		Expansion expansion = expand(id, hops, this.rows.types(null), capPerHop, Set.of("Jurisdiction", "Office"));
		return new Subgraph(expansion.center(), List.copyOf(expansion.nodes().values()), expansion.relationships(), expansion.truncated());
	}

	/** Nodes (as GraphQL node rows) and relationships (as hops) around a center. */
	public record Subgraph(Map<String, Object> center, List<Map<String, Object>> nodes, List<Map<String, Object>> relationships,
			boolean truncated) {
	}

	Expansion expand(String id, int depth, String types, int capPerHop) {
		return expand(id, depth, types, capPerHop, Set.of());
	}

	private Expansion expand(String id, int depth, String types, int capPerHop, Set<String> ends) {
		List<Record> start = this.store.read(this.entities.visibleAnchor("id", "n") + " RETURN elementId(n) AS eid, n {.*} AS node, labels(n) AS labels",
				Map.of("id", id));
		if (start.isEmpty()) {
			throw new BadRequestException("No entity with id '" + id + "'");
		}
		Map<String, Object> center = this.rows.node(start.getFirst().get("node"), start.getFirst().get("labels"));
		Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
		nodes.put(start.getFirst().get("eid").asString(), center);
		Set<String> seenRelationships = new LinkedHashSet<>();
		List<Map<String, Object>> relationships = new ArrayList<>();
		List<String> frontier = new ArrayList<>(List.of(start.getFirst().get("eid").asString()));
		// entities merged with this one by accepted judgements are the same entity: they start at distance 0
		for (Record r : this.store.read("""
				MATCH (n) WHERE elementId(n) = $eid
				MATCH same = (n)-[:SAME_AS*1..20]-(m) WHERE %s
				WITH DISTINCT m MATCH (m)-[r:SAME_AS]->(o) WHERE %s
				RETURN DISTINCT elementId(r) AS rid, startNode(r).id AS from, o.id AS to, properties(r) AS props,
				       elementId(m) AS yid, m {.*} AS node, labels(m) AS labels""".formatted(GraphStore.shownAlong("same"), GraphStore.shown("o")),
				Map.of("eid", frontier.getFirst()))) {
			if (seenRelationships.add(r.get("rid").asString())) {
				relationships.add(GraphRows.hop(GraphRows.SAME_AS, r.get("from").asString(null), r.get("to").asString(null), true,
						r.get("props").asMap()));
			}
			String yid = r.get("yid").asString();
			if (!nodes.containsKey(yid)) {
				nodes.put(yid, this.rows.node(r.get("node"), r.get("labels")));
				frontier.add(yid);
			}
		}
		boolean truncated = false;
		for (int hop = 0; hop < depth && !frontier.isEmpty(); hop++) {
			List<Record> records = this.store.read("MATCH (x) WHERE elementId(x) IN $frontier MATCH (x)-[r:" + types + "]-(y)"
					+ " WHERE NOT elementId(r) IN $seen AND " + GraphStore.shown("y")
					+ " RETURN DISTINCT elementId(r) AS rid, type(r) AS type, startNode(r).id AS from, endNode(r).id AS to,"
					+ " properties(r) AS props, elementId(y) AS yid, y {.*} AS node, labels(y) AS labels LIMIT $limit",
					Map.of("frontier", frontier, "seen", List.copyOf(seenRelationships), "limit", capPerHop + 1));
			if (records.size() > capPerHop) {
				truncated = true;
				records = records.subList(0, capPerHop);
			}
			List<String> next = new ArrayList<>();
			for (Record r : records) {
				if (!seenRelationships.add(r.get("rid").asString())) {
					continue;
				}
				relationships.add(GraphRows.hop(r.get("type").asString(), r.get("from").asString(null), r.get("to").asString(null), true,
						r.get("props").asMap()));
				String yid = r.get("yid").asString();
				if (!nodes.containsKey(yid)) {
					Map<String, Object> node = this.rows.node(r.get("node"), r.get("labels"));
					nodes.put(yid, node);
					if (!ends.contains(node.get(EntityRow.TYPENAME))) {
						next.add(yid);
					}
				}
			}
			frontier = next;
		}
		return new Expansion(center, nodes, relationships, truncated);
	}

	/**
	 * A case's own chain, followed outward from the lawsuit (of a lawsuit, ruling or appeal id): its parties,
	 * court, marks and registrations (with their owners and marks), its rulings and their courts, the appeals
	 * and who filed them and where. Courts, parties and registrations are ends: their other cases stay out.
	 */
	Expansion caseChain(String id) {
		List<Record> records = this.store.read("""
				CALL () {
				  MATCH (l:Lawsuit {id: $id}) RETURN l
				  UNION MATCH (l:Lawsuit)-[:HAS_RULING]->(:Ruling {id: $id}) RETURN l
				  UNION MATCH (l:Lawsuit)-[:HAS_RULING]->(:Ruling)<-[:APPEALS]-(:Appeal {id: $id}) RETURN l
				}
				CALL (l) {
				  MATCH p = (l)<-[:PARTY_TO]-() RETURN p
				  UNION MATCH p = (l)-[:HEARD_BY|INVOLVES_MARK|INVOLVES_REGISTRATION|HAS_RULING]->() RETURN p
				  UNION MATCH p = (l)-[:INVOLVES_REGISTRATION]->()<-[:OWNS]-() RETURN p
				  UNION MATCH p = (l)-[:INVOLVES_REGISTRATION]->()-[:OF_MARK]->() RETURN p
				  UNION MATCH p = (l)-[:INVOLVES_REGISTRATION]->()-[:HAS_EVENT]->() RETURN p
				  UNION MATCH p = (l)-[:HAS_RULING]->()-[:REVIEWS]->() RETURN p
				  UNION MATCH p = (l)-[:HAS_RULING]->()-[:ISSUED_BY]->() RETURN p
				  UNION MATCH p = (l)-[:HAS_RULING]->()<-[:APPEALS]-()-[:TO_COURT]->() RETURN p
				  UNION MATCH p = (l)-[:HAS_RULING]->()<-[:APPEALS]-()<-[:FILED_APPEAL]-() RETURN p
				  UNION MATCH p = (l)-[:HAS_RULING]->()<-[:APPEALS]-()-[:DECIDED_BY]->() RETURN p
				  // the office and board decisions the case challenges, the reviews before them, their parties and bodies
				  UNION MATCH p = (l)-[:CHALLENGES]->(:Proceeding)-[:CHALLENGES*0..3]->(:Proceeding) RETURN p
				  UNION MATCH p = (l)-[:CHALLENGES]->(:Proceeding)-[:CHALLENGES*0..3]->(:Proceeding)-[:BEFORE|CONCERNS_REGISTRATION]->() RETURN p
				  UNION MATCH p = (l)-[:CHALLENGES]->(:Proceeding)-[:CHALLENGES*0..3]->(:Proceeding)<-[:PARTY_TO]-() RETURN p
				  // settlements and mediations that end it
				  UNION MATCH p = (l)<-[:SETTLES]-(:Agreement) RETURN p
				}
				WITH l, p WHERE %s AND %s
				UNWIND relationships(p) AS r
				WITH l, collect(DISTINCT r) AS rels
				WITH l, rels, reduce(ns = [l], r IN rels | ns + [startNode(r), endNode(r)]) AS all
				UNWIND all AS n
				WITH l, rels, collect(DISTINCT n) AS nodes
				RETURN l.id AS lawsuit, [n IN nodes | {eid: elementId(n), node: n {.*}, labels: labels(n)}] AS nodes,
				       [r IN rels | {type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}] AS rels"""
				.formatted(GraphStore.visible("l"), GraphStore.shownAlong("p")), Map.of("id", id));
		if (records.isEmpty()) {
			throw new BadRequestException("No lawsuit, ruling or appeal with id '" + id + "'");
		}
		Map<String, Map<String, Object>> nodes = new LinkedHashMap<>();
		Map<String, Object> center = null;
		for (Record record : records) {
			for (org.neo4j.driver.Value n : record.get("nodes").values()) {
				Map<String, Object> node = this.rows.node(n.get("node"), n.get("labels"));
				nodes.put(n.get("eid").asString(), node);
				if (id.equals(node.get("id"))) {
					center = node;
				}
			}
		}
		List<Map<String, Object>> relationships = new ArrayList<>();
		for (Record record : records) {
			for (org.neo4j.driver.Value r : record.get("rels").values()) {
				relationships.add(GraphRows.hop(r.get("type").asString(), r.get("from").asString(null), r.get("to").asString(null), true,
						r.get("props").asMap()));
			}
		}
		return new Expansion(center, nodes, relationships, false);
	}

	/**
	 * How many entities of each kind (GraphQL type) are linked to the entity {@code id}, as the reader may see them.
	 * Counting stops after {@code cap} linked entities, so a hub costs no more than the cap; {@code complete} says
	 * whether the counts are whole.
	 */
	public LinkedKinds linkedKinds(String id, int cap) {
		List<Record> records = this.store.read(this.entities.visibleAnchor("id", "x") + " MATCH (x)-[:" + this.rows.types(null) + "]-(y) WHERE "
				+ GraphStore.shown("y") + " WITH DISTINCT y LIMIT $cap RETURN labels(y) AS labels, count(*) AS n", Map.of("id", id, "cap", cap + 1));
		if (records.isEmpty()) {
			requireEntity(id);
		}
		Map<String, Integer> kinds = new java.util.TreeMap<>();
		int total = 0;
		for (Record r : records) {
			List<String> labels = r.get("labels").asList(org.neo4j.driver.Value::asString);
			if (labels.stream().anyMatch(this.model.labels()::contains)) {
				kinds.merge(this.model.typeForLabels(labels), r.get("n").asInt(), Integer::sum);
			}
			total += r.get("n").asInt();
		}
		return new LinkedKinds(kinds, total <= cap);
	}

	/** Linked entities counted by kind; {@code complete} is false when the count stopped at its cap. */
	public record LinkedKinds(Map<String, Integer> counts, boolean complete) {
	}

	/**
	 * One page (ordered by id) of the entities of one kind linked to the entity {@code id}, with every relationship
	 * between each of them and it, and between them and the entities already {@code drawn} (ids), so that an
	 * expansion joins what is on the screen. Relationships come as hops with an {@code rid} each, to tell them apart.
	 */
	public Subgraph linked(String id, String kind, int skip, int limit, List<String> drawn) {
		return linked(id, kind, skip, limit, drawn, true);
	}

	/**
	 * {@link #linked(String, String, int, int, List)}, in the order the store follows the links rather than by id when
	 * {@code byId} is false: for a hub's hundreds of thousands, where sorting them all would cost more than the page.
	 */
	public Subgraph linked(String id, String kind, int skip, int limit, List<String> drawn, boolean byId) {
		String label = this.model.labelIgnoringCase(kind).orElseThrow(() -> new BadRequestException("Unknown kind '" + kind + "'"));
		String types = this.rows.types(null);
		List<Record> page = this.store.read(this.entities.visibleAnchor("id", "x") + " MATCH (x)-[:" + types + "]-(y:`" + label + "`) WHERE "
				+ GraphStore.shown("y") + " WITH DISTINCT x, y" + (byId ? " ORDER BY y.id" : "") + " SKIP $skip LIMIT $limit"
				+ " MATCH (x)-[r:" + types + "]-(y) RETURN x {.*} AS center, labels(x) AS centerLabels, elementId(y) AS eid, y {.*} AS node, labels(y) AS labels,"
				+ " collect({rid: elementId(r), type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)}) AS rels",
				Map.of("id", id, "skip", skip, "limit", limit + 1));
		if (page.isEmpty()) {
			Map<String, Object> center = this.entities.require(id);
			return new Subgraph(center, List.of(), List.of(), false);
		}
		boolean more = page.size() > limit;
		page = page.subList(0, Math.min(limit, page.size()));
		Map<String, Object> center = this.rows.node(page.getFirst().get("center"), page.getFirst().get("centerLabels"));
		List<Map<String, Object>> nodes = new ArrayList<>();
		List<Map<String, Object>> relationships = new ArrayList<>();
		List<String> found = new ArrayList<>();
		List<String> foundElements = new ArrayList<>();
		for (Record r : page) {
			Map<String, Object> node = this.rows.node(r.get("node"), r.get("labels"));
			nodes.add(node);
			found.add((String) node.get("id"));
			foundElements.add(r.get("eid").asString());
			r.get("rels").values().forEach(v -> relationships.add(withRid(v)));
		}
		List<String> others = drawn.stream().filter(d -> !d.equals(id) && !found.contains(d)).distinct().limit(1000).toList();
		if (!others.isEmpty()) {
			// from each new entity to what is drawn: its own links, filtered by the drawn ids (a hub among the new ones, with
			// more than LINKS_TO_DRAWN links, keeps only its link to the entity expanded: it would cost more than the page)
			for (Record r : this.store.read("UNWIND $found AS eid MATCH (a) WHERE elementId(a) = eid AND COUNT { (a)--() } <= $most"
					+ " MATCH (a)-[r:" + types + "]-(b) WHERE b.id IN $drawn AND " + GraphStore.shown("b")
					+ " RETURN DISTINCT {rid: elementId(r), type: type(r), from: startNode(r).id, to: endNode(r).id, props: properties(r)} AS rel",
					Map.of("found", foundElements, "drawn", others, "most", LINKS_TO_DRAWN))) {
				relationships.add(withRid(r.get("rel")));
			}
		}
		return new Subgraph(center, nodes, relationships, more);
	}

	private static Map<String, Object> withRid(org.neo4j.driver.Value v) {
		Map<String, Object> hop = GraphRows.hop(v.get("type").asString(), v.get("from").asString(null), v.get("to").asString(null), true,
				v.get("props").asMap());
		hop.put("rid", v.get("rid").asString());
		return hop;
	}

	/** The GraphQL type of an entity; a clear error when there is none with this id. */
	String typeOf(String id) {
		return this.entities.kindOf(id).orElseThrow(() -> Entities.unknown(id));
	}

	private void requireEntity(String id) {
		if (!this.entities.exists(id)) {
			throw Entities.unknown(id);
		}
	}

	static String text(Map<String, Object> node, String key) {
		Object value = node.get(key);
		return value == null ? null : String.valueOf(value);
	}

}
