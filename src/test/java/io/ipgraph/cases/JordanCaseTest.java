package io.ipgraph.cases;

import java.util.List;
import java.util.Map;

import io.ipgraph.GraphQlClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Michael Jordan v. Qiaodan Sports (乔丹 / 喬丹 / QIAODAN), imported from its case file and read back as an analyst. */
@io.ipgraph.IpgraphTest
class JordanCaseTest {

	@LocalServerPort
	int port;

	HttpGraphQlTester graphql;

	@BeforeEach
	void load() {
		CaseFiles.load(this.port, "jordan-qiaodan");
		this.graphql = GraphQlClient.tester(this.port);
	}

	@org.junit.jupiter.api.AfterAll
	static void removeTheCase(@org.springframework.beans.factory.annotation.Autowired io.ipgraph.store.GraphStore store) {
		CaseFiles.remove(store, "jordan-qiaodan");
	}

	@Test
	void conflictSearchForQiaodanInChineseCharactersFindsNo4152827OfAFujianCompany() {
		for (String text : List.of("乔丹", "喬丹")) {
			var response = this.graphql.document("""
					{ conflicts(text: "%s", classes: [25], jurisdiction: "CN", limit: 50) {
					    registration { id classes owners { node { id name ... on Company { city country } } } } reasons { kind } } }"""
				.formatted(text)).execute();
			response.path("conflicts[*].registration.id").entityList(String.class).contains("CTMO:4152827");
			response.path("conflicts[?(@.registration.id == 'CTMO:4152827')].registration.owners[*].node.id").entityList(String.class)
				.containsExactly("company:qiaodan-sports");
			response.path("conflicts[?(@.registration.id == 'CTMO:4152827')].registration.owners[*].node.city").entityList(String.class)
				.containsExactly("Jinjiang");
		}
		// no link from the owner to Michael Jordan
		this.graphql.document("{ paths(from: \"company:qiaodan-sports\", to: \"person:michael-jordan\", maxHops: 2, types: [\"WORKS_FOR\", \"SUBSIDIARY_OF\", \"PARTNER_OF\", \"PARTY_TO_AGREEMENT\", \"LICENSEE_OF\"]) { length } }")
			.execute()
			.path("paths").entityList(Object.class).hasSize(0);
	}

	@Test
	void pinyinQiaodanIsReadAsTheChineseNameAndTheSupremeCourtRuledTheTwoScriptsApart() {
		var response = this.graphql.document("""
				{ conflicts(text: "QIAODAN", classes: [25], jurisdiction: "CN", limit: 50) {
				    registration { id owners { node { id } } } reasons { kind } } }""").execute();
		response.path("conflicts[*].registration.id").entityList(String.class)
			.contains("CTMO:4152827", "CTMO:unnumbered:qiaodan-pinyin-25");
		response.path("conflicts[?(@.registration.id == 'CTMO:4152827')].reasons[*].kind").entityList(String.class).contains("transliteration");
		var rulings = this.graphql.document("""
				{ zh: registration(id: "CTMO:4152827") { owners { node { id } } lawsuits { rulings { instance date outcome } } }
				  pinyin: registration(id: "CTMO:unnumbered:qiaodan-pinyin-25") { numberKnown owners { node { id } } lawsuits { rulings { instance date outcome } } } }""")
			.execute();
		rulings.path("zh.owners[*].node.id").entityList(String.class).containsExactly("company:qiaodan-sports");
		rulings.path("pinyin.owners[*].node.id").entityList(String.class).containsExactly("company:qiaodan-sports");
		rulings.path("pinyin.numberKnown").entity(Boolean.class).isEqualTo(false);
		rulings.path("zh.lawsuits[*].rulings[?(@.instance == 'retrial')].date").entityList(String.class).containsExactly("2016-12-08");
		rulings.path("zh.lawsuits[*].rulings[?(@.instance == 'retrial')].outcome").entityList(String.class)
			.satisfies(o -> assertThat(o).singleElement().asString().contains("should be removed"));
		rulings.path("pinyin.lawsuits[*].rulings[?(@.instance == 'retrial')].date").entityList(String.class).containsExactly("2016-12-08");
		rulings.path("pinyin.lawsuits[*].rulings[?(@.instance == 'retrial')].outcome").entityList(String.class)
			.satisfies(o -> assertThat(o).singleElement().asString().contains("registrations stand"));
	}

	@Test
	void squattingOnMichaelJordanFlagsOneOwnersClusterOfNameNumberSonsAndLogo() {
		var response = this.graphql.document("""
				{ squatting(firmId: "person:michael-jordan", jurisdiction: "CN") {
				    hits { registration { id owners { node { id } } } markText } } }""").execute();
		response.errors().verify();
		response.path("squatting.hits[*].registration.id").entityList(String.class).contains("CTMO:4152827",
				"CTMO:unnumbered:qiaodan-23", "CTMO:unnumbered:qiaodan-marcus-jordan-zh", "CTMO:unnumbered:qiaodan-geoffrey-jordan-zh",
				"CTMO:unnumbered:qiaodan-logo");
		// one owner holds them all (1629121 came to it from Jinjiang Maike in 2011)
		response.path("squatting.hits[*].registration.owners[?(@.node.id == 'company:qiaodan-sports')].node.id").entityList(String.class)
			.satisfies(owners -> assertThat(owners).hasSizeGreaterThanOrEqualTo(5));
		response.path("squatting.hits[*].registration.id").entityList(String.class)
			.satisfies(ids -> assertThat(ids).hasSize(response.path("squatting.hits[*].registration.owners[?(@.node.id == 'company:qiaodan-sports')].node.id")
				.entityList(String.class).get().size()));
	}

