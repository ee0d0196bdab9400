package io.ipgraph.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ipgraph.conflict.ConflictSearch;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EntityRow;
import io.ipgraph.model.GraphModel;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Service;

/**
 * Traces a foreign firm in one jurisdiction, from its group to the earlier registrations of its marks and the
 * disputes they led to. Four queries and one conflict search per mark name, whatever the size of the graph.
 */
@Service
public class Trace {

	private final GraphStore store;

	private final ConflictSearch conflicts;

	private final GraphRows rows;

	Trace(GraphStore store, ConflictSearch conflicts, GraphModel model) {
		this.store = store;
		this.conflicts = conflicts;
		this.rows = new GraphRows(model);
	}

	public Map<String, Object> of(String companyId, String jurisdiction, Integer depth, String date) {
		int levels = GraphRows.bounded("depth", depth, 0, 5);
		List<Record> groupRows = this.store.read("""
				MATCH (firm:Company {id: $firm}) WHERE %1$s
				OPTIONAL MATCH chain = (firm)-[:SAME_AS*1..20]-(same:Company) WHERE %2$s
				WITH firm, collect(DISTINCT same) AS same
				WITH firm, same, [firm] + same AS identity
				CALL (identity) {
				  UNWIND identity AS i
				  OPTIONAL MATCH owned = (i)<-[:SUBSIDIARY_OF*1..%3$d]-(sub:Company) WHERE %4$s
				  RETURN collect(DISTINCT sub) AS subs
				}
				WITH firm, same, identity, [s IN subs WHERE NOT s IN identity] AS subs
				WITH firm, same, subs, identity + subs AS group
				CALL (group) {
				  UNWIND group AS g
				  MATCH (g)-[p:PARTNER_OF]-(partner:Company) WHERE NOT partner IN group AND %5$s
				  RETURN collect({partner: partner {.*}, of: g {.*}, rel: properties(p)}) AS partners
				}
				CALL (group) {
				  UNWIND group AS g
				  MATCH (g)-[u:USES_MARK]->(m:Mark) WHERE u.jurisdiction IS NULL OR u.jurisdiction = $jurisdiction
				  RETURN collect({mark: m {.*}, usedBy: g {.*}, rel: properties(u)}) AS marks
				}
				RETURN firm {.*} AS firm, [s IN same | s {.*}] AS sameAs, [s IN subs | s {.*}] AS subsidiaries, partners, marks,
				       [g IN group | g.id] AS groupIds""".formatted(GraphStore.visible("firm"), GraphStore.shownAlong("chain"), Math.max(levels, 1),
				GraphStore.shownAlong("owned"), GraphStore.visible("partner")),
				Map.of("firm", companyId, "jurisdiction", jurisdiction));
		if (groupRows.isEmpty()) {
			throw new BadRequestException("No company with id '" + companyId + "'");
		}
		Record group = groupRows.getFirst();
		List<String> groupIds = group.get("groupIds").asList(Value::asString);
		Map<String, Object> result = new HashMap<>();
		result.put("firm", company(group.get("firm")));
		result.put("sameAs", group.get("sameAs").asList(Trace::company));
		result.put("jurisdiction", jurisdiction);
		result.put("subsidiaries", levels == 0 ? List.of() : group.get("subsidiaries").asList(Trace::company));
		List<Map<String, Object>> partners = new ArrayList<>();
		for (Value p : group.get("partners").values()) {
			Map<String, Object> partner = new HashMap<>(p.get("rel").asMap());
			partner.put("partner", company(p.get("partner")));
			partner.put("of", company(p.get("of")));
			partners.add(partner);
		}
		result.put("partners", partners);

		List<Map<String, Object>> marks = new ArrayList<>();
		String firstUse = null;
		Map<String, String> names = new LinkedHashMap<>();
		for (Value m : group.get("marks").values()) {
			Map<String, Object> mark = EntityRow.node(m.get("mark"), "Mark");
			Map<String, Object> use = new HashMap<>(m.get("rel").asMap());
			Set<String> markNames = new LinkedHashSet<>();
			markNames.add((String) mark.get("text"));
			markNames.addAll(m.get("mark").get("aliases").asList(Value::asString));
			markNames.forEach(n -> names.putIfAbsent(n, (String) mark.get("id")));
			use.put("mark", mark);
			use.put("usedBy", company(m.get("usedBy")));
			use.put("names", List.copyOf(markNames));
			marks.add(use);
			String since = (String) use.get("since");
			if (since != null && (firstUse == null || since.compareTo(firstUse) < 0)) {
				firstUse = since;
			}
		}
		result.put("marks", marks);
		String before = date != null ? date : firstUse;
		result.put("before", before);

		Map<String, Map<String, Object>> prior = new LinkedHashMap<>();
		for (String name : names.keySet()) {
			for (ConflictSearch.Conflict c : this.conflicts.search(name, List.of(), jurisdiction, before, groupIds, List.of(), 20)) {
				prior.computeIfAbsent(c.scored().registrationId(), id -> Map.of("registration", c.registration(), "markName", name,
						"score", c.scored().score(), "reasons", c.scored().reasons()));
			}
		}
		result.put("priorRegistrations", List.copyOf(prior.values()));

		List<String> markIds = List.copyOf(new LinkedHashSet<>(names.values()));
		List<Record> follow = this.store.read("""
				// each side aggregates inside its own subquery, so an empty side is an empty list, not an empty answer
				CALL () {
				  CALL () {
				    MATCH (l:Lawsuit)-[:INVOLVES_REGISTRATION]->(r:Registration) WHERE r.id IN $registrations RETURN l
				    UNION
				    MATCH (l:Lawsuit)-[:INVOLVES_MARK]->(m:Mark) WHERE m.id IN $marks AND (l.jurisdiction IS NULL OR l.jurisdiction = $jurisdiction)
				    RETURN l
				  }
				  RETURN collect(DISTINCT l) AS lawsuits
				}
				CALL () {
				  CALL () {
				    MATCH (s:Seizure)-[:INFRINGED]->(m:Mark) WHERE m.id IN $marks AND s.country = $jurisdiction RETURN s
				    UNION
				    MATCH (c:Company)-[:ASSISTED]->(s:Seizure) WHERE c.id IN $group AND s.country = $jurisdiction RETURN s
				  }
				  RETURN collect(DISTINCT s) AS seizures
				}
				RETURN [l IN lawsuits | l {.*}] AS lawsuits, [s IN seizures | s {.*}] AS seizures""",
				Map.of("registrations", List.copyOf(prior.keySet()), "marks", markIds, "jurisdiction", jurisdiction, "group", groupIds));
		List<Map<String, Object>> lawsuits = follow.getFirst().get("lawsuits").asList(v -> EntityRow.node(v, "Lawsuit"));
		List<Map<String, Object>> seizures = follow.getFirst().get("seizures").asList(v -> EntityRow.node(v, "Seizure"));
		result.put("lawsuits", lawsuits);
		result.put("seizures", seizures);

		Set<String> ids = new LinkedHashSet<>(groupIds);
		partners.forEach(p -> ids.add((String) ((Map<?, ?>) p.get("partner")).get("id")));
		ids.addAll(markIds);
		ids.addAll(prior.keySet());
		lawsuits.forEach(l -> ids.add((String) l.get("id")));
		seizures.forEach(s -> ids.add((String) s.get("id")));
		result.put("subgraph", subgraph(companyId, ids, prior.keySet()));
		return result;
	}

