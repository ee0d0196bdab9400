package io.ipgraph.conflict;

import io.ipgraph.GraphQlHttpTest;
import org.junit.jupiter.api.Test;

/** Conflict search over HTTP on the seed: Amazon's AWS mark in China meets ActionSoft's earlier registration. */
class ConflictSearchTest extends GraphQlHttpTest {

	@org.springframework.beans.factory.annotation.Autowired
	io.ipgraph.store.GraphStore store;

	@Test
	void findsTheEarlierAwsRegistrationForAmazonsMarkInChinaWithItsReasons() {
		this.graphql.document("""
				{ conflicts(text: "AWS", classes: [42], jurisdiction: "CN", date: "2014", excludeOwners: ["company:amazon"]) {
				    score registration { id filedOn registeredOn owners { node { id } } sources { source { id } } }
				    reasons { kind weight detail } } }""")
			.execute()
			.path("conflicts[0].registration.id").entity(String.class).isEqualTo("CTMO:4249189")
			.path("conflicts[0].registration.owners[0].node.id").entity(String.class).isEqualTo("company:actionsoft")
			.path("conflicts[0].reasons[*].kind").entityList(String.class)
			.containsExactly("identical-text", "shared-class", "earlier-filing")
			.path("conflicts[0].reasons[2].detail").entity(String.class).isEqualTo("filed 2004, before 2014")
			.path("conflicts[0].score").entity(Double.class).isEqualTo(90.0)
			.path("conflicts[0].registration.sources[*].source.id").entityList(String.class).contains("src:brief-public-record");
	}

	@Test
	void aRegistrationKnownOnlyByItsRegistrationDateIsStillFoundBeforeADate() {
		this.store.write("MATCH (n) WHERE n.id IN ['CTMO:99000111', 'src:conflict-undated'] DETACH DELETE n", java.util.Map.of());
		String file = """
				{"kind":"node","label":"Source","id":"src:conflict-undated","properties":{"title":"Register extract (conflict test)","kind":"registry-record"}}
				{"kind":"node","label":"Registration","id":"CTMO:99000111","properties":{"office":"CTMO","number":"99000111","jurisdiction":"CN","markText":"ZENTRIQ","classes":[9],"registeredOn":"2006-05"},"sources":[{"id":"src:conflict-undated","quote":"row 1"}]}
				""";
		io.ipgraph.GraphQlClient.http(this.port, "editor").post().uri("/api/import?name=conflict-undated.jsonl")
			.contentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson")).bodyValue(file).exchange()
			.expectStatus().isOk();
		try {
			this.graphql.document("""
					{ conflicts(text: "ZENTRIQ", classes: [9], jurisdiction: "CN", date: "2014") { registration { id } reasons { kind detail } } }""")
				.execute()
				.path("conflicts[0].registration.id").entity(String.class).isEqualTo("CTMO:99000111")
				.path("conflicts[0].reasons[*].kind").entityList(String.class).containsExactly("identical-text", "shared-class", "earlier-registration")
				.path("conflicts[0].reasons[2].detail").entity(String.class)
				.isEqualTo("filing date not known; registered 2006-05 (its earliest known date), before 2014");
			this.graphql.document("{ conflicts(text: \"ZENTRIQ\", classes: [9], jurisdiction: \"CN\", date: \"2006\") { score } }")
				.execute()
				.path("conflicts").entityList(Object.class).hasSize(0);
		}
		finally {
			this.store.write("MATCH (n) WHERE n.id IN ['CTMO:99000111', 'src:conflict-undated'] DETACH DELETE n", java.util.Map.of());
		}
	}

