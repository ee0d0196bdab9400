package io.ipgraph.cases;

import java.util.List;

import io.ipgraph.GraphQlClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Ryohin Keikaku / MUJI v. Beijing Cottonfield (无印良品, class 24), imported from its case file and read back as an analyst. */
@io.ipgraph.IpgraphTest
class MujiCaseTest {

	@LocalServerPort
	int port;

	HttpGraphQlTester graphql;

	@BeforeEach
	void load() {
		CaseFiles.load(this.port, "muji-cottonfield");
		this.graphql = GraphQlClient.tester(this.port);
	}

	@org.junit.jupiter.api.AfterAll
	static void removeTheCase(@org.springframework.beans.factory.annotation.Autowired io.ipgraph.store.GraphStore store) {
		CaseFiles.remove(store, "muji-cottonfield");
	}

	@Test
	void conflictSearchForWuyinliangpinInClass24FindsNo1561046OwnedByCottonfieldSince2004() {
		for (String text : List.of("无印良品", "無印良品")) {
			var response = this.graphql.document("""
					{ conflicts(text: "%s", classes: [24], jurisdiction: "CN", excludeOwners: ["company:ryohin-keikaku"], limit: 50) {
					    registration { id filedOn owners { node { id } role from to } } reasons { kind } } }""".formatted(text))
				.execute();
			response.path("conflicts[*].registration.id").entityList(String.class).contains("CTMO:1561046");
			response.path("conflicts[?(@.registration.id == 'CTMO:1561046')].reasons[*].kind").entityList(String.class).contains("shared-class");
			response.path("conflicts[?(@.registration.id == 'CTMO:1561046')].registration.filedOn").entityList(String.class).containsExactly("2000-04");
			response.path("conflicts[?(@.registration.id == 'CTMO:1561046')].registration.owners[?(@.node.id == 'company:beijing-cottonfield')].from")
				.entityList(String.class).containsExactly("2004");
		}
	}

	@Test
	void traceOfRyohinKeikakuReachesTheClass24ConflictAndTheSuitWithItsAward() {
		var response = this.graphql.document("""
				{ trace(companyId: "company:ryohin-keikaku", jurisdiction: "CN", date: "2005") {
				    subsidiaries { id } marks { mark { id } usedBy { id } }
				    priorRegistrations { registration { id owners { node { id } } } markName }
				    lawsuits { id parties { node { id } role } rulings { instance damagesAmount damagesCurrency costsAmount costsCurrency } } } }""")
			.execute();
		response.path("trace.subsidiaries[*].id").entityList(String.class).contains("company:muji-shanghai");
		response.path("trace.priorRegistrations[*].registration.id").entityList(String.class).contains("CTMO:1561046");
		response.path("trace.lawsuits[*].id").entityList(String.class).contains("lawsuit:muji-cottonfield-v-ryohin-2015");
		response.path("trace.lawsuits[?(@.id == 'lawsuit:muji-cottonfield-v-ryohin-2015')].parties[?(@.role == 'defendant')].node.id")
			.entityList(String.class).satisfies(d -> assertThat(d).containsExactlyInAnyOrder("company:ryohin-keikaku", "company:muji-shanghai"));
		response.path("trace.lawsuits[?(@.id == 'lawsuit:muji-cottonfield-v-ryohin-2015')].rulings[?(@.instance == 'second-instance')].damagesAmount")
			.entityList(Double.class).containsExactly(500000.0);
		response.path("trace.lawsuits[?(@.id == 'lawsuit:muji-cottonfield-v-ryohin-2015')].rulings[?(@.instance == 'second-instance')].costsAmount")
			.entityList(Double.class).containsExactly(126000.0);
	}

	@Test
	void ownerHistoryOfNo1561046RunsFromHainanNanhuaToBeijingCottonfieldIn2004() {
		var response = this.graphql.document("""
				{ registration(id: "CTMO:1561046") { classes owners { node { id name } role from to } } }""").execute();
		response.path("registration.owners[?(@.node.id == 'company:hainan-nanhua')].to").entityList(String.class).containsExactly("2004");
		response.path("registration.owners[?(@.node.id == 'company:beijing-cottonfield')].from").entityList(String.class).containsExactly("2004");
		this.graphql.document("{ timeline(id: \"CTMO:1561046\", depth: 1) { date kind entity { id } } }")
			.execute()
			.path("timeline[?(@.kind == 'ownership-began')].date").entityList(String.class).contains("2000-04", "2004");
	}

	@Test
	void theInvalidationTrackEndsWithTheSupremeCourtKeepingTheRegistrationOn23June() {
		var response = this.graphql.document("""
				{ registration(id: "CTMO:1561046") { status proceedings { id kind outcome
				    courtCases { rulings { instance date outcome court { id } disputes { property claims { value } } } } } } }""").execute();
		response.path("registration.status").entity(String.class).isEqualTo("registered");
		response.path("registration.proceedings[*].kind").entityList(String.class).contains("invalidation");
		response.path("registration.proceedings[*].courtCases[*].rulings[*].court.id").entityList(String.class).containsExactly("court:supreme-peoples-court");
		response.path("registration.proceedings[*].courtCases[*].rulings[*].date").entityList(String.class)
			.satisfies(d -> assertThat(d).singleElement().asString().endsWith("-06-23"));
		response.path("registration.proceedings[*].courtCases[*].rulings[*].disputes[?(@.property == 'date')].claims[*].value")
			.entityList(String.class).satisfies(v -> assertThat(v).containsExactlyInAnyOrder("2025-06-23", "2024-06-23"));
	}

	@Test
	void theAliasesOfBeijingCottonfieldResolveToOneCompany() {
		for (String name : List.of("Beijing Miantian Textile Products", "Beijing Cottonfield Textile Corp",
				"Beijing Cotton Field Textile Products Co., Ltd.", "Beijing MianTian Textile Co., Ltd.", "北京棉田")) {
			this.graphql.document("{ resolveName(name: \"%s\") { entity { id } score matchedName } }".formatted(name))
				.execute()
				.path("resolveName[0].entity.id").entity(String.class).isEqualTo("company:beijing-cottonfield");
		}
	}

	@Test
	void theContradictionsOfTheSourcesAreVisibleAsDisputes() {
		var response = this.graphql.document("""
				{ registration: entity(id: "CTMO:1561046") { disputes { property claims { value sources { source { id } } } } }
				  appeal: entity(id: "appeal:muji-ryohin-2015-appeal") { disputes { property claims { value } } }
				  first: entity(id: "ruling:muji-first-instance-2015") { disputes { property claims { value } } }
				  suit: entity(id: "lawsuit:muji-cottonfield-v-ryohin-2015") { disputes { property claims { value } } } }""").execute();
		response.path("registration.disputes[?(@.property == 'registeredOn')].claims[*].value").entityList(String.class)
			.contains("April 2000", "April 2001", "28 April 2001");
		response.path("appeal.disputes[?(@.property == 'courtAsGiven')].claims[*].value").entityList(String.class)
			.satisfies(v -> assertThat(v).containsExactlyInAnyOrder("Beijing Municipal High People's Court", "Supreme People's Court"));
		response.path("first.disputes[?(@.property == 'date')].claims[*].value").entityList(String.class)
			.satisfies(v -> assertThat(v).containsExactlyInAnyOrder("2015", "2017"));
		response.path("suit.disputes[?(@.property == 'plaintiffs')].claims[*].value").entityList(String.class).hasSize(2);
	}

}
