package io.ipgraph.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.ipgraph.analysis.Aggregations.Contradiction;
import io.ipgraph.clocks.LegalClocks;
import io.ipgraph.clocks.LegalClocks.LegalClock;
import io.ipgraph.model.EntityRow;
import io.ipgraph.report.Report.Row;
import io.ipgraph.report.Report.Table;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import static io.ipgraph.report.ReportWording.appealText;
import static io.ipgraph.report.ReportWording.asMap;
import static io.ipgraph.report.ReportWording.classes;
import static io.ipgraph.report.ReportWording.details;
import static io.ipgraph.report.ReportWording.distances;
import static io.ipgraph.report.ReportWording.kind;
import static io.ipgraph.report.ReportWording.maps;
import static io.ipgraph.report.ReportWording.money;
import static io.ipgraph.report.ReportWording.name;
import static io.ipgraph.report.ReportWording.partiesText;
import static io.ipgraph.report.ReportWording.relOf;
import static io.ipgraph.report.ReportWording.rulingText;
import static io.ipgraph.report.ReportWording.text;

/**
 * The tables of a report, from what {@link ReportBuilder} gathered: parties, relationships, registrations, lawsuits,
 * seizures, conflicts and contradictions, each row citing its sources through the report's footnotes; and the
 * network to draw.
 */
final class ReportTables {

	static final Set<String> PARTY_KINDS = Set.of("Company", "Person", "Authority", "Court");

	private ReportTables() {
	}

	static Table parties(List<Map<String, Object>> nodes, Footnotes notes) {
		List<Row> rows = new ArrayList<>();
		nodes.stream()
			.filter(n -> PARTY_KINDS.contains(kind(n)))
			.sorted(Comparator.comparing((Map<String, Object> n) -> List.copyOf(PARTY_KINDS).indexOf(kind(n))).thenComparing(ReportWording::name))
			.forEach(n -> rows.add(new Row(List.of(name(n), kind(n) + (n.get("kind") == null ? "" : " (" + n.get("kind") + ")"),
					text(n.get("country"), ""), String.join(", ", EntityRow.strings(n.get("aliases"))), text(n.get("description"), "")),
					notes.cite(n))));
		return new Table("parties", "Parties", "The companies, people, authorities and courts in this network.",
				List.of("Name", "Type", "Country", "Also known as", "Description"), rows, "No parties in this network.");
	}

	static Table links(List<Map<String, Object>> relationships, Map<String, Map<String, Object>> byId, Footnotes notes) {
		List<Row> rows = new ArrayList<>();
		relationships.stream()
			.sorted(Comparator.comparing((Map<String, Object> r) -> String.valueOf(r.get("type")))
				.thenComparing(r -> name(byId.getOrDefault((String) r.get("from"), Map.of("id", r.get("from")))))
				.thenComparing(r -> name(byId.getOrDefault((String) r.get("to"), Map.of("id", r.get("to"))))))
			.forEach(r -> rows.add(new Row(List.of(name(byId.getOrDefault((String) r.get("from"), Map.of("id", r.get("from")))),
					String.valueOf(r.get("type")), name(byId.getOrDefault((String) r.get("to"), Map.of("id", r.get("to")))), details(r)),
					notes.cite(r))));
		return new Table("links", "How they are linked", "Every relationship between the entities of this network, with its own facts.",
				List.of("From", "Relationship", "To", "Details"), rows, "No relationships.");
	}

	static Table registrationTable(List<Record> registrations, Footnotes notes) {
		List<Row> rows = new ArrayList<>();
		for (Record r : registrations) {
			Map<String, Object> reg = r.get("registration").asMap();
			List<Map<String, Object>> owners = maps(r.get("owners"));
			List<Map<String, Object>> cited = new ArrayList<>(List.of(reg));
			owners.forEach(o -> cited.add(relOf(o)));
			rows.add(new Row(List.of(text(reg.get("office"), ""), EntityRow.registrationNumber(reg), text(reg.get("markText"), ""),
					classes(reg.get("classes")), text(reg.get("jurisdiction"), ""), text(reg.get("filedOn"), ""), text(reg.get("registeredOn"), ""),
					text(reg.get("expiresOn"), ""), text(reg.get("status"), ""), owners.stream().map(ReportWording::ownerText).collect(Collectors.joining("; "))),
					notes.citeAll(cited)));
		}
		return new Table("registrations", "Registrations", "Trademark registrations and applications in this network.",
				List.of("Office", "Number", "Mark", "Classes", "Territory", "Filed", "Registered", "Expires", "Status", "Owners"), rows,
				"No registrations in this network.");
	}

