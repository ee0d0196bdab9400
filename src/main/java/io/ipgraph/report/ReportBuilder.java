package io.ipgraph.report;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.ipgraph.analysis.Aggregations;
import io.ipgraph.analysis.Aggregations.Contradiction;
import io.ipgraph.analysis.GraphAnalysis;
import io.ipgraph.analysis.Timeline;
import io.ipgraph.clocks.LegalClocks;
import io.ipgraph.analysis.Timeline.TimelineEvent;
import io.ipgraph.conflict.ConflictScorer;
import io.ipgraph.conflict.ConflictSearch;
import io.ipgraph.conflict.Squatting;
import io.ipgraph.conflict.Squatting.SquattingHit;
import io.ipgraph.model.BadRequestException;
import io.ipgraph.model.GraphModel;
import io.ipgraph.report.Report.Footnote;
import io.ipgraph.report.Report.Row;
import io.ipgraph.report.Report.Sentence;
import io.ipgraph.report.Report.Table;
import io.ipgraph.store.Entities;
import io.ipgraph.store.GraphStore;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Service;

import static io.ipgraph.report.ReportWording.appealText;
import static io.ipgraph.report.ReportWording.asMap;
import static io.ipgraph.report.ReportWording.distances;
import static io.ipgraph.report.ReportWording.idsOf;
import static io.ipgraph.report.ReportWording.kind;
import static io.ipgraph.report.ReportWording.maps;
import static io.ipgraph.report.ReportWording.name;
import static io.ipgraph.report.ReportWording.partiesText;
import static io.ipgraph.report.ReportWording.property;
import static io.ipgraph.report.ReportWording.registrationText;
import static io.ipgraph.report.ReportWording.relOf;
import static io.ipgraph.report.ReportWording.rulingText;
import static io.ipgraph.report.ReportWording.seizureText;
import static io.ipgraph.report.ReportWording.sentence;
import static io.ipgraph.report.ReportWording.text;

/**
 * Gathers an investigative report on an entity and the network within a few relationships of it: the
 * subgraph (jurisdictions and offices end a path), the details of its registrations, lawsuits and seizures,
 * the timeline, the conflicts that the conflict search and the squatting pattern find, and the contradictions
 * between sources. Every row and sentence cites the sources of the nodes and relationships it states. A fixed
 * number of queries, whatever the subgraph holds, plus one conflict search per registration and per mark use.
 */
@Service
public class ReportBuilder {

	public static final int MIN_HOPS = 1;

	public static final int MAX_HOPS = 4;

	static final int CAP_PER_HOP = 200;

	static final int MAX_DRAWN = 60;

	private static final int MAX_CONFLICT_SEARCHES = 10;

	private final GraphStore store;

	private final GraphModel model;

	private final GraphAnalysis analysis;

	private final Timeline timeline;

	private final Aggregations aggregations;

	private final ConflictSearch conflicts;

	private final Squatting squatting;

	private final Entities entities;

	private final LegalClocks clocks;

	ReportBuilder(GraphStore store, GraphModel model, GraphAnalysis analysis, Timeline timeline, Aggregations aggregations,
			ConflictSearch conflicts, Squatting squatting, Entities entities, LegalClocks clocks) {
		this.entities = entities;
		this.clocks = clocks;
		this.store = store;
		this.model = model;
		this.analysis = analysis;
		this.timeline = timeline;
		this.aggregations = aggregations;
		this.conflicts = conflicts;
		this.squatting = squatting;
	}

	/** Checks the arguments of a report: an id of at most 300 characters and hops within bounds. */
	public static void check(String id, Integer hops) {
		if (id == null || id.isBlank() || id.length() > 300) {
			throw new BadRequestException("id must be 1 to 300 characters");
		}
		if (hops == null || hops < MIN_HOPS || hops > MAX_HOPS) {
			throw new BadRequestException("hops must be between " + MIN_HOPS + " and " + MAX_HOPS + ", was " + hops);
		}
	}

