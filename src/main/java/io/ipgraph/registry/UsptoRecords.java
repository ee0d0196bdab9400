package io.ipgraph.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.ipgraph.registry.XmlRecords.Element;



/** A USPTO bulk-data {@code case-file}: the registration, its owners by role and over time, the assignments, the events, and the status from USPTO's table of status codes. */
final class UsptoRecords {

	private UsptoRecords() {
	}

	static void convert(Element record, RecordLines b) {
		String serial = record.text("serial-number");
		if (serial == null) {
			throw new RegistryRecords.Unusable("no serial-number");
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
			props.put("publishedOn", b.date(header.text("published-for-opposition-date"), "published-for-opposition-date"));
			props.put("registeredOn", b.date(header.text("registration-date"), "registration-date"));
			props.put("statusCode", header.text("status-code"));
			props.put("statusDate", b.date(header.text("status-date"), "status-date"));
			String[] status = status(header.text("status-code"), b.warnings);
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
			String role = role(partyType);
			Object from = role.equals("applicant") ? props.get("filedOn") : role.equals("registrant") ? props.get("registeredOn") : null;
			// USPTO legal entity type 01: an individual, a person, not a company
			b.owner(name, country, role, from, null, "uspto-owner-" + owner.text("entry-number") + "-" + partyType,
					"01".equals(owner.text("legal-entity-type-code")));
		}
		for (Element event : record.all("case-file-event-statement")) {
			b.event(event.text("number"), b.date(event.text("date"), "event date"), event.text("code"), event.text("description-text"));
		}
	}

	/** applicant (1x), owner at publication (2x), registrant (3x), new owner after registration (4x and later). */
	static String role(String partyType) {
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
	private static final Map<String, String[]> STATUS = statusTable();

	private static Map<String, String[]> statusTable() {
		Map<String, String[]> table = new java.util.HashMap<>();
		try (var in = UsptoRecords.class.getResourceAsStream("/registry/uspto-status-codes.tsv")) {
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
	static String[] status(String code, List<String> warnings) {
		if (code == null) {
			return new String[] { null, null };
		}
		String[] known = STATUS.get(code.strip());
		if (known == null) {
			warnings.add("status-code \"" + code + "\" is not in USPTO's table of status codes; status left out");
			return new String[] { null, null };
		}
		return known;
	}

}
