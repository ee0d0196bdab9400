package io.ipgraph.cases;

import io.ipgraph.GraphQlClient;
import io.ipgraph.IpgraphTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Treasury Wine Estates / Penfolds v. Li Daozhi, Li Shen and Rush Rich (奔富, 奔富酒园), imported from its case file:
 * the Chinese name held by others in several classes, the longer copycat mark of the Rush Rich group, and the
 * cases in China and Australia.
 */
@IpgraphTest
class PenfoldsCaseTest {

	private static final String LI_DAOZHI_BENFU = "CTMO:unnumbered:benfu-li-daozhi-43";

	private static final String LI_SHEN_BENFU = "CTMO:unnumbered:benfu-li-shen-33";

	private static final String BENFU_JIUYUAN = "CTMO:unnumbered:benfu-jiuyuan";

	@LocalServerPort
	int port;

	HttpGraphQlTester graphql;

	@BeforeEach
	void importTheCase() {
		CaseFiles.load(this.port, "penfolds-benfu");
		CaseFiles.load(this.port, "castel-lidaozhi");
		this.graphql = GraphQlClient.tester(this.port);
	}

	@org.junit.jupiter.api.AfterAll
	static void removeTheCase(@org.springframework.beans.factory.annotation.Autowired io.ipgraph.store.GraphStore store) {
		CaseFiles.remove(store, "castel-lidaozhi");
		CaseFiles.remove(store, "penfolds-benfu");
	}

	@Test
	void resolvingPenfoldsReachesTheTradingCompanyNamedBenFuThroughTheSourcedChineseEquivalent() {
		var response = this.graphql.document("""
				{ resolveName(name: "Penfolds", kinds: ["Company"]) { entity { id } score reasons { kind detail } } }""").execute();
		response.path("resolveName[?(@.entity.id == 'company:ben-fu-international-trade')].reasons[0].kind").entityList(String.class)
			.containsExactly("equivalent");
		response.path("resolveName[?(@.entity.id == 'company:ben-fu-international-trade')].reasons[0].detail").entityList(String.class)
			.satisfies(d -> assertThat(d).singleElement().asString().contains("stands for 'Penfolds'"));
	}

	@Test
	void conflictSearchForBenFuFindsTheRegistrationsOfLiDaozhiAndLiShenWhileTweHeldOnlyPenfolds() {
		for (String text : java.util.List.of("奔富", "Ben Fu")) {
			var response = this.graphql.document("""
					query($text: String!) { conflicts(text: $text, jurisdiction: "CN", excludeOwners: ["company:treasury-wine-estates"]) {
					    registration { id classes owners { node { id } } } reasons { kind } } }""")
				.variable("text", text)
				.execute();
			response.path("conflicts[*].registration.id").entityList(String.class).contains(LI_DAOZHI_BENFU, LI_SHEN_BENFU);
			response.path("conflicts[?(@.registration.id == '" + LI_DAOZHI_BENFU + "')].registration.owners[*].node.id")
				.entityList(String.class).containsExactly("person:li-daozhi");
			response.path("conflicts[?(@.registration.id == '" + LI_SHEN_BENFU + "')].registration.owners[*].node.id")
				.entityList(String.class).containsExactly("person:li-shen");
		}
		this.graphql.document("""
				{ company(id: "company:treasury-wine-estates") { registrations { node { id markText jurisdiction } } } }""")
			.execute()
			.path("company.registrations[?(@.node.jurisdiction == 'CN')].node.markText").entityList(String.class).containsExactly("Penfolds");
	}

	@Test
	void conflictSearchForPenfoldsAcrossScriptsFindsTheChineseName() {
		this.graphql.document("""
				{ conflicts(text: "Penfolds", classes: [33], jurisdiction: "CN", excludeOwners: ["company:treasury-wine-estates"]) {
				    registration { id } reasons { kind detail } } }""")
			.execute()
			.path("conflicts[*].registration.id").entityList(String.class).contains(LI_SHEN_BENFU, BENFU_JIUYUAN);
	}

	@Test
	void conflictSearchForBenFuAlsoFindsTheLongerMarkOfRushRichInvalidatedByTheSupremeCourt() {
		this.graphql.document("""
				{ conflicts(text: "奔富", classes: [33], jurisdiction: "CN") { registration { id status owners { node { id } } } reasons { kind } } }""")
			.execute()
			.path("conflicts[?(@.registration.id == '" + BENFU_JIUYUAN + "')].reasons[*].kind").entityList(String.class).contains("contains")
			.path("conflicts[?(@.registration.id == '" + BENFU_JIUYUAN + "')].registration.status").entityList(String.class)
			.containsExactly("invalidated")
			.path("conflicts[?(@.registration.id == '" + BENFU_JIUYUAN + "')].registration.owners[*].node.id").entityList(String.class)
			.containsExactly("company:australia-rush-rich-winery");
		this.graphql.document("""
				{ registration(id: "CTMO:unnumbered:benfu-jiuyuan") { proceedings { kind outcome courtCases { id rulings { id instance court { id } reviews { node { id } effect } } } } } }""")
			.execute()
			.path("registration.proceedings[0].kind").entity(String.class).isEqualTo("invalidation")
			.path("registration.proceedings[0].courtCases[0].rulings[?(@.instance == 'retrial')].court.id").entityList(String.class)
			.containsExactly("court:supreme-peoples-court")
			.path("registration.proceedings[0].courtCases[0].rulings[?(@.instance == 'retrial')].reviews[*].effect").entityList(String.class)
			.containsExactly("set-aside");
	}

