package io.ipgraph.analysis;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.ipgraph.clocks.LegalClocks;
import io.ipgraph.clocks.LegalClocks.LegalClock;
import io.ipgraph.model.Cited;
import io.ipgraph.model.EntityRow;
import io.ipgraph.model.GraphModel;
import io.ipgraph.model.PartialDates;

import org.springframework.stereotype.Service;

/**
 * Timelines: the dated facts of an entity and of everything up to a few relationships away, in date order.
 * Dates are ISO text and may be partial, so they sort as text ("2004" before "2004-03" before "2008-02-07").
 */
@Service
public class Timeline {

	private static final int CAP_PER_HOP = 500;

	private final GraphAnalysis analysis;

	private final GraphRows rows;

	private final LegalClocks clocks;

	Timeline(GraphAnalysis analysis, GraphModel model, LegalClocks clocks) {
		this.analysis = analysis;
		this.clocks = clocks;
		this.rows = new GraphRows(model);
	}

	private static final List<String> KIND_ORDER = List.of("founded", "application-filed", "registered", "ownership-began",
			"renamed", "use-began", "domain-registered", "proceeding-filed", "proceeding-decided", "lawsuit-filed", "ruling", "appeal", "agreement", "seizure", "enforcement-action", "registry-event", "ownership-ended", "expires", "legal-clock");

	/** The timeline around an entity; with {@code legalClocks}, the computed deadlines of its registrations too. */
	public List<TimelineEvent> of(String id, Integer depth, List<String> types, boolean legalClocks) {
		int hops = GraphRows.bounded("depth", depth, 0, 3);
		GraphAnalysis.Expansion expansion = types == null && List.of("Lawsuit", "Ruling", "Appeal").contains(this.analysis.typeOf(id))
				? this.analysis.caseChain(id) : this.analysis.expand(id, hops, this.rows.types(types), CAP_PER_HOP);
		List<TimelineEvent> events = new ArrayList<>(events(expansion.nodes().values(), expansion.relationships()));
		if (legalClocks) {
			LocalDate today = LocalDate.now(ZoneOffset.UTC);
			for (Map<String, Object> node : expansion.nodes().values()) {
				if ("Registration".equals(node.get(EntityRow.TYPENAME))) {
					events.addAll(clockEvents(node, today));
				}
			}
			events.sort(ORDER);
		}
		return events;
	}

	/**
	 * The days the clocks of a registration open and close, each an event citing the registration's sources, with
	 * its rule; clocks that cannot be computed have no day and are left to {@code legalClocks}.
	 */
	private List<TimelineEvent> clockEvents(Map<String, Object> registration, LocalDate today) {
		String what = join(registration.get("office"), EntityRow.registrationNumber(registration)).strip();
		List<TimelineEvent> events = new ArrayList<>();
		for (LegalClock clock : this.clocks.of(registration, today)) {
			if (clock.cannotCompute() != null) {
				continue;
			}
			if (clock.opens() != null && !"P0D".equals(clock.rule().opens())) {
				events.add(new TimelineEvent(clock.opens().date(), null, "legal-clock", LegalClocks.title(clock, true, what), registration,
						clock.sourceIds(), clock.quotes(), clock));
			}
			if (clock.closes() != null) {
				events.add(new TimelineEvent(clock.closes().date(), null, "legal-clock", LegalClocks.title(clock, false, what), registration,
						clock.sourceIds(), clock.quotes(), clock));
			}
		}
		return events;
	}

	private static final Comparator<TimelineEvent> ORDER = Comparator.comparing((TimelineEvent e) -> e.date() == null)
		.thenComparing(e -> Objects.toString(e.date(), ""))
		.thenComparing(e -> KIND_ORDER.indexOf(e.kind()))
		.thenComparing(TimelineEvent::title);

	/**
	 * A dated fact: as precise as known ({@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}; null with the source's
	 * words in {@code dateAsGiven} when it gives no year), its kind, a one-line title, the entity row it belongs to,
	 * and the sources that state it (the entity's or the relationship's).
	 */
	public record TimelineEvent(String date, String dateAsGiven, String kind, String title, Map<String, Object> entity,
			List<String> sourceIds, List<String> quotes, LegalClock clock) implements Cited {
	}