	/** The legal clocks of the registrations, where they stood on the day of the report, each citing the registration's dates. */
	static Table clockTable(List<LegalClock> clocks, LocalDate asOf, Footnotes notes) {
		List<Row> rows = new ArrayList<>();
		for (LegalClock c : clocks) {
			String state = c.cannotCompute() != null ? "cannot be computed: " + c.cannotCompute()
					: c.state() + (c.daysLeft() == null ? "" : ", " + c.daysLeft() + " days left");
			rows.add(new Row(List.of(c.registrationId(), c.rule().name() + " (" + c.rule().law() + " " + c.rule().article() + ")", when(c.opens()),
					when(c.closes()), when(c.lateUntil()), state), notes.cite(c)));
		}
		return new Table("clocks", "Legal clocks", "The windows and deadlines the rules of each registration's office set, counted from its dates,"
				+ " where they stood on " + asOf + ". A partial date gives the earliest and latest day; holidays are not counted; read the"
				+ " article before relying on a day.", List.of("Registration", "Window", "Opens", "Closes", "Late until", "State"), rows,
				"No registration in this network is at an office the table of rules knows.");
	}

	private static String when(LegalClocks.When when) {
		return when == null ? "" : when.on() != null ? when.on() : "between " + when.earliest() + " and " + when.latest();
	}

	static Table lawsuitTable(List<Record> lawsuits, Footnotes notes) {
		List<Row> rows = new ArrayList<>();
		for (Record l : lawsuits) {
			Map<String, Object> lawsuit = l.get("lawsuit").asMap();
			List<Map<String, Object>> cited = new ArrayList<>(List.of(lawsuit));
			List<Map<String, Object>> courts = maps(l.get("courts"));
			List<Map<String, Object>> parties = maps(l.get("parties"));
			courts.forEach(c -> cited.add(relOf(c)));
			parties.forEach(p -> cited.add(relOf(p)));
			List<String> rulings = new ArrayList<>();
			List<String> appeals = new ArrayList<>();
			for (Map<String, Object> r : maps(l.get("rulings"))) {
				Map<String, Object> ruling = asMap(r.get("ruling"));
				cited.add(ruling);
				rulings.add(text(ruling.get("instance"), "ruling") + (ruling.get("date") == null ? "" : " " + ruling.get("date")) + ": " + rulingText(ruling));
				for (Map<String, Object> a : maps(r.get("appeals"))) {
					cited.add(asMap(a.get("appeal")));
					cited.add(asMap(a.get("to")));
					cited.addAll(maps(a.get("filed")));
					appeals.add(appealText(a));
				}
			}
			rows.add(new Row(List.of(text(lawsuit.get("title"), lawsuit.get("id")) + (lawsuit.get("caseNumber") == null ? "" : " — " + lawsuit.get("caseNumber")),
					courts.stream().map(c -> String.valueOf(c.get("name"))).collect(Collectors.joining(", ")), text(lawsuit.get("filedOn"), ""),
					partiesText(parties), String.join("; ", EntityRow.strings(lawsuit.get("claims"))), String.join("; ", rulings),
					String.join("; ", appeals), text(lawsuit.get("status"), "")), notes.citeAll(cited)));
		}
		return new Table("lawsuits", "Lawsuits", "Cases in this network: court, parties and their roles, claims, rulings with damages, appeals.",
				List.of("Case", "Court", "Filed", "Parties", "Claims", "Rulings and damages", "Appeals", "Status"), rows,
				"No lawsuits in this network.");
	}

