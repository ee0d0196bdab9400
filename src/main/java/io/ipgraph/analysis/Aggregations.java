package io.ipgraph.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ipgraph.model.EntityRow;
import io.ipgraph.model.GraphModel;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Service;

/** Contradictions between sources, and the counts and totals analysts ask for. Each answer is one query. */
@Service
public class Aggregations {

	private final GraphStore store;

	private final GraphRows rows;

	Aggregations(GraphStore store, GraphModel model) {
		this.store = store;
		this.rows = new GraphRows(model);
	}

	/**
	 * One fact on which sources disagree: the entity it is about (an entity row), the property, and every claim
	 * (an {@code Assertion} row each, with its sources).
	 */
	public record Contradiction(Map<String, Object> subject, String property, List<Map<String, Object>> claims) {

		public String subjectId() {
			return (String) this.subject.get("id");
		}
	}

	public List<Contradiction> contradictions(String subjectId, String property, Integer limit) {
		int max = GraphRows.bounded("limit", limit, 1, 1000);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("subject", subjectId);
		parameters.put("property", property);
		parameters.put("limit", max);
		List<Record> records = this.store.read("""
				MATCH (a:Assertion)-[:ABOUT]->(s)
				WHERE ($subject IS NULL OR a.subjectId = $subject) AND ($property IS NULL OR a.property = $property)
				  AND %s
				WITH s, a ORDER BY a.id
				WITH s, a.property AS property, collect(a {.*}) AS claims, count(DISTINCT a.value) AS values
				WHERE values >= 2
				RETURN s {.*} AS subject, labels(s) AS labels, property, claims
				ORDER BY s.id, property LIMIT $limit""".formatted(GraphStore.shown("s")), parameters);
		return records.stream()
			.map(r -> new Contradiction(this.rows.node(r.get("subject"), r.get("labels")), r.get("property").asString(),
					r.get("claims").asList(v -> EntityRow.node(v, "Assertion"))))
			.toList();
	}

	public List<Map<String, Object>> damagesTotals(List<String> groupBy) {
		List<String> grouping = groupBy == null ? List.of() : groupBy;
		Map<String, Object> parameters = Map.of("byJurisdiction", grouping.contains("JURISDICTION"), "byYear",
				grouping.contains("YEAR"));
		List<Record> records = this.store.read("""
				MATCH (l:Lawsuit)-[:HAS_RULING]->(r:Ruling) WHERE r.damagesAmount IS NOT NULL
				  AND %2$s
				%1$s				WITH l, [x IN collect(CASE WHEN replaced THEN r END) WHERE x IS NOT NULL] AS superseded,
				     [x IN collect(CASE WHEN NOT replaced THEN r END) WHERE x IS NOT NULL] AS standing
				UNWIND standing AS r
				WITH r, superseded, CASE WHEN $byJurisdiction THEN l.jurisdiction END AS jurisdiction,
				     CASE WHEN $byYear THEN substring(coalesce(r.date, l.filedOn), 0, 4) END AS year,
				     r.damagesCurrency AS currency
				WITH jurisdiction, year, currency, sum(r.damagesAmount) AS total, collect(r) AS rulings,
				     reduce(acc = [], s IN collect(superseded) | acc + [x IN s WHERE NOT x IN acc]) AS superseded
				RETURN jurisdiction, year, currency, total, [x IN rulings | x {.*}] AS rulings, [x IN superseded | x {.*}] AS superseded,
				       any(x IN rulings WHERE EXISTS { (:Assertion {property: 'damagesAmount'})-[:ABOUT]->(x) }) AS disputed
				ORDER BY currency, jurisdiction, year""".formatted(replaced(), GraphStore.visible("l", "r")), parameters);
		List<Map<String, Object>> result = new ArrayList<>();
		for (Record r : records) {
			Map<String, Object> total = new HashMap<>();
			total.put("jurisdiction", r.get("jurisdiction").asString(null));
			total.put("year", r.get("year").asString(null));
			total.put("currency", r.get("currency").asString(""));
			total.put("total", r.get("total").asDouble());
			List<Map<String, Object>> rulings = r.get("rulings").asList(v -> EntityRow.node(v, "Ruling"));
			total.put("rulings", rulings);
			total.put("rulingCount", rulings.size());
			total.put("supersededRulings", r.get("superseded").asList(v -> EntityRow.node(v, "Ruling")));
			total.put("disputed", r.get("disputed").asBoolean());
			result.add(total);
		}
		return result;
	}

