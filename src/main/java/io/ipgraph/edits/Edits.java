package io.ipgraph.edits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ipgraph.audit.AuditTrail;
import io.ipgraph.imports.GraphImporter;
import io.ipgraph.imports.ImportLine.Citation;
import io.ipgraph.imports.ImportLine.NodeLine;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EditConflictException;
import io.ipgraph.model.EntityRow;
import io.ipgraph.model.GraphModel;
import io.ipgraph.security.CurrentUser;
import io.ipgraph.store.Entities;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.TransactionContext;

import org.springframework.stereotype.Component;

/**
 * Editors' changes to entities, each in one transaction with its change record:
 * <ul>
 * <li><b>update</b> sets or clears properties, checked exactly as an import line would be (kinds, Nice classes, dates,
 * countries, currencies, number patterns, required properties, at least one source), with derived keys recomputed;</li>
 * <li><b>retract</b> takes an entity out of every read path: it loses its kind's label and becomes a
 * {@code (:Retracted)} node with who, when and why, keeping its properties and relationships, so that</li>
 * <li><b>restore</b> can bring it back as it was.</li>
 * </ul>
 * Every edit names the version it was made on; when the entity has moved on since (another editor's change), the
 * edit is refused with the current version and nothing is written (optimistic locking).
 */
@Component
public class Edits {

	/** Bookkeeping that edits never set directly. */
	private static final Set<String> KEPT = Set.of("id", "version", "sourceIds", "quotes");

	/** Kinds whose changes go through their own mutations, or which other facts lean on. */
	private static final Set<String> NOT_EDITABLE = Set.of("Judgement", "Assertion", "Change");

	private final GraphStore store;

	private final GraphModel model;

	private final GraphImporter importer;

	private final Entities entities;

	Edits(GraphStore store, GraphModel model, GraphImporter importer, Entities entities) {
		this.store = store;
		this.model = model;
		this.importer = importer;
		this.entities = entities;
	}

	/** The edit version of an entity (0 before its first edit). */
	public long version(String id) {
		return this.entities.versionOfAny(id)
			.orElseThrow(() -> missing(this.store.readEverything("MATCH (n:Retracted {id: $id}) RETURN n.id", Map.of("id", id)).isEmpty(), id));
	}

	public Map<String, Object> update(String id, long version, Map<String, Object> set, List<String> clear, List<Citation> sources,
			String reason) {
		requireReason(reason);
		if (set.isEmpty() && clear.isEmpty()) {
			throw new BadRequestException("Nothing to change: give properties to set or to clear");
		}
		for (String name : concat(set.keySet(), clear)) {
			if (KEPT.contains(name)) {
				throw new BadRequestException("\"" + name + "\" is kept by ipgraph and cannot be edited");
			}
		}
		return this.store.inWriteTransaction(tx -> {
			Current current = current(tx, id, version);
			if (!current.label().equals("Source") && sources.isEmpty()) {
				throw new BadRequestException("An edit states a fact: cite at least one source for it");
			}
			List<String> cited = sources.stream().map(Citation::id).distinct().toList();
			long known = tx.run("MATCH (s:Source) WHERE s.id IN $ids RETURN count(s) AS n", Map.of("ids", cited)).single().get("n").asLong();
			if (known != cited.size()) {
				throw new BadRequestException("Cited sources must exist; known are " + known + " of " + cited);
			}
			Map<String, Object> merged = new LinkedHashMap<>();
			this.model.nodeProperties(current.label()).orElseThrow().keySet().forEach(name -> {
				if (!KEPT.contains(name) && current.properties().get(name) != null) {
					merged.put(name, current.properties().get(name));
				}
			});
			merged.putAll(set);
			clear.forEach(name -> merged.put(name, null));
			this.importer.writeNode(tx, new NodeLine(0, current.label(), id, merged, sources));
			Map<String, Object> nulls = new HashMap<>();
			clear.forEach(name -> nulls.put(name, null));
			Map<String, Object> after = tx.run("MATCH (n:`" + current.label() + "` {id: $id}) SET n += $nulls, n.version = $version RETURN n {.*} AS n",
					Map.of("id", id, "nulls", nulls, "version", version + 1)).single().get("n").asMap();
			String change = AuditTrail.record(tx, new AuditTrail.Entry("update", id, current.label(), current.properties(), after, reason,
					version + 1, null));
			return result(id, current.label(), version + 1, change);
		});
	}

	public Map<String, Object> retract(String id, long version, String reason) {
		requireReason(reason);
		return this.store.inWriteTransaction(tx -> {
			Current current = current(tx, id, version);
			if (current.label().equals("Source")) {
				throw new BadRequestException("A source is cited by the facts it states; retract or re-source those facts instead");
			}
			Map<String, Object> after = tx.run("""
					MATCH (n:`%s` {id: $id})
					REMOVE n:`%1$s`
					SET n:Retracted, n.retractedLabel = $label, n.retractedAt = toString(datetime.realtime()), n.retractedBy = $by,
					    n.retractedReason = $reason, n.version = $version
					RETURN n {.*} AS n""".formatted(current.label()),
					Map.of("id", id, "label", current.label(), "by", CurrentUser.name(), "reason", reason, "version",
							version + 1))
				.single().get("n").asMap();
			String change = AuditTrail.record(tx, new AuditTrail.Entry("retract", id, current.label(), current.properties(), after, reason,
					version + 1, null));
			return result(id, current.label(), version + 1, change);
		});
	}