	/** The report on entity {@code id} and what lies within {@code hops} relationships of it. */
	public Report build(String id, int hops) {
		check(id, hops);
		if (!this.entities.exists(id)) {
			throw new UnknownEntityException(id);
		}
		GraphAnalysis.Subgraph subgraph = this.analysis.around(id, hops, CAP_PER_HOP);
		Map<String, Object> center = subgraph.center();
		List<Map<String, Object>> nodes = subgraph.nodes();
		Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
		nodes.forEach(n -> byId.put((String) n.get("id"), n));
		List<String> ids = List.copyOf(byId.keySet());

		Footnotes notes = new Footnotes();
		List<Record> lawsuits = lawsuits(idsOf(nodes, "Lawsuit"));
		List<Record> registrations = registrations(idsOf(nodes, "Registration"));
		List<Record> seizures = seizures(idsOf(nodes, "Seizure"));
		List<Contradiction> allContradictions = this.aggregations.contradictions(null, null, 1000);
		List<Contradiction> contradictions = allContradictions.stream()
			.filter(c -> byId.containsKey(c.subjectId()))
			.toList();
		String agreement = contradictions.isEmpty() ? agreement(id, hops, allContradictions) : null;
		List<ConflictRow> conflictRows = conflicts(nodes, subgraph.relationships(), byId);

		List<Sentence> summary = summary(center, hops, subgraph, lawsuits, registrations, seizures, conflictRows, contradictions, notes);
		List<Table> tables = new ArrayList<>();
		tables.add(ReportTables.parties(nodes, notes));
		tables.add(ReportTables.links(subgraph.relationships(), byId, notes));
		tables.add(timeline(nodes, subgraph.relationships(), notes));
		tables.add(ReportTables.registrationTable(registrations, notes));
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		tables.add(ReportTables.clockTable(registrations.stream().flatMap(r -> this.clocks.of(r.get("registration").asMap(), today).stream()).toList(),
				today, notes));
		tables.add(ReportTables.lawsuitTable(lawsuits, notes));
		tables.add(ReportTables.seizureTable(seizures, notes));
		tables.add(ReportTables.conflictTable(conflictRows, notes));
		tables.add(ReportTables.contradictionTable(contradictions, agreement, notes));
		Report.Network network = ReportTables.network(center, nodes, subgraph.relationships());
		return new Report(id, name(center), kind(center), hops, summary, network,
				tables.stream().map(Table::withoutEmptyColumns).toList(), footnotes(notes),
				today.toString());
	}

	// ---- queries ----

	private List<Record> lawsuits(List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.store.read("""
				MATCH (l:Lawsuit) WHERE l.id IN $ids
				CALL (l) { MATCH (l)-[h:HEARD_BY]->(c) RETURN collect({name: c.name, node: properties(c), rel: properties(h)}) AS courts }
				CALL (l) {
				  MATCH (p)-[r:PARTY_TO]->(l)
				  WITH p, r ORDER BY r.role DESC, p.name
				  RETURN collect({name: coalesce(p.name, p.id), role: r.role, nameAsGiven: r.nameAsGiven, rel: properties(r)}) AS parties
				}
				CALL (l) {
				  MATCH (l)-[h:HAS_RULING]->(ru:Ruling)
				  CALL (ru) { OPTIONAL MATCH (ru)-[:ISSUED_BY]->(c) RETURN c.name AS court }
				  CALL (ru) {
				    MATCH (a:Appeal)-[ap:APPEALS]->(ru)
				    CALL (a) { OPTIONAL MATCH (a)-[t:TO_COURT]->(c) RETURN c.name AS court, properties(t) AS to }
				    CALL (a) { OPTIONAL MATCH (w)-[f:FILED_APPEAL]->(a) RETURN collect(w.name) AS by, collect(properties(f)) AS filed }
				    RETURN collect({appeal: properties(a), rel: properties(ap), court: court, to: to, by: by, filed: filed}) AS appeals
				  }
				  WITH ru, h, court, appeals ORDER BY ru.date, ru.id
				  RETURN collect({ruling: properties(ru), rel: properties(h), court: court, appeals: appeals}) AS rulings
				}
				RETURN properties(l) AS lawsuit, courts, parties, rulings ORDER BY l.filedOn, l.id""", Map.of("ids", ids));
	}

	private List<Record> registrations(List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.store.read("""
				MATCH (r:Registration) WHERE r.id IN $ids
				CALL (r) {
				  MATCH (o)-[w:OWNS]->(r) WITH o, w ORDER BY w.from, o.name
				  RETURN collect({name: coalesce(o.name, o.id), from: w.from, to: w.to, rel: properties(w)}) AS owners
				}
				RETURN properties(r) AS registration, owners ORDER BY r.filedOn, r.id""", Map.of("ids", ids));
	}