	static Table seizureTable(List<Record> seizures, Footnotes notes) {
		List<Row> rows = new ArrayList<>();
		for (Record s : seizures) {
			Map<String, Object> seizure = s.get("seizure").asMap();
			List<Map<String, Object>> cited = new ArrayList<>(List.of(seizure));
			List<String> cells = new ArrayList<>();
			cells.add(seizure.get("date") != null ? String.valueOf(seizure.get("date"))
					: seizure.get("dateAsGiven") != null ? seizure.get("dateAsGiven") + " (year not given)" : "");
			cells.add(Stream.of(seizure.get("place"), seizure.get("country")).filter(Objects::nonNull).map(String::valueOf).collect(Collectors.joining(", ")));
			cells.add(text(seizure.get("goods"), ""));
			cells.add(Stream.of(seizure.get("itemCountQualifier"), seizure.get("itemCount") == null ? null : String.format(Locale.ROOT, "%,d",
					((Number) seizure.get("itemCount")).longValue())).filter(Objects::nonNull).map(String::valueOf).collect(Collectors.joining(" ")));
			cells.add((seizure.get("valueQualifier") == null || seizure.get("valueAmount") == null ? "" : seizure.get("valueQualifier") + " ")
					+ money(seizure.get("valueAmount"), seizure.get("valueCurrency")));
			for (String key : List.of("authorities", "assisted", "marks", "sellers")) {
				List<Map<String, Object>> linked = maps(s.get(key));
				linked.forEach(x -> cited.add(relOf(x)));
				cells.add(linked.stream().map(x -> String.valueOf(x.get("name"))).collect(Collectors.joining(", ")));
			}
			rows.add(new Row(cells, notes.citeAll(cited)));
		}
		return new Table("seizures", "Seizures", "Seizures in this network: when, where, what, how many, worth how much, by whom.",
				List.of("Date", "Place", "Goods", "Items", "Value", "Authorities", "Assisted by", "Marks infringed", "Sellers"), rows,
				"No seizures in this network.");
	}

	static Table conflictTable(List<ConflictRow> conflictRows, Footnotes notes) {
		List<Row> rows = new ArrayList<>();
		for (ConflictRow c : conflictRows) {
			rows.add(new Row(List.of(c.searchedFor(), name(c.registration()), c.holders().isEmpty() ? "not recorded" : String.join(", ", c.holders()),
					text(c.registration().get("filedOn"), ""),
					String.format(Locale.ROOT, "%.0f", c.score()),
					c.reasons().stream().map(r -> r.kind() + ": " + r.detail()).collect(Collectors.joining("; ")), c.flag()),
					notes.citeAll(c.cited())));
		}
		return new Table("conflicts", "Conflicts", "Earlier registrations that conflict with the marks of this network (conflict search and the"
				+ " squatting pattern: same or transliterated text, shared classes, earlier filing, same territory).",
				List.of("Searched for", "Earlier registration", "Held by", "Filed", "Score", "Reasons", "Why it matters"), rows,
				"No conflicting earlier registrations found.");
	}

	static Table contradictionTable(List<Contradiction> contradictions, String agreement, Footnotes notes) {
		List<Row> rows = new ArrayList<>();
		for (Contradiction c : contradictions) {
			for (Map<String, Object> claim : c.claims()) {
				rows.add(new Row(List.of(name(c.subject()), c.property(), text(claim.get("value"), ""),
						text(claim.get("note"), "")), notes.cite(claim)));
			}
		}
		return new Table("contradictions", "Contradictions between sources",
				"Facts on which sources disagree; every claim is kept with the source that makes it.",
				List.of("About", "Fact", "Claimed value", "Note"), rows, agreement == null ? "" : agreement);
	}

	static Report.Network network(Map<String, Object> center, List<Map<String, Object>> nodes, List<Map<String, Object>> relationships) {
		Map<String, Integer> distance = distances((String) center.get("id"), relationships);
		List<NetworkPicture.Node> drawn = nodes.stream()
			.limit(ReportBuilder.MAX_DRAWN)
			.map(n -> new NetworkPicture.Node((String) n.get("id"), name(n), kind(n), distance.getOrDefault((String) n.get("id"), 1)))
			.toList();
		List<NetworkPicture.Edge> edges = relationships.stream()
			.map(r -> new NetworkPicture.Edge((String) r.get("from"), (String) r.get("to"), (String) r.get("type")))
			.toList();
		return new Report.Network(NetworkPicture.svg(drawn, edges), drawn.stream().map(NetworkPicture.Node::label).toList(),
				Math.max(0, nodes.size() - ReportBuilder.MAX_DRAWN));
	}

}
