package io.ipgraph.cases;

import java.util.List;

import io.ipgraph.GraphQlClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Starbucks v. Shanghai Xingbake (星巴克 / Xing Ba Ke), imported from its case file and read back as an analyst. */
@io.ipgraph.IpgraphTest
class StarbucksCaseTest {

	@LocalServerPort
	int port;

	HttpGraphQlTester graphql;

	@BeforeEach
	void load() {
		CaseFiles.load(this.port, "starbucks-xingbake");
		this.graphql = GraphQlClient.tester(this.port);
	}

	@org.junit.jupiter.api.AfterAll
	static void removeTheCase(@org.springframework.beans.factory.annotation.Autowired io.ipgraph.store.GraphStore store) {
		CaseFiles.remove(store, "starbucks-xingbake");
	}

	@Test
	void xingbakeMatchesBothStarbucksChineseMarkAndTheDefendantsEarlierCompanyName() {
		for (String text : List.of("星巴克", "Xingbake", "Xing Ba Ke")) {
			this.graphql.document("{ conflicts(text: \"%s\", jurisdiction: \"CN\", limit: 50) { registration { id registeredOn } } }".formatted(text))
				.execute()
				.path("conflicts[*].registration.id").entityList(String.class).contains("CTMO:unnumbered:starbucks-xingbake");
			this.graphql.document("{ resolveName(name: \"%s\", kinds: [\"Company\"]) { entity { id } matchedName } }".formatted(text))
				.execute()
				.path("resolveName[*].entity.id").entityList(String.class).contains("company:shanghai-xingbake");
		}
		// the trade name, reserved in October 1999, is earlier than the mark's grant in December 1999
		this.graphql.document("""
				{ registration(id: "CTMO:unnumbered:starbucks-xingbake") { registeredOn }
				  company(id: "company:shanghai-xingbake") { description } }""")
			.execute()
			.path("registration.registeredOn").entity(String.class).isEqualTo("1999-12")
			.path("company.description").entity(String.class).satisfies(d -> assertThat(d).contains("reserved in October 1999"));
	}

	@Test
	void traceOfStarbucksReachesItsShanghaiFranchiseeAsCoPlaintiff() {
		var response = this.graphql.document("""
				{ trace(companyId: "company:starbucks", jurisdiction: "CN") {
				    partners { partner { id } region scope }
				    lawsuits { id parties { node { id } role } } } }""").execute();
		response.path("trace.partners[*].partner.id").entityList(String.class).contains("company:president-starbucks-shanghai");
		response.path("trace.lawsuits[*].id").entityList(String.class).contains("lawsuit:starbucks-v-shanghai-xingbake");
		response.path("trace.lawsuits[?(@.id == 'lawsuit:starbucks-v-shanghai-xingbake')].parties[?(@.role == 'plaintiff')].node.id")
			.entityList(String.class)
			.satisfies(p -> assertThat(p).containsExactlyInAnyOrder("company:starbucks", "company:president-starbucks-shanghai"));
		this.graphql.document("{ resolveName(name: \"Shanghai Unified Coffee\") { entity { id } } }")
			.execute()
			.path("resolveName[0].entity.id").entity(String.class).isEqualTo("company:president-starbucks-shanghai");
	}

	@Test
	void theCaseChainRunsFromTheIntermediateCourtToTheHigherCourtAndTheEnforcedRename() {
		var response = this.graphql.document("""
				{ lawsuit(id: "lawsuit:starbucks-v-shanghai-xingbake") { filedOn court { id }
				    rulings { id instance date damagesAmount damagesCurrency court { id } reviews { effect node { id } } } } }""").execute();
		response.path("lawsuit.court.id").entity(String.class).isEqualTo("court:shanghai-no2-intermediate-peoples-court");
		response.path("lawsuit.rulings[?(@.instance == 'first-instance')].date").entityList(String.class).containsExactly("2005-12");
		response.path("lawsuit.rulings[?(@.instance == 'first-instance')].damagesAmount").entityList(Double.class).containsExactly(500000.0);
		response.path("lawsuit.rulings[?(@.instance == 'second-instance')].date").entityList(String.class).containsExactly("2006-12-20");
		response.path("lawsuit.rulings[?(@.instance == 'second-instance')].court.id").entityList(String.class)
			.containsExactly("court:shanghai-high-peoples-court");
		response.path("lawsuit.rulings[?(@.instance == 'second-instance')].reviews[*].effect").entityList(String.class).containsExactly("upheld");
		var timeline = this.graphql.document("{ timeline(id: \"company:shanghai-xingbake\", depth: 2) { date kind title entity { id } } }").execute();
		timeline.path("timeline[*].kind").entityList(String.class).contains("lawsuit-filed", "ruling", "enforcement-action");
		timeline.path("timeline[?(@.kind == 'enforcement-action')].entity.id").entityList(String.class)
			.contains("enforcement:starbucks-xingbake-2007");
	}

	@Test
	void theDefendantsNamesResolveToOneCompanyWithARenameEvent() {
		for (String name : List.of("Shanghai Xingbake Coffee Shop", "Shanghai Xing Ba Ke Coffee Shop", "Shanghai Xingbake Coffee Bar Co.",
				"Shanghai Starbuck Coffee Ltd.", "Shanghai Fang Yun Coffee Ltd.", "上海芳韵咖啡馆有限公司")) {
			this.graphql.document("{ resolveName(name: \"%s\", kinds: [\"Company\"]) { entity { id } } }".formatted(name))
				.execute()
				.path("resolveName[0].entity.id").entity(String.class).isEqualTo("company:shanghai-xingbake");
		}
		// the change of name after the judgment is an event of the company's timeline
		this.graphql.document("{ timeline(id: \"company:shanghai-xingbake\", depth: 0) { date kind title } }")
			.execute()
			.path("timeline[*].title").entityList(String.class)
			.satisfies(titles -> assertThat(titles).anySatisfy(t -> assertThat(t).contains("Shanghai Fang Yun Coffee Ltd.")));
	}

	@Test
	void theContradictionsOfTheSourcesAreVisibleAsDisputes() {
		var response = this.graphql.document("""
				{ appeal: entity(id: "appeal:starbucks-xingbake-2006") { disputes { property claims { value } } }
				  first: entity(id: "ruling:starbucks-shanghai-no2-2005") { disputes { property claims { value } } }
				  second: entity(id: "ruling:starbucks-shanghai-high-2006") { disputes { property claims { value } } }
				  mark: entity(id: "CTMO:unnumbered:starbucks-xingbake") { disputes { property claims { value } } }
				  franchisee: entity(id: "company:president-starbucks-shanghai") { disputes { property claims { value } } } }""").execute();
		response.path("appeal.disputes[?(@.property == 'courtAsGiven')].claims[*].value").entityList(String.class)
			.satisfies(v -> assertThat(v).containsExactlyInAnyOrder("Shanghai Higher People's Court", "Shanghai No. 2 Intermediate People's Court"));
		response.path("first.disputes[?(@.property == 'date')].claims[*].value").entityList(String.class).hasSize(2);
		response.path("second.disputes[?(@.property == 'date')].claims[*].value").entityList(String.class).contains("2006-12-20");
		response.path("mark.disputes[?(@.property == 'registeredOn')].claims[*].value").entityList(String.class).contains("December 1999");
		response.path("franchisee.disputes[?(@.property == 'name')].claims[*].value").entityList(String.class)
			.satisfies(v -> assertThat(v).containsExactlyInAnyOrder("President Starbucks Coffee Shanghai Co.", "Shanghai Unified Coffee, Ltd."));
	}

}
