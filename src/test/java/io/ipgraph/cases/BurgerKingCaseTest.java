package io.ipgraph.cases;

import io.ipgraph.GraphQlClient;
import io.ipgraph.IpgraphTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Burger King of Florida v. Hoots (7th Cir. 1968) and the Australian sequel: an earlier local registration of the
 * same name by an unrelated small business, which keeps its market while the national chain takes the rest.
 */
@IpgraphTest
class BurgerKingCaseTest {

	private static final String ILLINOIS = "US-IL:unnumbered:burger-king-hoots-1959";

	private static final String FEDERAL = "USPTO:unnumbered:burger-king-1961";

	@LocalServerPort
	int port;

	HttpGraphQlTester graphql;

	@BeforeEach
	void importTheCase() {
		CaseFiles.load(this.port, "burgerking-hoots");
		this.graphql = GraphQlClient.tester(this.port);
	}

	@org.junit.jupiter.api.AfterAll
	static void removeTheCase(@org.springframework.beans.factory.annotation.Autowired io.ipgraph.store.GraphStore store) {
		CaseFiles.remove(store, "burgerking-hoots");
	}

	@Test
	void conflictSearchFindsTheHootsStateRegistrationBeforeTheChainsFederalOne() {
		this.graphql.document("""
				{ conflicts(text: "Burger King", jurisdiction: "US", date: "1961-07",
				            excludeOwners: ["company:burger-king-of-florida", "company:burger-king-restaurants"]) {
				    registration { id office registeredOn owners { node { id } } } reasons { kind detail } } }""")
			.execute()
			.path("conflicts[*].registration.id").entityList(String.class).contains(ILLINOIS).doesNotContain(FEDERAL)
			.path("conflicts[?(@.registration.id == '" + ILLINOIS + "')].registration.registeredOn").entityList(String.class)
			.containsExactly("1959")
			.path("conflicts[?(@.registration.id == '" + ILLINOIS + "')].registration.owners[*].node.id").entityList(String.class)
			.contains("person:gene-hoots", "person:betty-hoots")
			.path("conflicts[?(@.registration.id == '" + ILLINOIS + "')].reasons[*].kind").entityList(String.class)
			.contains("identical-text", "earlier-registration");
		this.graphql.document("{ registration(id: \"" + FEDERAL + "\") { registeredOn owners { node { id } } } }")
			.execute()
			.path("registration.registeredOn").entity(String.class).isEqualTo("1961-10-03")
			.path("registration.owners[*].node.id").entityList(String.class).contains("company:burger-king-of-florida");
	}

	@Test
	void theRulingOf1968SplitsIllinoisBetweenMattoonAndTheChain() {
		var response = this.graphql.document("""
				{ lawsuit(id: "lawsuit:burger-king-v-hoots") { caseNumber parties { role node { id } }
				    rulings { id instance date injunction court { id } reviews { effect node { id } } decides { appellants { id } } } } }""")
			.execute();
		response.path("lawsuit.caseNumber").entity(String.class).satisfies(number -> assertThat(number).contains("16706", "403 F.2d 904"));
		response.path("lawsuit.parties[?(@.role == 'defendant')].node.id").entityList(String.class)
			.contains("person:gene-hoots", "person:betty-hoots");
		response.path("lawsuit.rulings[?(@.instance == 'second-instance')].date").entityList(String.class).containsExactly("1968-11-25");
		response.path("lawsuit.rulings[?(@.instance == 'second-instance')].court.id").entityList(String.class)
			.containsExactly("court:us-court-of-appeals-seventh-circuit");
		response.path("lawsuit.rulings[?(@.instance == 'second-instance')].reviews[*].effect").entityList(String.class).containsExactly("upheld");
		response.path("lawsuit.rulings[?(@.instance == 'second-instance')].decides.appellants[*].id").entityList(String.class)
			.contains("person:gene-hoots", "person:betty-hoots");
		response.path("lawsuit.rulings[?(@.instance == 'second-instance')].injunction").entityList(String.class)
			.satisfies(injunctions -> assertThat(injunctions).singleElement()
				.satisfies(text -> assertThat(text).contains("in any part of Illinois except their Mattoon, Illinois, market",
						"plaintiffs restrained from using their trade mark in the market area of Mattoon")));
	}

