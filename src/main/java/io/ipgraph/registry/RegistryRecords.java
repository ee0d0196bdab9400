package io.ipgraph.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.ipgraph.registry.XmlRecords.Element;

/**
 * Turns one registry record (a USPTO {@code case-file}, or the {@code TransactionData} of a WIPO ST.96 or ST.66
 * transaction) into lines of ipgraph's import format: the registration (office, numbers, mark text, Nice classes,
 * goods, dates, status), its owners over time as companies with {@code OWNS} links (role: applicant, registrant,
 * owner at publication, assignee ...), and the registry's events. Every line cites the file as its source, with
 * the record's number and line as the locator. What cannot be read (a malformed date, a class outside 1-45) is a
 * warning and the rest of the record goes in.
 */
final class RegistryRecords {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	/** Offices by the country code WIPO records give as registration office. */
	private static final Map<String, String> OFFICES = Map.of("US", "USPTO", "EM", "EUIPO", "WO", "WIPO", "CN", "CTMO", "GB", "UKIPO",
			"JP", "JPO", "KR", "KIPO");

	private RegistryRecords() {
	}

	/** A name as an id part: lower case letters and digits, runs of anything else as one hyphen. */
	static String slug(String name) {
		return Builder.slug(name);
	}

	/**
	 * A registry date as ipgraph keeps it: {@code YYYYMMDD} with zeros for what is unknown ({@code 18790000} is
	 * 1879, {@code 19831200} is 1983-12) or ISO with a zone ({@code 2003-10-21-04:00}); null when it is no date.
	 */
	static String partialDate(String text) {
		String t = text.strip();
		String year;
		String month;
		String day;
		if (t.matches("\\d{8}")) {
			year = t.substring(0, 4);
			month = t.substring(4, 6);
			day = t.substring(6, 8);
		}
		else if (t.matches("\\d{4}-\\d{2}-\\d{2}.*")) {
			year = t.substring(0, 4);
			month = t.substring(5, 7);
			day = t.substring(8, 10);
		}
		else {
			return null;
		}
		try {
			if (month.equals("00")) {
				LocalDate.of(Integer.parseInt(year), 1, 1);
				return year;
			}
			if (day.equals("00")) {
				LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), 1);
				return year + "-" + month;
			}
			LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
			return year + "-" + month + "-" + day;
		}
		catch (DateTimeException | NumberFormatException ex) {
			return null;
		}
	}

	/** The lines of one record, and what was not readable in it. */
	record Converted(String registrationId, List<Map<String, Object>> lines, List<String> warnings) {
	}

	/** A record that cannot be imported at all (no number to name it by). */
	static final class Unusable extends RuntimeException {

		Unusable(String message) {
			super(message, null, false, false);
		}

	}

	static Converted convert(Element record, String sourceId, int index) {
		Builder b = new Builder(sourceId, "record " + index + ", line " + record.line());
		if (record.name().equals("case-file")) {
			uspto(record, b);
		}
		else if (record.first("TradeMark") != null) {
			st66(record, b);
		}
		else if (record.first("Trademark") != null) {
			st96(record.first("Trademark"), b);
		}
		else {
			throw new Unusable("neither a USPTO case-file nor a WIPO ST.96 / ST.66 trademark");
		}
		return new Converted(b.registrationId, b.lines, b.warnings);
	}

	private static void uspto(Element record, Builder b) {
		String serial = record.text("serial-number");
		if (serial == null) {
			throw new Unusable("no serial-number");
		}
		Element header = record.child("case-file-header");
		String registration = record.text("registration-number");
		if (registration != null && registration.chars().allMatch(c -> c == '0')) {
			registration = null;
		}
		Map<String, Object> props = b.registration("USPTO", serial, "US");
		props.put("applicationNumber", serial);
		props.put("registrationNumber", registration);
		if (header != null) {
			props.put("markText", header.text("mark-identification"));
			props.put("filedOn", b.date(header.text("filing-date"), "filing-date"));
			props.put("registeredOn", b.date(header.text("registration-date"), "registration-date"));
			props.put("statusCode", header.text("status-code"));
			props.put("statusDate", b.date(header.text("status-date"), "status-date"));
			String[] status = usptoStatus(header.text("status-code"), b.warnings);
			props.put("status", status[0]);
			props.put("statusDescription", status[1]);
		}
		Set<Integer> classes = new TreeSet<>();
		for (Element classification : record.all("classification")) {
			for (Element code : classification.children("international-code")) {
				b.niceClass(code.text(), classes);
			}
			b.date(classification.text("status-date"), "classification status-date");
		}
		props.put("classes", List.copyOf(classes));
		List<String> goods = new ArrayList<>();
		for (Element statement : record.all("case-file-statement")) {
			String type = statement.text("type-code");
			if (type != null && type.startsWith("GS") && statement.text("text") != null) {
				goods.add((type.length() >= 5 ? "Class " + Integer.parseInt(type.substring(2, 5)) + ": " : "") + statement.text("text"));
			}
		}
		props.put("goodsAndServices", goods.isEmpty() ? null : String.join("\n", goods));
		b.addRegistration(props);
		for (Element owner : record.all("case-file-owner")) {
			String name = owner.text("party-name");
			if (name == null) {
				b.warnings.add("an owner without party-name");
				continue;
			}
			String partyType = owner.text("party-type");
			String country = owner.text("nationality", "country") != null ? owner.text("nationality", "country") : owner.text("country");
			String role = usptoRole(partyType);
			Object from = role.equals("applicant") ? props.get("filedOn") : role.equals("registrant") ? props.get("registeredOn") : null;
			// USPTO legal entity type 01: an individual, a person, not a company
			b.owner(name, country, role, from, null, "uspto-owner-" + owner.text("entry-number") + "-" + partyType,
					"01".equals(owner.text("legal-entity-type-code")));
		}
		for (Element event : record.all("case-file-event-statement")) {
			b.event(event.text("number"), b.date(event.text("date"), "event date"), event.text("code"), event.text("description-text"));
		}
	}

	private static void st96(Element mark, Builder b) {
		String office = OFFICES.getOrDefault(mark.text("RegistrationOfficeCode"), mark.text("RegistrationOfficeCode"));
		String application = mark.text("ApplicationNumber", "ApplicationNumberText");
		if (office == null || application == null) {
			throw new Unusable("no office or application number");
		}
		Map<String, Object> props = b.registration(office, application, jurisdiction(mark.text("RegistrationOfficeCode")));
		props.put("applicationNumber", application);
		props.put("registrationNumber", mark.text("RegistrationNumber"));
		props.put("filedOn", b.date(mark.text("ApplicationDate"), "ApplicationDate"));
		props.put("registeredOn", b.date(mark.text("RegistrationDate"), "RegistrationDate"));
		props.put("statusCode", mark.text("MarkCurrentStatusCode"));
		props.put("statusDate", b.date(mark.text("MarkCurrentStatusDate"), "MarkCurrentStatusDate"));
		props.put("markText", firstText(mark, "MarkVerbalElementText"));
		Set<Integer> classes = new TreeSet<>();
		for (Element classification : mark.all("GoodsServicesClassification")) {
			if ("Nice".equalsIgnoreCase(classification.text("ClassificationKindCode"))) {
				b.niceClass(classification.text("ClassNumber"), classes);
			}
		}
		props.put("classes", List.copyOf(classes));
		props.put("goodsAndServices", joined(mark.all("GoodsServicesDescriptionText")));
		props.put("status", wipoStatus(props));
		b.addRegistration(props);
		int n = 0;
		for (Element applicant : mark.all("Applicant")) {
			n++;
			String name = firstText(applicant, "OrganizationStandardName", "EntityName", "PersonFullName");
			if (name != null) {
				// ST.96 says which applicant this is: original applicant, owner at publication, original registrant, subsequent owner
				String comment = firstText(applicant, "CommentText");
				String role = comment == null ? "applicant" : comment.toLowerCase(Locale.ROOT);
				Object from = role.contains("applicant") ? props.get("filedOn") : role.contains("registrant") ? props.get("registeredOn") : null;
				boolean person = firstText(applicant, "OrganizationStandardName", "EntityName") == null;
				b.owner(name, firstText(applicant, "IncorporationCountryCode", "CountryCode"), role, from, null, "st96-applicant-" + role.replace(' ', '-'),
						person);
			}
		}
		assignments(mark.all("Assignment"), b);
		for (Element event : mark.all("MarkEvent")) {
			b.event(firstText(event, "MarkEventEntryNumber"), b.date(firstText(event, "MarkEventDate"), "MarkEventDate"),
					firstText(event, "MarkEventCode"), firstText(event, "MarkEventDescriptionText"));
		}
	}

	private static void st66(Element transaction, Builder b) {
		Element mark = transaction.first("TradeMark");
		String office = OFFICES.getOrDefault(mark.text("RegistrationOfficeCode"), mark.text("RegistrationOfficeCode"));
		String application = mark.text("ApplicationNumber");
		if (office == null || application == null) {
			throw new Unusable("no office or application number");
		}
		Map<String, Object> props = b.registration(office, application, jurisdiction(mark.text("RegistrationOfficeCode")));
		props.put("applicationNumber", application);
		props.put("registrationNumber", mark.text("RegistrationNumber"));
		props.put("filedOn", b.date(mark.text("ApplicationDate"), "ApplicationDate"));
		props.put("registeredOn", b.date(mark.text("RegistrationDate"), "RegistrationDate"));
		props.put("statusCode", mark.text("MarkCurrentStatusCode"));
		props.put("statusDate", b.date(mark.text("MarkCurrentStatusDate"), "MarkCurrentStatusDate"));
		props.put("markText", firstText(mark, "MarkVerbalElementText"));
		Set<Integer> classes = new TreeSet<>();
		for (Element description : mark.all("ClassDescription")) {
			b.niceClass(description.text("ClassNumber"), classes);
		}
		props.put("classes", List.copyOf(classes));
		props.put("goodsAndServices", joined(mark.all("GoodsServicesDescription")));
		props.put("status", wipoStatus(props));
		b.addRegistration(props);
		int n = 0;
		for (Element applicant : transaction.all("Applicant")) {
			n++;
			String name = firstText(applicant, "FreeFormatNameLine", "OrganizationName", "EntityName");
			if (name != null) {
				b.owner(name, applicant.text("ApplicantIncorporationCountryCode"), "applicant", props.get("filedOn"), "st66-applicant-" + n);
			}
		}
		assignments(mark.all("Assignment"), b);
		for (Element event : mark.all("MarkEvent")) {
			b.event(firstText(event, "MarkEventEntryNumber"), b.date(firstText(event, "MarkEventDate"), "MarkEventDate"),
					firstText(event, "MarkEventCode"), firstText(event, "MarkEventInternalDescriptionText", "MarkEventDescriptionText"));
		}
	}

	/** Recorded assignments: the assignor's ownership ends and the assignee's begins on the recording date. */
	private static void assignments(List<Element> assignments, Builder b) {
		for (Element assignment : assignments) {
			String conveyance = firstText(assignment, "AssignmentConveyanceCategory");
			String recorded = b.date(firstText(assignment, "AssignmentRecordedDate"), "AssignmentRecordedDate");
			String id = firstText(assignment, "AssignmentIdentifier");
			for (Element assignor : assignment.all("Assignor")) {
				String name = firstText(assignor, "EntityName", "OrganizationStandardName", "PersonFullName");
				if (name != null) {
					b.owner(name, firstText(assignor, "IncorporationCountryCode", "CountryCode"),
							"assignor" + (conveyance == null ? "" : " (" + conveyance.toLowerCase(Locale.ROOT) + ")"), null, recorded,
							"assignment-" + id + "-assignor");
				}
			}
			for (Element assignee : assignment.all("Assignee")) {
				String name = firstText(assignee, "EntityName", "OrganizationStandardName", "PersonFullName");
				if (name != null) {
					b.owner(name, firstText(assignee, "IncorporationCountryCode", "CountryCode"),
							"assignee" + (conveyance == null ? "" : " (" + conveyance.toLowerCase(Locale.ROOT) + ")"), recorded,
							"assignment-" + id + "-assignee");
				}
			}
		}
	}

	/** applicant (1x), owner at publication (2x), registrant (3x), new owner after registration (4x and later). */
	static String usptoRole(String partyType) {
		if (partyType == null || partyType.isEmpty()) {
			return "owner";
		}
		return switch (partyType.charAt(0)) {
			case '1' -> "applicant";
			case '2' -> "owner at publication";
			case '3' -> "registrant";
			default -> "new owner after registration";
		};
	}

	/** USPTO's status codes: the word ipgraph stores for each, and USPTO's description (registry/uspto-status-codes.tsv). */
	private static final Map<String, String[]> USPTO_STATUS = usptoStatusTable();

	private static Map<String, String[]> usptoStatusTable() {
		Map<String, String[]> table = new java.util.HashMap<>();
		try (var in = RegistryRecords.class.getResourceAsStream("/registry/uspto-status-codes.tsv")) {
			for (String line : new String(java.util.Objects.requireNonNull(in, "registry/uspto-status-codes.tsv").readAllBytes(),
					java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					String[] cells = line.split("\t", 3);
					table.put(cells[0], new String[] { cells[1].isEmpty() ? null : cells[1], cells[2] });
				}
			}
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return Map.copyOf(table);
	}

	/**
	 * A USPTO status code's word (application, registered, cancelled, abandoned, expired; null where the code says
	 * nothing of the mark's standing) and description, from USPTO's table; a code not in it gives a warning and no status.
	 */
	static String[] usptoStatus(String code, List<String> warnings) {
		if (code == null) {
			return new String[] { null, null };
		}
		String[] known = USPTO_STATUS.get(code.strip());
		if (known == null) {
			warnings.add("status-code \"" + code + "\" is not in USPTO's table of status codes; status left out");
			return new String[] { null, null };
		}
		return known;
	}

	private static String wipoStatus(Map<String, Object> props) {
		return props.get("registeredOn") != null ? "registered" : "application";
	}

	private static String jurisdiction(String code) {
		return code != null && (COUNTRIES.contains(code) || Set.of("EM", "WO").contains(code)) ? code : null;
	}

	private static String firstText(Element e, String... names) {
		for (String name : names) {
			Element found = e.name().equals(name) ? e : e.first(name);
			if (found != null && !found.text().isEmpty()) {
				return found.text();
			}
		}
		return null;
	}

	private static String joined(List<Element> elements) {
		List<String> texts = elements.stream().map(Element::text).filter(t -> !t.isEmpty()).distinct().toList();
		return texts.isEmpty() ? null : String.join("\n", texts);
	}

	/** Collects the lines of one record. */
	private static final class Builder {

		final String sourceId;

		final String locator;

		final List<Map<String, Object>> lines = new ArrayList<>();

		final List<String> warnings = new ArrayList<>();

		String registrationId;

		Builder(String sourceId, String locator) {
			this.sourceId = sourceId;
			this.locator = locator;
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
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("kind", "relationship");
				line.put("type", "OF_MARK");
				line.put("from", this.registrationId);
				line.put("to", markId);
				line.put("sources", cite());
				this.lines.add(line);
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
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("kind", "relationship");
			line.put("type", "OWNS");
			line.put("from", id);
			line.put("to", this.registrationId);
			line.put("key", key);
			line.put("properties", rel);
			line.put("sources", cite());
			this.lines.add(line);
		}

		void event(String number, String date, String code, String description) {
			String id = this.registrationId + ":event:" + (number != null ? number : String.valueOf(this.lines.size()));
			Map<String, Object> props = new LinkedHashMap<>();
			props.put("date", date);
			props.put("code", code);
			props.put("description", description);
			props.values().removeIf(v -> v == null);
			node("RegistryEvent", id, props);
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("kind", "relationship");
			line.put("type", "HAS_EVENT");
			line.put("from", this.registrationId);
			line.put("to", id);
			line.put("sources", cite());
			this.lines.add(line);
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
			Map<String, Object> line = new LinkedHashMap<>();
			line.put("kind", "node");
			line.put("label", label);
			line.put("id", id);
			line.put("properties", props);
			line.put("sources", cite());
			this.lines.add(line);
		}

		private List<Map<String, Object>> cite() {
			return List.of(Map.of("id", this.sourceId, "quote", this.locator));
		}

		static String slug(String name) {
			String s = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-|-$)", "");
			return s.length() > 150 ? s.substring(0, 150) : s;
		}

	}

}
