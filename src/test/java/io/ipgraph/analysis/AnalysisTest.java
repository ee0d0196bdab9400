package io.ipgraph.analysis;

import java.util.List;
import java.util.Map;

import io.ipgraph.GraphQlHttpTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Paths, neighbourhoods, timelines, contradictions and aggregations over HTTP on the seed cases. */
class AnalysisTest extends GraphQlHttpTest {

	@Test
	void shortestPathFromTheNingxiaPartnerToThePriorRegistrationGoesThroughAmazon() {
		var response = this.graphql.document("""
				{ paths(from: "company:nwcd", to: "CTMO:4249189", maxHops: 4) {
				    length nodes { id } hops { type from to direction sources { quote source { id } } } } }""")
			.execute();
		response.path("paths[*].length").entityList(Integer.class).satisfies(lengths -> assertThat(lengths).isNotEmpty().containsOnly(3));
		response.path("paths[0].nodes[1].id").entity(String.class).isEqualTo("company:amazon");
		response.path("paths[0].hops[0].type").entity(String.class).isEqualTo("PARTNER_OF");
		response.path("paths[0].hops[0].direction").entity(String.class).isEqualTo("BACKWARD");
		response.path("paths[0].hops[0].sources[0].source.id").entity(String.class).isEqualTo("src:brief-public-record");
		response.path("paths[*].hops[*].sources").entityList(List.class)
			.satisfies(all -> assertThat(all).allSatisfy(sources -> assertThat(sources).isNotEmpty()));
	}

