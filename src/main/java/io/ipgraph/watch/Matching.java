package io.ipgraph.watch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.ipgraph.clocks.LegalClocks;
import io.ipgraph.clocks.LegalClocks.LegalClock;
import io.ipgraph.conflict.ConflictScorer;
import io.ipgraph.conflict.ConflictScorer.Reason;
import io.ipgraph.conflict.ConflictScorer.Scored;
import io.ipgraph.conflict.ConflictSearch;
import io.ipgraph.conflict.Squatting;
import io.ipgraph.conflict.Squatting.SquattingHit;
import io.ipgraph.model.EntityRow;
import io.ipgraph.model.GraphModel;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * What the watches find in what changed: registrations that conflict with a watched mark (scored as conflict search
 * scores them), relationships newly written within a watched entity's hops, registrations the squatting pattern
 * around a watched firm now flags, and the deadlines of the registrations found. Every read goes through the store
 * with the visibility the caller has set (the watches' owners'), so what they may not see is not found.
 */
@Component
class Matching {

	/** What a watch found: one future alert, with the key that makes it once only. */
	record Found(String key, String watchId, String kind, String subjectId, String subjectLabel, String title, Double score, List<Reason> reasons,
			List<String> path, List<String> sourceIds, List<String> quotes, String ruleId, String closes, Long daysLeft) {
	}

	/** A registration as read for the watches: its row and the ids of its owners. */
	record Registration(Map<String, Object> row, List<String> owners) {

		String id() {
			return (String) this.row.get("id");
		}

		String jurisdiction() {
			return (String) this.row.get("jurisdiction");
		}

		String markText() {
			return (String) this.row.get("markText");
		}

	}

	/** Properties that are no part of what a registration says (derived keys, citations, bookkeeping): not in its content hash. */
	static final Set<String> NOT_CONTENT = Set.of("nameKeys", "markKey", "markPinyin", "markPhonetic", "markDeletes", "classTokens", "importCreated",
			"sourceIds", "quotes", "version", "restrictedBy", "restrictedAt", "restrictedReason", EntityRow.TYPENAME);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final GraphStore store;

	private final GraphModel model;

	private final Squatting squatting;

	private final LegalClocks clocks;

	Matching(GraphStore store, GraphModel model, Squatting squatting, LegalClocks clocks) {
		this.store = store;
		this.model = model;
		this.squatting = squatting;
		this.clocks = clocks;
	}

	/** The registrations with these ids that the reader may see, with their owners. */
	List<Registration> registrations(List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		List<Registration> found = new ArrayList<>();
		for (Record r : this.store.read("""
				MATCH (r:Registration) WHERE r.id IN $ids AND %s
				OPTIONAL MATCH (o)-[:OWNS]->(r) WHERE (o:Company OR o:Person OR o:Authority) AND %s
				RETURN r {.*} AS node, collect(o.id) AS owners""".formatted(GraphStore.shown("r"), GraphStore.shown("o")), Map.of("ids", ids))) {
			found.add(new Registration(EntityRow.node(r.get("node"), "Registration"), r.get("owners").asList(Value::asString)));
		}
		return found;
	}

	/** Conflicts between the registrations and the mark watches of {@code index}, and the deadlines of those found. */
	List<Found> marks(WatchIndex index, List<Registration> registrations, LocalDate today) {
		List<Found> found = new ArrayList<>();
		if (!index.hasMarkWatches()) {
			return found;
		}
		for (Registration reg : registrations) {
			Map<String, Object> row = reg.row();
			if (reg.markText() == null || reg.jurisdiction() == null) {
				continue;
			}
			for (WatchIndex.Indexed candidate : index.candidates(reg.jurisdiction(), (String) row.get("markKey"), (String) row.get("markPinyin"),
					(String) row.get("markPhonetic"), EntityRow.strings(row.get("markDeletes")))) {
				Watch w = candidate.watch();
				if (!w.covers(reg.jurisdiction()) || reg.owners().stream().anyMatch(w.ownerIds()::contains)) {
					continue;
				}
				Scored scored = ConflictScorer.score(candidate.query(), ConflictSearch.candidate(row));
				if (scored == null) {
					continue;
				}
				found.add(conflict(w, reg, scored));
				found.addAll(deadlines(w, reg, today));
			}
		}
		return found;
	}

	static Found conflict(Watch w, Registration reg, Scored scored) {
		String title = "\"" + reg.markText() + "\" (" + reg.id() + ", " + reg.jurisdiction() + ") conflicts with the watched mark \"" + w.text()
				+ "\": score " + scored.score();
		return new Found(w.id() + "|conflict|" + reg.id() + "|" + contentHash(reg.row()), w.id(), "conflict", reg.id(), "Registration", title,
				scored.score(), scored.reasons(), List.of(reg.id()), EntityRow.strings(reg.row().get("sourceIds")),
				EntityRow.strings(reg.row().get("quotes")), null, null, null);
	}

