package io.ipgraph.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import io.ipgraph.security.CurrentUser;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.SimpleQueryRunner;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * The append-only record of every write: who, when, what, and the entity before and after. A change is written in
 * the transaction of the write it records, so there is never a write without its record or a record without its
 * write. Nothing in ipgraph updates or deletes a {@code (:Change)}.
 */
@Component
public class AuditTrail {

	/** Keys ipgraph derives or keeps for itself: left out of the before/after snapshots. */
	static final Set<String> NOT_SNAPSHOT = Set.of("nameKeys", "markKey", "markPinyin", "markPhonetic", "markDeletes", "classTokens",
			"importCreated");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GraphStore store;

	AuditTrail(GraphStore store) {
		this.store = store;
	}

	/**
	 * What one change record says. {@code before} / {@code after} are property maps or null. {@code touched} names the
	 * nodes the change wrote ({@code Label:id}) and {@code links} the relationships it wrote
	 * ({@code FromLabel:fromId|TYPE|ToLabel:toId}), for the change journal; for a change of one entity they default to
	 * that entity.
	 */
	public record Entry(String action, String entityId, String label, Map<String, Object> before, Map<String, Object> after,
			String reason, Long version, Map<String, Object> details, List<String> touched, List<String> links) {

		public Entry(String action, String entityId, String label, Map<String, Object> before, Map<String, Object> after, String reason,
				Long version, Map<String, Object> details) {
			this(action, entityId, label, before, after, reason, version, details, null, null);
		}

	}

	/**
	 * The label every change carries until the watches have been evaluated on it: the change journal. It is written in
	 * the change's own transaction, and taken off in the transaction that writes the change's alerts, so a change is
	 * never lost to the watches nor evaluated twice, whatever stops the process in between.
	 */
	public static final String PENDING = "Pending";

	/** Writes the change in the caller's transaction, by the signed-in user (or the command's user); returns its id. */
	public static String record(SimpleQueryRunner tx, Entry entry) {
		return record(tx, CurrentUser.name(), entry);
	}

	/** Writes the change in the caller's transaction, by the named user (for work done on another thread). */
	public static String record(SimpleQueryRunner tx, String by, Entry entry) {
		String id = "change:" + UUID.randomUUID();
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("id", id);
		parameters.put("by", by);
		parameters.put("action", entry.action());
		parameters.put("entityId", entry.entityId());
		parameters.put("label", entry.label());
		parameters.put("before", json(snapshot(entry.before())));
		parameters.put("after", json(snapshot(entry.after())));
		parameters.put("reason", entry.reason());
		parameters.put("version", entry.version());
		parameters.put("details", json(entry.details()));
		List<String> touched = entry.touched();
		if (touched == null) {
			touched = (entry.entityId() != null && entry.label() != null) ? List.of(entry.label() + ":" + entry.entityId()) : List.of();
		}
		parameters.put("touched", touched);
		parameters.put("links", entry.links() == null ? List.of() : entry.links());
		tx.run("""
				CREATE (:Change:Pending {touched: $touched, links: $links, id: $id, at: toString(datetime.realtime()), by: $by, action: $action, entityId: $entityId, label: $label,
				                 before: $before, after: $after, reason: $reason, version: $version, details: $details})""", parameters);
		return id;
	}

	/**
	 * Changes, newest first: all, or those of one entity or one action. A change names its entity by id, not by a
	 * relationship the database could hide, so this is the one read that states the rule itself, with every node
	 * visible: below EDITOR, the changes of restricted and retracted entities (whose before and after hold what was
	 * withdrawn) are left out.
	 */
	public List<Map<String, Object>> list(String entityId, String action, int limit) {
		List<Map<String, Object>> changes = new ArrayList<>();
		for (Record r : this.store.readEverything("""
				MATCH (c:Change)
				WHERE ($entityId IS NULL OR c.entityId = $entityId) AND ($action IS NULL OR c.action = $action)
				  AND (%s OR c.entityId IS NULL OR NOT EXISTS { MATCH (x:Restricted|Retracted {id: c.entityId}) })
				RETURN c {.*, touched: null, links: null} AS change ORDER BY c.at DESC, c.id LIMIT $limit""".formatted(GraphStore.seesRestricted()),
				parameters("entityId", entityId, "action", action, "limit", limit))) {
			changes.add(r.get("change").asMap());
		}
		return changes;
	}

	public Map<String, Object> get(String id) {
		List<Record> found = this.store.readEverything("MATCH (c:Change {id: $id}) RETURN c {.*, touched: null, links: null} AS change", Map.of("id", id));
		return found.isEmpty() ? null : found.getFirst().get("change").asMap();
	}

	static Map<String, Object> snapshot(Map<String, Object> properties) {
		if (properties == null) {
			return null;
		}
		Map<String, Object> kept = new TreeMap<>(properties);
		kept.keySet().removeAll(NOT_SNAPSHOT);
		return kept;
	}

	private static String json(Object value) {
		return (value == null) ? null : JSON.writeValueAsString(value);
	}

	private static Map<String, Object> parameters(Object... pairs) {
		Map<String, Object> map = new HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], pairs[i + 1]);
		}
		return map;
	}

}
