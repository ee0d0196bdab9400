package io.ipgraph.resolution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.ipgraph.conflict.ConflictSearch;
import io.ipgraph.keys.NameKeys;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EntityRow;
import io.ipgraph.model.GraphModel;
import io.ipgraph.resolution.NameMatcher.Reason;
import io.ipgraph.store.Entities;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Service;

/**
 * Entity resolution: which entities a name may refer to, which entities may be one and the same, and the
 * identities that analysts' accepted merge judgements make (entities joined by {@code SAME_AS}). Candidates
 * come from the {@code entity_names} full-text index over the stored name keys: exact keys, normalized and core
 * keys up to two edits apart, and core keys that begin with the name's first word; never a scan of every entity.
 */
@Service
public class EntityResolution {

	/** Longest chain of merges followed when collecting an identity. */
	static final int MAX_SAME_AS = 20;

	private static final int INDEX_HITS = 200;

	private final GraphStore store;

	private final GraphModel model;

	private final ConflictSearch conflicts;

	private final Entities entities;

	EntityResolution(GraphStore store, GraphModel model, ConflictSearch conflicts, Entities entities) {
		this.entities = entities;
		this.store = store;
		this.model = model;
		this.conflicts = conflicts;
	}

	/** How much a match through a mark's cross-script equivalent keeps of the match's own score. */
	static final double THROUGH_EQUIVALENT = 0.9;

	/** A name, the entity it may refer to, and why. */
	record NameMatch(Map<String, Object> entity, String kind, double score, String matchedName, boolean alias, List<Reason> reasons) {
	}

	/** Entities that {@code name} may refer to, best first, one per identity. */
	public List<Map<String, Object>> resolveName(String name, List<String> kinds, Integer limit) {
		if (name == null || name.isBlank()) {
			throw new BadRequestException("name must not be empty");
		}
		if (name.length() > 300) {
			throw new BadRequestException("name is longer than 300 characters");
		}
		int max = bounded("limit", limit, 1, 100);
		List<NameMatch> matches = new java.util.ArrayList<>(match(List.of(name), labels(kinds), Set.of()));
		// a name that is a mark's text: the marks the sources say stand for it in another script are names too
		Set<String> found = new java.util.HashSet<>(matches.stream().map(m -> (String) m.entity().get("id")).toList());
		List<NameMatch> through = new java.util.ArrayList<>();
		for (ConflictSearch.Equivalent equivalent : this.conflicts.equivalents(name)) {
			Reason why = new Reason("equivalent", THROUGH_EQUIVALENT, "'" + equivalent.text() + "' stands for '" + equivalent.via() + "'"
					+ (equivalent.basis() != null ? " (" + equivalent.basis() + ")" : "") + ", as " + String.join(", ", equivalent.sources()) + " says");
			for (NameMatch m : match(List.of(equivalent.text()), labels(kinds), Set.of())) {
				if (found.add((String) m.entity().get("id"))) {
					List<Reason> reasons = new java.util.ArrayList<>();
					reasons.add(why);
					reasons.addAll(m.reasons());
					through.add(new NameMatch(m.entity(), m.kind(), Math.round(m.score() * THROUGH_EQUIVALENT * 100) / 100.0, m.matchedName(), m.alias(),
							List.copyOf(reasons)));
				}
			}
		}
		matches.addAll(through);
		matches.sort(java.util.Comparator.comparingDouble((NameMatch m) -> -m.score()));
		Map<String, Map<String, Object>> identities = identities(matches.stream().map(m -> (String) m.entity().get("id")).toList());
		Map<String, Map<String, Object>> best = new LinkedHashMap<>();
		for (NameMatch m : matches) {
			Map<String, Object> identity = identities.get((String) m.entity().get("id"));
			String canonical = (String) ((Map<?, ?>) identity.get("canonical")).get("id");
			if (best.containsKey(canonical)) {
				continue;
			}
			Map<String, Object> row = row(m);
			row.put("identity", identity);
			best.put(canonical, row);
			if (best.size() == max) {
				break;
			}
		}
		return List.copyOf(best.values());
	}