	@Test
	void pathsFollowOnlyTheAllowedTypesAndRejectBadArguments() {
		this.graphql.document("{ paths(from: \"company:nwcd\", to: \"CTMO:4249189\", types: [\"PARTNER_OF\"]) { length } }")
			.execute()
			.path("paths").entityList(Object.class).hasSize(0);
		this.graphql.document("{ paths(from: \"company:nwcd\", to: \"CTMO:4249189\", types: [\"KNOWS\"]) { length } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().startsWith("Unknown relationship type 'KNOWS'"))
			.verify();
		this.graphql.document("{ paths(from: \"company:nwcd\", to: \"company:nowhere\") { length } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().equals("No entity with id 'company:nowhere'"))
			.verify();
		this.graphql.document("{ paths(from: \"company:nwcd\", to: \"CN\", maxHops: 50) { length } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().contains("maxHops must be between 1 and 8"))
			.verify();
	}

	@Test
	void neighbourhoodSaysWhenTheFanOutCapTruncatedIt() {
		var capped = this.graphql.document("{ neighbourhood(id: \"company:amazon\", limit: 3) { truncated relationships { type } } }").execute();
		capped.path("neighbourhood.truncated").entity(Boolean.class).isEqualTo(true);
		capped.path("neighbourhood.relationships").entityList(Object.class).hasSize(3);
		var full = this.graphql.document("""
				{ neighbourhood(id: "company:amazon", hops: 1) { truncated center { id } nodes { id }
				    relationships { type from to sources { source { id } } } } }""").execute();
		full.path("neighbourhood.truncated").entity(Boolean.class).isEqualTo(false);
		full.path("neighbourhood.center.id").entity(String.class).isEqualTo("company:amazon");
		full.path("neighbourhood.nodes[*].id").entityList(String.class)
			.contains("company:beijing-sinnet", "company:nwcd", "seizure:wirral-cds", "lawsuit:actionsoft-v-amazon-aws")
			.doesNotContain("CTMO:4249189");
	}

	@Test
	@SuppressWarnings("unchecked")
	void caseTimelineRunsFromTheFoundingThroughTheRegistrationToTheAppeal() {
		var response = this.graphql.document("""
				{ timeline(id: "lawsuit:actionsoft-v-amazon-aws") { date dateAsGiven kind title entity { id } sources { source { id } } } }""")
			.execute();
		List<Map<String, Object>> events = response.path("timeline").entityList(Map.class).get().stream()
			.map(e -> (Map<String, Object>) e)
			.toList();
		assertThat(events).extracting(e -> e.get("date") + " " + e.get("kind"))
			.containsSubsequence("2003 founded", "2004 application-filed", "2008-02-07 registered", "2008-02-07 ownership-began",
					"2018-07 lawsuit-filed", "null ruling", "null appeal");
		assertThat(events).extracting(e -> (String) e.get("kind")).doesNotContain("seizure");
		assertThat(events).allSatisfy(e -> assertThat((List<?>) e.get("sources")).isNotEmpty());
		assertThat(events).filteredOn(e -> "registered".equals(e.get("kind")))
			.singleElement()
			.satisfies(e -> assertThat((String) e.get("title")).isEqualTo("CTMO 4249189 \"AWS\" (class 42) registered"));
	}

	@Test
	void entityTimelineKeepsDatesWithoutAYearAsTheSourceGivesThem() {
		this.graphql.document("{ timeline(id: \"company:amazon\") { date dateAsGiven kind entity { id } } }")
			.execute()
			.path("timeline[?(@.entity.id == 'seizure:wirral-cds')].dateAsGiven").entityList(String.class).containsExactly("June")
			.path("timeline[?(@.entity.id == 'agreement:amazon-japan-customs')].dateAsGiven").entityList(String.class)
			.containsExactly("June 30");
	}

	@Test
	void contradictionsListEveryClaimWithItsSource() {
		var response = this.graphql.document("""
				{ contradictions(subjectId: "ruling:actionsoft-v-amazon-aws-first-instance", property: "damagesAmount") {
				    subject { id } property claims { numericValue sources { source { id } } } } }""").execute();
		response.path("contradictions").entityList(Object.class).hasSize(1);
		response.path("contradictions[0].claims[*].numericValue").entityList(Double.class)
			.satisfies(values -> assertThat(values).containsExactlyInAnyOrder(76_500_000.0, 76_460_000.0, 76_463_000.0));
		response.path("contradictions[0].claims[*].sources[*].source.id").entityList(String.class)
			.satisfies(values -> assertThat(values).containsExactlyInAnyOrder("src:article-000", "src:article-001", "src:brief-public-record"));
		this.graphql.document("{ contradictions { subject { id } property } }")
			.execute()
			.path("contradictions[*].property").entityList(String.class)
			.contains("court", "damagesAmount", "plaintiffName", "regionsServed", "damagesPayer");
	}

	@org.springframework.beans.factory.annotation.Autowired
	io.ipgraph.store.GraphStore store;

	/** The Castel / Li Daozhi damages (../shared/cases/castel-lidaozhi.md), as its sources state them. */
	private static final String CASTEL = """
			{"kind":"node","label":"Source","id":"src:test-castel-managingip","properties":{"title":"Supreme People's Court suspends Castel damage award","publisher":"Managing IP","kind":"news-article","url":"https://managingip.com/article/2a5cjoj9gdz6nzu9lhf5s/supreme-peoples-court-suspends-castel-damage-award"}}
			{"kind":"node","label":"Source","id":"src:test-castel-worldipreview","properties":{"title":"Chinese Supreme Court orders re-trial in Castel trademark battle","publisher":"World IP Review","kind":"news-article","url":"https://www.worldipreview.com/trademark/chinese-supreme-court-orders-re-trial-in-castel-trademark-battle"}}
			{"kind":"node","label":"Source","id":"src:test-castel-liuming","properties":{"title":"Castel Wines adopted new China brand because of trademark issues","publisher":"Liu Ming International","kind":"news-article","url":"http://liuminginternational.com/castel-wines-adopted-new-china-brand-because-of-trademark-issues"}}
			{"kind":"node","label":"Lawsuit","id":"lawsuit:test-castel","properties":{"title":"Li Daozhi and Shanghai Banti Wine v. Castel Frères (卡斯特)","jurisdiction":"CN"},"sources":[{"id":"src:test-castel-managingip","quote":"Castel had been ordered to pay RMB33.73 million ($5.5 million) in damages to a wine importer who held the registration to a popular Chinese transliteration of its brand, Ka-Si-Te (卡斯特)."}]}
			{"kind":"node","label":"Ruling","id":"ruling:test-castel-wenzhou","properties":{"instance":"first-instance","damagesAmount":33730000,"damagesCurrency":"CNY"},"sources":[{"id":"src:test-castel-managingip","quote":"Castel had been ordered to pay RMB33.73 million ($5.5 million) in damages"}]}
			{"kind":"node","label":"Ruling","id":"ruling:test-castel-spc","properties":{"instance":"retrial","date":"2016-01-11","outcome":"against Castel","damagesAmount":500000,"damagesCurrency":"CNY"},"sources":[{"id":"src:test-castel-liuming","quote":"China's Supreme Court (China SC) ruled against Castel Wines on January 11, 2016, ordering them to pay compensation of RMB 500,000"}]}
			{"kind":"relationship","type":"HAS_RULING","from":"lawsuit:test-castel","to":"ruling:test-castel-wenzhou","sources":[{"id":"src:test-castel-worldipreview","quote":"The fine was issued at the Wenzhou Intermediate Court."}]}
			{"kind":"relationship","type":"HAS_RULING","from":"lawsuit:test-castel","to":"ruling:test-castel-spc","sources":[{"id":"src:test-castel-liuming","quote":"China's Supreme Court (China SC) ruled against Castel Wines on January 11, 2016"}]}
			""";

	/** The appeal between them, which upheld the award, and the retrial that varied it, as REVIEWS links. */
	private static final String CASTEL_REVIEWS = """
			{"kind":"node","label":"Ruling","id":"ruling:test-castel-zhejiang","properties":{"instance":"second-instance","outcome":"upheld","damagesAmount":33730000,"damagesCurrency":"CNY"},"sources":[{"id":"src:test-castel-worldipreview","quote":"Castel appealed, but the Zhejiang Provincial High Court upheld the ruling in July."}]}
			{"kind":"relationship","type":"HAS_RULING","from":"lawsuit:test-castel","to":"ruling:test-castel-zhejiang","sources":[{"id":"src:test-castel-worldipreview","quote":"Castel appealed, but the Zhejiang Provincial High Court upheld the ruling in July."}]}
			{"kind":"relationship","type":"REVIEWS","from":"ruling:test-castel-zhejiang","to":"ruling:test-castel-wenzhou","properties":{"effect":"upheld"},"sources":[{"id":"src:test-castel-worldipreview","quote":"Castel appealed, but the Zhejiang Provincial High Court upheld the ruling in July."}]}
			{"kind":"relationship","type":"REVIEWS","from":"ruling:test-castel-spc","to":"ruling:test-castel-zhejiang","properties":{"effect":"varied"},"sources":[{"id":"src:test-castel-liuming","quote":"ordering them to pay compensation of RMB 500,000"}]}
			""";

	@Test
	void damagesCountTheDecisionThatStandsAndShowTheAwardsItReplaced() {
		forgetCastel();
		try {
			upload(CASTEL);
			// no review recorded: the retrial's award replaces the first instance's of the same lawsuit
			assertCastelTotal(List.of("ruling:test-castel-wenzhou"));
			// the appeal that upheld the award and the retrial that varied it, as links: still only RMB 500,000 owed
			upload(CASTEL_REVIEWS);
			assertCastelTotal(List.of("ruling:test-castel-wenzhou", "ruling:test-castel-zhejiang"));
		}
		finally {
			forgetCastel();
		}
	}

	private void assertCastelTotal(List<String> superseded) {
		var totals = this.graphql.document("{ damagesTotals { jurisdiction year currency total rulings { id } supersededRulings { id } } }")
			.execute();
		totals.path("damagesTotals[*].rulings[*].id").entityList(String.class)
			.satisfies(ids -> assertThat(ids).as("rulings summed").contains("ruling:test-castel-spc").doesNotContainAnyElementsOf(superseded));
		totals.path("damagesTotals[?(@.year == '2016')].total").entityList(Double.class).containsExactly(500_000.0);
		totals.path("damagesTotals[?(@.year == '2016')].supersededRulings[*].id").entityList(String.class)
			.satisfies(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(superseded));
	}

	private void upload(String file) {
		io.ipgraph.GraphQlClient.http(this.port, "editor").post().uri("/api/import?name=castel-test.jsonl")
			.contentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson")).bodyValue(file).exchange()
			.expectStatus().isOk().expectBody().jsonPath("$.rejected").isEqualTo(0);
	}

	private void forgetCastel() {
		this.store.write("MATCH (n) WHERE n.id STARTS WITH 'src:test-castel' OR n.id STARTS WITH 'ruling:test-castel' OR n.id = 'lawsuit:test-castel' DETACH DELETE n",
				Map.of());
	}

	@Test
	void aggregatesDamagesSeizuresAndMarks() {
		this.graphql.document("{ damagesTotals { jurisdiction year currency total rulingCount disputed } }")
			.execute()
			.path("damagesTotals[0].currency").entity(String.class).isEqualTo("CNY")
			.path("damagesTotals[0].jurisdiction").entity(String.class).isEqualTo("CN")
			.path("damagesTotals[0].total").entity(Double.class).isEqualTo(76_463_000.0)
			.path("damagesTotals[0].disputed").entity(Boolean.class).isEqualTo(true);
		this.graphql.document("{ seizureStats(groupBy: COUNTRY) { key seizureCount itemCount values { amount currency } } }")
			.execute()
			.path("seizureStats[?(@.key == 'GB')].itemCount").entityList(Integer.class).containsExactly(32000)
			.path("seizureStats[?(@.key == 'GB')].values[0].amount").entityList(Double.class).containsExactly(1_400_000.0)
			.path("seizureStats[*].key").entityList(String.class).satisfies(values -> assertThat(values).containsExactlyInAnyOrder("BR", "CN", "GB"));
		this.graphql.document("{ seizureStats(groupBy: AUTHORITY) { key name seizureCount } }")
			.execute()
			.path("seizureStats[*].key").entityList(String.class)
			.contains("authority:anatel", "authority:city-of-london-police", "authority:yiwu-authorities");
		this.graphql.document("{ marksPerOwner { owner { id } registrationCount markTexts } }")
			.execute()
			.path("marksPerOwner[0].owner.id").entity(String.class).isEqualTo("company:actionsoft")
			.path("marksPerOwner[0].markTexts").entityList(String.class).containsExactly("AWS");
	}

	@Test
	@SuppressWarnings("unchecked")
	void traceLeadsFromAmazonThroughItsPartnersAndMarkToThePriorRegistrationAndTheLawsuit() {
		var response = this.graphql.document("""
				{ trace(companyId: "company:amazon", jurisdiction: "CN") {
				    subsidiaries { id } partners { partner { id } region sources { source { id } } }
				    marks { mark { id } names since } before
				    priorRegistrations { registration { id } markName score reasons { kind } }
				    lawsuits { caseNumber rulings { appeals { status } } } seizures { id }
				    subgraph { nodes { id } relationships { type from to } } } }""").execute();
		response.path("trace.subsidiaries[*].id").entityList(String.class).contains("company:amazon-connect-tech");
		response.path("trace.partners[*].region").entityList(String.class).contains("Beijing", "Ningxia");
		response.path("trace.marks[*].names").entityList(List.class)
			.satisfies(names -> assertThat(names).anySatisfy(n -> assertThat((List<String>) n).contains("AWS", "Amazon Web Services")));
		response.path("trace.before").entity(String.class).isEqualTo("2014");
		response.path("trace.priorRegistrations[0].registration.id").entity(String.class).isEqualTo("CTMO:4249189");
		response.path("trace.priorRegistrations[0].reasons[*].kind").entityList(String.class)
			.containsExactly("identical-text", "earlier-filing");
		response.path("trace.lawsuits[*].caseNumber").entityList(String.class).containsExactly("(2018) Jing Min Chu No. 127");
		response.path("trace.lawsuits[0].rulings[0].appeals[0].status").entity(String.class).isEqualTo("filed");
		response.path("trace.seizures[*].id").entityList(String.class).containsExactly("seizure:yiwu");
		response.path("trace.subgraph.nodes[*].id").entityList(String.class)
			.contains("company:amazon", "company:beijing-sinnet", "company:nwcd", "mark:aws", "CTMO:4249189", "company:actionsoft",
					"lawsuit:actionsoft-v-amazon-aws");
		response.path("trace.subgraph.relationships[?(@.type == 'OWNS')].from").entityList(String.class)
			.containsExactly("company:actionsoft");
	}

	@Test
	void sortsCompaniesByTheirNumberOfLawsuits() {
		this.graphql.document("{ companies(sort: [{ lawsuitsCount: DESC }, { id: ASC }], limit: 5) { id } }")
			.execute()
			.path("companies[*].id").entityList(String.class)
			.containsExactly("company:actionsoft", "company:amazon", "company:amazon-connect-tech", "company:beijing-sinnet",
					"company:amazon-japan");
	}

}
