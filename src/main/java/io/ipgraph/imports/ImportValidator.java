package io.ipgraph.imports;

import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.ipgraph.imports.ImportLine.NodeLine;
import io.ipgraph.imports.ImportLine.RelationshipLine;
import io.ipgraph.imports.ImportParser.Rejected;
import io.ipgraph.model.GraphModel;
import io.ipgraph.model.GraphModel.ScalarKind;
import io.ipgraph.model.PartialDates;

/**
 * Checks a line against the graph model (labels, relationship patterns, property names and kinds, required
 * properties) and the domain's rules: Nice classes 1-45, partial ISO dates that exist, registration not
 * before filing, ISO 4217 currencies, ISO 3166 countries, registration numbers of the offices whose pattern is
 * known.
 */
final class ImportValidator {

	/** Properties ipgraph derives itself; an import may not set them. */
	static final Set<String> DERIVED = Set.of("sourceIds", "quotes", "nameKeys", "markKey", "markPinyin", "markPhonetic", "markDeletes",
			"classTokens", "importKey", "importCreated", "version");

	/** Regional and international codes used as jurisdictions besides ISO 3166-1 countries. */
	static final Set<String> REGIONS = Set.of("EM", "EU", "WO", "OA", "AP", "BX", "EP");

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies()
		.stream()
		.map(Currency::getCurrencyCode)
		.collect(Collectors.toUnmodifiableSet());

	/** Registration (or application) numbers of offices whose format is known. */
	static final Map<String, Pattern> NUMBERS = Map.of("USPTO", Pattern.compile("\\d{7,8}"), "EUIPO", Pattern.compile("\\d{9}"),
			"WIPO", Pattern.compile("G?\\d{6,7}"), "CTMO", Pattern.compile("\\d{1,9}[A-Z]?"), "CNIPA", Pattern.compile("\\d{1,9}[A-Z]?"),
			"UKIPO", Pattern.compile("(UK)?\\d{7,8}"));

	/** The part of a registration id that says its number is not known: {@code <office>:unnumbered:<key>}. */
	static final String UNNUMBERED = "unnumbered:";

	private static final int MAX_TEXT = 100_000;

	/**
	 * Texts behind range indexes (an index key holds about 8 KB) or behind derived keys (name keys, the mark's
	 * deletion keys grow with the square of its length): kept to lengths no real name, mark or number reaches.
	 */
	static final Map<String, Integer> SHORT_TEXT = Map.of("id", 500, "subjectId", 500, "name", 1000, "aliases", 1000, "number", 100,
			"markText", 200, "text", 200, "caseNumber", 200);

	private final GraphModel model;

	private final Map<List<String>, Map<String, ScalarKind>> patterns;

	ImportValidator(GraphModel model) {
		this.model = model;
		this.patterns = model.relationshipPatterns();
	}

	void node(NodeLine line) {
		Map<String, ScalarKind> kinds = this.model.nodeProperties(line.label())
			.orElseThrow(() -> new Rejected(line.line(), "unknown label \"" + line.label() + "\""));
		Object id = line.properties().get("id");
		if (line.id().length() > SHORT_TEXT.get("id")) {
			throw new Rejected(line.line(), "an id has at most " + SHORT_TEXT.get("id") + " characters");
		}
		if (id != null && !line.id().equals(id)) {
			throw new Rejected(line.line(), "properties.id differs from id");
		}
		properties(line.line(), line.label(), line.properties(), kinds);
		for (String required : this.model.requiredProperties(line.label())) {
			if (!required.equals("id") && line.properties().get(required) == null) {
				throw new Rejected(line.line(), line.label() + " needs \"" + required + "\"");
			}
		}
		if (!line.label().equals("Source") && line.sources().isEmpty()) {
			throw new Rejected(line.line(), "a " + line.label() + " needs at least one source");
		}
		if (line.label().equals("Registration")) {
			registration(line);
		}
	}

	/** The relationship's pattern is declared and its properties fit; returns the properties' kinds. */
	void relationship(RelationshipLine line, String fromLabel, String toLabel) {
		Map<String, ScalarKind> kinds = this.patterns.get(List.of(fromLabel, line.type(), toLabel));
		if (kinds == null) {
			throw new Rejected(line.line(), "the schema has no (:" + fromLabel + ")-[:" + line.type() + "]->(:" + toLabel + ")");
		}
		properties(line.line(), line.type(), line.properties(), kinds);
		if (line.sources().isEmpty()) {
			throw new Rejected(line.line(), "a relationship needs at least one source");
		}
	}

	private void properties(long line, String owner, Map<String, Object> properties, Map<String, ScalarKind> kinds) {
		for (Map.Entry<String, Object> property : properties.entrySet()) {
			String name = property.getKey();
			Object value = property.getValue();
			if (DERIVED.contains(name)) {
				throw new Rejected(line, "\"" + name + "\" is set by ipgraph, not by an import");
			}
			ScalarKind kind = kinds.get(name);
			if (kind == null) {
				throw new Rejected(line, owner + " has no property \"" + name + "\"; it has " + new java.util.TreeSet<>(kinds.keySet()));
			}
			if (value == null) {
				continue;
			}
			check(line, name, kind, value);
			shortText(line, name, value);
			domain(line, name, value);
		}
	}

