package io.ipgraph.watch;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.ipgraph.audit.AuditTrail;
import io.ipgraph.security.CurrentUser;
import io.ipgraph.security.Role;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Evaluates the watches on every change, from the change journal: each {@code (:Change:Pending)} (written in the
 * transaction of its change) is read, the watches are run on what it touched, and its alerts are written, with their
 * deliveries and the removal of its {@code :Pending} label, in one transaction. A process stopped at any point leaves
 * the change pending (evaluated after the restart) or evaluated with its alerts; alerts are keyed, so evaluating a
 * change again never alerts twice. The work grows with what changed: a changed registration is compared only with the
 * mark watches its territory and keys reach ({@link WatchIndex}), a new relationship is looked for only around the
 * watched entities. Watches are run with their owners' visibility, in two groups: those who see restricted entities
 * and those who do not.
 */
@Component
@ConditionalOnWebApplication
class WatchEvaluator extends Background {

	private static final Logger log = LoggerFactory.getLogger(WatchEvaluator.class);

	/** A round slower than this is logged, with what it covered. */
	static final long SLOW_ROUND_MS = 2000;

	/** Changes evaluated in one transaction. */
	static final int CHANGES_PER_ROUND = 10;

	private final GraphStore store;

	private final Watches watches;

	private final Matching matching;

	private final Webhooks webhooks;

	private final WatchProperties properties;

	private String stamp;

	private Map<Boolean, WatchIndex> indexes = Map.of();

	private long nextSweep;