	/** The windows of a registration a watch found that close within the watch's days (none when it asks for none). */
	List<Found> deadlines(Watch w, Registration reg, LocalDate today) {
		if (w.deadlineDays() == null) {
			return List.of();
		}
		List<Found> found = new ArrayList<>();
		for (LegalClock clock : this.clocks.of(reg.row(), today)) {
			if (!"open".equals(clock.state()) || clock.daysLeft() == null || clock.daysLeft() > w.deadlineDays() || clock.closes() == null) {
				continue;
			}
			String closes = clock.closes().date();
			String title = clock.rule().name() + " of " + reg.id() + " (\"" + reg.markText() + "\"), which the watch \"" + w.name() + "\" found, closes in "
					+ clock.daysLeft() + " days, on " + closes + " (" + clock.rule().law() + ", " + clock.rule().article() + ")";
			found.add(new Found(w.id() + "|deadline|" + reg.id() + "|" + clock.rule().id() + "|" + closes, w.id(), "deadline", reg.id(), "Registration",
					title, null, List.of(new Reason("deadline", 0, clock.rule().rule())), List.of(reg.id()), clock.sourceIds(), clock.quotes(),
					clock.rule().id(), closes, clock.daysLeft()));
		}
		return found;
	}

	/**
	 * Hits of the squatting pattern around each watched firm, among the registrations that changed (all its hits when
	 * {@code registrations} is null: what a new watch starts from).
	 */
	List<Found> squatting(List<Watch> watches, List<Registration> registrations, LocalDate today) {
		List<Found> found = new ArrayList<>();
		for (Watch w : watches) {
			Map<String, Registration> changed = new HashMap<>();
			if (registrations != null) {
				registrations.stream().filter(r -> r.jurisdiction() != null && w.covers(r.jurisdiction())).forEach(r -> changed.put(r.id(), r));
				if (changed.isEmpty()) {
					continue;
				}
			}
			for (String territory : w.territories()) {
				for (SquattingHit hit : this.squatting.find(w.firmId(), territory, w.hops()).hits()) {
					Registration reg = registrations == null ? new Registration(hit.registration(), List.of())
							: changed.get((String) hit.registration().get("id"));
					if (reg == null) {
						continue;
					}
					String title = "\"" + reg.markText() + "\" (" + reg.id() + ") fits the squatting pattern around " + w.firmId() + " in " + territory
							+ (hit.flag() != null ? ": " + hit.flag() : "");
					List<String> path = new ArrayList<>(hit.via() == null ? List.of() : hit.via());
					path.add(reg.id());
					found.add(new Found(w.id() + "|squatting|" + reg.id() + "|" + contentHash(reg.row()), w.id(), "squatting", reg.id(), "Registration",
							title, null, hit.reasons(), path, EntityRow.strings(reg.row().get("sourceIds")), EntityRow.strings(reg.row().get("quotes")),
							null, null, null));
					found.addAll(deadlines(w, reg, today));
				}
			}
		}
		return found;
	}

	/**
	 * Relationships among {@code links} ({@code FromLabel:fromId|TYPE|ToLabel:toId}, as the change journal names them)
	 * with an end within a watched entity's hops, both ends visible, each with the path from the watched entity.
	 */
	List<Found> links(List<Watch> watches, List<String> links) {
		List<Found> found = new ArrayList<>();
		if (watches.isEmpty() || links.isEmpty()) {
			return found;
		}
		List<Link> parsed = links.stream().map(Link::parse).filter(l -> l != null && known(l)).toList();
		Set<String> ends = new LinkedHashSet<>();
		parsed.forEach(l -> {
			ends.add(l.from());
			ends.add(l.to());
		});
		Set<String> shown = shown(parsed);
		Map<List<Object>, List<Watch>> groups = new LinkedHashMap<>();
		for (Watch w : watches) {
			if (w.entityLabel() != null && this.model.labels().contains(w.entityLabel())) {
				groups.computeIfAbsent(List.of(w.entityLabel(), w.hops()), k -> new ArrayList<>()).add(w);
			}
		}
		for (Map.Entry<List<Object>, List<Watch>> group : groups.entrySet()) {
			int reach = (Integer) group.getKey().get(1) - 1;
			Map<String, List<Watch>> byEntity = new HashMap<>();
			group.getValue().forEach(w -> byEntity.computeIfAbsent(w.entityId(), k -> new ArrayList<>()).add(w));
			for (Record r : this.store.read("""
					UNWIND $watched AS watched
					MATCH (c:`%s` {id: watched}) WHERE %s
					MATCH p = (c)-[*0..%d]-(x) WHERE x.id IN $ends AND %s
					WITH watched, x.id AS reached, [n IN nodes(p) | n.id] AS path ORDER BY size(path)
					RETURN watched, reached, collect(path)[0] AS path""".formatted(group.getKey().get(0), GraphStore.shown("c"), reach, GraphStore.shownAlong("p")),
					Map.of("watched", List.copyOf(byEntity.keySet()), "ends", List.copyOf(ends)))) {
				String reached = r.get("reached").asString();
				List<String> path = r.get("path").asList(Value::asString);
				for (Link link : parsed) {
					if (!(link.from().equals(reached) || link.to().equals(reached)) || !shown.contains(link.from()) || !shown.contains(link.to())) {
						continue;
					}
					String other = link.from().equals(reached) ? link.to() : link.from();
					if (path.contains(other)) {
						continue;
					}
					for (Watch w : byEntity.getOrDefault(r.get("watched").asString(), List.of())) {
						found.add(link(w, link, path, other));
					}
				}
			}
		}
		return found;
	}