	/** Honda's CN registrations in class 12 as ../shared/cases/honda-hondakit.md cites them. */
	private static final String HONDA = """
			{"kind":"node","label":"Source","id":"src:test-honda-mondaq","properties":{"title":"SPC: Honda Awarded Injunction, Damages For Export-Only Infringing Products","publisher":"Mondaq","kind":"news-article","url":"https://www.mondaq.com/china/Intellectual-Property/870434/SPC-Honda-Awarded-Injunction-Damages-For-ExportOnly-Infringing-Products"}}
			{"kind":"node","label":"Source","id":"src:test-honda-lexgoal","properties":{"title":"Identification of trademark infringement in foreign-related licensing","kind":"news-article","url":"http://www.lexgoal.cn/newsinfo/1559183.html"}}
			{"kind":"node","label":"Company","id":"company:test-honda","properties":{"name":"Honda Motor Co., Ltd.","country":"JP"},"sources":[{"id":"src:test-honda-mondaq","quote":"Honda, a Japanese multinational giant specializing in motorcycle production"}]}
			{"kind":"node","label":"Registration","id":"CTMO:314940","properties":{"office":"CTMO","number":"314940","jurisdiction":"CN","markText":"HONDA","classes":[12]},"sources":[{"id":"src:test-honda-mondaq","quote":"obtained registration for trademarks No. 314940 HONDA"}]}
			{"kind":"node","label":"Registration","id":"CTMO:503699","properties":{"office":"CTMO","number":"503699","jurisdiction":"CN","markText":"HONDA","classes":[12],"registeredOn":"1988-12-17"},"sources":[{"id":"src:test-honda-lexgoal","quote":"was approved on December 17, 1988 to register the trademark No. 503699"}]}
			{"kind":"relationship","type":"OWNS","from":"company:test-honda","to":"CTMO:314940","sources":[{"id":"src:test-honda-mondaq","quote":"Honda ... obtained registration for trademarks No. 314940 HONDA"}]}
			{"kind":"relationship","type":"OWNS","from":"company:test-honda","to":"CTMO:503699","sources":[{"id":"src:test-honda-mondaq","quote":"No.503699 HONDA and its figure in China"}]}
			""";

	@Test
	void anEarlierMarkContainedWholeInTheOneSearchedIsFoundAndSaidSo() {
		String ids = "['src:test-honda-mondaq', 'src:test-honda-lexgoal', 'company:test-honda', 'CTMO:314940', 'CTMO:503699']";
		this.store.write("MATCH (n) WHERE n.id IN " + ids + " DETACH DELETE n", java.util.Map.of());
		io.ipgraph.GraphQlClient.http(this.port, "editor").post().uri("/api/import?name=honda-test.jsonl")
			.contentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson")).bodyValue(HONDA).exchange()
			.expectStatus().isOk();
		try {
			// HONDAKIT, seized at Ruili in 2016, holds the whole of Honda's HONDA
			this.graphql.document("""
					{ conflicts(text: "HONDAKIT", classes: [12], jurisdiction: "CN") { registration { id owners { node { id } } } reasons { kind detail } } }""")
				.execute()
				.path("conflicts[*].registration.id").entityList(String.class).satisfies(found -> org.assertj.core.api.Assertions.assertThat(found).containsExactlyInAnyOrder("CTMO:314940", "CTMO:503699"))
				.path("conflicts[0].reasons[0].kind").entity(String.class).isEqualTo("contained")
				.path("conflicts[0].reasons[0].detail").entity(String.class).isEqualTo("the whole of \"HONDA\" is in \"HONDAKIT\"");
		}
		finally {
			this.store.write("MATCH (n) WHERE n.id IN " + ids + " DETACH DELETE n", java.util.Map.of());
		}
	}

	@Test
	void marksAreTerritorialAndOnlyEarlierFilingsCount() {
		this.graphql.document("{ conflicts(text: \"AWS\", classes: [42], jurisdiction: \"US\") { score } }")
			.execute()
			.path("conflicts").entityList(Object.class).hasSize(0);
		this.graphql.document("{ conflicts(text: \"AWS\", classes: [42], jurisdiction: \"CN\", date: \"2004\") { score } }")
			.execute()
			.path("conflicts").entityList(Object.class).hasSize(0);
		this.graphql.document("{ conflicts(text: \"AWS\", jurisdiction: \"CN\", excludeOwners: [\"company:actionsoft\"]) { score } }")
			.execute()
			.path("conflicts").entityList(Object.class).hasSize(0);
		this.graphql.document("{ registrationConflicts(id: \"CTMO:4249189\") { score } }")
			.execute()
			.path("registrationConflicts").entityList(Object.class).hasSize(0);
	}

