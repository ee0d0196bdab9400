package io.ipgraph.resolution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.ipgraph.audit.AuditTrail;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EditConflictException;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Service;

/**
 * Analysts' entity-resolution decisions, kept as {@code (:Judgement)} nodes: who decided, when and why.
 * <ul>
 * <li>A <b>merge</b> says that entities of one kind are one: each is linked to the first by {@code SAME_AS}
 * (citing the judgement), and the queries that follow identities (trace, timeline, neighbourhood, paths,
 * marks per owner, name resolution) treat them as one.</li>
 * <li>A <b>split</b> says that entities are distinct: every {@code SAME_AS} link joining one of them to another's
 * identity is removed (and remembered), and the pair is no longer proposed as a candidate.</li>
 * <li>An <b>undo</b> marks a judgement undone (with who, when and why) and reverses its effect; nothing is
 * deleted, so the history stays readable.</li>
 * </ul>
 * Each decision is one transaction: its checks, the judgement and its effect are written together or not at all.
 */
@Service
public class Judgements {

	static final int MAX_REASON = 2000;

	private final GraphStore store;

	Judgements(GraphStore store) {
		this.store = store;
	}

	public Map<String, Object> merge(List<String> ids, String reason, String by) {
		return merge(ids, null, reason, by);
	}

	/**
	 * {@link #merge(List, String, String)} made on the edit versions {@code versions} of the entities (in the order of
	 * {@code ids}, null for one not checked): refused with an {@link EditConflictException} when one changed since.
	 */
	public Map<String, Object> merge(List<String> ids, List<Integer> versions, String reason, String by) {
		List<String> distinct = check(ids, reason, by);
		String judgementId = "judgement:" + UUID.randomUUID();
		this.store.inWriteTransaction(tx -> {
			String label = sameKind(tx, distinct);
			requireVersions(tx, ids, versions);
			List<Record> blocked = tx.run("""
					UNWIND $ids AS id
					%s
					MATCH (n)-[:SAME_AS*0..%d]-(m)
					WITH collect(DISTINCT m) AS joined
					MATCH (x)<-[:CONCERNS]-(j:Judgement {decision: 'SPLIT', status: 'ACCEPTED'})-[:CONCERNS]->(y)
					WHERE x IN joined AND y IN joined AND x <> y
					RETURN DISTINCT j.id AS id, x.id AS x, y.id AS y LIMIT 1""".formatted(EntityResolution.byId("id", "n"),
					EntityResolution.MAX_SAME_AS), Map.of("ids", distinct)).list();
			if (!blocked.isEmpty()) {
				Record b = blocked.getFirst();
				throw new BadRequestException("Cannot merge: split judgement " + b.get("id").asString() + " says " + b.get("x").asString()
						+ " and " + b.get("y").asString() + " are distinct; undo it first");
			}
			List<Record> joined = tx.run("""
					WITH $first AS firstId
					%s
					MATCH (first)-[:SAME_AS*0..%d]-(m) RETURN collect(DISTINCT m.id) AS ids""".formatted(EntityResolution.byId("firstId", "first"),
					EntityResolution.MAX_SAME_AS), Map.of("first", distinct.getFirst())).list();
			List<String> already = joined.getFirst().get("ids").asList(Value::asString);
			if (already.containsAll(distinct)) {
				throw new BadRequestException("Already merged: " + distinct + " are one " + label);
			}
			tx.run("""
					CREATE (j:Judgement {id: $jid, decision: 'MERGE', status: 'ACCEPTED', entityIds: $ids, by: $by,
					        at: toString(datetime.realtime()), reason: $reason})
					WITH j
					UNWIND range(0, size($ids) - 1) AS i
					WITH j, i, $ids[i] AS id
					%s
					CREATE (j)-[:CONCERNS {sourceIds: [$jid], quotes: [$reason]}]->(n)
					WITH j, i, n WHERE i > 0 AND NOT n.id IN $already
					MATCH (first:`%s` {id: $ids[0]})
					CREATE (n)-[:SAME_AS {judgementId: $jid, sourceIds: [$jid], quotes: [$reason], at: j.at}]->(first)"""
				.formatted(EntityResolution.byId("id", "n"), label),
					Map.of("jid", judgementId, "ids", distinct, "by", by, "reason", reason, "already", already));
			audit(tx, "merge", judgementId, distinct, reason);
			return null;
		});
		return get(judgementId);
	}