	public Map<String, Object> restore(String id, String reason) {
		requireReason(reason);
		return this.store.inWriteTransaction(tx -> {
			List<Record> found = tx.run("MATCH (n:Retracted {id: $id}) RETURN n {.*} AS n", Map.of("id", id)).list();
			if (found.isEmpty()) {
				throw new BadRequestException("No retracted entity " + id);
			}
			Map<String, Object> before = found.getFirst().get("n").asMap();
			String label = String.valueOf(before.get("retractedLabel"));
			if (this.model.nodeProperties(label).isEmpty()) {
				throw new BadRequestException(id + " was a " + label + ", which the schema no longer has");
			}
			if (this.entities.findAny(tx, id).isPresent()) {
				throw new BadRequestException("An entity with id " + id + " exists again (written after the retraction); retract or merge it first");
			}
			long version = before.get("version") instanceof Number n ? n.longValue() : 0;
			Map<String, Object> after = tx.run("""
					MATCH (n:Retracted {id: $id})
					REMOVE n:Retracted, n.retractedLabel, n.retractedAt, n.retractedBy, n.retractedReason
					SET n:`%s`, n.version = $version
					RETURN n {.*} AS n""".formatted(label), Map.of("id", id, "version", version + 1)).single().get("n").asMap();
			String change = AuditTrail.record(tx, new AuditTrail.Entry("restore", id, label, before, after, reason, version + 1, null));
			return result(id, label, version + 1, change);
		});
	}

	/**
	 * Restricts an entity to editors (and admins), or lifts the restriction: analysts then cannot reach it by id,
	 * list, search, name resolution, relationship fields or analyses, and its change records are hidden from them.
	 */
	public Map<String, Object> restrict(String id, long version, boolean restricted, String reason) {
		requireReason(reason);
		return this.store.inWriteTransaction(tx -> {
			Current current = current(tx, id, version);
			String change = restricted
					? "SET n:Restricted, n.restrictedBy = $by, n.restrictedAt = toString(datetime.realtime()), n.restrictedReason = $reason, n.version = $version"
					: "REMOVE n:Restricted, n.restrictedBy, n.restrictedAt, n.restrictedReason SET n.version = $version";
			Map<String, Object> after = tx.run("MATCH (n:`" + current.label() + "` {id: $id}) " + change + " RETURN n {.*} AS n",
					Map.of("id", id, "by", CurrentUser.name(), "reason", reason, "version", version + 1))
				.single().get("n").asMap();
			String record = AuditTrail.record(tx, new AuditTrail.Entry(restricted ? "restrict" : "unrestrict", id, current.label(),
					current.properties(), after, reason, version + 1, null));
			return result(id, current.label(), version + 1, record);
		});
	}

	/** Retracted entities, newest first, for editors who may restore them. */
	public List<Map<String, Object>> retracted(int limit) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (Record r : this.store.readEverything("""
				MATCH (n:Retracted)
				RETURN n.id AS id, n.retractedLabel AS label, coalesce(n.name, n.title, n.text, n.number, n.id) AS name, n.retractedAt AS at,
				       n.retractedBy AS by, n.retractedReason AS reason, n.version AS version
				ORDER BY n.retractedAt DESC LIMIT $limit""", Map.of("limit", limit))) {
			list.add(r.asMap());
		}
		return list;
	}

	private record Current(String label, Map<String, Object> properties) {
	}

	/** The live entity, checked against the version the edit was made on. */
	private Current current(TransactionContext tx, String id, long version) {
		Map<String, Object> found = this.entities.findAny(tx, id)
			.orElseThrow(() -> missing(tx.run("MATCH (n:Retracted {id: $id}) RETURN n.id", Map.of("id", id)).list().isEmpty(), id));
		String label = this.model.labelIgnoringCase(EntityRow.typeName(found)).orElseThrow();
		if (NOT_EDITABLE.contains(label)) {
			throw new BadRequestException("A " + label + " is not edited directly");
		}
		Map<String, Object> properties = new HashMap<>(found);
		properties.remove(EntityRow.TYPENAME);
		long current = properties.get("version") instanceof Number n ? n.longValue() : 0;
		if (current != version) {
			throw new EditConflictException(id, current, version);
		}
		return new Current(label, properties);
	}

	private static BadRequestException missing(boolean gone, String id) {
		return new BadRequestException(gone ? "No entity " + id : id + " is retracted; restore it first");
	}

	private static void requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new BadRequestException("Say why: every change is recorded with its reason");
		}
	}

	private static Map<String, Object> result(String id, String label, long version, String change) {
		return Map.of("id", id, "label", label, "version", version, "changeId", change);
	}

	private static List<String> concat(Set<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

}
