package io.ipgraph.cases;

import io.ipgraph.GraphQlClient;
import io.ipgraph.IpgraphTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Under Armour v. Uncle Martian / Fujian Tingfeilong (安德玛 vs 安德阿镆), imported from its case file: the common
 * transliteration held by the defendant's chairman, the suit in the Fujian Higher People's Court and the appeal
 * rejected by the Supreme People's Court.
 */
@IpgraphTest
class UnderArmourCaseTest {

	private static final String ANDEMA = "CTMO:unnumbered:andema";

	private static final String ANDEAMO = "CTMO:unnumbered:andeamo";

	private static final String LAWSUIT = "lawsuit:underarmour-fujian-2016";

	@LocalServerPort
	int port;

	HttpGraphQlTester graphql;

	@BeforeEach
	void importTheCase() {
		CaseFiles.load(this.port, "underarmour-unclemartian");
		this.graphql = GraphQlClient.tester(this.port);
	}

	@org.junit.jupiter.api.AfterAll
	static void removeTheCase(@org.springframework.beans.factory.annotation.Autowired io.ipgraph.store.GraphStore store) {
		CaseFiles.remove(store, "underarmour-unclemartian");
	}

	@Test
	void conflictSearchForUnderArmourAcrossScriptsFindsTheChairmansAndeMaAndUnderArmoursOwnAndeAMo() {
		var response = this.graphql.document("""
				{ conflicts(text: "Under Armour", classes: [25], jurisdiction: "CN") {
				    registration { id markText owners { node { id } } } reasons { kind detail } } }""")
			.execute();
		response.path("conflicts[*].registration.id").entityList(String.class).contains(ANDEMA, ANDEAMO);
		response.path("conflicts[?(@.registration.id == '" + ANDEMA + "')].registration.owners[*].node.id").entityList(String.class)
			.containsExactly("person:uncle-martian-chairman");
		response.path("conflicts[?(@.registration.id == '" + ANDEAMO + "')].registration.owners[*].node.id").entityList(String.class)
			.containsExactly("company:under-armour");
		this.graphql.document("""
				{ conflicts(text: "安德玛", jurisdiction: "CN") { registration { id } reasons { kind } } }""")
			.execute()
			.path("conflicts[*].registration.id").entityList(String.class).contains(ANDEMA)
			.path("conflicts[?(@.registration.id == '" + ANDEMA + "')].reasons[*].kind").entityList(String.class).contains("identical-text");
	}

	@Test
	void traceRunsFromTingfeilongThroughUncleMartianToTheSuitTheAwardAndTheRejectedAppeal() {
		this.graphql.document("""
				{ company(id: "company:fujian-tingfeilong") { marksUsed { node { id } since } lawsuits { node { id } role }
				    appeals { id ruling { id } decision { id outcome } } people { node { id } title } } }""")
			.execute()
			.path("company.marksUsed[*].node.id").entityList(String.class).containsExactly("mark:uncle-martian")
			.path("company.lawsuits[*].node.id").entityList(String.class).containsExactly(LAWSUIT)
			.path("company.lawsuits[0].role").entity(String.class).isEqualTo("defendant")
			.path("company.appeals[0].ruling.id").entity(String.class).isEqualTo("ruling:underarmour-fujian-2017")
			.path("company.appeals[0].decision.id").entity(String.class).isEqualTo("ruling:underarmour-spc-2020")
			.path("company.people[*].node.id").entityList(String.class).contains("person:zheng-maoxin", "person:uncle-martian-chairman");
		this.graphql.document("""
				{ lawsuit(id: "lawsuit:underarmour-fujian-2016") { caseNumber filedOn claims claimedAmount claimedCurrency court { id }
				    rulings { id date damagesAmount damagesCurrency injunction court { id } reviews { node { id } effect } } } }""")
			.execute()
			.path("lawsuit.caseNumber").entity(String.class).isEqualTo("(2016) Min-Min-Chu No. 78")
			.path("lawsuit.filedOn").entity(String.class).isEqualTo("2016-06-27")
			.path("lawsuit.claimedAmount").entity(Double.class).isEqualTo(100000000.0)
			.path("lawsuit.court.id").entity(String.class).isEqualTo("court:fujian-high-peoples-court")
			.path("lawsuit.rulings[?(@.id == 'ruling:underarmour-fujian-2017')].damagesAmount").entityList(Double.class).containsExactly(2000000.0)
			.path("lawsuit.rulings[?(@.id == 'ruling:underarmour-spc-2020')].court.id").entityList(String.class)
			.containsExactly("court:supreme-peoples-court")
			.path("lawsuit.rulings[?(@.id == 'ruling:underarmour-spc-2020')].reviews[*].effect").entityList(String.class).containsExactly("upheld");
		this.graphql.document("""
				{ trace(companyId: "company:under-armour", jurisdiction: "CN") { lawsuits { id } priorRegistrations { registration { id } } seizures { id } } }""")
			.execute()
			.path("trace.lawsuits[*].id").entityList(String.class).contains(LAWSUIT)
			.path("trace.priorRegistrations[*].registration.id").entityList(String.class).contains(ANDEMA);
	}

	@Test
	void theReliefWasInjunctionDestructionAndDamagesWithNoSeizure() {
		this.graphql.document("""
				{ trace(companyId: "company:under-armour", jurisdiction: "CN") { seizures { id } }
				  ruling(id: "ruling:underarmour-fujian-2017") { injunction damagesAmount damagesCurrency }
				  injunction: ruling(id: "ruling:underarmour-fujian-2016-injunction") { date injunction } }""")
			.execute()
			.path("trace.seizures").entityList(Object.class).hasSize(0)
			.path("ruling.injunction").entity(String.class).isEqualTo("permanently stop using the contested trademarks, destroy all infringing products")
			.path("ruling.damagesCurrency").entity(String.class).isEqualTo("CNY")
			.path("injunction.date").entity(String.class).isEqualTo("2016-11-02");
	}

	@Test
	void theDefendantsEarlierNewBalanceKnockOffDisputeIsOnRecord() {
		this.graphql.document("""
				{ search(query: "New Balance") { node { id } } company(id: "company:fujian-tingfeilong") { description city sources { source { id } } } }""")
			.execute()
			.path("search[*].node.id").entityList(String.class).contains("company:fujian-tingfeilong")
			.path("company.city").entity(String.class).isEqualTo("Jinjiang")
			.path("company.sources[*].source.id").entityList(String.class).contains("src:underarmour-6");
	}

	@Test
	void theContradictionsOfTheSourcesStayVisible() {
		this.graphql.document("""
				{ a: entity(id: "CTMO:unnumbered:andema") { disputes { property claims { value sources { source { id } } } } }
				  p: entity(id: "appeal:underarmour-spc") { disputes { property claims { value } } }
				  r: entity(id: "ruling:underarmour-fujian-2017") { disputes { property claims { value } } } }""")
			.execute()
			.path("a.disputes[?(@.property == 'owner')].claims[*].sources[*].source.id").entityList(String.class)
			.satisfies(l -> assertThat(l).containsExactlyInAnyOrder("src:underarmour-2", "src:underarmour-3"))
			.path("p.disputes[?(@.property == 'filedOn')].claims[*].value").entityList(String.class)
			.satisfies(l -> assertThat(l).containsExactlyInAnyOrder("October 2017", "August 2017"))
			.path("r.disputes[?(@.property == 'damagesAmount')].claims[*].value").entityList(String.class).contains("about 250,000 EUR");
	}

}
