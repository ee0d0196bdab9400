package io.ipgraph.cases;

import io.ipgraph.GraphQlClient;
import io.ipgraph.IpgraphTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ferrero v. Montresor (FERRERO ROCHER / 金莎 / Tresor Dore), imported from its case file: the Chinese name registered
 * by Ferrero only in Taiwan and Hong Kong, the 金莎 mark Montresor acquired in China, and the unfair-competition case
 * from Tianjin to the Supreme People's Court.
 */
@IpgraphTest
class FerreroCaseTest {

	private static final String MONTRESOR_JINSHA = "CTMO:unnumbered:jinsha-montresor";

	@LocalServerPort
	int port;

	HttpGraphQlTester graphql;

	@BeforeEach
	void importTheCase() {
		CaseFiles.load(this.port, "ferrero-montresor");
		this.graphql = GraphQlClient.tester(this.port);
	}

	@org.junit.jupiter.api.AfterAll
	static void removeTheCase(@org.springframework.beans.factory.annotation.Autowired io.ipgraph.store.GraphStore store) {
		CaseFiles.remove(store, "ferrero-montresor");
	}

	@Test
	void conflictSearchForJinShaInChinaFindsMontresorsMarkWhileFerrerosAreInTaiwanAndHongKong() {
		this.graphql.document("""
				{ conflicts(text: "金莎", classes: [30], jurisdiction: "CN") { registration { id jurisdiction owners { node { id } from role } } reasons { kind } } }""")
			.execute()
			.path("conflicts[*].registration.id").entityList(String.class).contains(MONTRESOR_JINSHA)
			.path("conflicts[*].registration.jurisdiction").entityList(String.class).satisfies(l -> assertThat(l).containsOnly("CN"))
			.path("conflicts[?(@.registration.id == '" + MONTRESOR_JINSHA + "')].registration.owners[*].node.id").entityList(String.class)
			.containsExactly("company:montresor-zhangjiagang")
			.path("conflicts[?(@.registration.id == '" + MONTRESOR_JINSHA + "')].registration.owners[*].from").entityList(String.class)
			.containsExactly("2002");
		this.graphql.document("""
				{ company(id: "company:ferrero") { registrations { node { id jurisdiction markText registeredOn } } } }""")
			.execute()
			.path("company.registrations[*].node.jurisdiction").entityList(String.class).satisfies(l -> assertThat(l).containsExactlyInAnyOrder("TW", "HK"))
			.path("company.registrations[?(@.node.jurisdiction == 'TW')].node.registeredOn").entityList(String.class).containsExactly("1990")
			.path("company.registrations[?(@.node.jurisdiction == 'HK')].node.registeredOn").entityList(String.class).containsExactly("1993");
	}

	@Test
	void conflictSearchForFerreroRocherAcrossScriptsFindsTheChineseNameHeldByMontresor() {
		this.graphql.document("""
				{ conflicts(text: "FERRERO ROCHER", classes: [30], jurisdiction: "CN", excludeOwners: ["company:ferrero"]) { registration { id } reasons { kind detail } } }""")
			.execute()
			.path("conflicts[*].registration.id").entityList(String.class).contains(MONTRESOR_JINSHA);
	}

	@Test
	void theWinningClaimWasUnfairCompetitionFromTianjinToTheSupremePeoplesCourt() {
		this.graphql.document("""
				{ lawsuit(id: "lawsuit:ferrero-montresor") { caseNumber claims court { id } parties { node { id } role }
				    rulings { id instance date outcome damagesAmount damagesCurrency injunction court { id } reviews { node { id } effect } } } }""")
			.execute()
			.path("lawsuit.claims").entityList(String.class).containsExactly("unfair competition")
			.path("lawsuit.caseNumber").entity(String.class).isEqualTo("(2006) Min San Ti Zi No.3")
			.path("lawsuit.court.id").entity(String.class).isEqualTo("court:tianjin-no2-intermediate-peoples-court")
			.path("lawsuit.parties[?(@.role == 'defendant')].node.id").entityList(String.class)
			.satisfies(l -> assertThat(l).containsExactlyInAnyOrder("company:montresor-zhangjiagang", "company:tianjin-zhengyuan"))
			.path("lawsuit.rulings[?(@.id == 'ruling:ferrero-tianjin-2005')].outcome").entityList(String.class)
			.containsExactly("Ferrero's unfair-competition claim dismissed")
			.path("lawsuit.rulings[?(@.id == 'ruling:ferrero-tianjin-high-2006')].date").entityList(String.class).containsExactly("2006-01-09")
			.path("lawsuit.rulings[?(@.id == 'ruling:ferrero-tianjin-high-2006')].damagesAmount").entityList(Double.class).containsExactly(700000.0)
			.path("lawsuit.rulings[?(@.id == 'ruling:ferrero-tianjin-high-2006')].reviews[*].effect").entityList(String.class).containsExactly("set-aside")
			.path("lawsuit.rulings[?(@.id == 'ruling:ferrero-spc-2008')].date").entityList(String.class).containsExactly("2008-04-07")
			.path("lawsuit.rulings[?(@.id == 'ruling:ferrero-spc-2008')].court.id").entityList(String.class).containsExactly("court:supreme-peoples-court")
			.path("lawsuit.rulings[?(@.id == 'ruling:ferrero-spc-2008')].reviews[*].effect").entityList(String.class).containsExactly("upheld");
		this.graphql.document("""
				{ damagesTotals(groupBy: [JURISDICTION]) { jurisdiction currency rulings { id } disputed } }""")
			.execute()
			.path("damagesTotals[?(@.jurisdiction == 'CN' && @.currency == 'CNY')].rulings[*].id").entityList(String.class)
			.contains("ruling:ferrero-tianjin-high-2006");
	}

	@Test
	void theAmountContradictionShowsBothClaimsWithTheirSources() {
		this.graphql.document("""
				{ entity(id: "ruling:ferrero-spc-2008") { disputes { property claims { value numericValue sources { source { id } } } } } }""")
			.execute()
			.path("entity.disputes[?(@.property == 'damagesAmount')].claims[*].numericValue").entityList(Double.class)
			.satisfies(l -> assertThat(l).containsExactlyInAnyOrder(700000.0, 500000.0))
			.path("entity.disputes[?(@.property == 'damagesAmount')].claims[*].sources[*].source.id").entityList(String.class)
			.contains("src:ferrero-4", "src:ferrero-2", "src:ferrero-3");
	}

	@Test
	void theContradictionsOfTheSourcesStayVisible() {
		this.graphql.document("""
				{ r: entity(id: "ruling:ferrero-tianjin-2005") { disputes { property claims { value } } }
				  c: entity(id: "company:ferrero") { disputes { property claims { value } } } }""")
			.execute()
			.path("r.disputes[?(@.property == 'date')].claims[*].value").entityList(String.class).satisfies(l -> assertThat(l).containsExactlyInAnyOrder("2005-02-07", "2005-11"))
			.path("c.disputes[?(@.property == 'name')].claims[*].value").entityList(String.class)
			.satisfies(l -> assertThat(l).containsExactlyInAnyOrder("Italian Ferrero SPA", "Ferrero International S.A."));
	}

}
