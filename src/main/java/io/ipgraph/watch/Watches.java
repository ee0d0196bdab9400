package io.ipgraph.watch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.ipgraph.audit.AuditTrail;
import io.ipgraph.conflict.ConflictSearch;
import io.ipgraph.conflict.ConflictSearch.Conflict;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.EntityRow;
import io.ipgraph.model.PartialDates;
import io.ipgraph.security.CurrentUser;
import io.ipgraph.store.Entities;
import io.ipgraph.store.GraphStore;
import io.ipgraph.store.Visibility;
import org.neo4j.driver.Record;

import org.springframework.stereotype.Service;

/**
 * Watches, owned by a user and shared with the team: made, listed, changed and removed. A new watch is run once on
 * what the graph holds, as its owner may see it; what it finds is what it starts from ({@link Watch#known}), so only
 * what comes after alerts. Each change of a watch is in the audit trail (without its secret).
 */
@Service
public class Watches {

	private static final Pattern TERRITORY = Pattern.compile("[A-Z][A-Z0-9]{1,3}");

	private static final SecureRandom RANDOM = new SecureRandom();

	/** The most matches a new watch reports in its answer (it records up to {@code ipgraph.watches.max-known}). */
	static final int SHOWN_EXISTING = 100;

	private final GraphStore store;

	private final ConflictSearch conflicts;

	private final Entities entities;

	private final Matching matching;

	private final WatchProperties properties;

	Watches(GraphStore store, ConflictSearch conflicts, Entities entities, Matching matching, WatchProperties properties) {
		this.store = store;
		this.conflicts = conflicts;
		this.entities = entities;
		this.matching = matching;
		this.properties = properties;
	}

	/** A watch just made: the watch, its webhook secret (shown this once) and what already matched it. */
	public record Created(Watch watch, String secret, int existingCount, List<Matching.Found> existing) {
	}

	public Created watchMark(String name, String text, List<Integer> classes, List<String> territories, String date, List<String> ownerIds,
			Integer deadlineDays, boolean shared, String webhookUrl) {
		if (text == null || text.isBlank() || text.length() > 200) {
			throw new BadRequestException("text must be 1 to 200 characters");
		}
		List<String> places = territories(territories);
		String badDate = date == null ? null : PartialDates.check(date);
		if (badDate != null) {
			throw new BadRequestException("date: " + badDate);
		}
		List<Integer> nice = classes == null ? List.of() : List.copyOf(new LinkedHashSet<>(classes));
		Watch w = watch(Watch.MARK, name != null ? name : text.strip(), text.strip(), nice, places, date, ownerIds, null, null, 0, null, deadlineDays,
				shared, webhookUrl);
		List<Matching.Found> existing = new ArrayList<>();
		for (String territory : places) {
			for (Conflict c : this.conflicts.search(w.text(), nice, territory, date, w.ownerIds(), List.of(), 100)) {
				existing.add(Matching.conflict(w, new Matching.Registration(c.registration(), List.of()), c.scored()));
			}
		}
		return save(w, existing);
	}

	public Created watchEntity(String name, String entityId, int hops, boolean shared, String webhookUrl) {
		Map<String, Object> entity = this.entities.require(entityId);
		hops(hops);
		String label = EntityRow.typeName(entity);
		Watch w = watch(Watch.ENTITY, name != null ? name : String.valueOf(entity.getOrDefault("name", entityId)), null, List.of(), List.of(), null,
				List.of(), entityId, label, hops, null, null, shared, webhookUrl);
		List<Matching.Found> existing = new ArrayList<>();
		for (Record r : this.store.read("""
				MATCH (c:`%s` {id: $id}) MATCH p = (c)-[*1..%d]-(x) WHERE %s
				UNWIND relationships(p) AS l
				WITH DISTINCT l LIMIT $max
				RETURN startNode(l).id AS from, type(l) AS type, endNode(l).id AS to""".formatted(label, hops, GraphStore.shownAlong("p")),
				Map.of("id", entityId, "max", this.properties.maxKnown()))) {
			String from = r.get("from").asString();
			String to = r.get("to").asString();
			String type = r.get("type").asString();
			existing.add(new Matching.Found(Matching.linkKey(w.id(), from, type, to), w.id(), "link", to, null, from + " -[" + type + "]-> " + to, null,
					List.of(), List.of(from, to), List.of(), List.of(), null, null, null));
		}
		return save(w, existing);
	}