	private Found link(Watch w, Link link, List<String> path, String other) {
		List<String> full = new ArrayList<>(path);
		full.add(other);
		int hops = full.size() - 1;
		List<String> sourceIds = new ArrayList<>();
		List<String> quotes = new ArrayList<>();
		for (Record r : this.store.read("MATCH (:`%s` {id: $from})-[l:`%s`]->(:`%s` {id: $to}) RETURN l.sourceIds AS s, l.quotes AS q LIMIT 1"
			.formatted(link.fromLabel(), link.type(), link.toLabel()), Map.of("from", link.from(), "to", link.to()))) {
			sourceIds.addAll(EntityRow.strings(r.get("s").asObject()));
			quotes.addAll(EntityRow.strings(r.get("q").asObject()));
		}
		String title = "New " + link.type() + " " + link.from() + " -> " + link.to() + ", " + hops + " hop" + (hops == 1 ? "" : "s") + " from "
				+ w.entityId();
		Reason why = new Reason("new-link", 0, link.fromLabel() + " " + link.from() + " -[" + link.type() + "]-> " + link.toLabel() + " " + link.to()
				+ " was written within " + w.hops() + " hop(s) of " + w.entityId() + ", along " + String.join(" - ", full));
		return new Found(linkKey(w.id(), link.from(), link.type(), link.to()), w.id(), "link", other,
				other.equals(link.to()) ? link.toLabel() : link.fromLabel(), title, null, List.of(why), full, sourceIds, quotes, null, null, null);
	}

	static String linkKey(String watchId, String from, String type, String to) {
		return watchId + "|link|" + from + "|" + type + "|" + to;
	}

	/** The ends of the links that the reader may see. */
	private Set<String> shown(List<Link> links) {
		Map<String, Set<String>> byLabel = new HashMap<>();
		links.forEach(l -> {
			byLabel.computeIfAbsent(l.fromLabel(), k -> new LinkedHashSet<>()).add(l.from());
			byLabel.computeIfAbsent(l.toLabel(), k -> new LinkedHashSet<>()).add(l.to());
		});
		Set<String> shown = new java.util.HashSet<>();
		byLabel.forEach((label, ids) -> this.store
			.read("MATCH (x:`%s`) WHERE x.id IN $ids AND %s RETURN x.id AS id".formatted(label, GraphStore.shown("x")), Map.of("ids", List.copyOf(ids)))
			.forEach(r -> shown.add(r.get("id").asString())));
		return shown;
	}

	/** Whether the link's labels and type are the model's (they are formatted into the statements). */
	private boolean known(Link link) {
		return this.model.labels().contains(link.fromLabel()) && this.model.labels().contains(link.toLabel())
				&& this.model.relationshipTypes().contains(link.type());
	}

	/** A relationship as the change journal names it. */
	record Link(String fromLabel, String from, String type, String toLabel, String to) {

		static Link parse(String text) {
			String[] parts = text.split("\\|", 3);
			if (parts.length != 3) {
				return null;
			}
			int a = parts[0].indexOf(':');
			int b = parts[2].indexOf(':');
			if (a < 1 || b < 1) {
				return null;
			}
			return new Link(parts[0].substring(0, a), parts[0].substring(a + 1), parts[1], parts[2].substring(0, b), parts[2].substring(b + 1));
		}

	}

	/** A short hash of what a registration (or any entity) says: its properties without derived keys and citations. */
	static String contentHash(Map<String, Object> row) {
		Map<String, Object> content = new TreeMap<>(row);
		content.keySet().removeAll(NOT_CONTENT);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