	public Map<String, Object> split(List<String> ids, String reason, String by) {
		return split(ids, null, reason, by);
	}

	/** {@link #split(List, String, String)} made on the edit versions {@code versions}, as {@link #merge(List, List, String, String)}. */
	public Map<String, Object> split(List<String> ids, List<Integer> versions, String reason, String by) {
		List<String> distinct = check(ids, reason, by);
		String judgementId = "judgement:" + UUID.randomUUID();
		this.store.inWriteTransaction(tx -> {
			sameKind(tx, distinct);
			requireVersions(tx, ids, versions);
			// each entity after the first leaves the first's identity: all its SAME_AS links go
			List<Record> removed = tx.run("""
					WITH $ids[0] AS firstId
					%s
					MATCH (first)-[:SAME_AS*0..%d]-(member)
					WITH collect(DISTINCT member) AS identity
					UNWIND $ids[1..] AS otherId
					%s
					WITH n WHERE n IN identity
					MATCH (n)-[link:SAME_AS]-()
					WITH DISTINCT link, startNode(link).id AS from, endNode(link).id AS to, link.judgementId AS merge
					DELETE link
					RETURN from + '|' + to + '|' + merge AS removed""".formatted(EntityResolution.byId("firstId", "first"),
					EntityResolution.MAX_SAME_AS, EntityResolution.byId("otherId", "n")), Map.of("ids", distinct)).list();
			List<String> links = removed.stream().map(r -> r.get("removed").asString()).toList();
			List<Record> still = tx.run("""
					UNWIND $ids AS id
					%s
					MATCH (n)-[:SAME_AS*1..%d]-(m) WHERE m.id IN $ids
					RETURN n.id AS a, m.id AS b LIMIT 1""".formatted(EntityResolution.byId("id", "n"), EntityResolution.MAX_SAME_AS),
					Map.of("ids", distinct)).list();
			if (!still.isEmpty()) {
				throw new BadRequestException("Cannot split: " + still.getFirst().get("a").asString() + " and "
						+ still.getFirst().get("b").asString() + " stay joined through other merges; name those entities too");
			}
			tx.run("""
					CREATE (j:Judgement {id: $jid, decision: 'SPLIT', status: 'ACCEPTED', entityIds: $ids, by: $by,
					        at: toString(datetime.realtime()), reason: $reason, removedLinks: $links})
					WITH j
					UNWIND $ids AS id
					%s
					CREATE (j)-[:CONCERNS {sourceIds: [$jid], quotes: [$reason]}]->(n)""".formatted(EntityResolution.byId("id", "n")),
					Map.of("jid", judgementId, "ids", distinct, "by", by, "reason", reason, "links", links));
			audit(tx, "split", judgementId, distinct, reason);
			return null;
		});
		return get(judgementId);
	}

	/**
	 * Records that one mark stands for another across scripts or languages ({@code 乔丹} for {@code Jordan}), as an
	 * analyst judges it: an {@code EQUIVALENT_OF} link citing the judgement, which conflict search then follows.
	 * Undoing the judgement removes the link.
	 */
	public Map<String, Object> equivalent(String markId, String equivalentId, String basis, String reason, String by) {
		requireReason(reason, by);
		if (markId == null || markId.equals(equivalentId)) {
			throw new BadRequestException("name two different marks");
		}
		if (basis != null && !java.util.Set.of("transliteration", "translation", "transliteration and translation").contains(basis)) {
			throw new BadRequestException("basis is transliteration, translation or \"transliteration and translation\", was '" + basis + "'");
		}
		String judgementId = "judgement:" + UUID.randomUUID();
		this.store.inWriteTransaction(tx -> {
			List<Record> marks = tx.run("""
					UNWIND $ids AS id OPTIONAL MATCH (m:Mark {id: id}) RETURN id, m IS NOT NULL AS found""",
					Map.of("ids", List.of(markId, equivalentId))).list();
			for (Record m : marks) {
				if (!m.get("found").asBoolean()) {
					throw new BadRequestException("No mark with id '" + m.get("id").asString() + "'");
				}
			}
			if (!tx.run("MATCH (:Mark {id: $a})-[:EQUIVALENT_OF]-(:Mark {id: $b}) RETURN 1 LIMIT 1", Map.of("a", markId, "b", equivalentId))
				.list()
				.isEmpty()) {
				throw new BadRequestException("Already equivalent: " + markId + " and " + equivalentId);
			}
			tx.run("""
					MATCH (a:Mark {id: $a}), (b:Mark {id: $b})
					CREATE (j:Judgement {id: $jid, decision: 'EQUIVALENT', status: 'ACCEPTED', entityIds: [$a, $b], by: $by,
					        at: toString(datetime.realtime()), reason: $reason, basis: $basis})
					CREATE (j)-[:CONCERNS {sourceIds: [$jid], quotes: [$reason]}]->(a)
					CREATE (j)-[:CONCERNS {sourceIds: [$jid], quotes: [$reason]}]->(b)
					CREATE (a)-[:EQUIVALENT_OF {judgementId: $jid, basis: $basis, sourceIds: [$jid], quotes: [$reason]}]->(b)""",
					parameters("a", markId, "b", equivalentId, "jid", judgementId, "by", by, "reason", reason, "basis", basis));
			audit(tx, "equivalent", judgementId, List.of(markId, equivalentId), reason);
			return null;
		});
		return get(judgementId);
	}

