package io.ipgraph.cases;

import java.util.List;

import io.ipgraph.GraphQlClient;
import io.ipgraph.IpgraphTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Honda v. Chongqing Hengsheng (HONDAKIT): export goods seized at Ruili, an OEM defence resting on a Myanmar
 * registration, and the Supreme People's Court's reversal of 2019, as the case file's sources state them.
 */
@IpgraphTest
class HondaCaseTest {

	@LocalServerPort
	int port;

	HttpGraphQlTester graphql;

	/** The registrations CTMO:314940 and CTMO:503699 are shared with other tests: the case is imported again before each test. */
	@BeforeEach
	void importTheCase() {
		CaseFiles.load(this.port, "honda-hondakit");
		this.graphql = GraphQlClient.tester(this.port);
	}

	@org.junit.jupiter.api.AfterAll
	static void removeTheCase(@org.springframework.beans.factory.annotation.Autowired io.ipgraph.store.GraphStore store) {
		CaseFiles.remove(store, "honda-hondakit");
	}

	@Test
	void conflictSearchForHondakitInChinaFindsHondasEarlierRegistrations() {
		this.graphql.document("""
				{ conflicts(text: "HONDAKIT", classes: [12], jurisdiction: "CN") {
				    registration { id owners { node { id } } } reasons { kind detail } } }""")
			.execute()
			.path("conflicts[?(@.registration.owners[0].node.id == 'company:honda')].registration.id").entityList(String.class)
			.satisfies(found -> assertThat(found).contains("CTMO:314940", "CTMO:503699"))
			.path("conflicts[?(@.registration.id == 'CTMO:314940')].reasons[*].kind").entityList(String.class)
			.contains("contained", "shared-class");
		// the third, the figure mark "H and its figure", shares no text with HONDAKIT: it is found through the suit that rests on all three
		this.graphql.document("{ lawsuit(id: \"lawsuit:honda-v-hengsheng\") { registrations { id mark { description } } } }")
			.execute()
			.path("lawsuit.registrations[*].id").entityList(String.class).contains("CTMO:314940", "CTMO:503699", "CTMO:1198975")
			.path("lawsuit.registrations[?(@.id == 'CTMO:1198975')].mark.description").entityList(String.class).containsExactly("H and its figure");
	}

	@Test
	void hondakitIsRegisteredInMyanmarOnlyNotInChina() {
		this.graphql.document("""
				{ cn: registrations(where: { markText: { eq: "HONDAKIT" }, jurisdiction: { eq: "CN" } }) { id }
				  mm: registrations(where: { markText: { eq: "HONDAKIT" }, jurisdiction: { eq: "MM" } }) {
				    id numberKnown classes owners { role node { id name } } } }""")
			.execute()
			.path("cn").entityList(Object.class).hasSize(0)
			.path("mm[*].id").entityList(String.class).containsExactly("MM:unnumbered:hondakit-12")
			.path("mm[0].numberKnown").entity(Boolean.class).isEqualTo(false)
			.path("mm[0].classes").entityList(Integer.class).containsExactly(12)
			.path("mm[0].owners[*].node.id").entityList(String.class).containsExactly("person:thet-mon-aung");
	}

	@Test
	void theRuiliSeizureGivesDateCountValueExporterAndTheHondaMark() {
		this.graphql.document("""
				{ seizure(id: "seizure:honda-ruili-2016") { date place country goods itemCount valueAmount valueCurrency
				    authorities { id name } sellers { id } marks { id text } jurisdiction { id } sources { source { id } quote } } }""")
			.execute()
			.path("seizure.date").entity(String.class).isEqualTo("2016-06-28")
			.path("seizure.authorities[*].name").entityList(String.class).containsExactly("Ruili Customs")
			.path("seizure.itemCount").entity(Integer.class).isEqualTo(220)
			.path("seizure.goods").entity(String.class).satisfies(goods -> assertThat(goods).contains("HONDAKIT"))
			.path("seizure.valueAmount").entity(Double.class).isEqualTo(118_360.0)
			.path("seizure.valueCurrency").entity(String.class).isEqualTo("USD")
			.path("seizure.sellers[*].id").entityList(String.class).containsExactly("company:hengsheng-xintai")
			.path("seizure.marks[*].text").entityList(String.class).containsExactly("HONDA")
			.path("seizure.sources[*].source.id").entityList(String.class).contains("src:honda-7", "src:honda-4");
	}

	@Test
	void traceRunsFromTheMyanmarClientThroughTheManufacturerAndItsExporterToTheSeizureAndTheRetrial() {
		// Meihua -> OEM order -> Hengsheng Group
		this.graphql.document("""
				{ trace(companyId: "company:meihua", jurisdiction: "CN") { partners { partner { id } of { id } scope } } }""")
			.execute()
			.path("trace.partners[*].partner.id").entityList(String.class).contains("company:chongqing-hengsheng-group");
		// Hengsheng Group -> subsidiary Hengsheng Xintai (exporter) -> the seizure
		var toSeizure = this.graphql.document("""
				{ paths(from: "company:meihua", to: "seizure:honda-ruili-2016", maxHops: 4) { length nodes { id } hops { type } } }""")
			.execute();
		toSeizure.path("paths[0].nodes[*].id").entityList(String.class)
			.containsExactly("company:meihua", "company:chongqing-hengsheng-group", "company:hengsheng-xintai", "seizure:honda-ruili-2016");
		toSeizure.path("paths[0].hops[*].type").entityList(String.class).containsExactly("PARTNER_OF", "SUBSIDIARY_OF", "SOLD_BY");
		// Honda's trace in China: the seizure of goods infringing HONDA and the suit up to the SPC's retrial judgment
		this.graphql.document("""
				{ trace(companyId: "company:honda", jurisdiction: "CN") { seizures { id }
				    lawsuits { id parties { role node { id } } rulings { id instance date } } } }""")
			.execute()
			.path("trace.seizures[*].id").entityList(String.class).contains("seizure:honda-ruili-2016")
			.path("trace.lawsuits[?(@.id == 'lawsuit:honda-v-hengsheng')].parties[*].node.id").entityList(String.class)
			.contains("company:honda", "company:chongqing-hengsheng-group", "company:hengsheng-xintai")
			.path("trace.lawsuits[?(@.id == 'lawsuit:honda-v-hengsheng')].rulings[*].id").entityList(String.class)
			.contains("ruling:honda-spc-retrial-2019");
		this.graphql.document("{ lawsuit(id: \"lawsuit:honda-v-hengsheng\") { caseNumber } }")
			.execute()
			.path("lawsuit.caseNumber").entity(String.class).isEqualTo("(2019) No. 138");
	}