	private List<Record> seizures(List<String> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.store.read("""
				MATCH (s:Seizure) WHERE s.id IN $ids
				CALL (s) { MATCH (a)-[r:CONDUCTED]->(s) RETURN collect({name: a.name, rel: properties(r)}) AS authorities }
				CALL (s) { MATCH (a)-[r:ASSISTED]->(s) RETURN collect({name: a.name, rel: properties(r)}) AS assisted }
				CALL (s) { MATCH (s)-[r:INFRINGED]->(m) RETURN collect({name: m.text, rel: properties(r)}) AS marks }
				CALL (s) { MATCH (s)-[r:SOLD_BY]->(c) RETURN collect({name: c.name, rel: properties(r)}) AS sellers }
				RETURN properties(s) AS seizure, authorities, assisted, marks, sellers
				ORDER BY s.date, s.country, s.id""", Map.of("ids", ids));
	}

	/**
	 * Conflicts of the registrations in the report (earlier ones in their territory, held by others), and the
	 * squatting pattern of every company that uses a mark in a territory.
	 */
	private List<ConflictRow> conflicts(List<Map<String, Object>> nodes, List<Map<String, Object>> relationships,
			Map<String, Map<String, Object>> byId) {
		List<ConflictRow> rows = new ArrayList<>();
		Set<String> found = new LinkedHashSet<>();
		int searches = 0;
		Map<String, Map<String, Object>> uses = new LinkedHashMap<>();
		for (Map<String, Object> rel : relationships) {
			String jurisdiction = property(rel, "jurisdiction");
			if ("USES_MARK".equals(rel.get("type")) && jurisdiction != null) {
				uses.putIfAbsent(rel.get("from") + "\u0000" + jurisdiction, rel);
			}
		}
		for (Map.Entry<String, Map<String, Object>> use : new java.util.TreeMap<>(uses).entrySet()) {
			if (searches++ >= MAX_CONFLICT_SEARCHES) {
				break;
			}
			String firm = (String) use.getValue().get("from");
			String jurisdiction = property(use.getValue(), "jurisdiction");
			for (SquattingHit hit : this.squatting.find(firm, jurisdiction, 2).hits()) {
				Map<String, Object> registration = hit.registration();
				if (!found.add(registration.get("id") + "\u0000" + hit.markText())) {
					continue;
				}
				List<ConflictScorer.Reason> reasons = hit.reasons();
				String flag = "filed before " + (hit.firmFiling() == null ? "any filing of the mark by " : "the filing of " + hit.firmFiling() + " by ")
						+ name(byId.getOrDefault(firm, Map.of("id", firm))) + " in " + jurisdiction
						+ (hit.flag() == null ? "" : "; " + hit.flag());
				rows.add(new ConflictRow("\"" + hit.markText() + "\" as used by " + name(byId.getOrDefault(firm, Map.of("id", firm))) + " in "
						+ jurisdiction, registration, List.of(), reasons.stream().mapToDouble(ConflictScorer.Reason::weight).sum(), reasons, flag,
						List.of(registration, use.getValue())));
			}
		}
		for (Map<String, Object> node : nodes) {
			if (!"Registration".equals(kind(node)) || searches++ >= MAX_CONFLICT_SEARCHES) {
				continue;
			}
			for (ConflictSearch.Conflict c : this.conflicts.forRegistration((String) node.get("id"), 10)) {
				if (found.add(c.scored().registrationId() + "\u0000" + node.get("markText"))) {
					rows.add(new ConflictRow(name(node), c.registration(), List.of(), c.scored().score(), c.scored().reasons(),
							"earlier in the same territory, held by others", List.of(c.registration(), node)));
				}
			}
		}
		if (rows.isEmpty()) {
			return rows;
		}
		Map<String, List<String>> holders = new HashMap<>();
		for (Record r : this.store.read("""
				MATCH (o)-[:OWNS]->(r:Registration) WHERE r.id IN $ids
				WITH r, o ORDER BY o.name RETURN r.id AS id, collect(coalesce(o.name, o.id)) AS holders""",
				Map.of("ids", rows.stream().map(c -> (String) c.registration().get("id")).distinct().toList()))) {
			holders.put(r.get("id").asString(), r.get("holders").asList(Value::asString));
		}
		return rows.stream()
			.map(c -> new ConflictRow(c.searchedFor(), c.registration(), holders.getOrDefault((String) c.registration().get("id"), List.of()),
					c.score(), c.reasons(), c.flag(), c.cited()))
			.toList();
	}

