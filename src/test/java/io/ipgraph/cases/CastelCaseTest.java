package io.ipgraph.cases;

import java.util.List;
import java.util.Map;

import io.ipgraph.GraphQlClient;
import io.ipgraph.IpgraphTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Castel Frères v. Li Daozhi (卡斯特, Ka Si Te), imported from its case file: the local importer's registration of the
 * phonetic Chinese name, its owners and licensee, the court chain from Wenzhou to the Supreme People's Court, and the
 * same person in the Penfolds (奔富) dispute.
 */
@IpgraphTest
class CastelCaseTest {

	private static final String KASITE = "CTMO:unnumbered:kasite-33";

	@LocalServerPort
	int port;

	HttpGraphQlTester graphql;

	@BeforeEach
	void importTheCase() {
		CaseFiles.load(this.port, "castel-lidaozhi");
		CaseFiles.load(this.port, "penfolds-benfu");
		this.graphql = GraphQlClient.tester(this.port);
	}

	@org.junit.jupiter.api.AfterAll
	static void removeTheCase(@org.springframework.beans.factory.annotation.Autowired io.ipgraph.store.GraphStore store) {
		CaseFiles.remove(store, "castel-lidaozhi");
		CaseFiles.remove(store, "penfolds-benfu");
	}

	@Test
	void conflictSearchForTheTransliterationInClass33FindsLiDaozhisKasiteNotCastels() {
		for (String text : List.of("Ka Si Te", "Kasite")) {
			var response = this.graphql.document("""
					query($text: String!) { conflicts(text: $text, classes: [33], jurisdiction: "CN", excludeOwners: ["company:castel-freres"]) {
					    registration { id markText classes owners { node { id } from to } } reasons { kind } } }""")
				.variable("text", text)
				.execute();
			response.path("conflicts[*].registration.id").entityList(String.class).contains(KASITE);
			response.path("conflicts[?(@.registration.id == '" + KASITE + "')].registration.owners[*].node.id").entityList(String.class)
				.contains("person:li-daozhi", "company:wenzhou-hardware-electrical")
				.doesNotContain("company:castel-freres");
			response.path("conflicts[?(@.registration.id == '" + KASITE + "')].reasons[*].kind").entityList(String.class)
				.contains("shared-class");
		}
	}

	@Test
	void conflictSearchForCastelAcrossScriptsFindsKasiteWhileCastelHeldOnlyTheLatinMark() {
		this.graphql.document("""
				{ conflicts(text: "Castel", classes: [33], jurisdiction: "CN", excludeOwners: ["company:castel-freres"]) {
				    registration { id } reasons { kind detail } } }""")
			.execute()
			.path("conflicts[*].registration.id").entityList(String.class).contains(KASITE);
		this.graphql.document("""
				{ company(id: "company:castel-freres") { registrations { node { id markText } } } }""")
			.execute()
			.path("company.registrations[*].node.markText").entityList(String.class).containsExactly("Castel");
	}

	@Test
	@SuppressWarnings("unchecked")
	void ownerHistoryRunsFromWenzhouHardwareToLiDaozhiWithTheBantiLicence() {
		var response = this.graphql.document("""
				{ registration(id: "CTMO:unnumbered:kasite-33") { number numberKnown markText classes expiresOn mark { id text }
				    owners { node { id name } role from to sources { source { id } quote } }
				    licensees { node { id } from to sources { source { id } } } } }""")
			.execute();
		response.path("registration.number").valueIsNull();
		response.path("registration.numberKnown").entity(Boolean.class).isEqualTo(false);
		response.path("registration.classes").entityList(Integer.class).containsExactly(33);
		response.path("registration.expiresOn").entity(String.class).isEqualTo("2020-03-06");
		response.path("registration.mark.id").entity(String.class).isEqualTo("mark:kasite");
		List<Map<String, Object>> owners = response.path("registration.owners").entityList(Map.class).get().stream()
			.map(o -> (Map<String, Object>) o).toList();
		assertThat(owners).extracting(o -> ((Map<String, Object>) o.get("node")).get("id") + " " + o.get("from") + ".." + o.get("to"))
			.containsExactlyInAnyOrder("company:wenzhou-hardware-electrical null..2002-04-25", "person:li-daozhi 2002-04-25..null");
		assertThat(owners).allSatisfy(o -> assertThat((List<?>) o.get("sources")).isNotEmpty());
		response.path("registration.licensees[0].node.id").entity(String.class).isEqualTo("company:shanghai-banti-wine");
		response.path("registration.licensees[0].from").entity(String.class).isEqualTo("2005-08-16");
		response.path("registration.licensees[0].to").entity(String.class).isEqualTo("2020-03-06");
	}