	/**
	 * Pairs of entities that may be the same: those of one entity when {@code id} is given (exact and spelling
	 * matches through the index), or those sharing a name key within one kind. Pairs already merged, or judged
	 * distinct by an accepted split, are left out.
	 */
	public List<Map<String, Object>> candidates(String id, String kind, Double minScore, Integer limit) {
		int max = bounded("limit", limit, 1, 500);
		double threshold = minScore == null ? 0.5 : minScore;
		List<Map<String, Object>> pairs = new ArrayList<>();
		if (id != null) {
			Map<String, Object> entity = named(id);
			List<String> names = new ArrayList<>();
			names.add((String) entity.get("name"));
			names.addAll(strings(entity.get("aliases")));
			for (NameMatch m : match(names, List.of(label(entity)), Set.of(id))) {
				pairs.add(pair(entity, m));
			}
		}
		else {
			if (kind == null) {
				throw new BadRequestException("give an entity id or a kind (one of " + NameKeyBackfill.LABELS + ")");
			}
			String label = labels(List.of(kind)).getFirst();
			List<Record> blocks = this.store.read("MATCH (n:`" + label + "`) WHERE n.nameKeys IS NOT NULL"
					+ " UNWIND n.nameKeys AS key WITH key, collect(n {.*}) AS members WHERE size(members) > 1"
					+ " RETURN members LIMIT 1000", Map.of());
			Set<String> seen = new LinkedHashSet<>();
			for (Record block : blocks) {
				List<Map<String, Object>> members = block.get("members").asList(v -> EntityRow.node(v, typeName(label)));
				for (int i = 0; i < members.size(); i++) {
					for (int j = i + 1; j < members.size(); j++) {
						Map<String, Object> a = members.get(i);
						Map<String, Object> b = members.get(j);
						if (seen.add(a.get("id") + "|" + b.get("id"))) {
							best(a, b).ifPresent(m -> pairs.add(pair(a, m)));
						}
					}
				}
			}
		}
		pairs.removeIf(p -> (double) p.get("score") < threshold);
		List<Map<String, Object>> open = withoutJudged(pairs);
		open.sort(Comparator.comparingDouble((Map<String, Object> p) -> (double) p.get("score"))
			.reversed()
			.thenComparing(p -> String.valueOf(((Map<?, ?>) p.get("a")).get("id")) + ((Map<?, ?>) p.get("b")).get("id")));
		return open.size() > max ? open.subList(0, max) : open;
	}

	/** The identity of an entity: it and every entity accepted merges join to it, the canonical one first. */
	public Map<String, Object> identity(String id) {
		Map<String, Map<String, Object>> identities = identities(List.of(id));
		if (identities.containsKey(id)) {
			return identities.get(id);
		}
		// kinds without names (registrations, cases, seizures ...) are never merged: their identity is themselves
		Map<String, Object> node = this.entities.require(id);
		return Map.of("canonical", node, "members", List.of(node), "names", List.of());
	}

	/**
	 * Identities of many entities. The canonical member is the one no merge points away from (the survivor of
	 * the oldest merge); when there are several, the smallest id.
	 */
	Map<String, Map<String, Object>> identities(List<String> ids) {
		Map<String, Map<String, Object>> result = new HashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		List<Record> records = this.store.read("""
				UNWIND $ids AS id
				%s
				OPTIONAL MATCH (n)-[:SAME_AS*1..%d]-(m)
				WITH id, n, collect(DISTINCT m) AS others
				WITH id, [n] + others AS members
				WITH id, members, [x IN members WHERE NOT EXISTS { (x)-[:SAME_AS]->() } | x.id] AS roots
				RETURN id, [x IN members | {node: x {.*}, labels: labels(x)}] AS members,
				       coalesce(reduce(low = null, r IN roots | CASE WHEN low IS NULL OR r < low THEN r ELSE low END), id) AS canonical
				""".formatted(byId("id", "n"), MAX_SAME_AS), Map.of("ids", ids));
		for (Record r : records) {
			List<Map<String, Object>> members = new ArrayList<>(r.get("members")
				.asList(v -> EntityRow.node(v.get("node"), this.model.typeForLabels(v.get("labels").asList(Value::asString)))));
			String canonical = r.get("canonical").asString();
			members.sort(Comparator.comparing((Map<String, Object> m) -> !canonical.equals(m.get("id")))
				.thenComparing(m -> (String) m.get("id")));
			Set<String> names = new LinkedHashSet<>();
			for (Map<String, Object> m : members) {
				if (m.get("name") != null) {
					names.add((String) m.get("name"));
				}
				names.addAll(strings(m.get("aliases")));
			}
			Map<String, Object> identity = new HashMap<>();
			identity.put("canonical", members.getFirst());
			identity.put("members", members);
			identity.put("names", List.copyOf(names));
			result.put(r.get("id").asString(), identity);
		}
		return result;
	}