	public Created watchSquatting(String name, String firmId, List<String> territories, int hops, Integer deadlineDays, boolean shared,
			String webhookUrl) {
		Map<String, Object> firm = this.entities.require(firmId);
		List<String> places = territories(territories);
		hops(hops);
		Watch w = watch(Watch.SQUATTING, name != null ? name : "Squatting around " + firm.getOrDefault("name", firmId), null, List.of(), places, null,
				List.of(), null, null, hops, firmId, deadlineDays, shared, webhookUrl);
		return save(w, this.matching.squatting(List.of(w), null, java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
	}

	private Watch watch(String kind, String name, String text, List<Integer> classes, List<String> territories, String date, List<String> ownerIds,
			String entityId, String entityLabel, int hops, String firmId, Integer deadlineDays, boolean shared, String webhookUrl) {
		if (classes.stream().anyMatch(c -> c < 1 || c > 45)) {
			throw new BadRequestException("Nice classes run from 1 to 45, got " + classes);
		}
		if (deadlineDays != null && (deadlineDays < 1 || deadlineDays > 366)) {
			throw new BadRequestException("deadlineDays must be between 1 and 366, was " + deadlineDays);
		}
		if (name.length() > 200) {
			throw new BadRequestException("name must be at most 200 characters");
		}
		webhook(webhookUrl);
		String now = Instant.now().toString();
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return new Watch("watch:" + UUID.randomUUID(), kind, name, CurrentUser.name(), Visibility.seesRestricted(), shared, text, classes, territories,
				date, ownerIds == null ? List.of() : List.copyOf(ownerIds), entityId, entityLabel, hops, firmId, deadlineDays, webhookUrl,
				HexFormat.of().formatHex(secret), Set.of(), now, now);
	}

	private Created save(Watch made, List<Matching.Found> existing) {
		Set<String> known = new LinkedHashSet<>();
		existing.stream().limit(this.properties.maxKnown()).forEach(f -> known.add(f.key()));
		Watch w = new Watch(made.id(), made.kind(), made.name(), made.owner(), made.ownerSeesRestricted(), made.shared(), made.text(), made.classes(),
				made.territories(), made.date(), made.ownerIds(), made.entityId(), made.entityLabel(), made.hops(), made.firmId(), made.deadlineDays(),
				made.webhookUrl(), made.secret(), known, made.createdAt(), made.updatedAt());
		this.store.inWriteTransaction(tx -> {
			tx.run("CREATE (w:Watch) SET w = $p", Map.of("p", w.properties()));
			AuditTrail.record(tx, new AuditTrail.Entry("watch", w.id(), "Watch", null, described(w), null, null,
					Map.of("kind", w.kind(), "matchesAtStart", existing.size())));
			return null;
		});
		return new Created(w, w.secret(), existing.size(), existing.stream().limit(SHOWN_EXISTING).toList());
	}

	/** Changes what a watch's owner may change: its name, whether it is shared, its webhook, how far ahead of a deadline it alerts. */
	public Watch change(String id, String name, Boolean shared, String webhookUrl, Integer deadlineDays, boolean clearWebhook) {
		Watch w = own(id);
		webhook(webhookUrl);
		if (deadlineDays != null && (deadlineDays < 1 || deadlineDays > 366)) {
			throw new BadRequestException("deadlineDays must be between 1 and 366, was " + deadlineDays);
		}
		Watch changed = new Watch(w.id(), w.kind(), name != null ? name : w.name(), w.owner(), Visibility.seesRestricted(),
				shared != null ? shared : w.shared(), w.text(), w.classes(), w.territories(), w.date(), w.ownerIds(), w.entityId(), w.entityLabel(),
				w.hops(), w.firmId(), deadlineDays != null ? deadlineDays : w.deadlineDays(),
				clearWebhook ? null : webhookUrl != null ? webhookUrl : w.webhookUrl(), w.secret(), w.known(), w.createdAt(), Instant.now().toString());
		this.store.inWriteTransaction(tx -> {
			tx.run("MATCH (w:Watch {id: $id}) SET w = $p", Map.of("id", id, "p", changed.properties()));
			AuditTrail.record(tx, new AuditTrail.Entry("watch-change", id, "Watch", described(w), described(changed), null, null, null));
			return null;
		});
		return changed;
	}

	/** Removes a watch, its alerts and their deliveries not yet made; the audit trail keeps the record of them. */
	public boolean remove(String id) {
		Watch w = own(id);
		this.store.inWriteTransaction(tx -> {
			tx.run("""
					MATCH (w:Watch {id: $id})
					OPTIONAL MATCH (a:Alert {watchId: $id})
					OPTIONAL MATCH (d:Delivery {watchId: $id})
					DETACH DELETE w, a, d""", Map.of("id", id));
			AuditTrail.record(tx, new AuditTrail.Entry("watch-remove", id, "Watch", described(w), null, null, null, null));
			return null;
		});
		return true;
	}

	/** The watches the reader sees: their own and the team's shared ones, on entities they may see. */
	public List<Watch> visible() {
		return read("(w.owner = $me OR w.shared)", Map.of("me", CurrentUser.name()));
	}

	/** The watch {@code id}, when the reader sees it. */
	public Watch get(String id) {
		return read("w.id = $id AND (w.owner = $me OR w.shared)", Map.of("id", id, "me", CurrentUser.name())).stream().findFirst().orElse(null);
	}

	/** Every watch, for the evaluator. */
	List<Watch> all() {
		return this.store.readEverything("MATCH (w:Watch) RETURN w {.*} AS w ORDER BY w.id", Map.of()).stream().map(r -> Watch.of(r.get("w").asMap())).toList();
	}

	/** What tells the evaluator its index is out of date: how many watches there are and the last change of one. */
	String stamp() {
		Record r = this.store.readEverything("MATCH (w:Watch) RETURN count(w) AS n, max(w.updatedAt) AS last", Map.of()).getFirst();
		return r.get("n").asLong() + "/" + r.get("last").asString(null);
	}

	private List<Watch> read(String condition, Map<String, Object> parameters) {
		// a watch names its entity by id: below EDITOR, watches of restricted entities are left out, and everyone's
		// watches of retracted ones
		return this.store.readEverything("""
				MATCH (w:Watch) WHERE %s
				  AND NOT EXISTS { MATCH (x:Retracted) WHERE x.id IN [w.entityId, w.firmId] }
				  AND (%s OR NOT EXISTS { MATCH (x:Restricted) WHERE x.id IN [w.entityId, w.firmId] })
				RETURN w {.*} AS w ORDER BY w.createdAt DESC, w.id""".formatted(condition, GraphStore.seesRestricted()), parameters)
			.stream()
			.map(r -> Watch.of(r.get("w").asMap()))
			.toList();
	}

	private Watch own(String id) {
		Watch w = get(id);
		if (w == null) {
			throw new BadRequestException("No watch with id '" + id + "'");
		}
		if (!w.owner().equals(CurrentUser.name())) {
			throw new BadRequestException("Watch '" + id + "' is " + w.owner() + "'s: only its owner changes or removes it");
		}
		return w;
	}

	/** A watch as the audit trail keeps it: without its secret and the keys it started from. */
	private static Map<String, Object> described(Watch w) {
		Map<String, Object> p = w.properties();
		p.remove("secret");
		p.put("known", w.known().size());
		p.values().removeIf(java.util.Objects::isNull);
		return p;
	}

	private static List<String> territories(List<String> territories) {
		if (territories == null || territories.isEmpty() || territories.size() > 50) {
			throw new BadRequestException("give 1 to 50 territories (ISO 3166-1 alpha-2 codes, or a regional code such as EM)");
		}
		for (String t : territories) {
			if (t == null || !TERRITORY.matcher(t).matches()) {
				throw new BadRequestException("territory must be an ISO 3166-1 alpha-2 code (or a regional code such as EM), was '" + t + "'");
			}
		}
		return List.copyOf(new LinkedHashSet<>(territories));
	}

	private static void hops(int hops) {
		if (hops < 1 || hops > 3) {
			throw new BadRequestException("hops must be between 1 and 3, was " + hops);
		}
	}

	/** A webhook must be http(s) on this machine, or on a host the operator allows ({@code ipgraph.watches.webhook-hosts}). */
	private void webhook(String url) {
		if (url == null) {
			return;
		}
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException("webhookUrl is no URL: " + ex.getMessage());
		}
		if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
			throw new BadRequestException("webhookUrl must be an http or https URL with a host, was '" + url + "'");
		}
		if (this.properties.webhookHosts().contains(uri.getHost()) || loopback(uri.getHost())) {
			return;
		}
		throw new BadRequestException("webhookUrl's host " + uri.getHost() + " is not allowed: alerts go to this machine, or to the hosts an operator "
				+ "lists in ipgraph.watches.webhook-hosts " + this.properties.webhookHosts());
	}

	private static boolean loopback(String host) {
		if (host.equals("localhost")) {
			return true;
		}
		if (!host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+\\]?")) {
			return false;
		}
		try {
			return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
