package io.ipgraph.cases;

import java.util.List;

import io.ipgraph.GraphQlClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Hermès v. Dafeng Garment (愛馬仕 vs 愛瑪仕), imported from its case file and read back as an analyst. */
@io.ipgraph.IpgraphTest
class HermesCaseTest {

	@LocalServerPort
	int port;

	HttpGraphQlTester graphql;

	@BeforeEach
	void load() {
		CaseFiles.load(this.port, "hermes-dafeng");
		this.graphql = GraphQlClient.tester(this.port);
	}

	@org.junit.jupiter.api.AfterAll
	static void removeTheCase(@org.springframework.beans.factory.annotation.Autowired io.ipgraph.store.GraphStore store) {
		CaseFiles.remove(store, "hermes-dafeng");
	}

	@Test
	void conflictSearchForHermesChineseNameFindsDafengsMarkOfTheSamePinyin() {
		for (String text : List.of("愛馬仕", "爱马仕")) {
			var response = this.graphql.document("""
					{ conflicts(text: "%s", jurisdiction: "CN", excludeOwners: ["company:hermes"], limit: 50) {
					    registration { id markText owners { node { id } } } reasons { kind detail } } }""".formatted(text)).execute();
			response.path("conflicts[*].registration.id").entityList(String.class).contains("CTMO:unnumbered:dafeng-aimashi");
			response.path("conflicts[?(@.registration.id == 'CTMO:unnumbered:dafeng-aimashi')].registration.owners[*].node.id")
				.entityList(String.class).containsExactly("company:dafeng-garment");
			response.path("conflicts[?(@.registration.id == 'CTMO:unnumbered:dafeng-aimashi')].reasons[*].kind").entityList(String.class)
				.satisfies(kinds -> assertThat(kinds).containsAnyOf("transliteration", "sound-alike"));
		}
	}

	@Test
	void hermesOwnRegistrationIsTheLatinScriptHermesOf1977EarlierThanDafengsFiling() {
		var response = this.graphql.document("""
				{ company(id: "company:hermes") { registrations { node { id markText registeredOn classes } } }
				  registration(id: "CTMO:unnumbered:dafeng-aimashi") { filedOn registeredOn } }""").execute();
		response.path("company.registrations[*].node.markText").entityList(String.class).containsExactly("HERMES");
		response.path("company.registrations[0].node.registeredOn").entity(String.class).isEqualTo("1977-09-02");
		response.path("registration.filedOn").entity(String.class).isEqualTo("1995");
		// no Chinese-character mark of Hermès is on the register: its Latin HERMES comes up only through the sourced equivalent
		this.graphql.document("""
				{ conflicts(text: "愛馬仕", jurisdiction: "CN", limit: 50) { registration { id owners { node { id } } } reasons { kind } } }""")
			.execute()
			.path("conflicts[?(@.registration.owners[0].node.id == 'company:hermes')].reasons[0].kind").entityList(String.class)
			.satisfies(kinds -> assertThat(kinds).isNotEmpty().containsOnly("equivalent"));
	}

	@Test
	void theCaseChainRunsFromTheBoardToTheBeijingNo1IntermediateCourt() {
		var response = this.graphql.document("""
				{ registration(id: "CTMO:unnumbered:dafeng-aimashi") {
				    proceedings { id kind filedOn decidedOn body { id } outcome
				      courtCases { id filedOn court { id } rulings { date outcome } } } } }""").execute();
		response.path("registration.proceedings[*].filedOn").entityList(String.class)
			.satisfies(d -> assertThat(d).containsExactlyInAnyOrder("1997", "2009"));
		response.path("registration.proceedings[*].body.id").entityList(String.class)
			.satisfies(b -> assertThat(b).containsOnly("TRAB"));
		response.path("registration.proceedings[*].courtCases[*].court.id").entityList(String.class)
			.containsExactly("court:beijing-no1-intermediate-peoples-court");
		response.path("registration.proceedings[*].courtCases[*].rulings[*].date").entityList(String.class).containsExactly("2012-02");
		response.path("registration.proceedings[*].courtCases[*].rulings[*].outcome").entityList(String.class)
			.satisfies(o -> assertThat(o).singleElement().asString().contains("Hong Kong media"));
	}

	@Test
	void conflictSearchForTheLatinHermesReachesDafengsMarkThroughTheSourcedChineseEquivalent() {
		// 愛馬仕 stands for HERMES (EQUIVALENT_OF, transliteration), and 愛瑪仕 sounds the same as 愛馬仕
		this.graphql.document("""
				{ conflicts(text: "HERMES", jurisdiction: "CN", excludeOwners: ["company:hermes"], limit: 50) {
				    registration { id } reasons { kind detail } } }""")
			.execute()
			.path("conflicts[*].registration.id").entityList(String.class).contains("CTMO:unnumbered:dafeng-aimashi");
	}

	@Test
	void theContradictionsOfTheSourcesAreVisibleAsDisputes() {
		var response = this.graphql.document("""
				{ registration: entity(id: "CTMO:unnumbered:dafeng-aimashi") { disputes { property claims { value } } }
				  ruling: entity(id: "ruling:hermes-beijing-no1-2012") { disputes { property claims { value sources { source { id } } } } } }""")
			.execute();
		response.path("registration.disputes[?(@.property == 'registeredOn')].claims[*].value").entityList(String.class).hasSize(2);
		response.path("ruling.disputes[?(@.property == 'decidedBy')].claims[*].value").entityList(String.class)
			.contains("China's Trademark Appeal Board");
	}

}
