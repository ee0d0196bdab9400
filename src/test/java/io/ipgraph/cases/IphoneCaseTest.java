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
 * Apple (IPHONE) v. Xintong Tiandi: the same word filed in class 18 in 2007, the year the phone launched abroad;
 * the invalidation failed because the mark was not shown to be well known in China before that filing.
 */
@IpgraphTest
class IphoneCaseTest {

	private static final String CLASS_18 = "CTMO:unnumbered:iphone-18-xintong-tiandi";

	private static final String CLASS_9 = "CTMO:unnumbered:iphone-9-apple";

	@LocalServerPort
	int port;

	HttpGraphQlTester graphql;

	@BeforeEach
	void importTheCase() {
		CaseFiles.load(this.port, "iphone-xintongtiandi");
		this.graphql = GraphQlClient.tester(this.port);
	}

	@org.junit.jupiter.api.AfterAll
	static void removeTheCase(@org.springframework.beans.factory.annotation.Autowired io.ipgraph.store.GraphStore store) {
		CaseFiles.remove(store, "iphone-xintongtiandi");
	}

	@Test
	void conflictSearchFindsXintongTiandisMarkInClass18AndApplesOwnInClass9() {
		this.graphql.document("""
				{ conflicts(text: "IPHONE", classes: [18], jurisdiction: "CN") {
				    registration { id filedOn registeredOn numberKnown owners { node { id } } } reasons { kind } } }""")
			.execute()
			.path("conflicts[0].registration.id").entity(String.class).isEqualTo(CLASS_18)
			.path("conflicts[0].registration.filedOn").entity(String.class).isEqualTo("2007-09")
			.path("conflicts[0].registration.registeredOn").entity(String.class).isEqualTo("2010")
			.path("conflicts[0].registration.numberKnown").entity(Boolean.class).isEqualTo(false)
			.path("conflicts[0].registration.owners[*].node.id").entityList(String.class).contains("company:xintong-tiandi")
			.path("conflicts[0].reasons[*].kind").entityList(String.class).contains("shared-class");
		this.graphql.document("""
				{ conflicts(text: "IPHONE", classes: [9], jurisdiction: "CN") {
				    registration { id filedOn registeredOn owners { node { id } } } reasons { kind } } }""")
			.execute()
			.path("conflicts[0].registration.id").entity(String.class).isEqualTo(CLASS_9)
			.path("conflicts[0].registration.filedOn").entity(String.class).isEqualTo("2002")
			.path("conflicts[0].registration.registeredOn").entity(String.class).isEqualTo("2013")
			.path("conflicts[0].registration.owners[*].node.id").entityList(String.class).containsExactly("company:apple");
	}

	@Test
	@SuppressWarnings("unchecked")
	void timelinePutsXintongsFilingAfterApplesFilingButBeforeChinaSalesAndApplesGrant() {
		List<Map<String, Object>> events = this.graphql.document("""
				{ timeline(id: "mark:iphone") { date kind title entity { id } } }""")
			.execute()
			.path("timeline").entityList(Map.class).get().stream().map(e -> (Map<String, Object>) e).toList();
		assertThat(events).extracting(e -> e.get("date") + " " + e.get("kind") + " " + ((Map<String, Object>) e.get("entity")).get("id"))
			.containsSubsequence("2002 application-filed " + CLASS_9, "2007-09 application-filed " + CLASS_18,
					"2010 registered " + CLASS_18, "2013 registered " + CLASS_9);
		// Apple's first sales in China (2009) fall between the class 18 filing and Apple's own grant
		assertThat(events).extracting(e -> (String) e.get("date")).as("an event for the start of sales in China in 2009").contains("2009");
	}

	@Test
	void caseChainRunsFromTheTrademarkAuthorityThroughBothBeijingCourtsToTheRetrialRequest() {
		var response = this.graphql.document("""
				{ proceeding(id: "proceeding:iphone-18-invalidation") { kind filedOn decidedOn outcome body { id }
				    parties { role node { id } } registrations { id }
				    courtCases { id court { id name } parties { role node { id } }
				      rulings { id instance date outcome court { id }
				        appeals { id status court { id } appellants { id } decision { id } } } } } }""")
			.execute();
		response.path("proceeding.kind").entity(String.class).isEqualTo("invalidation");
		response.path("proceeding.body.id").entity(String.class).isEqualTo("TRAB");
		response.path("proceeding.filedOn").entity(String.class).isEqualTo("2012");
		response.path("proceeding.decidedOn").entity(String.class).isEqualTo("2013");
		response.path("proceeding.registrations[*].id").entityList(String.class).containsExactly(CLASS_18);
		response.path("proceeding.courtCases[*].id").entityList(String.class).containsExactly("lawsuit:apple-v-trab-iphone-18");
		response.path("proceeding.courtCases[0].court.id").entity(String.class).isEqualTo("court:iphone-beijing-first-instance");
		response.path("proceeding.courtCases[0].rulings[?(@.instance == 'first-instance')].appeals[*].court.id").entityList(String.class)
			.containsExactly("court:beijing-high-peoples-court");
		response.path("proceeding.courtCases[0].rulings[?(@.instance == 'second-instance')].date").entityList(String.class)
			.containsExactly("2016-03-31");
		response.path("proceeding.courtCases[0].rulings[?(@.instance == 'second-instance')].court.id").entityList(String.class)
			.containsExactly("court:beijing-high-peoples-court");
		response.path("proceeding.courtCases[0].rulings[?(@.instance == 'second-instance')].appeals[*].court.id").entityList(String.class)
			.containsExactly("court:supreme-peoples-court");
		response.path("proceeding.courtCases[0].rulings[?(@.instance == 'second-instance')].appeals[*].appellants[*].id")
			.entityList(String.class).containsExactly("company:apple");
		// the trademark authority is a party to the court case, as its respondent
		response.path("proceeding.courtCases[0].parties[*].node.id").entityList(String.class).contains("company:apple", "TRAB");
	}

	@Test
	void contradictionsBetweenTheSourcesAreVisible() {
		this.graphql.document("""
				{ proceeding: entity(id: "proceeding:iphone-18-invalidation") { disputes { property claims { value sources { source { id } } } } }
				  apple: entity(id: "CTMO:unnumbered:iphone-9-apple") { disputes { property claims { value } } }
				  high: entity(id: "ruling:iphone-beijing-high-2016") { disputes { property claims { value } } } }""")
			.execute()
			.path("proceeding.disputes[?(@.property == 'filedOn')].claims[*].value").entityList(String.class)
			.contains("2012", "2014").hasSize(2)
			.path("proceeding.disputes[?(@.property == 'filedOn')].claims[*].sources[*].source.id").entityList(String.class)
			.contains("src:iphone-1", "src:iphone-2", "src:iphone-5")
			.path("apple.disputes[?(@.property == 'registeredOn')].claims[*].value").entityList(String.class)
			.contains("2013", "2012").hasSize(2)
			.path("high.disputes[?(@.property == 'date')].claims[*].value").entityList(String.class)
			.contains("2016-03-31").hasSize(2);
	}

}
