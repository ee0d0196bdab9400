package io.ipgraph.clocks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * The table of legal clocks ({@code clocks/legal-clocks.json}): per office, the windows and deadlines its law sets,
 * each with the law and article it comes from. The rules are data: a rule is added or corrected in the table, not in
 * code, and the table is checked whole when it is read, so a wrong period or an unknown office stops the start with
 * the rule named.
 */
public final class ClockRules {

	/** The dates of a registration a period may run from. */
	static final List<String> FROM = List.of("filedOn", "registeredOn", "publishedOn", "termEnds");

	/** How far a window can be stretched ({@code until}, from the same date as the rule) and how. */
	public record Late(String until, String how) {
	}

	/**
	 * One rule: the window of {@code kind} at these offices opens ({@code opens}) and closes ({@code closes}) these
	 * periods after the registration's date {@code from}; either may be absent (a cancellation for non-use opens and
	 * never closes; a term only ends).
	 */
	public record Rule(String id, List<String> offices, String kind, String name, String from, String opens, String closes, String lastDay,
			Late late, String law, String article, String rule) {

		boolean dayBefore() {
			return "day-before".equals(this.lastDay);
		}
	}

	record Table(String about, Map<String, String> offices, List<Rule> rules) {
	}

	private final Table table;

	private ClockRules(Table table) {
		this.table = table;
	}

	/** The table in the jar. */
	public static ClockRules load() {
		try (InputStream in = ClockRules.class.getResourceAsStream("/clocks/legal-clocks.json")) {
			if (in == null) {
				throw new IllegalStateException("clocks/legal-clocks.json is missing from the class path");
			}
			return read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A table read and checked: every rule names known offices, a date to run from, valid periods, its law and article. */
	static ClockRules read(InputStream in) {
		Table table = JsonMapper.builder().build().readValue(in, Table.class);
		List<String> problems = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (Rule r : table.rules()) {
			String at = "rule " + r.id() + ": ";
			if (r.id() == null || !ids.add(r.id())) {
				problems.add("a rule has no id, or the id " + r.id() + " is used twice");
			}
			if (r.offices() == null || r.offices().isEmpty() || !table.offices().keySet().containsAll(r.offices())) {
				problems.add(at + "offices " + r.offices() + " must be among " + table.offices().keySet());
			}
			if (!FROM.contains(r.from())) {
				problems.add(at + "from '" + r.from() + "' must be one of " + FROM);
			}
			if (r.opens() == null && r.closes() == null) {
				problems.add(at + "needs opens, closes or both");
			}
			for (String period : new String[] { r.opens(), r.closes(), r.late() == null ? null : r.late().until() }) {
				if (period != null) {
					try {
						Period.parse(period);
					}
					catch (DateTimeParseException ex) {
						problems.add(at + "'" + period + "' is not an ISO-8601 period such as P3M or -P12M");
					}
				}
			}
			if (r.lastDay() != null && !List.of("same", "day-before").contains(r.lastDay())) {
				problems.add(at + "lastDay must be 'same' or 'day-before', was '" + r.lastDay() + "'");
			}
			if (blank(r.kind()) || blank(r.name()) || blank(r.law()) || blank(r.article()) || blank(r.rule())) {
				problems.add(at + "kind, name, law, article and rule are all required");
			}
			if (r.late() != null && (r.late().until() == null || blank(r.late().how()))) {
				problems.add(at + "late needs until and how");
			}
		}
		for (String office : table.offices().keySet()) {
			boolean renewal = rules(table, office).stream().anyMatch(r -> r.from().equals("termEnds"));
			if (renewal && rules(table, office).stream().noneMatch(r -> r.kind().equals("term"))) {
				problems.add("office " + office + ": a rule runs from termEnds, so the office needs a rule of kind 'term'");
			}
		}
		if (!problems.isEmpty()) {
			throw new IllegalStateException("The table of legal clocks is wrong: " + String.join("; ", problems));
		}
		return new ClockRules(table);
	}

	/** The offices the table has rules for, with their names. */
	public Map<String, String> offices() {
		return this.table.offices();
	}

	/** The rules of an office, in the table's order; empty for an office the table does not know. */
	public List<Rule> of(String office) {
		return rules(this.table, office);
	}

	/** Every rule. */
	public List<Rule> all() {
		return this.table.rules();
	}

	private static List<Rule> rules(Table table, String office) {
		return table.rules().stream().filter(r -> r.offices() != null && r.offices().contains(office)).toList();
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

}