	/**
	 * Cypher binding {@code replaced} for each {@code l, r} (a lawsuit and one of its rulings with an award): true when
	 * a later ruling that reviews it gives an award or an effect that leaves none, or (no review recorded) when an
	 * award of a higher instance, or a later one of the same instance, of the same lawsuit replaces it.
	 */
	private static String replaced() {
		return """
				WITH l, r, %1$s AS rank
				WITH l, r, EXISTS { MATCH (later:Ruling)-[review:REVIEWS]->(r) WHERE %3$s
				                      AND (later.damagesAmount IS NOT NULL OR review.effect IN ['varied', 'set-aside', 'remanded']) }
				        OR (NOT EXISTS { (:Ruling)-[:REVIEWS]->(r) } AND rank > 0
				            AND EXISTS { MATCH (l)-[:HAS_RULING]->(later:Ruling) WHERE later <> r AND later.damagesAmount IS NOT NULL
				                           AND %3$s
				                           AND (%2$s > rank OR (%2$s = rank AND later.date > r.date)) }) AS replaced
				""".formatted(instanceRank("r"), instanceRank("later"), GraphStore.visible("later"));
	}

	/**
	 * The money of one lawsuit: what was claimed, each award (damages and costs) with its instance and whether it still
	 * stands, and what settlements paid, in that order.
	 */
	public List<Map<String, Object>> money(String lawsuitId) {
		List<Record> records = this.store.read("""
				MATCH (l:Lawsuit {id: $id}) WHERE %s
				CALL (l) {
				  OPTIONAL MATCH (l)-[:HAS_RULING]->(r:Ruling) WHERE r.damagesAmount IS NOT NULL AND %s
				  %s
				  WITH r, replaced ORDER BY r.date
				  RETURN collect(CASE WHEN r IS NOT NULL THEN {r: r {.*}, stands: NOT replaced} END) AS awards
				}
				CALL (l) {
				  OPTIONAL MATCH (l)-[:HAS_RULING]->(r:Ruling) WHERE r.damagesAmount IS NULL AND r.costsAmount IS NOT NULL
				    AND %s
				  RETURN collect(r {.*}) AS costsOnly
				}
				CALL (l) {
				  OPTIONAL MATCH (a:Agreement)-[:SETTLES]->(l) WHERE %s
				  WITH a ORDER BY a.signedOn
				  RETURN collect(a {.*}) AS settlements
				}
				RETURN l {.*} AS lawsuit, awards, costsOnly, settlements""".formatted(GraphStore.visible("l"), GraphStore.visible("r"), replaced(),
				GraphStore.visible("r"), GraphStore.visible("a")), Map.of("id", lawsuitId));
		List<Map<String, Object>> money = new ArrayList<>();
		if (records.isEmpty()) {
			return money;
		}
		Record r = records.getFirst();
		Map<String, Object> lawsuit = EntityRow.node(r.get("lawsuit"), "Lawsuit");
		if (lawsuit.get("claimedAmount") != null || lawsuit.get("claimedAsGiven") != null) {
			money.add(amount("claimed", lawsuit.get("claimedAmount"), lawsuit.get("claimedCurrency"), null, lawsuit.get("filedOn"), null,
					lawsuit, lawsuit.get("claimedAsGiven")));
		}
		for (Value award : r.get("awards").values()) {
			Map<String, Object> ruling = EntityRow.node(award.get("r"), "Ruling");
			boolean stands = award.get("stands").asBoolean();
			money.add(amount("awarded", ruling.get("damagesAmount"), ruling.get("damagesCurrency"), ruling.get("instance"), ruling.get("date"),
					stands, ruling, null));
			if (ruling.get("costsAmount") != null) {
				money.add(amount("costs", ruling.get("costsAmount"), ruling.get("costsCurrency"), ruling.get("instance"), ruling.get("date"), stands,
						ruling, null));
			}
		}
		for (Value costs : r.get("costsOnly").values()) {
			Map<String, Object> ruling = EntityRow.node(costs, "Ruling");
			money.add(amount("costs", ruling.get("costsAmount"), ruling.get("costsCurrency"), ruling.get("instance"), ruling.get("date"), null,
					ruling, null));
		}
		for (Value settlement : r.get("settlements").values()) {
			Map<String, Object> agreement = EntityRow.node(settlement, "Agreement");
			if (agreement.get("amount") != null || agreement.get("amountAsGiven") != null) {
				money.add(amount("settled", agreement.get("amount"), agreement.get("currency"), null, agreement.get("signedOn"), null, agreement,
						agreement.get("amountAsGiven")));
			}
		}
		return money;
	}

