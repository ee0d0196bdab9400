package io.ipgraph.conflict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ipgraph.keys.MarkKeys;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EntityRow;
import io.ipgraph.model.PartialDates;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Service;

/**
 * The squatting pattern: registrations of a foreign firm's mark (the same text, folded or transliterated) in a
 * territory, held by someone outside the firm's group, filed before the firm's own first filing of that mark there. Holders
 * that are the firm's partners, or within a few relationships of one, are flagged.
 */
@Service
public class Squatting {

	/** Text reasons that make a registration a copy of the mark rather than a mere look-alike. */
	static final Set<String> SAME_MARK = Set.of("identical-text", "normalized-text", "transliteration");

	/**
	 * The relationships that bring a holder close to the firm's partner: working together (partners, subsidiaries,
	 * people who work for a company, the parties of one agreement, an agent or attorney and the party it acts for, a
	 * licensee and the registration's owner, co-owners) or being one (merge judgements); a shared address counts as
	 * one relationship. Distributors and business agents are partners ({@code PARTNER_OF} with its scope). Never opposition:
	 * two parties of one lawsuit are as likely adversaries as allies, so PARTY_TO does not count.
	 */
	static final List<String> COOPERATION = List.of("PARTNER_OF", "SUBSIDIARY_OF", "WORKS_FOR", "PARTY_TO_AGREEMENT", "SAME_AS", "REPRESENTS",
			"LICENSEE_OF", "OWNS");

	private final GraphStore store;

	private final ConflictSearch conflicts;

	Squatting(GraphStore store, ConflictSearch conflicts) {
		this.store = store;
		this.conflicts = conflicts;
	}

	/** What the pattern found around a firm: the firm (an entity row), its first filing there, the texts looked for, the hits oldest first. */
	public record SquattingReport(Map<String, Object> firm, String firstFiling, List<String> markTexts, List<SquattingHit> hits) {
	}

	/**
	 * A registration of the firm's mark by someone outside its group, how its text compares, and, when its holder is
	 * close to the firm or a partner, how close ({@code partnerDistance} relationships {@code via} these types).
	 */
	public record SquattingHit(Map<String, Object> registration, String markText, String firmFiling, List<ConflictScorer.Reason> reasons,
			boolean nearPartner, Integer partnerDistance, String closeTo, List<String> via, String flag, List<LegalGrounds.LegalGround> legalGrounds) {
	}

	/** A hit while the passes build it: found, then flagged near a partner, then given its legal grounds. */
	static final class Hit {

		final Map<String, Object> registration;

		final String markText;

		final String firmFiling;

		final List<ConflictScorer.Reason> reasons;

		Integer partnerDistance;

		String closeTo;

		List<String> via;

		String flag;

		final List<LegalGrounds.LegalGround> legalGrounds = new ArrayList<>();

		Hit(Map<String, Object> registration, String markText, String firmFiling, List<ConflictScorer.Reason> reasons) {
			this.registration = registration;
			this.markText = markText;
			this.firmFiling = firmFiling;
			this.reasons = reasons;
		}

		boolean nearPartner() {
			return this.partnerDistance != null;
		}

		SquattingHit done() {
			return new SquattingHit(this.registration, this.markText, this.firmFiling, this.reasons, nearPartner(), this.partnerDistance,
					this.closeTo, this.via, this.flag, List.copyOf(this.legalGrounds));
		}
	}