	/** Reverses a judgement's effect and marks it undone; a merge's links go, a split's removed links come back. */
	public Map<String, Object> undo(String id, String reason, String by) {
		requireReason(reason, by);
		this.store.inWriteTransaction(tx -> {
			List<Record> found = tx.run("MATCH (j:Judgement {id: $id}) RETURN j.decision AS decision, j.status AS status,"
					+ " coalesce(j.removedLinks, []) AS links", Map.of("id", id)).list();
			if (found.isEmpty()) {
				throw new BadRequestException("No judgement with id '" + id + "'");
			}
			if (!"ACCEPTED".equals(found.getFirst().get("status").asString())) {
				throw new BadRequestException("Judgement " + id + " is already undone");
			}
			if ("MERGE".equals(found.getFirst().get("decision").asString())) {
				tx.run("MATCH ()-[l:SAME_AS {judgementId: $id}]->() DELETE l", Map.of("id", id));
			}
			else if ("EQUIVALENT".equals(found.getFirst().get("decision").asString())) {
				tx.run("MATCH (:Mark)-[l:EQUIVALENT_OF {judgementId: $id}]->(:Mark) DELETE l", Map.of("id", id));
			}
			else {
				List<Map<String, Object>> links = new ArrayList<>();
				for (String link : found.getFirst().get("links").asList(Value::asString)) {
					String[] parts = link.split("\\|", 3);
					links.add(Map.of("from", parts[0], "to", parts[1], "merge", parts[2]));
				}
				// a removed link returns only while the merge that made it stands
				tx.run("""
						UNWIND $links AS link
						MATCH (m:Judgement {id: link.merge, decision: 'MERGE', status: 'ACCEPTED'})
						WITH link, m, link.from AS fromId, link.to AS toId
						%s
						%s
						MERGE (a)-[l:SAME_AS {judgementId: m.id}]->(b)
						ON CREATE SET l.sourceIds = [m.id], l.quotes = [m.reason], l.at = m.at""".formatted(
						EntityResolution.byId("fromId", "a"), EntityResolution.byId("toId", "b")), Map.of("links", links));
			}
			tx.run("""
					MATCH (j:Judgement {id: $id})
					SET j.status = 'UNDONE', j.undoneBy = $by, j.undoneAt = toString(datetime.realtime()), j.undoReason = $reason""",
					Map.of("id", id, "by", by, "reason", reason));
			audit(tx, "undo", id, List.of(), reason);
			return null;
		});
		return get(id);
	}

	/** The judgement's change record, in its transaction: the judgement as it stands after the change. */
	private static void audit(TransactionContext tx, String action, String judgementId, List<String> entityIds, String reason) {
		Map<String, Object> after = tx.run("MATCH (j:Judgement {id: $id}) RETURN j {.*} AS j", Map.of("id", judgementId)).single().get("j").asMap();
		AuditTrail.record(tx, String.valueOf(after.getOrDefault(action.equals("undo") ? "undoneBy" : "by", "")),
				new AuditTrail.Entry(action, judgementId, "Judgement", null, after, reason, null,
						entityIds.isEmpty() ? null : Map.of("entityIds", entityIds),
						// the entities judged, for the change journal (their labels are looked up when it is read)
						judged(entityIds, after).stream().map(e -> ":" + e).toList(), null));
	}

