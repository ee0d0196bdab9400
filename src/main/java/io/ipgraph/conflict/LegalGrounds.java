package io.ipgraph.conflict;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ipgraph.model.PartialDates;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The legal grounds that the facts of a squatting hit suggest, each with the facts behind it, for the territory
 * searched. Three patterns, as trademark offices and courts name them:
 * <ul>
 * <li><b>a relation to the firm</b>: the holder is the firm's partner, agent, representative, licensee or otherwise
 * close to it (China: Trademark Law art. 15; EU: EUTMR art. 8(3); US: Paris Convention art. 6septies, in force
 * through 15 U.S.C. §1126);</li>
 * <li><b>prior use</b>: the firm used the mark in the territory before the holder filed (China: art. 32, prior use
 * with some influence; EU: EUTMR art. 8(4); US: 15 U.S.C. §1052(d), earlier use);</li>
 * <li><b>bad faith without intent to use</b>: the holder holds the marks of two or more other firms (China: art. 4;
 * EU: EUTMR art. 59(1)(b); US: 15 U.S.C. §1051(b), no bona fide intent to use).</li>
 * </ul>
 * A ground is a lead for the investigator, never a finding: whether it holds is for the office or court.
 */
final class LegalGrounds {

	private static final Set<String> EU = Set.of("EM", "EU", "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
			"IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE");

	private LegalGrounds() {
	}

	/** A ground the facts suggest: the pattern (relation, prior-use, bad-faith), the law and its provision, the facts in words. */
	public record LegalGround(String pattern, String law, String provision, String facts) {
	}

	/** Adds its legal grounds to each hit. */
	static void name(GraphStore store, Map<String, Squatting.Hit> hits, List<String> group, String jurisdiction) {
		if (hits.isEmpty()) {
			return;
		}
		List<Record> facts = store.read("""
				UNWIND $registrations AS rid
				MATCH (holder:Company|Person|Authority)-[:OWNS]->(r:Registration {id: rid})
				WHERE %s
				OPTIONAL MATCH (user:Company)-[u:USES_MARK]->(:Mark)
				  WHERE user.id IN $group AND u.jurisdiction = $jurisdiction AND u.since IS NOT NULL
				WITH rid, r, holder, min(u.since) AS usedSince
				CALL (holder) {
				  // other firms (one per group) whose marks, used or registered, or their cross-script equivalents, the holder holds
				  OPTIONAL MATCH (holder)-[:OWNS]->(:Registration)-[:OF_MARK]->(:Mark)-[:EQUIVALENT_OF*0..1]-(e:Mark)
				  OPTIONAL MATCH (user:Company)-[:USES_MARK]->(e)
				  OPTIONAL MATCH (owner:Company)-[:OWNS]->(r2:Registration)-[:OF_MARK]->(e) WHERE NOT (holder)-[:OWNS]->(r2)
				  WITH holder, collect(DISTINCT user) + collect(DISTINCT owner) AS firms
				  UNWIND CASE WHEN firms = [] THEN [null] ELSE firms END AS c
				  OPTIONAL MATCH (c)-[:SUBSIDIARY_OF*0..3]->(top:Company) WHERE NOT (top)-[:SUBSIDIARY_OF]->()
				  WITH holder, c, top WHERE c IS NOT NULL AND c <> holder AND %s
				  RETURN collect(DISTINCT coalesce(top.name, c.name)) AS others
				}
				RETURN rid, holder.name AS holder, r.filedOn AS filedOn, usedSince, others""".formatted(GraphStore.visible("holder"), GraphStore.visible("c")),
				Map.of("registrations", List.copyOf(hits.keySet()), "group", group, "jurisdiction", jurisdiction));
		for (Record fact : facts) {
			Squatting.Hit hit = hits.get(fact.get("rid").asString());
			List<LegalGround> grounds = hit.legalGrounds;
			String holder = fact.get("holder").asString();
			if (hit.nearPartner()) {
				grounds.add(ground(jurisdiction, "relation", holder + " is " + hit.flag));
			}
			String filedOn = fact.get("filedOn").asString(null);
			String usedSince = fact.get("usedSince").asString(null);
			if (filedOn != null && usedSince != null) {
				String filedEarliest = PartialDates.earliest(filedOn);
				String usedLatest = PartialDates.latest(usedSince);
				if (filedEarliest != null && usedLatest != null && usedLatest.compareTo(filedEarliest) < 0) {
					grounds.add(ground(jurisdiction, "prior-use", "the firm used the mark in " + jurisdiction + " from "
							+ PartialDates.words(usedSince) + ", before " + holder + " filed (" + PartialDates.words(filedOn) + ")"));
				}
			}
			List<String> others = fact.get("others").asList(Value::asString);
			if (others.size() >= 2) {
				grounds.add(ground(jurisdiction, "bad-faith", holder + " holds marks of " + others.size() + " other firms: "
						+ String.join(", ", others.stream().sorted().toList())));
			}
		}
	}

	private static LegalGround ground(String jurisdiction, String pattern, String facts) {
		String[] law = law(jurisdiction, pattern);
		return new LegalGround(pattern, law[0], law[1], facts);
	}

	/** The law and provision of a pattern in a territory: China, the EU and its members, the US, else the general principle. */
	static String[] law(String jurisdiction, String pattern) {
		if (jurisdiction.equals("CN")) {
			return switch (pattern) {
				case "relation" -> new String[] { "Trademark Law of the PRC", "art. 15 (an agent, representative or business relation filing the principal's mark)" };
				case "prior-use" -> new String[] { "Trademark Law of the PRC", "art. 32 (pre-emptive filing of a mark another already uses with some influence)" };
				default -> new String[] { "Trademark Law of the PRC", "art. 4 (bad-faith filing without intent to use)" };
			};
		}
		if (EU.contains(jurisdiction)) {
			return switch (pattern) {
				case "relation" -> new String[] { "EU Trade Mark Regulation 2017/1001", "art. 8(3) (filing by the proprietor's agent or representative)" };
				case "prior-use" -> new String[] { "EU Trade Mark Regulation 2017/1001", "art. 8(4) (earlier non-registered mark used in the course of trade)" };
				default -> new String[] { "EU Trade Mark Regulation 2017/1001", "art. 59(1)(b) (bad faith when filing)" };
			};
		}
		if (jurisdiction.equals("US")) {
			return switch (pattern) {
				case "relation" -> new String[] { "Paris Convention, via 15 U.S.C. §1126", "art. 6septies (registration by the owner's agent or representative)" };
				case "prior-use" -> new String[] { "Lanham Act", "15 U.S.C. §1052(d) (likely confusion with a mark previously used in the US)" };
				default -> new String[] { "Lanham Act", "15 U.S.C. §1051(b) (no bona fide intention to use)" };
			};
		}
		return switch (pattern) {
			case "relation" -> new String[] { "Paris Convention", "art. 6septies (registration by the owner's agent or representative)" };
			case "prior-use" -> new String[] { "national law", "an earlier unregistered right from use, where the territory protects one" };
			default -> new String[] { "national law", "bad-faith filing, where the territory provides for it" };
		};
	}

}
