package io.ipgraph.clocks;

import java.util.List;
import java.util.Map;

import io.ipgraph.GraphQlHttpTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The legal clocks over HTTP: the seed registration's, on its timeline, the table of rules, and bad arguments. */
class LegalClocksApiTest extends GraphQlHttpTest {

	@Test
	void theSeedRegistrationsClocksCountFromItsDatesWithTheirArticles() {
		var response = this.graphql.document("""
				{ legalClocks(registrationId: "CTMO:4249189", asOf: "2026-12-01") {
				    rule { id law article } from fromDate basis opens { on date } closes { on earliest latest date } lateUntil { date }
				    state daysLeft cannotCompute sources { quote source { id } } } }""")
			.execute();
		List<Map<String, Object>> clocks = response.path("legalClocks").entityList(Map.class).get().stream().map(LegalClocksApiTest::row).toList();
		assertThat(clocks).extracting(c -> ((Map<?, ?>) c.get("rule")).get("id") + " " + c.get("state") + " " + date(c.get("closes")))
			.containsExactly("cn-opposition unknown -", "cn-term closed 2018-02-06", "cn-renewal closed 2018-02-06", "cn-non-use open -",
					"cn-invalidation-relative closed 2013-02-07", "paris-priority closed 2004-07-01..2005-06-30");
		response.path("legalClocks[0].cannotCompute").entity(String.class)
			.satisfies(why -> assertThat(why).contains("no publishedOn").contains("published for opposition"));
		response.path("legalClocks[0].rule.article").entity(String.class).isEqualTo("art. 33");
		response.path("legalClocks[2].opens.on").entity(String.class).isEqualTo("2017-02-06");
		response.path("legalClocks[2].lateUntil.date").entity(String.class).isEqualTo("2018-08-06");
		response.path("legalClocks[2].basis").entity(String.class).satisfies(b -> assertThat(b).contains("first term").contains("registeredOn 2008-02-07"));
		response.path("legalClocks[3].opens.on").entity(String.class).isEqualTo("2011-02-07");
		// filed "2004": the priority window's last day is known only between two days
		response.path("legalClocks[5].closes.on").valueIsNull();
		response.path("legalClocks[5].fromDate").entity(String.class).isEqualTo("2004");
		// each clock cites the sources of the registration's dates
		response.path("legalClocks[*].sources[*].source.id").entityList(String.class).contains("src:article-001");
	}

	@Test
	void theTimelineShowsTheDaysTheClocksOpenAndCloseUnlessAskedNotTo() {
		var response = this.graphql.document("""
				{ timeline(id: "CTMO:4249189", depth: 0) { date kind title clock { rule { id article } state } sources { source { id } } } }""")
			.execute();
		response.path("timeline[?(@.kind == 'legal-clock')].title").entityList(String.class).satisfies(titles -> assertThat(titles)
			.contains("CTMO 4249189: Renewal window closes (Trademark Law of the PRC (2019) art. 40); a grace period of six months after expiry, "
					+ "until 2018-08-06 [first term; renewals not in the graph]")
			.contains("CTMO 4249189: Cancellation for three years of non-use possible opens (Trademark Law of the PRC (2019) art. 49(2))"));
		response.path("timeline[?(@.kind == 'legal-clock' && @.date == '2011-02-07')].clock.rule.id").entityList(String.class)
			.containsExactly("cn-non-use");
		response.path("timeline[?(@.kind == 'registered')].date").entityList(String.class).containsExactly("2008-02-07");
		response.path("timeline[*].date").entityList(String.class).satisfies(dates -> assertThat(dates).isSorted());
		this.graphql.document("{ timeline(id: \"CTMO:4249189\", depth: 0, legalClocks: false) { kind } }")
			.execute()
			.path("timeline[*].kind").entityList(String.class).satisfies(kinds -> assertThat(kinds).isNotEmpty().doesNotContain("legal-clock"));
	}

	@Test
	void theTableOfRulesIsReadableAndBadArgumentsAreRefused() {
		this.graphql.document("{ clockRules(office: \"USPTO\") { id kind article late { until how } } }")
			.execute()
			.path("clockRules[*].id").entityList(String.class)
			.containsExactly("us-opposition", "us-section-8", "us-cancellation", "us-term", "us-renewal", "paris-priority");
		this.graphql.document("{ clockRules(office: \"XX\") { id } }").execute().errors()
			.expect(e -> e.getMessage().startsWith("No rules for office 'XX'; the table has [CTMO, USPTO, EUIPO, WIPO]")).verify();
		this.graphql.document("{ legalClocks(registrationId: \"company:amazon\") { state } }").execute().errors()
			.expect(e -> e.getMessage().equals("'company:amazon' is a Company, not a Registration")).verify();
		this.graphql.document("{ legalClocks(registrationId: \"CTMO:4249189\", asOf: \"2026\") { state } }").execute().errors()
			.expect(e -> e.getMessage().equals("asOf must be a day (YYYY-MM-DD), was '2026'")).verify();
		this.graphql.document("{ legalClocks(registrationId: \"CTMO:nowhere\") { state } }").execute().errors()
			.expect(e -> e.getMessage().equals("No entity with id 'CTMO:nowhere'")).verify();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> row(Object value) {
		return (Map<String, Object>) value;
	}

	private static String date(Object when) {
		return when == null ? "-" : (String) ((Map<?, ?>) when).get("date");
	}

}
