package io.ipgraph.conflict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.ipgraph.conflict.ConflictScorer.Candidate;
import io.ipgraph.conflict.ConflictScorer.Query;
import io.ipgraph.conflict.ConflictScorer.Scored;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EntityRow;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Finds earlier registrations that may conflict with a mark in one territory. Candidates come from index
 * seeks on the stored keys (normalized, pinyin, phonetic) and from the full-text index over one- and two-letter deletions of the key, for
 * spelling variants, never from a scan; {@link ConflictScorer} then ranks them with its reasons.
 */
@Service
public class ConflictSearch {

	private static final Logger log = LoggerFactory.getLogger(ConflictSearch.class);

	static final int CANDIDATES_PER_CHANNEL = 500;

	/** The longest pinyin key whose parts are looked up as whole earlier marks (a 40-letter key has about 700). */
	public static final int MAX_CONTAINED_KEY = 40;

	private static final Pattern JURISDICTION = Pattern.compile("[A-Z][A-Z0-9]{1,3}");

	private final GraphStore store;

	ConflictSearch(GraphStore store) {
		this.store = store;
	}

	/** A conflict: the registration (as a node row), its score and the reasons. */
	public record Conflict(Map<String, Object> registration, Scored scored) {
	}

	/**
	 * Earlier registrations similar to {@code text} in {@code jurisdiction}, best first. Registrations held by
	 * {@code excludeOwners} (the firm itself) and those with {@code excludeIds} are left out.
	 */
	public List<Conflict> search(String text, List<Integer> classes, String jurisdiction, String date, List<String> excludeOwners,
			List<String> excludeIds, int limit) {
		if (text == null || text.isBlank() || text.length() > 200) {
			throw new BadRequestException("text must be 1 to 200 characters");
		}
		if (jurisdiction == null || !JURISDICTION.matcher(jurisdiction).matches()) {
			throw new BadRequestException("jurisdiction must be an ISO 3166-1 alpha-2 code (or a regional code such as EM), was '"
					+ jurisdiction + "'");
		}
		if (classes != null && classes.stream().anyMatch(c -> c < 1 || c > 45)) {
			throw new BadRequestException("Nice classes run from 1 to 45, got " + classes);
		}
		if (limit < 1 || limit > 100) {
			throw new BadRequestException("limit must be between 1 and 100, was " + limit);
		}
		Query query = Query.of(text, classes, date);
		if (query.keys().normalized().isEmpty()) {
			throw new BadRequestException("text has no letters or digits to compare");
		}
		long started = System.nanoTime();
		Candidates candidates = candidates(query, jurisdiction, excludeOwners, excludeIds, text.strip());
		long fetched = System.nanoTime();
		Map<String, Conflict> best = new HashMap<>();
		for (Map<String, Object> keys : candidates.nodes()) {
			Scored score = ConflictScorer.score(query, candidate(keys));
			if (score != null) {
				best.put(score.registrationId(), new Conflict(keys, score));
			}
		}
		// the marks the sources say stand for this one in another script or language are searched too, each hit
		// saying through which equivalent it was found
		for (Equivalent equivalent : candidates.equivalents()) {
			Query other = Query.of(equivalent.text(), classes, date);
			if (other.keys().normalized().isEmpty()) {
				continue;
			}
			ConflictScorer.Reason why = new ConflictScorer.Reason("equivalent", 0, "\"" + equivalent.text() + "\" stands for \"" + equivalent.via()
					+ "\"" + (equivalent.basis() != null ? " (" + equivalent.basis() + ")" : "") + ", as " + String.join(", ", equivalent.sources())
					+ " says");
			for (Map<String, Object> keys : candidates(other, jurisdiction, excludeOwners, excludeIds, null).nodes()) {
				Scored score = ConflictScorer.score(other, candidate(keys));
				if (score == null) {
					continue;
				}
				List<ConflictScorer.Reason> reasons = new ArrayList<>();
				reasons.add(why);
				reasons.addAll(score.reasons());
				Scored through = new Scored(score.registrationId(), score.score(), List.copyOf(reasons));
				// a registration found directly keeps its direct reasons: they need no fact beyond the text
				best.merge(score.registrationId(), new Conflict(keys, through),
						(a, b) -> !isEquivalent(a) ? a : !isEquivalent(b) ? b : a.scored().score() >= b.scored().score() ? a : b);
			}
		}
		List<Conflict> scored = new ArrayList<>(best.values());
		scored.sort(Comparator.comparingDouble((Conflict c) -> -c.scored().score())
			.thenComparing(c -> String.valueOf(c.registration().get("filedOn") != null ? c.registration().get("filedOn") : c.registration().get("registeredOn")))
			.thenComparing(c -> c.scored().registrationId()));
		List<Conflict> top = scored.size() > limit ? scored.subList(0, limit) : scored;
		if (log.isDebugEnabled()) {
			log.debug("conflicts of '{}' in {}: {} candidates in {} ms, {} scored in {} ms", text, jurisdiction, candidates.nodes().size(),
					(fetched - started) / 1_000_000, scored.size(), (System.nanoTime() - fetched) / 1_000_000);
		}
		// only the winners travel in full
		Map<String, Map<String, Object>> full = new HashMap<>();
		if (!top.isEmpty()) {
			for (Record r : this.store.read("MATCH (r:Registration) WHERE r.id IN $ids RETURN r {.*} AS node",
					Map.of("ids", top.stream().map(c -> c.scored().registrationId()).toList()))) {
				Map<String, Object> node = EntityRow.node(r.get("node"), "Registration");
				node.remove("markDeletes");
				full.put((String) node.get("id"), node);
			}
		}
		return top.stream().map(c -> new Conflict(full.get(c.scored().registrationId()), c.scored())).toList();
	}