	/** The entities of the trace, the owners of the prior registrations, and every relationship among them. */
	private Map<String, Object> subgraph(String center, Set<String> ids, Set<String> registrations) {
		List<Record> records = this.store.read("""
				UNWIND $ids AS id
				CALL (id) {
				  MATCH (n:Company {id: id}) RETURN n UNION MATCH (n:Mark {id: id}) RETURN n
				  UNION MATCH (n:Registration {id: id}) RETURN n UNION MATCH (n:Lawsuit {id: id}) RETURN n
				  UNION MATCH (n:Seizure {id: id}) RETURN n
				}
				WITH collect(DISTINCT n) AS core
				CALL (core) {
				  UNWIND core AS r WITH r WHERE r:Registration
				  MATCH (o:Company|Person|Authority)-[:OWNS]->(r) WHERE %s RETURN collect(DISTINCT o) AS owners
				}
				WITH core + [o IN owners WHERE NOT o IN core] AS nodes
				CALL (nodes) {
				  UNWIND nodes AS a
				  MATCH (a)-[r]->(b) WHERE b IN nodes
				  RETURN collect({type: type(r), from: a.id, to: b.id, props: properties(r)}) AS rels
				}
				RETURN [n IN nodes | {node: n {.*}, labels: labels(n)}] AS nodes, rels""".formatted(GraphStore.shown("o")), Map.of("ids", List.copyOf(ids)));
		Record r = records.getFirst();
		List<Map<String, Object>> nodes = r.get("nodes").asList(v -> this.rows.node(v.get("node"), v.get("labels")));
		List<Map<String, Object>> rels = r.get("rels")
			.asList(v -> GraphRows.hop(v.get("type").asString(), v.get("from").asString(null), v.get("to").asString(null), true,
					v.get("props").asMap()));
		Map<String, Object> subgraph = new HashMap<>();
		subgraph.put("center", nodes.stream().filter(n -> center.equals(n.get("id"))).findFirst().orElse(null));
		subgraph.put("nodes", nodes);
		subgraph.put("relationships", rels);
		subgraph.put("truncated", false);
		return subgraph;
	}

	private static Map<String, Object> company(Value value) {
		return EntityRow.node(value, "Company");
	}

}
