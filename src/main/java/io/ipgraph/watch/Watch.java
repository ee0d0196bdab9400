package io.ipgraph.watch;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ipgraph.conflict.ConflictScorer;
import io.ipgraph.model.EntityRow;

/**
 * A saved question and who asked it: a mark (what conflicts with it, as conflict search scores it, in its
 * territories), an entity (what is newly linked to it within {@code hops}) or the squatting pattern around a firm.
 *
 * @param owner the user who made it; only they change or remove it
 * @param ownerSeesRestricted whether the owner saw restricted entities when they last made or changed it: the watch is
 * evaluated with that visibility, so an analyst's watch never alerts on what analysts may not see
 * @param shared whether the rest of the team sees it and its alerts, and may triage them
 * @param known the keys of the matches it started from: these never alert
 */
public record Watch(String id, String kind, String name, String owner, boolean ownerSeesRestricted, boolean shared, String text,
		List<Integer> classes, List<String> territories, String date, List<String> ownerIds, String entityId, String entityLabel, int hops,
		String firmId, Integer deadlineDays, String webhookUrl, String secret, Set<String> known, String createdAt, String updatedAt) {

	public static final String MARK = "mark";

	public static final String ENTITY = "entity";

	public static final String SQUATTING = "squatting";

	/** The query conflict scoring compares registrations with (mark watches). */
	ConflictScorer.Query query() {
		return ConflictScorer.Query.of(this.text, this.classes, this.date);
	}

	/** Whether a registration in {@code jurisdiction} is in the watch's territories (all, when it names none). */
	boolean covers(String jurisdiction) {
		return this.territories.isEmpty() || this.territories.contains(jurisdiction);
	}

	/** The watch as stored on its node. */
	static Watch of(Map<String, Object> node) {
		return new Watch((String) node.get("id"), (String) node.get("kind"), (String) node.get("name"), (String) node.get("owner"),
				Boolean.TRUE.equals(node.get("ownerSeesRestricted")), Boolean.TRUE.equals(node.get("shared")), (String) node.get("text"),
				integers(node.get("classes")), EntityRow.strings(node.get("territories")), (String) node.get("date"),
				EntityRow.strings(node.get("ownerIds")), (String) node.get("entityId"), (String) node.get("entityLabel"),
				node.get("hops") instanceof Number n ? n.intValue() : 0, (String) node.get("firmId"),
				node.get("deadlineDays") instanceof Number d ? d.intValue() : null, (String) node.get("webhookUrl"), (String) node.get("secret"),
				new HashSet<>(EntityRow.strings(node.get("known"))), (String) node.get("createdAt"), (String) node.get("updatedAt"));
	}

	/** The properties of its node. */
	Map<String, Object> properties() {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("id", this.id);
		p.put("kind", this.kind);
		p.put("name", this.name);
		p.put("owner", this.owner);
		p.put("ownerSeesRestricted", this.ownerSeesRestricted);
		p.put("shared", this.shared);
		p.put("text", this.text);
		p.put("classes", this.classes);
		p.put("territories", this.territories);
		p.put("date", this.date);
		p.put("ownerIds", this.ownerIds);
		p.put("entityId", this.entityId);
		p.put("entityLabel", this.entityLabel);
		p.put("hops", this.hops);
		p.put("firmId", this.firmId);
		p.put("deadlineDays", this.deadlineDays);
		p.put("webhookUrl", this.webhookUrl);
		p.put("secret", this.secret);
		p.put("known", List.copyOf(this.known));
		p.put("createdAt", this.createdAt);
		p.put("updatedAt", this.updatedAt);
		return p;
	}

	private static List<Integer> integers(Object value) {
		return value instanceof List<?> list ? list.stream().map(v -> ((Number) v).intValue()).toList() : List.of();
	}

}