	// ---- summary ----

	private List<Sentence> summary(Map<String, Object> center, int hops, GraphAnalysis.Subgraph subgraph, List<Record> lawsuits,
			List<Record> registrations, List<Record> seizures, List<ConflictRow> conflictRows, List<Contradiction> contradictions,
			Footnotes notes) {
		List<Sentence> summary = new ArrayList<>();
		summary.add(new Sentence("This report covers " + name(center) + " (" + kind(center) + ", " + center.get("id") + ") and the "
				+ (subgraph.nodes().size() - 1) + " entities and " + subgraph.relationships().size() + " relationships within " + hops
				+ " relationship" + (hops == 1 ? "" : "s") + " of it" + (subgraph.truncated() ? " (capped at " + CAP_PER_HOP + " relationships per hop)" : "")
				+ ". Jurisdictions and offices end a path: the entities of their territory stay out unless linked otherwise.",
				notes.cite(center)));
		if (center.get("description") != null) {
			summary.add(new Sentence(String.valueOf(center.get("description")), notes.cite(center)));
		}
		for (Record l : lawsuits) {
			Map<String, Object> lawsuit = l.get("lawsuit").asMap();
			List<Map<String, Object>> parties = maps(l.get("parties"));
			List<Map<String, Object>> courts = maps(l.get("courts"));
			List<Map<String, Object>> cited = new ArrayList<>(List.of(lawsuit));
			parties.forEach(p -> cited.add(relOf(p)));
			courts.forEach(c -> cited.add(relOf(c)));
			summary.add(new Sentence(text(lawsuit.get("title"), lawsuit.get("id")) + (lawsuit.get("caseNumber") == null ? "" : ", case " + lawsuit.get("caseNumber"))
					+ (lawsuit.get("filedOn") == null ? "" : ", was filed in " + lawsuit.get("filedOn"))
					+ (courts.isEmpty() ? "" : " before the " + courts.stream().map(c -> String.valueOf(c.get("name"))).collect(Collectors.joining(", ")))
					+ ". " + sentence(partiesText(parties)) + (lawsuit.get("status") == null ? "" : " Status: " + lawsuit.get("status") + "."),
					notes.citeAll(cited)));
			for (Map<String, Object> r : maps(l.get("rulings"))) {
				Map<String, Object> ruling = asMap(r.get("ruling"));
				summary.add(new Sentence("The " + text(ruling.get("instance"), "") + " ruling" + (r.get("court") == null ? "" : " of the " + r.get("court"))
						+ (ruling.get("date") == null ? "" : " (" + ruling.get("date") + ")") + ": " + rulingText(ruling) + ".",
						notes.cite(ruling, asMap(r.get("rel")))));
				for (Map<String, Object> a : maps(r.get("appeals"))) {
					List<Map<String, Object>> appealCited = new ArrayList<>(List.of(asMap(a.get("appeal")), asMap(a.get("rel"))));
					appealCited.addAll(maps(a.get("filed")));
					summary.add(new Sentence(appealText(a) + ".", notes.citeAll(appealCited)));
				}
			}
		}
		if (!registrations.isEmpty()) {
			List<Map<String, Object>> cited = registrations.stream().map(r -> r.get("registration").asMap()).toList();
			summary.add(new Sentence(sentence(registrations.size() + " registration" + (registrations.size() == 1 ? "" : "s") + " in this network: "
					+ registrations.stream().limit(8).map(r -> registrationText(r.get("registration").asMap(), maps(r.get("owners"))))
						.collect(Collectors.joining("; "))
					+ (registrations.size() > 8 ? "; and more (see Registrations)" : "")), notes.citeAll(cited)));
		}
		if (!seizures.isEmpty()) {
			summary.add(new Sentence(seizures.size() + " seizure" + (seizures.size() == 1 ? "" : "s") + ": "
					+ seizures.stream().limit(8).map(s -> seizureText(s.get("seizure").asMap())).collect(Collectors.joining("; ")) + ".",
					notes.citeAll(seizures.stream().map(s -> s.get("seizure").asMap()).toList())));
		}
		if (!conflictRows.isEmpty()) {
			summary.add(new Sentence("Conflict search finds " + conflictRows.size() + " earlier registration" + (conflictRows.size() == 1 ? "" : "s")
					+ (conflictRows.size() == 1 ? " that conflicts" : " that conflict") + " with marks in this network: "
					+ conflictRows.stream().map(c -> name(c.registration()) + (c.holders().isEmpty() ? ", its holder not recorded" : " held by "
							+ String.join(", ", c.holders())) + " (" + c.flag() + ")")
						.collect(Collectors.joining("; ")) + ".",
					notes.citeAll(conflictRows.stream().flatMap(c -> c.cited().stream()).toList())));
		}
		if (!contradictions.isEmpty()) {
			List<Map<String, Object>> claims = contradictions.stream().flatMap(c -> c.claims().stream()).toList();
			summary.add(new Sentence("Sources disagree on " + contradictions.size() + " fact" + (contradictions.size() == 1 ? "" : "s") + ": "
					+ contradictions.stream().map(c -> c.property() + " of " + name(c.subject()) + " ("
							+ c.claims().stream().map(a -> "\"" + a.get("value") + "\"").distinct().collect(Collectors.joining(" / ")) + ")")
						.collect(Collectors.joining("; ")) + ". Each claim is kept with its source (see Contradictions).",
					notes.citeAll(claims)));
		}
		return summary;
	}