	@Test
	void ownerHistoryOfNo1629121ShowsTheTransferFromMaikeToJordanSportsInSeptember2011() {
		var response = this.graphql.document("""
				{ registration(id: "CTMO:1629121") { markText classes filedOn owners { node { id } role from to sources { quote } } } }""")
			.execute();
		response.path("registration.owners[?(@.node.id == 'company:jinjiang-maike')].to").entityList(String.class).containsExactly("2011-09");
		response.path("registration.owners[?(@.node.id == 'company:qiaodan-sports')].from").entityList(String.class).containsExactly("2011-09");
		response.path("registration.owners[?(@.node.id == 'company:qiaodan-sports')].sources[*].quote").entityList(String.class)
			.containsExactly("In September, 2011, it was transferd to Jordan Sports Co., Ltd.");
		this.graphql.document("{ timeline(id: \"CTMO:1629121\", depth: 1) { date kind title } }")
			.execute()
			.path("timeline[?(@.kind == 'ownership-began' && @.date == '2011-09')].title").entityList(String.class)
			.containsExactly("Qiaodan Sports Co., Ltd. became owner of CTMO 1629121");
	}

	@Test
	void theChainRunsFromTheBoardToTheSupremeCourtRetrialPlusTheShanghaiCivilCase() {
		var chain = this.graphql.document("""
				{ proceeding(id: "proceeding:jordan-trab-2012") { filedOn body { id } outcome
				    courtCases { id rulings { id instance date court { id } reviews { effect node { id } } } } } }""").execute();
		chain.path("proceeding.body.id").entity(String.class).isEqualTo("TRAB");
		chain.path("proceeding.filedOn").entity(String.class).isEqualTo("2012");
		chain.path("proceeding.courtCases[?(@.id == 'lawsuit:jordan-v-trab-qiaodan-zh')].rulings[*].instance").entityList(String.class)
			.satisfies(i -> assertThat(i).containsExactlyInAnyOrder("first-instance", "second-instance", "retrial"));
		chain.path("proceeding.courtCases[*].rulings[?(@.instance == 'second-instance')].court.id").entityList(String.class)
			.containsExactly("court:beijing-high-peoples-court");
		chain.path("proceeding.courtCases[*].rulings[?(@.instance == 'retrial')].court.id").entityList(String.class)
			.satisfies(c -> assertThat(c).isNotEmpty().containsOnly("court:supreme-peoples-court"));
		chain.path("proceeding.courtCases[*].rulings[?(@.instance == 'first-instance')].date").entityList(String.class).containsExactly("2014");
		var shanghai = this.graphql.document("""
				{ lawsuit(id: "lawsuit:jordan-v-qiaodan-name-right-shanghai") { court { id }
				    rulings { date instance damagesAmount damagesCurrency costsAmount costsCurrency } } }""").execute();
		shanghai.path("lawsuit.court.id").entity(String.class).isEqualTo("court:shanghai-no2-intermediate-peoples-court");
		shanghai.path("lawsuit.rulings[0].date").entity(String.class).isEqualTo("2020-12-30");
		shanghai.path("lawsuit.rulings[0]").entity(Map.class).satisfies(r -> assertThat(((Number) r.get("damagesAmount")).doubleValue()
				+ ((Number) r.get("costsAmount")).doubleValue()).isEqualTo(350000.0));
		// the board's proceeding is part of the case's timeline
		this.graphql.document("{ timeline(id: \"lawsuit:jordan-v-trab-qiaodan-zh\") { date kind entity { id } } }")
			.execute()
			.path("timeline[*].entity.id").entityList(String.class)
			.contains("ruling:jordan-admin-first-instance-2014", "ruling:jordan-spc-2016-qiaodan-zh", "proceeding:jordan-trab-2012");
	}

	@Test
	void theContradictionsOfTheSourcesAreVisibleAsDisputes() {
		var response = this.graphql.document("""
				{ company: entity(id: "company:qiaodan-sports") { disputes { property claims { value sources { source { id } } } } }
				  spc: entity(id: "ruling:jordan-spc-2016-qiaodan-zh") { disputes { property claims { value } } }
				  shanghai: entity(id: "ruling:jordan-shanghai-2020") { disputes { property claims { numericValue } } }
				  cases: entity(id: "lawsuit:jordan-v-trab-qiaodan-zh") { disputes { property claims { value } } } }""").execute();
		response.path("company.disputes[?(@.property == 'name')].claims[*].value").entityList(String.class)
			.contains("Qiaodan Sports Co., Ltd.", "Jordan Sports Co., Ltd.", "Qiaodan Sportswear Co.", "Zhongqiao Sports Co., Ltd.");
		response.path("spc.disputes[?(@.property == 'outcome')].claims[*].value").entityList(String.class)
			.contains("the three marks invalidated by the Supreme Court");
		response.path("shanghai.disputes[?(@.property == 'damagesAmount')].claims[*].numericValue").entityList(Double.class)
			.satisfies(v -> assertThat(v).containsExactlyInAnyOrder(300000.0, 350000.0));
		response.path("cases.disputes[?(@.property == 'caseCount')].claims[*].value").entityList(String.class)
			.contains("more than 60 trademarks", "68 QIAODAN trademark dispute cases", "more than 80 lawsuits and counter-lawsuits");
	}

}