	@Test
	void squattingFindsActionSoftsEarlierAwsAndFlagsItsLinkToAmazonsPartnerWithinTwoHops() {
		this.graphql.document("""
				{ squatting(firmId: "company:amazon", jurisdiction: "CN") {
				    firstFiling markTexts hits { registration { id } markText nearPartner flag } } }""")
			.execute()
			.path("squatting.firstFiling").valueIsNull()
			.path("squatting.markTexts").entityList(String.class).contains("AWS")
			.path("squatting.hits[*].registration.id").entityList(String.class).containsExactly("CTMO:4249189")
			.path("squatting.hits[0].nearPartner").entity(Boolean.class).isEqualTo(false);
		// ActionSoft and Amazon's partner Sinnet meet only as opponents in one lawsuit: that is no closeness
		this.graphql.document("""
				{ squatting(firmId: "company:amazon", jurisdiction: "CN", hops: 2) { hits { nearPartner partnerDistance flag } } }""")
			.execute()
			.path("squatting.hits[0].nearPartner").entity(Boolean.class).isEqualTo(false);
		// a holder that works with the partner is close
		String file = """
				{"kind":"node","label":"Source","id":"src:squat-test","properties":{"title":"Register extract (squatting test)","kind":"registry-record"}}
				{"kind":"node","label":"Company","id":"company:squat-test-agent","properties":{"name":"Nimbus Agency Co.","country":"CN"},"sources":[{"id":"src:squat-test","quote":"row 1"}]}
				{"kind":"node","label":"Registration","id":"CTMO:99000222","properties":{"office":"CTMO","number":"99000222","jurisdiction":"CN","markText":"Amazon Web Services","classes":[42],"filedOn":"2012-03"},"sources":[{"id":"src:squat-test","quote":"row 2"}]}
				{"kind":"relationship","type":"OWNS","from":"company:squat-test-agent","to":"CTMO:99000222","sources":[{"id":"src:squat-test","quote":"row 2"}]}
				{"kind":"relationship","type":"PARTNER_OF","from":"company:squat-test-agent","to":"company:beijing-sinnet","sources":[{"id":"src:squat-test","quote":"row 3"}]}
				""";
		this.store.write("MATCH (n) WHERE n.id IN ['CTMO:99000222', 'company:squat-test-agent', 'src:squat-test'] DETACH DELETE n", java.util.Map.of());
		io.ipgraph.GraphQlClient.http(this.port, "editor").post().uri("/api/import?name=squat-test.jsonl")
			.contentType(org.springframework.http.MediaType.parseMediaType("application/x-ndjson")).bodyValue(file).exchange()
			.expectStatus().isOk();
		try {
			this.graphql.document("""
					{ squatting(firmId: "company:amazon", jurisdiction: "CN", hops: 2) { hits { registration { id } nearPartner partnerDistance flag } } }""")
				.execute()
				.path("squatting.hits[?(@.registration.id == 'CTMO:99000222')].nearPartner").entityList(Boolean.class).containsExactly(true)
				.path("squatting.hits[?(@.registration.id == 'CTMO:99000222')].flag").entityList(String.class)
				.containsExactly("1 relationship(s) from the firm's partner Beijing Sinnet Technology Co. (via PARTNER_OF)");
		}
		finally {
			this.store.write("MATCH (n) WHERE n.id IN ['CTMO:99000222', 'company:squat-test-agent', 'src:squat-test'] DETACH DELETE n", java.util.Map.of());
		}
		this.graphql.document("{ squatting(firmId: \"company:amazon\", jurisdiction: \"JP\") { hits { markText } } }")
			.execute()
			.path("squatting.hits").entityList(Object.class).hasSize(0);
	}

	@Test
	void explainsWhatIsWrongWithBadInput() {
		this.graphql.document("{ conflicts(text: \"AWS\", jurisdiction: \"China\") { score } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().startsWith("jurisdiction must be an ISO 3166-1 alpha-2 code"))
			.verify();
		this.graphql.document("{ conflicts(text: \"AWS\", jurisdiction: \"CN\", classes: [0, 46]) { score } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().equals("Nice classes run from 1 to 45, got [0, 46]"))
			.verify();
		this.graphql.document("{ conflicts(text: \"!!!\", jurisdiction: \"CN\") { score } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().equals("text has no letters or digits to compare"))
			.verify();
		this.graphql.document("{ registrationConflicts(id: \"CTMO:0\") { score } }")
			.execute()
			.errors()
			.expect(e -> e.getMessage().equals("No registration with id 'CTMO:0'"))
			.verify();
	}

}