	private static void check(long line, String name, ScalarKind kind, Object value) {
		boolean fits = switch (kind) {
			case ID, STRING -> value instanceof String s && s.length() <= MAX_TEXT;
			case INT -> value instanceof Long;
			case FLOAT -> value instanceof Number;
			case BOOLEAN -> value instanceof Boolean;
			case DATE -> value instanceof String s && partialDate(s);
			case STRING_LIST -> value instanceof List<?> l && l.stream().allMatch(String.class::isInstance);
			case INT_LIST -> value instanceof List<?> l && l.stream().allMatch(Long.class::isInstance);
		};
		if (!fits) {
			throw new Rejected(line, "\"" + name + "\" must be " + switch (kind) {
				case ID, STRING -> "text (at most " + MAX_TEXT + " characters)";
				case INT -> "an integer";
				case FLOAT -> "a number";
				case BOOLEAN -> "true or false";
				case DATE -> "a date as YYYY, YYYY-MM or YYYY-MM-DD that exists, or a bound (..2010 on or before, 2006.. on or after, 2006..2010 between), was \""
						+ value + "\"";
				case STRING_LIST -> "a list of texts";
				case INT_LIST -> "a list of integers";
			});
		}
	}

	private static void shortText(long line, String name, Object value) {
		Integer max = SHORT_TEXT.get(name);
		if (max == null) {
			return;
		}
		for (Object item : (value instanceof List<?> list) ? list : List.of(value)) {
			if (item instanceof String text && text.length() > max) {
				throw new Rejected(line, "\"" + name + "\" has at most " + max + " characters, was " + text.length());
			}
		}
	}

	private static void domain(long line, String name, Object value) {
		if (name.equals("classes")) {
			for (Object c : (List<?>) value) {
				long n = (Long) c;
				if (n < 1 || n > 45) {
					throw new Rejected(line, "Nice classes run from 1 to 45, got " + n);
				}
			}
		}
		else if (name.endsWith("Currency") || name.equals("currency")) {
			if (!CURRENCIES.contains(value)) {
				throw new Rejected(line, "\"" + name + "\" must be an ISO 4217 currency code, was \"" + value + "\"");
			}
		}
		else if (name.equals("country") || name.equals("nationality")) {
			if (!COUNTRIES.contains(value)) {
				throw new Rejected(line, "\"" + name + "\" must be an ISO 3166-1 alpha-2 country code, was \"" + value + "\"");
			}
		}
		else if (name.equals("jurisdiction")) {
			if (!COUNTRIES.contains(value) && !REGIONS.contains(value)) {
				throw new Rejected(line, "\"jurisdiction\" must be an ISO 3166-1 alpha-2 code or one of " + REGIONS + ", was \"" + value + "\"");
			}
		}
	}

	private static void registration(NodeLine line) {
		Map<String, Object> p = line.properties();
		String office = (String) p.get("office");
		String number = (String) p.get("number");
		if (office != null && number == null) {
			if (!line.id().startsWith(office + ":" + UNNUMBERED)) {
				throw new Rejected(line.line(), "a registration without a known number has the id " + office + ":" + UNNUMBERED
						+ "<key> (a key of your own, e.g. the mark and class), was \"" + line.id() + "\"");
			}
			if (Boolean.TRUE.equals(p.get("numberKnown"))) {
				throw new Rejected(line.line(), "\"numberKnown\" is true but there is no \"number\"");
			}
			p.put("numberKnown", false);
		}
		else if (number != null && Boolean.FALSE.equals(p.get("numberKnown"))) {
			throw new Rejected(line.line(), "\"numberKnown\" is false but \"number\" is " + number);
		}
		if (office != null && number != null) {
			if (!line.id().equals(office + ":" + number)) {
				throw new Rejected(line.line(), "a registration's id is <office>:<number>, here \"" + office + ":" + number + "\", was \""
						+ line.id() + "\"");
			}
			Pattern pattern = NUMBERS.get(office);
			if (pattern != null && !pattern.matcher(number).matches()) {
				throw new Rejected(line.line(), "\"" + number + "\" is not a " + office + " number (" + pattern.pattern() + ")");
			}
		}
		notBefore(line, p, "registeredOn", "filedOn", "registration");
		notBefore(line, p, "expiresOn", "registeredOn", "expiry");
	}

	/** {@code later} may not fall before {@code earlier}, compared at the precision both dates have. */
	private static void notBefore(NodeLine line, Map<String, Object> p, String later, String earlier, String what) {
		if (p.get(later) instanceof String bl && p.get(earlier) instanceof String be) {
			// certain only when the latest the later one can be is before the earliest the earlier one can be
			String l = PartialDates.latest(bl);
			String e = PartialDates.earliest(be);
			if (l == null || e == null) {
				return;
			}
			int precision = Math.min(l.length(), e.length());
			if (l.substring(0, precision).compareTo(e.substring(0, precision)) < 0) {
				throw new Rejected(line.line(), "the " + what + " (" + later + " " + bl + ") is before " + earlier + " " + be);
			}
		}
	}

	static boolean partialDate(String text) {
		return PartialDates.check(text) == null;
	}

}