	public SquattingReport find(String firmId, String jurisdiction, int hops) {
		if (hops < 0 || hops > 3) {
			throw new BadRequestException("hops must be between 0 and 3, was " + hops);
		}
		List<Record> firmRows = this.store.read("""
				MATCH (firm:Company|Person {id: $firm}) WHERE %s
				OPTIONAL MATCH owned = (firm)<-[:SUBSIDIARY_OF*0..3]-(member:Company|Person) WHERE %s
				WITH firm, collect(DISTINCT member) AS group
				CALL (group) {
				  UNWIND group AS g
				  OPTIONAL MATCH (g)-[:USES_MARK]->(m:Mark)
				  OPTIONAL MATCH (g)-[:OWNS]->(:Registration)-[:OF_MARK]->(om:Mark)
				  WITH collect(DISTINCT m) + collect(DISTINCT om) AS marks
				  UNWIND marks AS mark
				  RETURN collect(DISTINCT mark {.text, .aliases}) AS marks
				}
				CALL (group) {
				  UNWIND group AS g
				  OPTIONAL MATCH (g)-[:OWNS]->(r:Registration {jurisdiction: $jurisdiction})
				  RETURN min(r.filedOn) AS firstFiling,
				         collect(DISTINCT r {.markKey, .markPinyin, .filedOn}) AS filings
				}
				CALL (group) {
				  UNWIND group AS g
				  OPTIONAL MATCH (g)-[:PARTNER_OF]-(p:Company)
				  RETURN collect(DISTINCT p.id) AS partners
				}
				RETURN firm {.*} AS firm, labels(firm) AS labels, [g IN group | g.id] AS group, marks, firstFiling, filings, partners"""
				.formatted(GraphStore.visible("firm"), GraphStore.shownAlong("owned")),
				Map.of("firm", firmId, "jurisdiction", jurisdiction));
		if (firmRows.isEmpty()) {
			throw new BadRequestException("No company or person with id '" + firmId + "'");
		}
		Record firm = firmRows.getFirst();
		List<String> group = firm.get("group").asList(Value::asString);
		List<String> partners = firm.get("partners").asList(Value::asString).stream().filter(p -> !group.contains(p)).toList();
		String firstFiling = firm.get("firstFiling").asString(null);
		Set<String> texts = new LinkedHashSet<>();
		boolean person = firm.get("labels").asList(Value::asString).contains("Person");
		if (person) {
			// a person's name, in every script the sources give, is what is registered in bad faith
			texts.add(firm.get("firm").get("name").asString());
			firm.get("firm").get("aliases").asList(Value::asString).forEach(texts::add);
		}
		for (Value mark : firm.get("marks").values()) {
			texts.add(mark.get("text").asString());
			mark.get("aliases").asList(Value::asString).forEach(texts::add);
		}
		Map<String, Hit> hits = new HashMap<>();
		List<Value> filings = firm.get("filings").asList(v -> v).stream().filter(v -> !v.get("filedOn").isNull()).toList();
		for (String text : texts) {
			// the firm's own first filing of this mark (same folded or transliterated text) there; any date when none
			MarkKeys keys = MarkKeys.of(text);
			String ownFiling = filings.stream()
				.filter(f -> keys.normalized().equals(f.get("markKey").asString(null)) || keys.pinyin().equals(f.get("markPinyin").asString(null)))
				.map(f -> f.get("filedOn").asString())
				.min(String::compareTo)
				.orElse(null);
			for (ConflictSearch.Conflict conflict : this.conflicts.search(text, List.of(), jurisdiction, ownFiling, group, List.of(), 100)) {
				// found through a cross-script equivalent: the reason after it says how the texts compare
				String kind = conflict.scored().reasons().stream().map(ConflictScorer.Reason::kind).filter(k -> !k.equals("equivalent")).findFirst().orElse("");
				if (SAME_MARK.contains(kind) && !hits.containsKey(conflict.scored().registrationId())) {
					hits.put(conflict.scored().registrationId(), new Hit(conflict.registration(), text, ownFiling, conflict.scored().reasons()));
				}
			}
		}
		sameMark(hits, group, jurisdiction, firstFiling);
		flagNearPartners(hits, partners, group, hops);
		LegalGrounds.name(this.store, hits, group, jurisdiction);
		return new SquattingReport(EntityRow.node(firm.get("firm"), person ? "Person" : "Company"), firstFiling, List.copyOf(texts), hits.values()
			.stream()
			.sorted(Comparator.comparing(h -> String.valueOf(h.registration.get("filedOn"))))
			.map(Hit::done)
			.toList());
	}

