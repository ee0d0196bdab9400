package io.ipgraph.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.ipgraph.imports.ImportLine;
import io.ipgraph.imports.ImportLine.Citation;
import io.ipgraph.imports.ImportLine.NodeLine;
import io.ipgraph.imports.ImportLine.RelationshipLine;

import static io.ipgraph.registry.RegistryRecords.COUNTRIES;
import static io.ipgraph.registry.RegistryRecords.partialDate;

/** Collects the lines of one registry record: the registration, its owners and events, each citing the file. */
final class RecordLines {

	final String sourceId;

	final String locator;

	/** The line number the first line of this record has in the import (the lines of one import are numbered in order). */
	private final long firstLine;

	final List<ImportLine> lines = new ArrayList<>();

	final List<String> warnings = new ArrayList<>();

	String registrationId;

	RecordLines(String sourceId, String locator, long firstLine) {
		this.sourceId = sourceId;
		this.locator = locator;
		this.firstLine = firstLine;
	}

	Map<String, Object> registration(String office, String number, String jurisdiction) {
		this.registrationId = office + ":" + number;
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("office", office);
		props.put("number", number);
		props.put("jurisdiction", jurisdiction);
		return props;
	}

	void addRegistration(Map<String, Object> props) {
		props.values().removeIf(v -> v == null);
		node("Registration", this.registrationId, props);
		// the mark the record registers, one per record (the same text in two records need not be one mark):
		// (:Registration)-[:OF_MARK]->(:Mark), so conflict search, traces and reports meet it as they meet the seed's
		if (props.get("markText") instanceof String text && !text.isBlank()) {
			String markId = "mark:" + this.registrationId.toLowerCase(Locale.ROOT);
			Map<String, Object> mark = new LinkedHashMap<>();
			mark.put("text", text);
			mark.put("aliases", List.of());
			node("Mark", markId, mark);
			relationship("OF_MARK", this.registrationId, markId, null, Map.of());
		}
	}

	void owner(String name, String country, String role, Object from, String key) {
		owner(name, country, role, from, null, key);
	}

	void owner(String name, String country, String role, Object from, Object to, String key) {
		owner(name, country, role, from, to, key, false);
	}

	/** An owner: a company, or a person where the record says the owner is an individual (its country then the nationality). */
	void owner(String name, String country, String role, Object from, Object to, String key, boolean person) {
		String id = (person ? "person:" : "company:") + slug(name);
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("name", name);
		props.put("aliases", List.of());
		if (country != null && COUNTRIES.contains(country.toUpperCase(Locale.ROOT))) {
			props.put(person ? "nationality" : "country", country.toUpperCase(Locale.ROOT));
		}
		node(person ? "Person" : "Company", id, props);
		Map<String, Object> rel = new LinkedHashMap<>();
		rel.put("role", role);
		if (from != null) {
			rel.put("from", from);
		}
		if (to != null) {
			rel.put("to", to);
		}
		relationship("OWNS", id, this.registrationId, key, rel);
	}

	void event(String number, String date, String code, String description) {
		String id = this.registrationId + ":event:" + (number != null ? number : String.valueOf(this.lines.size()));
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("date", date);
		props.put("code", code);
		props.put("description", description);
		props.values().removeIf(v -> v == null);
		node("RegistryEvent", id, props);
		relationship("HAS_EVENT", this.registrationId, id, null, Map.of());
	}

	void niceClass(String code, Set<Integer> classes) {
		if (code == null) {
			return;
		}
		try {
			int c = Integer.parseInt(code.strip());
			if (c >= 1 && c <= 45) {
				classes.add(c);
			}
			else {
				this.warnings.add("class " + code + " is not a Nice class (1-45); left out");
			}
		}
		catch (NumberFormatException ex) {
			this.warnings.add("class \"" + code + "\" is not a number; left out");
		}
	}

	String date(String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String date = partialDate(text);
		if (date == null) {
			this.warnings.add(what + " \"" + text + "\" is not a date; left out");
		}
		return date;
	}

	private void node(String label, String id, Map<String, Object> props) {
		this.lines.add(new NodeLine(nextLine(), label, id, props, cite()));
	}

	private void relationship(String type, String from, String to, String key, Map<String, Object> props) {
		this.lines.add(new RelationshipLine(nextLine(), type, from, to, key, props, cite()));
	}

	private long nextLine() {
		return this.firstLine + this.lines.size();
	}

	private List<Citation> cite() {
		return List.of(new Citation(this.sourceId, this.locator));
	}

	static String slug(String name) {
		String s = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
		return s.length() > 150 ? s.substring(0, 150) : s;
	}

}