	@Test
	void caseChainRunsFromWenzhouThroughZhejiangToTheSupremePeoplesCourt() {
		var response = this.graphql.document("""
				{ lawsuit(id: "lawsuit:castel-wenzhou-2012") { court { id } parties { node { id } role }
				    rulings { id instance date damagesAmount damagesCurrency court { id }
				      reviews { node { id } effect } appeals { id court { id } decision { id } } } } }""")
			.execute();
		response.path("lawsuit.court.id").entity(String.class).isEqualTo("court:wenzhou-intermediate-peoples-court");
		response.path("lawsuit.parties[?(@.role == 'plaintiff')].node.id").entityList(String.class)
			.satisfies(l -> assertThat(l).containsExactlyInAnyOrder("person:li-daozhi", "company:shanghai-banti-wine"));
		response.path("lawsuit.parties[?(@.role == 'defendant')].node.id").entityList(String.class)
			.contains("company:castel-freres", "person:wei-gaoye", "company:zhejiang-you-ma-trading");
		response.path("lawsuit.rulings[?(@.id == 'ruling:castel-wenzhou-2012')].damagesAmount").entityList(Double.class).containsExactly(33730000.0);
		response.path("lawsuit.rulings[?(@.id == 'ruling:castel-wenzhou-2012')].appeals[*].decision.id").entityList(String.class)
			.containsExactly("ruling:castel-zhejiang");
		response.path("lawsuit.rulings[?(@.id == 'ruling:castel-zhejiang')].reviews[*].effect").entityList(String.class).containsExactly("upheld");
		response.path("lawsuit.rulings[?(@.id == 'ruling:castel-zhejiang')].appeals[*].decision.id").entityList(String.class)
			.containsExactly("ruling:castel-spc-2013");
		response.path("lawsuit.rulings[?(@.id == 'ruling:castel-spc-2013')].date").entityList(String.class).containsExactly("2013-12-11");
		response.path("lawsuit.rulings[?(@.id == 'ruling:castel-spc-2016')].date").entityList(String.class).containsExactly("2016-01-11");
		response.path("lawsuit.rulings[?(@.id == 'ruling:castel-spc-2016')].damagesAmount").entityList(Double.class).containsExactly(500000.0);
		response.path("lawsuit.rulings[?(@.id == 'ruling:castel-spc-2016')].court.id").entityList(String.class)
			.containsExactly("court:supreme-peoples-court");
	}

	@Test
	void damagesTotalsCountTheFinalSupremeCourtAwardNotTheCutOne() {
		var response = this.graphql.document("""
				{ damagesTotals(groupBy: [JURISDICTION]) { jurisdiction currency rulings { id } supersededRulings { id } disputed } }""")
			.execute();
		response.path("damagesTotals[?(@.jurisdiction == 'CN' && @.currency == 'CNY')].rulings[*].id").entityList(String.class)
			.contains("ruling:castel-spc-2016")
			.doesNotContain("ruling:castel-wenzhou-2012");
		response.path("damagesTotals[?(@.jurisdiction == 'CN' && @.currency == 'CNY')].supersededRulings[*].id").entityList(String.class)
			.contains("ruling:castel-wenzhou-2012");
	}

	@Test
	void everySpellingOfLiDaozhiResolvesToOnePersonWhoAlsoHoldsBenFu() {
		for (String name : List.of("Li Daozhi", "Li Dazhi", "Li Daoshi", "Lo Daozhi", "Li Dao Zhi", "Daniel Li")) {
			this.graphql.document("query($name: String!) { resolveName(name: $name, kinds: [\"Person\"]) { entity { id } } }")
				.variable("name", name)
				.execute()
				.path("resolveName[0].entity.id").entity(String.class).isEqualTo("person:li-daozhi");
		}
		var person = this.graphql.document("""
				{ person(id: "person:li-daozhi") { nationality place registrations { node { id markText } }
				    lawsuits { node { id } role } employers { node { ... on Company { id } } title } } }""")
			.execute();
		person.path("person.nationality").entity(String.class).isEqualTo("ES");
		person.path("person.registrations[*].node.markText").entityList(String.class).contains("卡斯特", "奔富");
		person.path("person.lawsuits[*].node.id").entityList(String.class).contains("lawsuit:castel-wenzhou-2012");
		person.path("person.employers[*].node.id").entityList(String.class).contains("company:panati-wine");
	}