	/** Conflicts of an existing registration: earlier ones in its territory, not held by its own owners. */
	public List<Conflict> forRegistration(String id, int limit) {
		List<Record> records = this.store.read("MATCH (r:Registration {id: $id}) WHERE " + GraphStore.visible("r") + " OPTIONAL MATCH (o:Company|Person|Authority)-[:OWNS]->(r) "
				+ "RETURN r {.*} AS node, collect(o.id) AS owners", Map.of("id", id));
		if (records.isEmpty()) {
			throw new BadRequestException("No registration with id '" + id + "'");
		}
		Map<String, Object> registration = records.getFirst().get("node").asMap();
		List<String> owners = records.getFirst().get("owners").asList(Value::asString);
		@SuppressWarnings("unchecked")
		List<Integer> classes = ((List<Object>) java.util.Objects.requireNonNullElse(registration.get("classes"), List.of())).stream()
			.map(c -> ((Number) c).intValue())
			.toList();
		return search(String.valueOf(registration.get("markText")), classes, (String) registration.get("jurisdiction"),
				(String) (registration.get("filedOn") != null ? registration.get("filedOn") : registration.get("registeredOn")), owners, List.of(id), limit);
	}

	private static boolean isEquivalent(Conflict conflict) {
		return conflict.scored().reasons().getFirst().kind().equals("equivalent");
	}

	/** A mark text that a source says stands for the one searched for, across scripts or languages. */
	public record Equivalent(String text, String via, String basis, List<String> sources) {
	}

	/**
	 * The texts of the marks linked by {@code EQUIVALENT_OF} (either way) to a mark whose text or alias is
	 * {@code text}, ignoring case. Read from the relationship type index: there are few such links.
	 */
	public List<Equivalent> equivalents(String text) {
		return this.store.read("CALL () { " + EQUIVALENTS + " } RETURN equivalents", Map.of("q", java.util.Collections.singletonMap("text", text.strip())))
			.getFirst()
			.get("equivalents")
			.asList(ConflictSearch::equivalent);
	}


	/** The candidate registrations' keys, and the equivalents of the text searched for (when asked for). */
	private record Candidates(List<Map<String, Object>> nodes, List<Equivalent> equivalents) {
	}

	/**
	 * Candidates from the index arms, in one read; with {@code equivalentsOf} (the text searched for), the same read
	 * also returns the marks that stand for it, so a search through no equivalent costs no second round trip.
	 */
	private Candidates candidates(Query query, String jurisdiction, List<String> excludeOwners, List<String> excludeIds, String equivalentsOf) {
		CandidateRead read = candidateRead(query, jurisdiction, excludeOwners, excludeIds, equivalentsOf);
		Record row = this.store.read(read.cypher(), read.parameters()).getFirst();
		List<Map<String, Object>> nodes = row.get("nodes").asList(Value::asMap);
		return new Candidates(nodes, row.get("equivalents").asList(ConflictSearch::equivalent));
	}

	/** The candidates' read of one search: its Cypher and parameters (the benchmark times it variant by variant). */
	public record CandidateRead(String cypher, Map<String, Object> parameters) {
	}