	@Test
	void inAustraliaAPriorLocalHolderExplainsWhyTheFranchiseeTradedAsHungryJacks() {
		this.graphql.document("""
				{ squatting(firmId: "company:burger-king-corporation", jurisdiction: "AU") {
				    firstFiling hits { registration { id registeredOn owners { node { id } } } markText } } }""")
			.execute()
			.path("squatting.firstFiling").valueIsNull()
			.path("squatting.hits[*].registration.id").entityList(String.class).contains("IPAU:unnumbered:burger-king-adelaide")
			.path("squatting.hits[?(@.registration.id == 'IPAU:unnumbered:burger-king-adelaide')].registration.owners[*].node.id")
			.entityList(String.class).containsExactly("company:burger-king-adelaide");
		this.graphql.document("""
				{ company(id: "company:hungry-jacks") { marksUsed { jurisdiction since node { text } }
				    partnerOf { region node { id } } people { title node { id } } } }""")
			.execute()
			.path("company.marksUsed[*].node.text").entityList(String.class).containsExactly("Hungry Jack's")
			.path("company.marksUsed[0].since").entity(String.class).isEqualTo("1971-04-18")
			.path("company.partnerOf[*].node.id").entityList(String.class).containsExactly("company:burger-king-corporation")
			.path("company.people[*].node.id").entityList(String.class).containsExactly("person:jack-cowin");
		// the Adelaide chain used the name from 1962, before the franchisee's first store (1971)
		this.graphql.document("{ company(id: \"company:burger-king-adelaide\") { foundedOn marksUsed { since node { text } } people { node { id } } } }")
			.execute()
			.path("company.marksUsed[?(@.node.text == 'Burger King')].since").entityList(String.class).containsExactly("1962")
			.path("company.people[*].node.id").entityList(String.class).containsExactly("person:don-dervan");
	}

	@Test
	void contradictionsBetweenTheSourcesAreVisible() {
		this.graphql.document("""
				{ florida: entity(id: "company:burger-king-of-florida") { disputes { property claims { value sources { source { id } } } } }
				  mattoon: entity(id: "company:burger-king-mattoon") { disputes { property claims { value } } }
				  lawsuit: entity(id: "lawsuit:burger-king-v-hoots") { disputes { property claims { value } } }
				  ruling: entity(id: "ruling:burger-king-hoots-7th-cir-1968") { disputes { property claims { value } } }
				  adelaide: entity(id: "company:burger-king-adelaide") { disputes { property claims { value } } } }""")
			.execute()
			.path("florida.disputes[?(@.property == 'foundedOn')].claims[*].value").entityList(String.class).contains("1953", "1954").hasSize(2)
			.path("florida.disputes[?(@.property == 'foundedOn')].claims[*].sources[*].source.id").entityList(String.class)
			.contains("src:burgerking-1", "src:burgerking-10")
			.path("mattoon.disputes[?(@.property == 'burgerKingNameSince')].claims[*].value").entityList(String.class)
			.contains("1957", "1954").hasSize(2)
			.path("lawsuit.disputes[?(@.property == 'outcome')].claims").entityList(Object.class).hasSize(1)
			.path("lawsuit.disputes[?(@.property == 'outcome')].claims[*].value").entityList(String.class).hasSize(2)
			.path("ruling.disputes[?(@.property == 'injunction')].claims[*].value").entityList(String.class)
			.contains("within a 20 mile radius of Mattoon, Illinois").hasSize(2)
			.path("adelaide.disputes[?(@.property == 'firstStore')].claims[*].value").entityList(String.class)
			.contains("Ashford").hasSize(2);
	}

}