	@Test
	void liDaozhiIsTheSamePersonAsInTheCastelCase() {
		this.graphql.document("""
				{ resolveName(name: "Daniel Li", kinds: ["Person"]) { entity { id } } }""")
			.execute()
			.path("resolveName[0].entity.id").entity(String.class).isEqualTo("person:li-daozhi");
		this.graphql.document("""
				{ person(id: "person:li-daozhi") { place sources { source { id } } registrations { node { id } } lawsuits { node { id } } } }""")
			.execute()
			.path("person.place").entity(String.class).isEqualTo("Wenzhou, Zhejiang")
			.path("person.sources[*].source.id").entityList(String.class).contains("src:penfolds-1", "src:castel-7")
			.path("person.registrations[*].node.id").entityList(String.class).contains(LI_DAOZHI_BENFU, "CTMO:unnumbered:kasite-33")
			.path("person.lawsuits[*].node.id").entityList(String.class).contains("lawsuit:castel-wenzhou-2012");
	}

	@Test
	void traceOfTheCopycatGroupRunsFromRushRichToTheAustralianJudgmentAndTheChineseInvalidation() {
		this.graphql.document("""
				{ neighbourhood(id: "company:australia-rush-rich-winery", hops: 2) { nodes { id } } }""")
			.execute()
			.path("neighbourhood.nodes[*].id").entityList(String.class)
			.contains("company:eastern-tomorrow-jinjiang", "company:rr-winery", "lawsuit:penfolds-federal-court-au",
					"ruling:penfolds-federal-court-au", BENFU_JIUYUAN, "proceeding:penfolds-benfu-jiuyuan-invalidation",
					"lawsuit:penfolds-benfu-jiuyuan");
		this.graphql.document("""
				{ trace(companyId: "company:treasury-wine-estates", jurisdiction: "CN") { subsidiaries { id } marks { mark { id } }
				    priorRegistrations { registration { id } markName } lawsuits { id } } }""")
			.execute()
			.path("trace.subsidiaries[*].id").entityList(String.class).contains("company:southcorp-brands")
			.path("trace.priorRegistrations[*].registration.id").entityList(String.class)
			.contains(LI_DAOZHI_BENFU, LI_SHEN_BENFU, BENFU_JIUYUAN)
			.path("trace.lawsuits[*].id").entityList(String.class).contains("lawsuit:penfolds-benfu-jiuyuan");
		this.graphql.document("""
				{ paths(from: "company:eastern-tomorrow-jinjiang", to: "lawsuit:penfolds-benfu-jiuyuan", maxHops: 3) { length nodes { id } } }""")
			.execute()
			.path("paths[0].nodes[*].id").entityList(String.class).contains("company:australia-rush-rich-winery");
	}

	@Test
	void liShenAndLiChenAreKeptAsSeparateClaimsNotMerged() {
		this.graphql.document("""
				{ person(id: "person:li-shen") { aliases proceedings { nameAsGiven node { id } }
				    disputes { property claims { value sources { source { id } } } } } }""")
			.execute()
			.path("person.aliases").entityList(String.class).doesNotContain("Li Chen")
			.path("person.proceedings[*].nameAsGiven").entityList(String.class).contains("Li Chen")
			.path("person.disputes[?(@.property == 'name')].claims[*].value").entityList(String.class)
			.satisfies(l -> assertThat(l).containsExactlyInAnyOrder("Li Shen", "Li Chen"))
			.path("person.disputes[?(@.property == 'name')].claims[*].sources[*].source.id").entityList(String.class)
			.contains("src:penfolds-1", "src:penfolds-4");
	}

	@Test
	void theContradictionsOfTheSourcesStayVisible() {
		this.graphql.document("""
				{ r: entity(id: "CTMO:unnumbered:benfu-li-shen-33") { disputes { property claims { value } } }
				  l: entity(id: "lawsuit:penfolds-benfu-jiuyuan") { disputes { property claims { value sources { source { id } } } } } }""")
			.execute()
			.path("r.disputes[?(@.property == 'registrant')].claims[*].value").entityList(String.class)
			.satisfies(l -> assertThat(l).containsExactlyInAnyOrder("Li Daozhi", "Li Shen", "Li Chen", "an associate of Li Chen"))
			.path("l.disputes[?(@.property == 'damages')].claims[*].sources[*].source.id").entityList(String.class)
			.satisfies(l -> assertThat(l).containsExactlyInAnyOrder("src:penfolds-11", "src:penfolds-9"));
	}

}