	WatchEvaluator(GraphStore store, Watches watches, Matching matching, Webhooks webhooks, WatchProperties properties) {
		this.store = store;
		this.watches = watches;
		this.matching = matching;
		this.webhooks = webhooks;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.properties.evaluate()) {
			log.info("Watches are not evaluated by this instance (ipgraph.watches.evaluate=false): changes wait in the journal");
			return;
		}
		startThread("ipgraph-watches");
	}

	@Override
	Duration round() {
		int evaluated;
		try {
			evaluated = evaluatePending();
			this.failures = 0;
		}
		catch (RuntimeException ex) {
			// a change the watches cannot be run on must not hold up the ones after it: the round is tried again one
			// change at a time, and a change that still fails is set aside, with the error on its record
			this.failures++;
			if (this.failures > SET_ASIDE_AFTER) {
				setAside(ex);
				this.failures = 0;
			}
			throw ex;
		}
		if (System.currentTimeMillis() >= this.nextSweep) {
			sweepDeadlines();
			this.nextSweep = System.currentTimeMillis() + this.properties.deadlineSweep().toMillis();
		}
		return evaluated == 0 ? this.properties.poll() : Duration.ZERO;
	}

	/** Evaluates up to {@link #CHANGES_PER_ROUND} pending changes, oldest first; how many there were. */
	int evaluatePending() {
		List<Record> pending = this.store.readEverything("""
				MATCH (c:Change:%s) WITH c ORDER BY c.at, c.id LIMIT $n
				RETURN c.id AS id, coalesce(c.touched, []) AS touched, coalesce(c.links, []) AS links""".formatted(AuditTrail.PENDING),
				Map.of("n", this.failures > 0 ? 1 : CHANGES_PER_ROUND));
		if (pending.isEmpty()) {
			return 0;
		}
		long started = System.nanoTime();
		refreshIndexes();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Map<String, Alerted> found = new LinkedHashMap<>();
		List<String> changeIds = new ArrayList<>();
		// what the round's changes touched, each registration and relationship with the first change that touched it:
		// the watches are run once on all of it (a squatting watch runs its pattern once a round, not once a change)
		Map<String, String> registrations = new LinkedHashMap<>();
		Map<String, String> links = new LinkedHashMap<>();
		for (Record change : pending) {
			String changeId = change.get("id").asString();
			changeIds.add(changeId);
			for (String touched : change.get("touched").asList(Value::asString)) {
				int colon = touched.indexOf(':');
				String label = colon < 0 ? "" : touched.substring(0, colon);
				if (label.isEmpty() || label.equals("Registration")) {
					registrations.putIfAbsent(touched.substring(colon + 1), changeId);
				}
			}
			change.get("links").asList(Value::asString).forEach(l -> links.putIfAbsent(l, changeId));
		}
		Map<String, String> linkChanges = new HashMap<>();
		links.forEach((l, c) -> {
			Matching.Link link = Matching.Link.parse(l);
			if (link != null) {
				linkChanges.putIfAbsent(link.from() + "|" + link.type() + "|" + link.to(), c);
			}
		});
		for (Map.Entry<Boolean, WatchIndex> group : this.indexes.entrySet()) {
			WatchIndex index = group.getValue();
			List<Matching.Found> results = asOwners(group.getKey(), () -> {
				List<Matching.Found> all = new ArrayList<>();
				List<Watch> squatting = index.ofKind(Watch.SQUATTING);
				if (!registrations.isEmpty() && (index.hasMarkWatches() || !squatting.isEmpty())) {
					List<Matching.Registration> regs = this.matching.registrations(List.copyOf(registrations.keySet()));
					all.addAll(this.matching.marks(index, regs, today));
					all.addAll(this.matching.squatting(squatting, regs, today));
				}
				all.addAll(this.matching.links(index.ofKind(Watch.ENTITY), List.copyOf(links.keySet())));
				return all;
			});
			for (Matching.Found f : results) {
				String changeId = f.kind().equals("link") ? linkChanges.get(f.key().substring(f.key().indexOf("|link|") + "|link|".length()))
						: registrations.get(f.subjectId());
				found.putIfAbsent(f.key(), new Alerted(f, changeId));
			}
		}
		int written = write(new ArrayList<>(found.values()), changeIds);
		long took = (System.nanoTime() - started) / 1_000_000;
		if (took > SLOW_ROUND_MS) {
			log.info("Watches evaluated on {} change(s) ({} registrations, {} relationships) in {} ms: {} new alert(s)", changeIds.size(),
					registrations.size(), links.size(), took, written);
		}
		if (written > 0) {
			log.debug("{} change(s) evaluated: {} new alert(s)", changeIds.size(), written);
			this.webhooks.wake();
		}
		return pending.size();
	}

	private record Alerted(Matching.Found found, String changeId) {
	}

	/** Rounds that may fail in a row, the last ones on a single change, before that change is set aside. */
	static final int SET_ASIDE_AFTER = 3;

	private int failures;

	/** Takes the oldest pending change out of the journal, with the error on its record (it stays in the audit trail). */
	private void setAside(RuntimeException ex) {
		List<Record> oldest = this.store.readEverything("MATCH (c:Change:%s) WITH c ORDER BY c.at, c.id LIMIT 1 RETURN c.id AS id"
			.formatted(AuditTrail.PENDING), Map.of());
		if (oldest.isEmpty()) {
			return;
		}
		String id = oldest.getFirst().get("id").asString();
		log.error("The watches could not be run on change {}; it is set aside (journalError on its record): {}", id, ex.getMessage());
		this.store.write("MATCH (c:Change {id: $id}) SET c.journalError = $error REMOVE c:%s".formatted(AuditTrail.PENDING),
				Map.of("id", id, "error", String.valueOf(ex.getMessage())));
	}

	/** Writes the alerts not yet known (and their deliveries), and takes the changes out of the journal, in one transaction. */
	private int write(List<Alerted> alerts, List<String> changeIds) {
		Map<String, Watch> byId = new HashMap<>();
		this.indexes.values().forEach(i -> i.all().forEach(w -> byId.put(w.id(), w)));
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Alerted a : alerts) {
			Watch w = byId.get(a.found().watchId());
			if (w == null || w.known().contains(a.found().key())) {
				continue;
			}
			rows.add(Map.of("props", Alerts.properties(a.found(), a.changeId()), "webhook", w.webhookUrl() != null));
		}
		return this.store.inWriteTransaction(tx -> {
			long created = rows.isEmpty() ? 0 : tx.run("""
					UNWIND $rows AS row
					MERGE (a:Alert {key: row.props.key})
					ON CREATE SET a += row.props, a.at = toString(datetime.realtime()), a.fresh = true
					WITH a, row WHERE a.fresh IS NOT NULL
					REMOVE a.fresh
					FOREACH (_ IN CASE WHEN row.webhook THEN [1] ELSE [] END |
					  CREATE (:Delivery {id: 'delivery:' + randomUUID(), alertId: a.id, watchId: a.watchId, state: 'pending', attempts: 0,
					                     nextAt: timestamp()}))
					RETURN count(*) AS n""", Map.of("rows", rows)).single().get("n").asLong();
			if (!changeIds.isEmpty()) {
				tx.run("MATCH (c:Change:%s) WHERE c.id IN $ids REMOVE c:%s".formatted(AuditTrail.PENDING, AuditTrail.PENDING), Map.of("ids", changeIds))
					.consume();
			}
			return (int) created;
		});
	}

	/** The deadlines that have come near since the registrations were found (watches that ask for them). */
	void sweepDeadlines() {
		refreshIndexes();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		List<Alerted> found = new ArrayList<>();
		for (Map.Entry<Boolean, WatchIndex> group : this.indexes.entrySet()) {
			for (Watch w : group.getValue().all()) {
				if (w.deadlineDays() == null) {
					continue;
				}
				List<String> ids = this.store.readEverything("""
						MATCH (a:Alert {watchId: $watch}) WHERE a.kind IN ['conflict', 'squatting'] AND a.state <> 'dismissed'
						RETURN DISTINCT a.subjectId AS id""", Map.of("watch", w.id())).stream().map(r -> r.get("id").asString()).toList();
				asOwners(group.getKey(), () -> {
					for (Matching.Registration reg : this.matching.registrations(ids)) {
						this.matching.deadlines(w, reg, today).forEach(f -> found.add(new Alerted(f, null)));
					}
					return null;
				});
			}
		}
		if (!found.isEmpty() && write(found, List.of()) > 0) {
			this.webhooks.wake();
		}
	}

	/** Rebuilds the watch indexes when a watch was made, changed or removed since they were built. */
	private void refreshIndexes() {
		String now = this.watches.stamp();
		if (now.equals(this.stamp)) {
			return;
		}
		Map<Boolean, List<Watch>> groups = new HashMap<>();
		for (Watch w : this.watches.all()) {
			groups.computeIfAbsent(w.ownerSeesRestricted(), k -> new ArrayList<>()).add(w);
		}
		Map<Boolean, WatchIndex> built = new LinkedHashMap<>();
		groups.forEach((sees, list) -> built.put(sees, WatchIndex.of(list)));
		this.indexes = built;
		this.stamp = now;
	}

	/** Runs the reads of a group of watches with their owners' visibility. */
	private static <T> T asOwners(boolean seeRestricted, Supplier<T> work) {
		return CurrentUser.actingAs("ipgraph-watches", seeRestricted ? Role.EDITOR : Role.ANALYST, work);
	}

}