	private static Map<String, Object> amount(String kind, Object amount, Object currency, Object instance, Object date, Boolean stands,
			Map<String, Object> entity, Object asGiven) {
		Map<String, Object> m = new HashMap<>();
		m.put("kind", kind);
		m.put("amount", amount);
		m.put("currency", currency);
		m.put("instance", instance);
		m.put("date", date);
		m.put("stands", stands);
		m.put("entity", entity);
		m.put("asGiven", asGiven);
		return m;
	}

	/** A ruling's instance as a rank (first-instance 1, second-instance 2, retrial 3; 0 when not given or unknown). */
	private static String instanceRank(String ruling) {
		return "CASE " + ruling + ".instance WHEN 'first-instance' THEN 1 WHEN 'second-instance' THEN 2 WHEN 'retrial' THEN 3 ELSE 0 END";
	}

	public List<Map<String, Object>> seizureStats(String groupBy) {
		String key = "AUTHORITY".equals(groupBy)
				? "OPTIONAL MATCH (a:Authority)-[:CONDUCTED]->(s) WITH s, coalesce(a.id, 'unknown') AS key, a.name AS name"
				: "OPTIONAL MATCH (s)-[:IN_JURISDICTION]->(j:Jurisdiction) WITH s, coalesce(s.country, 'unknown') AS key, j.name AS name";
		List<Record> records = this.store.read("MATCH (s:Seizure) WHERE " + GraphStore.visible("s") + " " + key + """

				WITH key, name, collect(s) AS seizures
				RETURN key, name, size(seizures) AS seizureCount,
				       reduce(n = 0, x IN seizures | n + coalesce(x.itemCount, 0)) AS itemCount,
				       reduce(cs = [], x IN seizures | CASE WHEN x.valueCurrency IS NULL OR x.valueCurrency IN cs
				                                       THEN cs ELSE cs + x.valueCurrency END) AS currencies,
				       [x IN seizures | x {.*}] AS nodes
				ORDER BY seizureCount DESC, key""", Map.of());
		List<Map<String, Object>> result = new ArrayList<>();
		for (Record r : records) {
			List<Map<String, Object>> seizures = r.get("nodes").asList(v -> EntityRow.node(v, "Seizure"));
			List<Map<String, Object>> values = new ArrayList<>();
			for (Value currency : r.get("currencies").values()) {
				double amount = seizures.stream()
					.filter(s -> currency.asString().equals(s.get("valueCurrency")) && s.get("valueAmount") != null)
					.mapToDouble(s -> ((Number) s.get("valueAmount")).doubleValue())
					.sum();
				values.add(Map.of("amount", amount, "currency", currency.asString()));
			}
			Map<String, Object> stat = new HashMap<>();
			stat.put("key", r.get("key").asString());
			stat.put("name", r.get("name").asString(null));
			stat.put("seizureCount", r.get("seizureCount").asInt());
			stat.put("itemCount", r.get("itemCount").asInt());
			stat.put("values", values);
			stat.put("seizures", seizures);
			result.add(stat);
		}
		return result;
	}

	public List<Map<String, Object>> marksPerOwner(Integer limit) {
		int max = GraphRows.bounded("limit", limit, 1, 1000);
		List<Record> records = this.store.read("""
				MATCH (owner:Company|Person|Authority)-[:OWNS]->(r:Registration) WHERE %s
				// companies merged by accepted judgements count as one owner: their canonical member
				CALL (owner) {
				  MATCH (owner)-[:SAME_AS*0..20]-(k:Company|Person|Authority)
				  RETURN k ORDER BY EXISTS { (k)-[:SAME_AS]->() }, k.id LIMIT 1
				}
				WITH k AS c, r
				OPTIONAL MATCH (r)-[:OF_MARK]->(m:Mark)
				WITH c, count(DISTINCT r) AS registrations, collect(DISTINCT coalesce(m.text, r.markText)) AS texts,
				     count(DISTINCT coalesce(m.id, r.markText)) AS marks
				RETURN c {.*} AS owner, labels(c) AS labels, registrations, marks, texts
				ORDER BY registrations DESC, marks DESC, c.id LIMIT $limit""".formatted(GraphStore.visible("owner", "r")), Map.of("limit", max));
		List<Map<String, Object>> result = new ArrayList<>();
		for (Record r : records) {
			Map<String, Object> row = new HashMap<>();
			row.put("owner", this.rows.node(r.get("owner"), r.get("labels")));
			row.put("registrationCount", r.get("registrations").asInt());
			row.put("markCount", r.get("marks").asInt());
			row.put("markTexts", r.get("texts").asList(Value::asString));
			result.add(row);
		}
		return result;
	}

}
