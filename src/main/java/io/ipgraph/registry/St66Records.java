package io.ipgraph.registry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.ipgraph.registry.XmlRecords.Element;

import static io.ipgraph.registry.RegistryRecords.assignments;
import static io.ipgraph.registry.RegistryRecords.firstText;
import static io.ipgraph.registry.RegistryRecords.joined;

/** A WIPO ST.66 transaction: the registration of its {@code TradeMark}, its applicants and the events. */
final class St66Records {

	private St66Records() {
	}

	static void convert(Element transaction, RecordLines b) {
		Element mark = transaction.first("TradeMark");
		Map<String, Object> props = St96Records.registration(mark, mark.text("ApplicationNumber"), b);
		Set<Integer> classes = new TreeSet<>();
		for (Element description : mark.all("ClassDescription")) {
			b.niceClass(description.text("ClassNumber"), classes);
		}
		props.put("classes", List.copyOf(classes));
		props.put("goodsAndServices", joined(mark.all("GoodsServicesDescription")));
		props.put("status", St96Records.status(props));
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

}