	@Test
	void appealChainRunsFromDehongThroughYunnanHighToTheSupremePeoplesCourt() {
		var response = this.graphql.document("""
				{ lawsuit(id: "lawsuit:honda-v-hengsheng") { filedOn claimedAmount claimedCurrency court { id }
				    rulings { id instance date outcome damagesAmount damagesCurrency court { id }
				      reviews { effect node { id } } decides { id court { id } } } } }""")
			.execute();
		response.path("lawsuit.filedOn").entity(String.class).isEqualTo("2016-09-13");
		response.path("lawsuit.claimedAmount").entity(Double.class).isEqualTo(3_000_000.0);
		response.path("lawsuit.court.id").entity(String.class).isEqualTo("court:dehong-intermediate-peoples-court");
		response.path("lawsuit.rulings[?(@.instance == 'first-instance')].court.id").entityList(String.class)
			.containsExactly("court:dehong-intermediate-peoples-court");
		response.path("lawsuit.rulings[?(@.instance == 'first-instance')].damagesAmount").entityList(Double.class).containsExactly(300_000.0);
		response.path("lawsuit.rulings[?(@.instance == 'second-instance')].court.id").entityList(String.class)
			.containsExactly("court:yunnan-high-peoples-court");
		response.path("lawsuit.rulings[?(@.instance == 'second-instance')].damagesAmount").entityList(Object.class)
			.satisfies(amounts -> assertThat(amounts).containsOnlyNulls());
		response.path("lawsuit.rulings[?(@.instance == 'second-instance')].reviews[*].effect").entityList(String.class).containsExactly("set-aside");
		response.path("lawsuit.rulings[?(@.instance == 'retrial')].court.id").entityList(String.class).containsExactly("court:supreme-peoples-court");
		response.path("lawsuit.rulings[?(@.instance == 'retrial')].date").entityList(String.class).containsExactly("2019-09-23");
		response.path("lawsuit.rulings[?(@.instance == 'retrial')].damagesAmount").entityList(Double.class).containsExactly(300_000.0);
		response.path("lawsuit.rulings[?(@.instance == 'retrial')].reviews[*].node.id").entityList(String.class)
			.containsExactly("ruling:honda-yunnan-second-instance");
		// the award that stands is the SPC's: the two earlier rulings are superseded
		this.graphql.document("{ damagesTotals(groupBy: [JURISDICTION, YEAR]) { year currency rulings { id } supersededRulings { id } } }")
			.execute()
			.path("damagesTotals[?(@.year == '2019' && @.currency == 'CNY')].rulings[*].id").entityList(String.class)
			.contains("ruling:honda-spc-retrial-2019")
			.path("damagesTotals[*].rulings[*].id").entityList(String.class)
			.doesNotContain("ruling:honda-dehong-first-instance", "ruling:honda-yunnan-second-instance");
	}

	@Test
	void contradictionsBetweenTheSourcesAreVisible() {
		this.graphql.document("""
				{ seizure: entity(id: "seizure:honda-ruili-2016") { disputes { property claims { value sources { source { id } } } } }
				  ruling: entity(id: "ruling:honda-spc-retrial-2019") { disputes { property claims { value } } }
				  group: entity(id: "company:chongqing-hengsheng-group") { disputes { property claims { value } } }
				  honda: entity(id: "company:honda") { disputes { property claims { value } } } }""")
			.execute()
			.path("seizure.disputes[?(@.property == 'goods')].claims[*].value").entityList(String.class)
			.contains("220 motorcycles", "220 sets of parts")
			.path("seizure.disputes[?(@.property == 'goods')].claims[*].sources[*].source.id").entityList(String.class)
			.contains("src:honda-7", "src:honda-3")
			.path("ruling.disputes[?(@.property == 'date')].claims[*].value").entityList(String.class)
			.contains("2019-09-23", "By the end of 2019").hasSize(2)
			.path("group.disputes[?(@.property == 'name')].claims[*].value").entityList(String.class)
			.contains("Hensim Group", "Chongqing Hengxin Group")
			.path("honda.disputes[?(@.property == 'firstChineseRegistration')].claims[*].value").entityList(String.class)
			.hasSize(2);
	}

	@Test
	void everyNameTheSourcesGiveTheGroupResolvesToIt() {
		for (String name : List.of("Chongqing Hengxin Group", "Hensim Group", "Heng Sheng")) {
			this.graphql.document("{ resolveName(name: \"" + name + "\") { entity { id } } }")
				.execute()
				.path("resolveName[*].entity.id").entityList(String.class).contains("company:chongqing-hengsheng-group");
		}
	}

}
