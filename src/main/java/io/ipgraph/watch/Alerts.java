package io.ipgraph.watch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.ipgraph.audit.AuditTrail;
import io.ipgraph.conflict.ConflictScorer.Reason;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.Cited;
import io.ipgraph.model.EntityRow;
import io.ipgraph.security.CurrentUser;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * The alerts of the watches a reader sees, and their triage: new, then confirmed or dismissed (with a reason), and
 * back, each step in the audit trail. An alert is about entities named by id (the registration, or the path of a new
 * relationship); this read states the visibility rule itself, with every node visible, as the audit trail's does:
 * an alert whose path holds an entity the reader may not see is left out.
 */
@Service
public class Alerts {

	public static final List<String> STATES = List.of("new", "confirmed", "dismissed");

	public static final List<String> KINDS = List.of("conflict", "link", "squatting", "deadline");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GraphStore store;

	Alerts(GraphStore store) {
		this.store = store;
	}

	/**
	 * An alert: what matched (the subject, with the path from the watched entity for a new relationship), why, the
	 * change that caused it (none for a deadline found by the daily look), the subject's sources, and its state.
	 */
	public record Alert(String id, String watchId, String kind, String state, String subjectId, String subjectLabel, String title, Double score,
			List<Reason> reasons, List<String> path, String changeId, String at, String stateReason, String stateBy, String stateAt, String ruleId,
			String closes, Long daysLeft, List<String> sourceIds, List<String> quotes) implements Cited {
	}

	/** Alerts per watch and state. */
	public record AlertCount(String watchId, String watchName, String state, long count) {
	}

	/** The rule of every read of alerts: a watch the reader sees, and nothing on its path hidden from them. */
	private static final String SEEN = """
			MATCH (w:Watch {id: a.watchId}) WHERE (w.owner = $me OR w.shared)
			  AND NOT EXISTS { MATCH (x:Retracted) WHERE x.id IN a.path }
			  AND (%s OR NOT EXISTS { MATCH (x:Restricted) WHERE x.id IN a.path })""".formatted(GraphStore.seesRestricted());

	public List<Alert> list(String watchId, String state, String kind, int limit, int offset) {
		check(state, kind);
		if (limit < 1 || limit > 500 || offset < 0) {
			throw new BadRequestException("limit must be between 1 and 500 and offset 0 or more");
		}
		Map<String, Object> p = new HashMap<>();
		p.put("watch", watchId);
		p.put("state", state);
		p.put("kind", kind);
		p.put("me", CurrentUser.name());
		p.put("limit", limit);
		p.put("offset", offset);
		List<Alert> alerts = new ArrayList<>();
		for (Record r : this.store.readEverything("""
				MATCH (a:Alert) WHERE ($watch IS NULL OR a.watchId = $watch) AND ($state IS NULL OR a.state = $state) AND ($kind IS NULL OR a.kind = $kind)
				%s
				RETURN a {.*} AS a ORDER BY a.at DESC, a.id SKIP $offset LIMIT $limit""".formatted(SEEN), p)) {
			alerts.add(alert(r.get("a").asMap()));
		}
		return alerts;
	}

	public List<AlertCount> counts(String watchId) {
		Map<String, Object> p = new HashMap<>();
		p.put("watch", watchId);
		p.put("me", CurrentUser.name());
		List<AlertCount> counts = new ArrayList<>();
		for (Record r : this.store.readEverything("""
				MATCH (a:Alert) WHERE ($watch IS NULL OR a.watchId = $watch)
				%s
				RETURN a.watchId AS watch, w.name AS name, a.state AS state, count(*) AS n ORDER BY name, watch, state""".formatted(SEEN), p)) {
			counts.add(new AlertCount(r.get("watch").asString(), r.get("name").asString(null), r.get("state").asString(), r.get("n").asLong()));
		}
		return counts;
	}

	/** The alert {@code id}, when the reader sees it. */
	public Alert get(String id) {
		List<Record> found = this.store.readEverything("MATCH (a:Alert {id: $id}) " + SEEN + " RETURN a {.*} AS a",
				Map.of("id", id, "me", CurrentUser.name()));
		return found.isEmpty() ? null : alert(found.getFirst().get("a").asMap());
	}

