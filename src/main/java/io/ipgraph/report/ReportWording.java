package io.ipgraph.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.ipgraph.model.EntityRow;
import org.neo4j.driver.Value;

/** How a report words what it states: names of entities, rulings, appeals, registrations, seizures, money, dates. */
final class ReportWording {

	private ReportWording() {
	}

	/** The name a report gives an entity: its name, title or text, or a description made from its facts. */
	static String name(Map<String, ?> node) {
		for (String key : List.of("name", "title", "text")) {
			if (node.get(key) != null) {
				return String.valueOf(node.get(key));
			}
		}
		String kind = node.get(EntityRow.TYPENAME) == null ? "" : String.valueOf(node.get(EntityRow.TYPENAME));
		if (node.get("number") != null || "Registration".equals(kind)) {
			return (text(node.get("office"), "") + " " + EntityRow.registrationNumber(node)).strip()
					+ (node.get("markText") == null ? "" : " \u201C" + node.get("markText") + "\u201D");
		}
		return switch (kind) {
			case "Ruling" -> "Ruling" + (node.get("instance") == null ? "" : ", " + node.get("instance"));
			case "Appeal" -> "Appeal" + (node.get("status") == null ? "" : " (" + node.get("status") + ")");
			case "Seizure" -> "Seizure" + (node.get("place") == null ? "" : ", " + node.get("place"));
			case "EnforcementAction" -> text(node.get("kind"), "Enforcement action");
			case "RegistryEvent" -> text(node.get("code"), "Registry event");
			default -> String.valueOf(node.get("id"));
		};
	}

	static String kind(Map<String, ?> node) {
		return String.valueOf(node.get(EntityRow.TYPENAME));
	}

	static String partiesText(List<Map<String, Object>> parties) {
		Map<String, List<String>> byRole = new LinkedHashMap<>();
		for (Map<String, Object> p : parties) {
			String name = String.valueOf(p.get("name"));
			if (p.get("nameAsGiven") != null && !name.equals(p.get("nameAsGiven"))) {
				name += " (named \u201C" + p.get("nameAsGiven") + "\u201D)";
			}
			byRole.computeIfAbsent(text(p.get("role"), "party"), r -> new ArrayList<>()).add(name);
		}
		return byRole.entrySet().stream().map(e -> capitalize(e.getKey()) + (e.getValue().size() > 1 ? "s" : "") + ": " + String.join(", ", e.getValue()))
			.collect(Collectors.joining("; "));
	}

	static String rulingText(Map<String, Object> ruling) {
		List<String> parts = new ArrayList<>();
		parts.add(text(ruling.get("outcome"), "outcome not given"));
		if (ruling.get("damagesAmount") != null) {
			parts.add("damages " + money(ruling.get("damagesAmount"), ruling.get("damagesCurrency")));
		}
		if (ruling.get("costsAmount") != null) {
			parts.add("costs " + money(ruling.get("costsAmount"), ruling.get("costsCurrency")));
		}
		if (ruling.get("injunction") != null) {
			parts.add("injunction: " + ruling.get("injunction"));
		}
		return String.join("; ", parts);
	}

	static String appealText(Map<String, Object> a) {
		Map<String, Object> appeal = asMap(a.get("appeal"));
		List<String> by = EntityRow.strings(a.get("by"));
		return (by.isEmpty() ? "An appeal" : String.join(", ", by) + " appealed") + (a.get("court") == null ? "" : " to the " + a.get("court"))
				+ (appeal.get("filedOn") == null ? "" : " on " + appeal.get("filedOn")) + " (status: " + text(appeal.get("status"), "unknown") + ")";
	}

	static String registrationText(Map<String, Object> reg, List<Map<String, Object>> owners) {
		return text(reg.get("office"), "") + " " + EntityRow.registrationNumber(reg) + " \u201C" + text(reg.get("markText"), "") + "\u201D"
				+ (reg.get("classes") == null ? "" : " (class " + classes(reg.get("classes")) + ")")
				+ (reg.get("filedOn") == null ? "" : ", filed " + reg.get("filedOn"))
				+ (reg.get("registeredOn") == null ? "" : ", registered " + reg.get("registeredOn"))
				+ (owners.isEmpty() ? "" : ", held by " + owners.stream().map(o -> String.valueOf(o.get("name"))).collect(Collectors.joining(", ")));
	}