	/** The entities a judgement concerns: those named, or (for an undo) those the judgement names. */
	private static List<String> judged(List<String> entityIds, Map<String, Object> judgement) {
		if (!entityIds.isEmpty() || !(judgement.get("entityIds") instanceof List<?> named)) {
			return entityIds;
		}
		return named.stream().map(String::valueOf).toList();
	}

	/** Judgements, newest first: all, or those concerning one entity (or any member of its identity). */
	public List<Map<String, Object>> list(String entityId, boolean includeUndone, int limit) {
		List<Record> records = this.store.read("""
				MATCH (j:Judgement)
				WHERE ($entity IS NULL OR $entity IN j.entityIds) AND ($undone OR j.status = 'ACCEPTED')
				RETURN j {.*} AS judgement ORDER BY j.at DESC, j.id LIMIT $limit""",
				parameters("entity", entityId, "undone", includeUndone, "limit", limit));
		return records.stream().map(r -> (Map<String, Object>) new HashMap<>(r.get("judgement").asMap())).toList();
	}

	public Map<String, Object> get(String id) {
		List<Record> records = this.store.read("MATCH (j:Judgement {id: $id}) RETURN j {.*} AS judgement", Map.of("id", id));
		if (records.isEmpty()) {
			throw new BadRequestException("No judgement with id '" + id + "'");
		}
		return new HashMap<>(records.getFirst().get("judgement").asMap());
	}

	/** All the entities exist and are of one kind that entity resolution covers; returns that label. */
	/**
	 * In the judgement's transaction: each entity is still at the edit version the judge read (where one is given), so
	 * that a merge or split is never made on an entity someone changed since it was looked at.
	 */
	private static void requireVersions(TransactionContext tx, List<String> ids, List<Integer> versions) {
		if (versions == null) {
			return;
		}
		if (versions.size() != ids.size()) {
			throw new BadRequestException("versions has " + versions.size() + " entries for " + ids.size() + " ids: give one per id, in their order");
		}
		List<Record> rows = tx.run("UNWIND range(0, size($ids) - 1) AS i WITH i, $ids[i] AS id " + EntityResolution.byId("id", "n")
				+ " RETURN i, coalesce(n.version, 0) AS version ORDER BY i", Map.of("ids", ids)).list();
		for (Record r : rows) {
			Integer sent = versions.get(r.get("i").asInt());
			long current = r.get("version").asLong();
			if (sent != null && sent != current) {
				throw new EditConflictException(ids.get(r.get("i").asInt()), current, sent);
			}
		}
	}

	private static String sameKind(TransactionContext tx, List<String> ids) {
		List<Record> rows = tx.run("UNWIND $ids AS id OPTIONAL " + EntityResolution.byId("id", "n")
				+ " RETURN id, [l IN labels(n) WHERE l IN $labels] AS labels", Map.of("ids", ids, "labels", NameKeyBackfill.LABELS)).list();
		String label = null;
		for (Record r : rows) {
			List<String> labels = r.get("labels").isNull() ? List.of() : r.get("labels").asList(Value::asString);
			if (labels.isEmpty()) {
				throw new BadRequestException("No entity with id '" + r.get("id").asString() + "' among " + NameKeyBackfill.LABELS);
			}
			if (label != null && !label.equals(labels.getFirst())) {
				throw new BadRequestException("Only entities of one kind can be merged or split: " + ids + " mix " + label + " and "
						+ labels.getFirst());
			}
			label = labels.getFirst();
		}
		return label;
	}

	private static List<String> check(List<String> ids, String reason, String by) {
		if (ids == null || new LinkedHashSet<>(ids).size() < 2) {
			throw new BadRequestException("name at least two different entities");
		}
		if (ids.size() > 50) {
			throw new BadRequestException("at most 50 entities in one judgement");
		}
		requireReason(reason, by);
		return List.copyOf(new LinkedHashSet<>(ids));
	}

	private static void requireReason(String reason, String by) {
		if (reason == null || reason.isBlank()) {
			throw new BadRequestException("a judgement needs a reason");
		}
		if (reason.length() > MAX_REASON) {
			throw new BadRequestException("reason is longer than " + MAX_REASON + " characters");
		}
		if (by == null || by.isBlank()) {
			throw new BadRequestException("a judgement needs the name of the analyst who makes it");
		}
	}

	private static Map<String, Object> parameters(Object... keyValues) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			map.put((String) keyValues[i], keyValues[i + 1]);
		}
		return map;
	}

}