	/** The delivery of an alert the reader sees (to its watch's webhook), or null. */
	public Map<String, Object> delivery(String alertId) {
		List<Record> found = this.store.readEverything("MATCH (d:Delivery {alertId: $id}) RETURN d {.id, .state, .attempts, .lastError, .deliveredAt} AS d",
				Map.of("id", alertId));
		return found.isEmpty() ? null : found.getFirst().get("d").asMap();
	}

	/**
	 * Moves an alert to {@code state}: anyone who sees the watch may triage it. Dismissing needs a reason. Reversible;
	 * each step is a change in the audit trail. A dismissed alert stays dismissed when the same registration comes again
	 * unchanged: a new alert comes only when what the registration says changes.
	 */
	public Alert triage(String id, String state, String reason) {
		String to = state == null ? null : state.toLowerCase(Locale.ROOT);
		if (!STATES.contains(to)) {
			throw new BadRequestException("state must be one of " + STATES + ", was '" + state + "'");
		}
		if (to.equals("dismissed") && (reason == null || reason.isBlank())) {
			throw new BadRequestException("say why the alert is dismissed (reason)");
		}
		Alert before = get(id);
		if (before == null) {
			throw new BadRequestException("No alert with id '" + id + "'");
		}
		String by = CurrentUser.name();
		this.store.inWriteTransaction(tx -> {
			Map<String, Object> after = tx.run("""
					MATCH (a:Alert {id: $id})
					SET a.state = $state, a.stateReason = $reason, a.stateBy = $by, a.stateAt = toString(datetime.realtime())
					RETURN a {.state, .stateReason, .stateBy, .stateAt} AS after""", parameters(id, to, reason, by)).single().get("after").asMap();
			Map<String, Object> was = new HashMap<>();
			was.put("state", before.state());
			was.put("stateReason", before.stateReason());
			was.values().removeIf(java.util.Objects::isNull);
			AuditTrail.record(tx, new AuditTrail.Entry("alert-" + to, id, "Alert", was, after, reason, null,
					Map.of("watchId", before.watchId(), "subjectId", before.subjectId())));
			return null;
		});
		return get(id);
	}

	private static Map<String, Object> parameters(String id, String state, String reason, String by) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", id);
		p.put("state", state);
		p.put("reason", reason);
		p.put("by", by);
		return p;
	}

	private static void check(String state, String kind) {
		if (state != null && !STATES.contains(state)) {
			throw new BadRequestException("state must be one of " + STATES + ", was '" + state + "'");
		}
		if (kind != null && !KINDS.contains(kind)) {
			throw new BadRequestException("kind must be one of " + KINDS + ", was '" + kind + "'");
		}
	}

	static Alert alert(Map<String, Object> a) {
		List<Reason> reasons = a.get("reasons") instanceof String json ? JSON.readValue(json, new TypeReference<List<Reason>>() {
		}) : List.of();
		return new Alert((String) a.get("id"), (String) a.get("watchId"), (String) a.get("kind"), (String) a.get("state"), (String) a.get("subjectId"),
				(String) a.get("subjectLabel"), (String) a.get("title"), a.get("score") instanceof Number n ? n.doubleValue() : null, reasons,
				EntityRow.strings(a.get("path")), (String) a.get("changeId"), (String) a.get("at"), (String) a.get("stateReason"),
				(String) a.get("stateBy"), (String) a.get("stateAt"), (String) a.get("ruleId"), (String) a.get("closes"),
				a.get("daysLeft") instanceof Number d ? d.longValue() : null, EntityRow.strings(a.get("sourceIds")), EntityRow.strings(a.get("quotes")));
	}

	/** The properties of a new alert's node. */
	static Map<String, Object> properties(Matching.Found f, String changeId) {
		Map<String, Object> p = new HashMap<>();
		p.put("id", "alert:" + java.util.UUID.randomUUID());
		p.put("key", f.key());
		p.put("watchId", f.watchId());
		p.put("kind", f.kind());
		p.put("state", "new");
		p.put("subjectId", f.subjectId());
		p.put("subjectLabel", f.subjectLabel());
		p.put("title", f.title());
		p.put("score", f.score());
		p.put("reasons", JSON.writeValueAsString(f.reasons()));
		p.put("path", f.path());
		p.put("changeId", changeId);
		p.put("sourceIds", f.sourceIds());
		p.put("quotes", f.quotes());
		p.put("ruleId", f.ruleId());
		p.put("closes", f.closes());
		p.put("daysLeft", f.daysLeft());
		return p;
	}

}
