package io.ipgraph.registry;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.ipgraph.imports.ImportLine;
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

	static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	/** Offices by the country code WIPO records give as registration office. */
	static final Map<String, String> OFFICES = Map.of("US", "USPTO", "EM", "EUIPO", "WO", "WIPO", "CN", "CTMO", "GB", "UKIPO",
			"JP", "JPO", "KR", "KIPO");

	private RegistryRecords() {
	}

	/** A name as an id part: lower case letters and digits, runs of anything else as one hyphen. */
	static String slug(String name) {
		return RecordLines.slug(name);
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
	record Converted(String registrationId, List<ImportLine> lines, List<String> warnings) {
	}

	/** A record that cannot be imported at all (no number to name it by). */
	static final class Unusable extends RuntimeException {

		Unusable(String message) {
			super(message, null, false, false);
		}

	}

	/** The lines of a record, numbered from {@code firstLine}. */
	static Converted convert(Element record, String sourceId, int index, long firstLine) {
		RecordLines b = new RecordLines(sourceId, "record " + index + ", line " + record.line(), firstLine);
		if (record.name().equals("case-file")) {
			UsptoRecords.convert(record, b);
		}
		else if (record.first("TradeMark") != null) {
			St66Records.convert(record, b);
		}
		else if (record.first("Trademark") != null) {
			St96Records.convert(record.first("Trademark"), b);
		}
		else {
			throw new Unusable("neither a USPTO case-file nor a WIPO ST.96 / ST.66 trademark");
		}
		return new Converted(b.registrationId, b.lines, b.warnings);
	}

	/** Recorded assignments: the assignor's ownership ends and the assignee's begins on the recording date. */
	static void assignments(List<Element> assignments, RecordLines b) {
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

	static String jurisdiction(String code) {
		return code != null && (COUNTRIES.contains(code) || Set.of("EM", "WO").contains(code)) ? code : null;
	}

	static String firstText(Element e, String... names) {
		for (String name : names) {
			Element found = e.name().equals(name) ? e : e.first(name);
			if (found != null && !found.text().isEmpty()) {
				return found.text();
			}
		}
		return null;
	}

	static String joined(List<Element> elements) {
		List<String> texts = elements.stream().map(Element::text).filter(t -> !t.isEmpty()).distinct().toList();
		return texts.isEmpty() ? null : String.join("\n", texts);
	}

}