	/** The dated facts of these nodes (GraphQL node rows) and of the ownerships among them, in date order. */
	public List<TimelineEvent> events(Collection<Map<String, Object>> nodes, List<Map<String, Object>> relationships) {
		Map<String, Map<String, Object>> byId = new HashMap<>();
		nodes.forEach(n -> byId.put((String) n.get("id"), n));
		List<TimelineEvent> events = new ArrayList<>();
		for (Map<String, Object> node : nodes) {
			events.addAll(eventsOf(node));
		}
		for (Map<String, Object> rel : relationships) {
			if ("OWNS".equals(rel.get("type"))) {
				events.addAll(ownership(rel, byId.get((String) rel.get("from")), byId.get((String) rel.get("to"))));
			}
			else if ("USES_MARK".equals(rel.get("type"))) {
				events.addAll(use(rel, byId.get((String) rel.get("from")), byId.get((String) rel.get("to"))));
			}
		}
		events.sort(ORDER);
		return events;
	}

	private static List<TimelineEvent> eventsOf(Map<String, Object> node) {
		String type = (String) node.get(EntityRow.TYPENAME);
		List<TimelineEvent> events = new ArrayList<>();
		switch (type) {
			case "Company" -> {
				dated(events, node, "foundedOn", "founded", name(node) + " founded");
				dated(events, node, "renamedOn", "renamed", name(node) + " renamed " + Objects.toString(node.get("renamedTo"), "(new name not recorded)")
						+ (PartialDates.bounded((String) node.get("renamedOn"))
								? " (" + PartialDates.words((String) node.get("renamedOn")) + ")" : ""));
			}
			case "Registration" -> {
				String registration = join(node.get("office"), EntityRow.registrationNumber(node)) + quoted(node.get("markText"))
						+ classes(node.get("classes"));
				dated(events, node, "filedOn", "application-filed", "Application for " + registration + " filed");
				dated(events, node, "registeredOn", "registered", registration + " registered");
				dated(events, node, "expiresOn", "expires", registration + " expires");
			}
			case "Lawsuit" -> always(events, node, "filedOn", "lawsuit-filed", "Lawsuit filed: " + name(node)
					+ (node.get("caseNumber") == null ? "" : " " + node.get("caseNumber")));
			case "Ruling" -> always(events, node, "date", "ruling", "Ruling (" + Objects.toString(node.get("instance"), "instance unknown")
					+ "): " + Objects.toString(node.get("outcome"), "") + money(node.get("damagesAmount"), node.get("damagesCurrency"), " damages"));
			case "Appeal" -> always(events, node, "filedOn", "appeal", "Appeal " + Objects.toString(node.get("status"), ""));
			case "RegistryEvent" -> dated(events, node, "date", "registry-event", Objects.toString(node.get("code"), "event")
					+ (node.get("description") == null ? "" : ": " + node.get("description")));
			case "Agreement" -> always(events, node, "signedOn", "agreement", name(node) + " signed"
					+ money(node.get("amount"), node.get("currency"), ""));
			case "Proceeding" -> {
				String proceeding = Objects.toString(node.get("kind"), "proceeding") + (node.get("caseNumber") == null ? "" : " " + node.get("caseNumber"))
						+ (node.get("title") == null ? "" : ": " + node.get("title"));
				always(events, node, "filedOn", "proceeding-filed", "Filed: " + proceeding);
				dated(events, node, "decidedOn", "proceeding-decided", "Decided: " + proceeding
						+ (node.get("outcome") == null ? "" : " (" + node.get("outcome") + ")"));
			}
			case "Domain" -> dated(events, node, "registeredOn", "domain-registered", "Domain " + name(node) + " registered");
			case "Seizure" -> always(events, node, "date", "seizure", "Seizure" + (node.get("place") == null ? "" : " in " + node.get("place"))
					+ ": " + Stream.of(node.get("itemCountQualifier"), node.get("itemCount"), node.get("goods"))
						.filter(Objects::nonNull)
						.map(String::valueOf)
						.collect(Collectors.joining(" ")));
			case "EnforcementAction" -> always(events, node, "date", "enforcement-action", Objects.toString(node.get("kind"), "action")
					+ money(node.get("amount"), node.get("currency"), "") + (node.get("place") == null ? "" : " (" + node.get("place") + ")"));
			default -> {
			}
		}
		return events;
	}