	/**
	 * Registrations linked to one of the group's own marks (used, or registered by the group) or to an equivalent of
	 * one, held by someone outside the group: copies of the mark whatever their text, even when no text is recorded.
	 * Those dated after the group's own first filing there are left out; undated ones count only when the group never
	 * filed there.
	 */
	private void sameMark(Map<String, Hit> hits, List<String> group, String jurisdiction, String firstFiling) {
		List<Record> records = this.store.read("""
				MATCH (g:Company|Person) WHERE g.id IN $group
				CALL (g) {
				  MATCH (g)-[:USES_MARK]->(:Mark)-[:EQUIVALENT_OF*0..1]-(e:Mark)<-[:OF_MARK]-(r:Registration {jurisdiction: $jurisdiction})
				  RETURN r, 'same-mark' AS kind, coalesce(e.text, e.description, e.id) AS mark, null AS proceeding
				  UNION
				  MATCH (g)-[:OWNS]->(:Registration)-[:OF_MARK]->(:Mark)-[:EQUIVALENT_OF*0..1]-(e:Mark)<-[:OF_MARK]-(r:Registration {jurisdiction: $jurisdiction})
				  RETURN r, 'same-mark' AS kind, coalesce(e.text, e.description, e.id) AS mark, null AS proceeding
				  UNION
				  // what the firm (or the person) itself contested before an office or board
				  MATCH (g)-[:PARTY_TO]->(p:Proceeding)-[:CONCERNS_REGISTRATION]->(r:Registration {jurisdiction: $jurisdiction})
				  OPTIONAL MATCH (r)-[:OF_MARK]->(e:Mark)
				  RETURN r, 'challenged' AS kind, coalesce(r.markText, e.text, e.description, r.id) AS mark,
				         coalesce(p.title, p.kind) + coalesce(' (' + p.caseNumber + ')', '') AS proceeding
				}
				WITH g, r, kind, mark, proceeding
				WHERE %s
				  AND EXISTS { MATCH (:Company|Person|Authority)-[:OWNS]->(r) }
				  AND NOT EXISTS { MATCH (o)-[:OWNS]->(r) WHERE o.id IN $group }
				RETURN r {.*} AS registration, kind, mark, proceeding, g.name AS of
				ORDER BY r.id""".formatted(GraphStore.shown("r")), Map.of("group", group, "jurisdiction", jurisdiction));
		for (Record r : records) {
			Map<String, Object> registration = EntityRow.node(r.get("registration"), "Registration");
			String id = (String) registration.get("id");
			if (hits.containsKey(id)) {
				continue;
			}
			String date = (String) (registration.get("filedOn") != null ? registration.get("filedOn") : registration.get("registeredOn"));
			String earliest = date == null ? null : PartialDates.latest(date);
			if (firstFiling != null && (earliest == null || earliest.compareTo(firstFiling) >= 0)) {
				continue;
			}
			registration.remove("markDeletes");
			hits.put(id, new Hit(registration, r.get("mark").asString(), firstFiling, List.of(r.get("kind").asString().equals("same-mark")
					? new ConflictScorer.Reason("same-mark", 45, "a registration of \"" + r.get("mark").asString() + "\", a mark the sources tie to "
							+ r.get("of").asString())
					: new ConflictScorer.Reason("challenged", 0, r.get("of").asString() + " contested it before an office or board: "
							+ r.get("proceeding").asString()))));
		}
	}

	/** Marks hits whose holder is a partner or within {@code hops} relationships of one, with the shortest such link. */
	private void flagNearPartners(Map<String, Hit> hits, List<String> partners, List<String> group, int hops) {
		if (hits.isEmpty()) {
			return;
		}
		// the firm's own licensees, agents and representatives are as close as its partners
		List<String> targets = new ArrayList<>(partners);
		targets.addAll(group);
		List<Record> records = this.store.read("""
				UNWIND $registrations AS rid
				MATCH (holder:Company|Person|Authority)-[:OWNS]->(:Registration {id: rid})
				UNWIND $partners AS pid
				MATCH (partner:Company|Person {id: pid})
				CALL (holder, partner) {
				  WITH holder, partner WHERE holder = partner
				  RETURN 0 AS distance, [] AS via
				  UNION
				  WITH holder, partner WHERE holder <> partner AND $hops > 0 AND holder.address IS NOT NULL AND holder.address = partner.address
				  RETURN 1 AS distance, ['SAME_ADDRESS'] AS via
				  UNION
				  WITH holder, partner WHERE holder <> partner AND $hops > 0
				  MATCH path = shortestPath((holder)-[:%s*1..%d]-(partner)) WHERE %s
				  RETURN length(path) AS distance, [r IN relationships(path) | type(r)] AS via
				}
				RETURN rid, partner.name AS partner, partner.id IN $group AS firm, distance, via
				ORDER BY distance""".formatted(String.join("|", COOPERATION), Math.max(hops, 1), GraphStore.shownAlong("path")),
				Map.of("registrations", List.copyOf(hits.keySet()), "partners", targets, "group", group, "hops", hops));
		for (Record r : records) {
			Hit hit = hits.get(r.get("rid").asString());
			if (hit.nearPartner()) {
				continue;
			}
			int distance = r.get("distance").asInt();
			hit.partnerDistance = distance;
			String whom = (r.get("firm").asBoolean() ? "the firm " : "the firm's partner ") + r.get("partner").asString();
			hit.closeTo = whom;
			hit.via = r.get("via").asList(Value::asString);
			hit.flag = distance == 0 ? "held by " + whom : distance + " relationship(s) from " + whom + " (via " + String.join(", ", hit.via) + ")";
		}
	}

}