	@Test
	void squattingFindsLiDaozhiHoldingTheChineseNamesOfCastelAndPenfolds() {
		this.graphql.document("""
				{ squatting(firmId: "company:castel-freres", jurisdiction: "CN") { hits { registration { id owners { node { id } } } markText } } }""")
			.execute()
			.path("squatting.hits[?(@.registration.id == '" + KASITE + "')].registration.owners[*].node.id").entityList(String.class)
			.contains("person:li-daozhi");
		this.graphql.document("""
				{ squatting(firmId: "company:treasury-wine-estates", jurisdiction: "CN") { hits { registration { id owners { node { id } } } } } }""")
			.execute()
			.path("squatting.hits[*].registration.owners[*].node.id").entityList(String.class)
			.contains("person:li-daozhi");
	}

	@Test
	void theMoneyOfTheCaseShowsTheRecordAwardReplacedAndTheRetrialAwardStanding() {
		var response = this.graphql.document("""
				{ lawsuit(id: "lawsuit:castel-wenzhou-2012") { money { kind amount currency instance date stands entity { id } } } }""").execute();
		response.path("lawsuit.money[*].entity.id").entityList(String.class).containsExactly("ruling:castel-wenzhou-2012", "ruling:castel-spc-2016");
		response.path("lawsuit.money[0].amount").entity(Double.class).isEqualTo(33730000.0);
		response.path("lawsuit.money[0].instance").entity(String.class).isEqualTo("first-instance");
		response.path("lawsuit.money[0].stands").entity(Boolean.class).isEqualTo(false);
		response.path("lawsuit.money[1].amount").entity(Double.class).isEqualTo(500000.0);
		response.path("lawsuit.money[1].currency").entity(String.class).isEqualTo("CNY");
		response.path("lawsuit.money[1].stands").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void squattingNamesTheBadFaithGroundForAHolderOfTwoForeignWineMakersChineseNames() {
		var response = this.graphql.document("""
				{ squatting(firmId: "company:castel-freres", jurisdiction: "CN") {
				    hits { registration { id } legalGrounds { pattern law provision facts } } } }""").execute();
		response.path("squatting.hits[?(@.registration.id == '" + KASITE + "')].legalGrounds[?(@.pattern == 'bad-faith')].provision")
			.entityList(String.class)
			.containsExactly("art. 4 (bad-faith filing without intent to use)");
		response.path("squatting.hits[?(@.registration.id == '" + KASITE + "')].legalGrounds[?(@.pattern == 'bad-faith')].facts")
			.entityList(String.class)
			.satisfies(facts -> assertThat(facts).singleElement().asString().startsWith("Li Daozhi holds marks of ").contains("Castel", "Treasury Wine Estates"));
	}

	@Test
	void theContradictionsOfTheSourcesStayVisible() {
		var response = this.graphql.document("""
				{ k: entity(id: "CTMO:unnumbered:kasite-33") { disputes { property claims { value sources { source { id } } } } }
				  r: entity(id: "ruling:castel-wenzhou-2012") { disputes { property claims { value numericValue sources { source { id } } } } }
				  p: entity(id: "proceeding:castel-kasite-non-use") { disputes { property claims { value } } }
				  c: entity(id: "company:cavesmaitre") { disputes { property claims { value } } } }""")
			.execute();
		response.path("k.disputes[*].property").entityList(String.class).contains("filedOn", "registrant");
		response.path("r.disputes[?(@.property == 'damagesAmount')].claims[*].value").entityList(String.class)
			.contains("RMB 33.73 million", "4.2 million euros", "more than $5 million");
		response.path("r.disputes[?(@.property == 'damagesAmount')].claims[*].sources[*].source.id").entityList(String.class)
			.contains("src:castel-1", "src:castel-2", "src:castel-5", "src:castel-6");
		response.path("p.disputes[?(@.property == 'filedOn')].claims[*].value").entityList(String.class).satisfies(l -> assertThat(l).containsExactlyInAnyOrder("2002", "2005"));
		response.path("c.disputes[?(@.property == 'parent')].claims[*].value").entityList(String.class).hasSize(2);
	}

}