	private Table timeline(List<Map<String, Object>> nodes, List<Map<String, Object>> relationships, Footnotes notes) {
		List<Row> rows = new ArrayList<>();
		for (TimelineEvent event : this.timeline.events(nodes, relationships)) {
			String date = event.date() != null ? event.date() : event.dateAsGiven() != null ? event.dateAsGiven() + " (year not given)" : "undated";
			rows.add(new Row(List.of(date, event.kind(), event.title()), notes.cite(event)));
		}
		return new Table("timeline", "Timeline", "Dated facts in date order; partial dates stay partial, undated facts come last.",
				List.of("Date", "Kind", "Event"), rows, "No dated facts.");
	}

	/**
	 * What the contradictions table says when none lies within {@code hops}: that the sources agree that far, and,
	 * when sources disagree on facts of entities a little further out (up to {@link #MAX_HOPS}), how far and how many,
	 * so that "the sources agree" is never read as more than it is.
	 */
	private String agreement(String id, int hops, List<Contradiction> all) {
		String within = "The sources agree on everything within " + hops + " relationship" + (hops == 1 ? "" : "s") + " of " + "this entity";
		if (all.isEmpty() || hops >= MAX_HOPS) {
			return within + ".";
		}
		GraphAnalysis.Subgraph wider = this.analysis.around(id, MAX_HOPS, CAP_PER_HOP);
		Map<String, Integer> distance = distances(id, wider.relationships());
		int nearest = Integer.MAX_VALUE;
		int facts = 0;
		for (Contradiction c : all) {
			Integer d = distance.get(c.subjectId());
			if (d != null && d > hops) {
				if (d < nearest) {
					nearest = d;
					facts = 0;
				}
				if (d == nearest) {
					facts++;
				}
			}
		}
		return nearest == Integer.MAX_VALUE ? within + " (and up to " + MAX_HOPS + ")."
				: within + "; they disagree on " + facts + " fact" + (facts == 1 ? "" : "s") + " " + nearest + " relationships away (a report with "
						+ "hops=" + nearest + " shows " + (facts == 1 ? "it" : "them") + ").";
	}

	private List<Footnote> footnotes(Footnotes notes) {
		List<Footnotes.Citation> citations = notes.citations();
		Map<String, Map<String, Object>> sources = new HashMap<>();
		for (Record r : this.store.read("MATCH (s:Source) WHERE s.id IN $ids RETURN s {.*} AS source",
				Map.of("ids", citations.stream().map(Footnotes.Citation::sourceId).distinct().toList()))) {
			Map<String, Object> source = r.get("source").asMap();
			sources.put((String) source.get("id"), source);
		}
		List<Footnote> footnotes = new ArrayList<>();
		for (int i = 0; i < citations.size(); i++) {
			Footnotes.Citation c = citations.get(i);
			Map<String, Object> s = sources.getOrDefault(c.sourceId(), Map.of());
			footnotes.add(new Footnote(i + 1, c.sourceId(), text(s.get("title"), c.sourceId()), (String) s.get("publisher"),
					(String) s.get("publishedOn"), (String) s.get("url"), (String) s.get("retrievedOn"), (String) s.get("kind"),
					(String) s.get("note"), c.quote()));
		}
		return footnotes;
	}

}