	private static List<TimelineEvent> ownership(Map<String, Object> rel, Map<String, Object> owner, Map<String, Object> registration) {
		List<TimelineEvent> events = new ArrayList<>();
		if (owner == null || registration == null) {
			return events;
		}
		String what = join(registration.get("office"), EntityRow.registrationNumber(registration));
		for (Map<String, Object> property : castList(rel.get("properties"))) {
			String key = (String) property.get("key");
			if (key.equals("from") || key.equals("to")) {
				events.add(event(property.get("value"), null, key.equals("from") ? "ownership-began" : "ownership-ended",
						name(owner) + (key.equals("from") ? " became owner of " : " ceased to own ") + what, owner, rel));
			}
		}
		return events;
	}

	/** The start of a mark's use, where the use's date is known. */
	private static List<TimelineEvent> use(Map<String, Object> rel, Map<String, Object> user, Map<String, Object> mark) {
		List<TimelineEvent> events = new ArrayList<>();
		if (user == null || mark == null) {
			return events;
		}
		Map<String, Object> properties = new HashMap<>();
		castList(rel.get("properties")).forEach(p -> properties.put((String) p.get("key"), p.get("value")));
		if (properties.get("since") != null) {
			events.add(event(properties.get("since"), null, "use-began", name(user) + " began using " + quoted(mark.get("text")).strip()
					+ (properties.get("jurisdiction") == null ? "" : " in " + properties.get("jurisdiction")), user, rel));
		}
		return events;
	}

	/** An event only when the node has the date. */
	private static void dated(List<TimelineEvent> events, Map<String, Object> node, String property, String kind, String title) {
		if (node.get(property) != null) {
			events.add(event(node.get(property), null, kind, title, node, node));
		}
	}

	/** An event even when undated: it then keeps the source's words for the date. */
	private static void always(List<TimelineEvent> events, Map<String, Object> node, String property, String kind, String title) {
		events.add(event(node.get(property), node.get("dateAsGiven"), kind, title.strip(), node, node));
	}

	/** An event of {@code entity}, cited with the sources of {@code stated} (the node, or the relationship that says it). */
	private static TimelineEvent event(Object date, Object dateAsGiven, String kind, String title, Map<String, Object> entity,
			Map<String, Object> stated) {
		return new TimelineEvent(date == null ? null : String.valueOf(date), dateAsGiven == null ? null : String.valueOf(dateAsGiven), kind,
				title, entity, EntityRow.strings(stated.get("sourceIds")), EntityRow.strings(stated.get("quotes")), null);
	}

	private static String name(Map<String, Object> node) {
		return Objects.toString(node.getOrDefault("name", node.getOrDefault("title", node.get("id"))));
	}

	private static String join(Object office, Object number) {
		return Objects.toString(office, "") + " " + Objects.toString(number, "");
	}

	private static String quoted(Object text) {
		return text == null ? "" : " \"" + text + "\"";
	}

	private static String classes(Object classes) {
		List<?> list = (List<?>) classes;
		return list == null || list.isEmpty() ? "" : " (class " + list.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
	}

	private static String money(Object amount, Object currency, String what) {
		if (amount == null) {
			return "";
		}
		return String.format(java.util.Locale.ROOT, ", %s %,.0f%s", Objects.toString(currency, ""), ((Number) amount).doubleValue(), what);
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> castList(Object value) {
		return value == null ? List.of() : (List<Map<String, Object>>) value;
	}

}