	/**
	 * A subquery binding {@code variable} to the named entity whose id is in the variable {@code id}: one
	 * index seek per label that entity resolution covers (the labels are constants, never user input).
	 */
	static String byId(String id, String variable) {
		return "CALL (" + id + ") { " + String.join(" UNION ", NameKeyBackfill.LABELS.stream()
			.map(l -> "MATCH (" + variable + ":`" + l + "` {id: " + id + "}) RETURN " + variable)
			.toList()) + " }";
	}

	/** Named entities by id, in the order given (ids no longer found are left out). */
	public List<Map<String, Object>> entities(List<String> ids) {
		// the marks of equivalence judgements too
		String byIdOrMark = "CALL (id) { " + String.join(" UNION ", java.util.stream.Stream.concat(NameKeyBackfill.LABELS.stream(), java.util.stream.Stream.of("Mark"))
			.map(l -> "MATCH (n:`" + l + "` {id: id}) RETURN n")
			.toList()) + " }";
		return this.store.read("UNWIND range(0, size($ids) - 1) AS i WITH i, $ids[i] AS id " + byIdOrMark
				+ " RETURN n {.*} AS node, labels(n) AS labels ORDER BY i", Map.of("ids", ids))
			.stream()
			.map(r -> EntityRow.node(r.get("node"), this.model.typeForLabels(r.get("labels").asList(Value::asString))))
			.toList();
	}

	/** Ids of an entity's identity (itself included). */
	public List<String> memberIds(String id) {
		return ((List<?>) identity(id).get("members")).stream().map(m -> (String) ((Map<?, ?>) m).get("id")).toList();
	}

	/** Entities whose names match one of {@code names}, strongest first; each entity once, with its best name. */
	private List<NameMatch> match(List<String> names, List<String> labels, Set<String> exclude) {
		Set<String> terms = new LinkedHashSet<>();
		for (String name : names) {
			NameKeys keys = NameKeys.of(name);
			if (keys.normalizedKey().isEmpty()) {
				continue;
			}
			terms.add("n_" + keys.normalizedKey());
			terms.add("c_" + keys.coreKey());
			terms.add("c_" + keys.tradeKey());
			if (keys.coreKey().length() >= 6) {
				terms.add("c_" + keys.coreKey() + "~2");
			}
			if (keys.normalizedKey().length() >= 6) {
				terms.add("n_" + keys.normalizedKey() + "~2");
			}
			// the first naming word, for names that others extend ("Michael Jordan", "Michael Jeffrey Jordan")
			List<String> words = keys.words();
			if (words.size() >= 2 && words.getFirst().length() >= 4 && !NameKeys.descriptive(words.getFirst())) {
				terms.add("c_" + words.getFirst() + "*");
			}
		}
		if (terms.isEmpty()) {
			throw new BadRequestException("the name has no letters or digits to match on");
		}
		List<Record> hits = this.store.read("""
				CALL db.index.fulltext.queryNodes('entity_names', $query, {limit: $hits}) YIELD node
				WHERE any(l IN labels(node) WHERE l IN $labels) AND NOT node.id IN $exclude AND %s
				RETURN node {.*} AS node, labels(node) AS labels""".formatted(GraphStore.visible("node")),
				Map.of("query", String.join(" OR ", terms), "hits", INDEX_HITS, "labels", labels, "exclude", List.copyOf(exclude)));
		List<NameMatch> matches = new ArrayList<>();
		for (Record hit : hits) {
			Map<String, Object> entity = EntityRow.node(hit.get("node"), this.model.typeForLabels(hit.get("labels").asList(Value::asString)));
			NameMatch best = null;
			for (String probe : names) {
				Optional<NameMatch> m = best(probe, entity);
				if (m.isPresent() && (best == null || m.get().score() > best.score())) {
					best = m.get();
				}
			}
			if (best != null) {
				matches.add(best);
			}
		}
		matches.sort(Comparator.comparingDouble(NameMatch::score).reversed().thenComparing(m -> (String) m.entity().get("id")));
		return matches;
	}

	/** The best match of one name against an entity's name and aliases. */
	private static Optional<NameMatch> best(String probe, Map<String, Object> entity) {
		NameMatch best = null;
		List<String> candidates = new ArrayList<>();
		candidates.add((String) entity.get("name"));
		candidates.addAll(strings(entity.get("aliases")));
		for (int i = 0; i < candidates.size(); i++) {
			String candidate = candidates.get(i);
			if (candidate == null) {
				continue;
			}
			boolean alias = i > 0;
			Optional<List<Reason>> reasons = NameMatcher.compare(probe, candidate);
			if (reasons.isPresent()) {
				double score = reasons.get().getFirst().weight();
				if (best == null || score > best.score()) {
					best = new NameMatch(entity, (String) entity.get(EntityRow.TYPENAME), score, candidate, alias, reasons.get());
				}
			}
		}
		return Optional.ofNullable(best);
	}

