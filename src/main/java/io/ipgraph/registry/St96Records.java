package io.ipgraph.registry;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.ipgraph.registry.XmlRecords.Element;

import static io.ipgraph.registry.RegistryRecords.OFFICES;
import static io.ipgraph.registry.RegistryRecords.assignments;
import static io.ipgraph.registry.RegistryRecords.firstText;
import static io.ipgraph.registry.RegistryRecords.joined;
import static io.ipgraph.registry.RegistryRecords.jurisdiction;

/** A WIPO ST.96 trademark record: the registration, its applicants, the assignments and the events. */
final class St96Records {

	private St96Records() {
	}

	static void convert(Element mark, RecordLines b) {
		Map<String, Object> props = St96Records.registration(mark, mark.text("ApplicationNumber", "ApplicationNumberText"), b);
		Set<Integer> classes = new TreeSet<>();
		for (Element classification : mark.all("GoodsServicesClassification")) {
			if ("Nice".equalsIgnoreCase(classification.text("ClassificationKindCode"))) {
				b.niceClass(classification.text("ClassNumber"), classes);
			}
		}
		props.put("classes", List.copyOf(classes));
		props.put("goodsAndServices", joined(mark.all("GoodsServicesDescriptionText")));
		props.put("status", status(props));
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

	/**
	 * The registration of a WIPO mark record (ST.96 {@code Trademark} or ST.66 {@code TradeMark}, which share these
	 * elements): office, numbers, dates, status code and mark text.
	 */
	static Map<String, Object> registration(Element mark, String application, RecordLines b) {
		String office = OFFICES.getOrDefault(mark.text("RegistrationOfficeCode"), mark.text("RegistrationOfficeCode"));
		if (office == null || application == null) {
			throw new RegistryRecords.Unusable("no office or application number");
		}
		Map<String, Object> props = b.registration(office, application, jurisdiction(mark.text("RegistrationOfficeCode")));
		props.put("applicationNumber", application);
		props.put("registrationNumber", mark.text("RegistrationNumber"));
		props.put("filedOn", b.date(mark.text("ApplicationDate"), "ApplicationDate"));
		props.put("registeredOn", b.date(mark.text("RegistrationDate"), "RegistrationDate"));
		props.put("statusCode", mark.text("MarkCurrentStatusCode"));
		props.put("statusDate", b.date(mark.text("MarkCurrentStatusDate"), "MarkCurrentStatusDate"));
		props.put("markText", firstText(mark, "MarkVerbalElementText"));
		return props;
	}

	static String status(Map<String, Object> props) {
		return props.get("registeredOn") != null ? "registered" : "application";
	}

}