	/** The candidates' read for {@code query} in {@code jurisdiction}, as {@link #search} runs it. */
	public static CandidateRead candidateRead(Query query, String jurisdiction, List<String> excludeOwners, List<String> excludeIds,
			String equivalentsOf) {
		// spelling variants: registrations sharing a one- or two-letter deletion of the pinyin key; shared classes rank first
		StringBuilder lucene = new StringBuilder("+jurisdiction:").append(jurisdiction.toLowerCase(java.util.Locale.ROOT)).append(" +(");
		lucene.append(String.join(" ", query.keys().deletes().stream().map(d -> "markDeletes:" + d).toList())).append(")");
		query.classes().forEach(c -> lucene.append(" classTokens:c").append(c).append("^4"));
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("key", query.keys().normalized());
		parameters.put("pinyin", query.keys().pinyin());
		parameters.put("phonetic", query.keys().phonetic());
		parameters.put("jurisdiction", jurisdiction);
		parameters.put("lucene", lucene.toString());
		parameters.put("date", query.date());
		parameters.put("owners", excludeOwners == null ? List.of() : excludeOwners);
		parameters.put("exclude", excludeIds == null ? List.of() : excludeIds);
		parameters.put("classes", List.copyOf(query.classes()));
		// containment: earlier marks holding the whole of this one, and the earlier marks this one holds whole
		String pinyin = query.keys().pinyin();
		parameters.put("containedIn", pinyin.length() >= ConflictScorer.MIN_CONTAINED ? pinyin : null);
		List<String> parts = pinyin.length() <= MAX_CONTAINED_KEY ? ConflictScorer.containedParts(pinyin) : List.of();
		parameters.put("parts", parts);
		parameters.put("text", equivalentsOf);
		// one map parameter: the planner keys its plan cache on each parameter's type and, for strings and lists, the
		// size bucket of its value; nine strings and lists of varying length made dozens of plans of this one read,
		// each planned on first use (300-500 ms), which were the slowest searches. A map has no size bucket.
		return new CandidateRead("""
				CALL () {
				  MATCH (r:Registration) WHERE r.markKey = $q.key AND r.jurisdiction = $q.jurisdiction AND ($q.date IS NULL OR coalesce(r.filedOn, r.registeredOn, '') < $q.date)
				  WITH r ORDER BY size([c IN r.classes WHERE c IN $q.classes]) DESC LIMIT $cap RETURN r
				  UNION
				  MATCH (r:Registration) WHERE r.markPinyin = $q.pinyin AND r.jurisdiction = $q.jurisdiction AND ($q.date IS NULL OR coalesce(r.filedOn, r.registeredOn, '') < $q.date)
				  WITH r ORDER BY size([c IN r.classes WHERE c IN $q.classes]) DESC LIMIT $cap RETURN r
				  UNION
				  MATCH (r:Registration) WHERE r.markPhonetic = $q.phonetic AND r.jurisdiction = $q.jurisdiction AND ($q.date IS NULL OR coalesce(r.filedOn, r.registeredOn, '') < $q.date)
				  WITH r ORDER BY size([c IN r.classes WHERE c IN $q.classes]) DESC LIMIT $cap RETURN r
				  UNION
				  CALL db.index.fulltext.queryNodes('registration_marks', $q.lucene, {limit: $cap}) YIELD node RETURN node AS r
				  UNION
				  MATCH (r:Registration) USING TEXT INDEX r:Registration(markPinyin) WHERE r.markPinyin CONTAINS $q.containedIn AND r.jurisdiction = $q.jurisdiction
				  RETURN r LIMIT $cap
				  UNION
				  MATCH (r:Registration) WHERE r.markPinyin IN $q.parts AND r.jurisdiction = $q.jurisdiction
				  WITH r ORDER BY size([c IN r.classes WHERE c IN $q.classes]) DESC LIMIT $cap RETURN r
				}
				WITH DISTINCT r
				WHERE r.jurisdiction = $q.jurisdiction AND ($q.date IS NULL OR coalesce(r.filedOn, r.registeredOn, '') < $q.date) AND NOT r.id IN $q.exclude
				  AND %s
				  AND NOT EXISTS { MATCH (o:Company|Person|Authority)-[:OWNS]->(r) WHERE o.id IN $q.owners }
				WITH collect(r {.id, .markText, .markKey, .markPinyin, .markPhonetic, .classes, .filedOn, .registeredOn}) AS nodes
				CALL () {
				  %s
				}
				RETURN nodes, equivalents""".formatted(GraphStore.visible("r"), EQUIVALENTS), Map.of("q", parameters, "cap", CANDIDATES_PER_CHANNEL));
	}

	/**
	 * The marks linked by {@code EQUIVALENT_OF} (either way) to a mark whose text or alias is {@code $text}, ignoring
	 * case; none when {@code $text} is null. Read from the relationship type index: there are few such links.
	 */
	private static final String EQUIVALENTS = """
			OPTIONAL MATCH (m)-[e:EQUIVALENT_OF]-(o)
			WHERE $q.text IS NOT NULL AND m:Mark AND o:Mark
			  AND (toLower(m.text) = toLower($q.text) OR any(a IN coalesce(m.aliases, []) WHERE toLower(a) = toLower($q.text)))
			  AND %s AND toLower(o.text) <> toLower($q.text)
			WITH DISTINCT o, m, e ORDER BY o.text
			RETURN collect(CASE WHEN o IS NOT NULL THEN {text: o.text, via: m.text, basis: e.basis, sources: coalesce(e.sourceIds, [])} END)[0..20] AS equivalents"""
		.formatted(GraphStore.visible("m", "o"));

	private static Equivalent equivalent(Value v) {
		return new Equivalent(v.get("text").asString(), v.get("via").asString(), v.get("basis").asString(null), v.get("sources").asList(Value::asString));
	}

	@SuppressWarnings("unchecked")
	public static Candidate candidate(Map<String, Object> node) {
		List<Integer> classes = ((List<Object>) java.util.Objects.requireNonNullElse(node.get("classes"), List.of())).stream()
			.map(c -> ((Number) c).intValue())
			.toList();
		return new Candidate((String) node.get("id"), (String) node.get("markText"), (String) node.get("markKey"),
				(String) node.get("markPinyin"), (String) node.get("markPhonetic"), classes, (String) node.get("filedOn"),
				(String) node.get("registeredOn"));
	}

}