	/** The best match between any name of {@code a} and any name of {@code b}. */
	private static Optional<NameMatch> best(Map<String, Object> a, Map<String, Object> b) {
		NameMatch best = null;
		List<String> names = new ArrayList<>();
		names.add((String) a.get("name"));
		names.addAll(strings(a.get("aliases")));
		for (String name : names) {
			Optional<NameMatch> m = best(name, b);
			if (m.isPresent() && (best == null || m.get().score() > best.score())) {
				best = m.get();
			}
		}
		return Optional.ofNullable(best);
	}

	private List<Map<String, Object>> withoutJudged(List<Map<String, Object>> pairs) {
		if (pairs.isEmpty()) {
			return new ArrayList<>();
		}
		List<Map<String, Object>> keys = pairs.stream()
			.map(p -> Map.<String, Object>of("a", ((Map<?, ?>) p.get("a")).get("id"), "b", ((Map<?, ?>) p.get("b")).get("id")))
			.toList();
		Set<String> judged = new LinkedHashSet<>();
		for (Record r : this.store.read("""
				UNWIND $pairs AS pair
				WITH pair, pair.a AS aid, pair.b AS bid
				%s
				%s
				WITH pair, a, b WHERE EXISTS { MATCH (a)-[:SAME_AS*1..%d]-(b) }
				  OR EXISTS {
				    MATCH (a)<-[:CONCERNS]-(j:Judgement {decision: 'SPLIT', status: 'ACCEPTED'})-[:CONCERNS]->(b) }
				RETURN pair.a + '|' + pair.b AS key""".formatted(byId("aid", "a"), byId("bid", "b"), MAX_SAME_AS),
				Map.of("pairs", keys))) {
			judged.add(r.get("key").asString());
		}
		List<Map<String, Object>> open = new ArrayList<>();
		for (Map<String, Object> p : pairs) {
			if (!judged.contains(((Map<?, ?>) p.get("a")).get("id") + "|" + ((Map<?, ?>) p.get("b")).get("id"))) {
				open.add(p);
			}
		}
		return open;
	}

	private Map<String, Object> named(String id) {
		Map<String, Object> entity = this.entities.require(id);
		if (!NameKeyBackfill.LABELS.contains(label(entity))) {
			throw new BadRequestException("'" + id + "' is a " + entity.get(EntityRow.TYPENAME) + "; entity resolution covers "
					+ NameKeyBackfill.LABELS);
		}
		return entity;
	}

	private String label(Map<String, Object> entity) {
		return this.model.labelIgnoringCase((String) entity.get(EntityRow.TYPENAME)).orElseThrow();
	}

	private String typeName(String label) {
		return this.model.typeForLabels(List.of(label));
	}

	/** Labels of the kinds asked for (GraphQL type names, any case), each one that entity resolution covers. */
	List<String> labels(List<String> kinds) {
		if (kinds == null || kinds.isEmpty()) {
			return NameKeyBackfill.LABELS;
		}
		List<String> labels = new ArrayList<>();
		for (String kind : kinds) {
			String label = this.model.labelIgnoringCase(kind).orElse(null);
			if (label == null || !NameKeyBackfill.LABELS.contains(label)) {
				throw new BadRequestException("Unknown kind '" + kind + "' for entity resolution; kinds are " + NameKeyBackfill.LABELS);
			}
			labels.add(label);
		}
		return labels;
	}

	private static Map<String, Object> row(NameMatch m) {
		Map<String, Object> row = new HashMap<>();
		row.put("entity", m.entity());
		row.put("kind", m.kind());
		row.put("score", m.score());
		row.put("matchedName", m.matchedName());
		row.put("alias", m.alias());
		row.put("reasons", m.reasons());
		return row;
	}

	private static Map<String, Object> pair(Map<String, Object> a, NameMatch m) {
		Map<String, Object> pair = row(m);
		pair.put("a", a);
		pair.put("b", m.entity());
		return pair;
	}

	static List<String> strings(Object value) {
		if (!(value instanceof List<?> list)) {
			return List.of();
		}
		return list.stream().map(String::valueOf).toList();
	}

	static int bounded(String name, Integer value, int min, int max) {
		if (value == null || value < min || value > max) {
			throw new BadRequestException(name + " must be between " + min + " and " + max + ", was " + value);
		}
		return value;
	}

}