	static String seizureText(Map<String, Object> s) {
		return Stream.of(s.get("date") != null ? s.get("date") : s.get("dateAsGiven"), s.get("place"), s.get("country")).filter(Objects::nonNull)
			.map(String::valueOf).collect(Collectors.joining(", ")) + ": "
				+ Stream.of(s.get("itemCountQualifier"), s.get("itemCount"), s.get("goods")).filter(Objects::nonNull).map(String::valueOf)
					.collect(Collectors.joining(" "))
				+ (s.get("valueAmount") == null ? "" : ", worth " + money(s.get("valueAmount"), s.get("valueCurrency")));
	}

	static String ownerText(Map<String, Object> owner) {
		return owner.get("name") + (owner.get("from") == null && owner.get("to") == null ? ""
				: " (" + text(owner.get("from"), "") + "\u2013" + text(owner.get("to"), "") + ")");
	}

	/** The own facts of a relationship (its properties but provenance and bookkeeping). */
	static String details(Map<String, Object> hop) {
		List<String> parts = new ArrayList<>();
		for (Map<String, Object> p : maps(hop.get("properties"))) {
			String key = String.valueOf(p.get("key"));
			if (!key.equals("importKey") && p.get("value") != null) {
				parts.add(key + ": " + p.get("value"));
			}
		}
		return String.join("; ", parts);
	}

	static String property(Map<String, Object> hop, String key) {
		return maps(hop.get("properties")).stream().filter(p -> key.equals(p.get("key"))).map(p -> (String) p.get("value")).findFirst().orElse(null);
	}

	static String classes(Object classes) {
		return EntityRow.strings(classes).stream().collect(Collectors.joining(", "));
	}

	static String money(Object amount, Object currency) {
		if (amount == null) {
			return "";
		}
		return String.format(Locale.ROOT, "%s %,.0f", text(currency, ""), ((Number) amount).doubleValue()).strip();
	}

	static String text(Object value, Object otherwise) {
		return value == null ? String.valueOf(otherwise) : String.valueOf(value);
	}

	/** The text with a full stop at its end, unless it ends with one already. */
	static String sentence(String text) {
		return text.endsWith(".") ? text : text + ".";
	}

	static String capitalize(String s) {
		return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
	}

	static Map<String, Object> relOf(Map<String, Object> linked) {
		return asMap(linked.get("rel"));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> asMap(Object value) {
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> maps(Object value) {
		if (value instanceof Value v) {
			return v.asList(x -> x.asMap());
		}
		return value instanceof List<?> list ? list.stream().map(x -> (Map<String, Object>) x).toList() : List.of();
	}

	static List<String> idsOf(List<Map<String, Object>> nodes, String kind) {
		return nodes.stream().filter(n -> kind.equals(kind(n))).map(n -> (String) n.get("id")).toList();
	}

	/** Breadth-first distances from the center over the relationships of the subgraph. */
	static Map<String, Integer> distances(String center, List<Map<String, Object>> relationships) {
		Map<String, List<String>> adjacent = new HashMap<>();
		for (Map<String, Object> r : relationships) {
			adjacent.computeIfAbsent((String) r.get("from"), k -> new ArrayList<>()).add((String) r.get("to"));
			adjacent.computeIfAbsent((String) r.get("to"), k -> new ArrayList<>()).add((String) r.get("from"));
		}
		Map<String, Integer> distance = new HashMap<>();
		distance.put(center, 0);
		Deque<String> queue = new ArrayDeque<>(List.of(center));
		while (!queue.isEmpty()) {
			String at = queue.poll();
			for (String next : adjacent.getOrDefault(at, List.of())) {
				if (!distance.containsKey(next)) {
					distance.put(next, distance.get(at) + 1);
					queue.add(next);
				}
			}
		}
		return distance;
	}

}
