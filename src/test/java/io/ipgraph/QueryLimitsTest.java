package io.ipgraph;

import java.util.List;
import java.util.Map;

import io.ipgraph.graphql.DocumentCache;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Abusive queries against the running application: too deep, too costly, too many aliases or fields, an
 * oversized page, too many tokens, an oversized body. Each is refused with an error that says which limit, and
 * without a stack trace; the ordinary example queries stay within every limit.
 */
class QueryLimitsTest extends GraphQlHttpTest {

	@Test
	void aQueryNestedTooDeeplyIsRefused() {
		String chain = "{ id }";
		for (int i = 0; i < 13; i++) {
			chain = "{ parents(limit: 1) " + chain + " }";
		}
		refused("{ company(id: \"company:amazon\") " + chain + " }", "nested 13 levels deep; the limit is 12");
	}

	@Test
	void aRepeatedDocumentIsParsedOnceAndItsLimitsCheckedEveryTime(@Autowired DocumentCache cache) {
		String name = "q" + System.nanoTime();
		String costly = "query " + name + " { companies(limit: 100) { parents(limit: 100) { parents(limit: 100) { id } } } }";
		int before = cache.size();
		refused(costly, "would cost more than 20000");
		assertThat(cache.size()).isEqualTo(before + 1);
		refused(costly, "would cost more than 20000");
		assertThat(cache.size()).isEqualTo(before + 1);
		String fine = "query " + name + "Fine { company(id: \"company:amazon\") { id name } }";
		for (int i = 0; i < 3; i++) {
			this.graphql.document(fine).execute().path("company.name").entity(String.class).isEqualTo("Amazon.com, Inc.");
		}
		assertThat(cache.size()).isEqualTo(before + 2);
		// a document with errors is not kept: it is parsed (and refused) again each time
		this.graphql.document("{ company(id: \"company:amazon\") { noSuchField } }").execute().errors().expect(e -> true).verify();
		assertThat(cache.size()).isEqualTo(before + 2);
	}

	@Test
	void aQueryThatWouldCostTooMuchIsRefused() {
		refused("{ companies(limit: 100) { parents(limit: 100) { parents(limit: 100) { id name } } } }", "would cost more than 20000");
		// a relationship list without a limit counts as three, so nesting them multiplies too
		refused("{ companies(limit: 100) { subsidiaries { subsidiaries { subsidiaries { subsidiaries { subsidiaries { id name country } } } } } } }",
				"would cost more than 20000");
	}

	@Test
	void tooManyAliasesOrFieldsAreRefused() {
		StringBuilder aliases = new StringBuilder("{");
		for (int i = 0; i < 31; i++) {
			aliases.append(" a").append(i).append(": company(id: \"company:amazon\") { id }");
		}
		refused(aliases.append(" }").toString(), "more than 30 aliases");
		StringBuilder spreads = new StringBuilder("fragment F on Company { id name country } { company(id: \"company:amazon\") {");
		for (int i = 0; i < 140; i++) {
			spreads.append(" ...F");
		}
		refused(spreads.append(" } }").toString(), "more than 400 fields");
	}

	@Test
	void typenameCountsLikeAnyField() {
		StringBuilder aliases = new StringBuilder("{");
		for (int i = 0; i < 101; i++) {
			aliases.append(" t").append(i).append(": __typename");
		}
		refused(aliases.append(" }").toString(), "more than 30 aliases");
		refused("{" + " __typename".repeat(500) + " }", "more than 400 fields");
		refused("{ company(id: \"company:amazon\") {" + " __typename".repeat(401) + " } }", "more than 400 fields");
		// within the limits it is answered as before
		this.graphql.document("{ __typename company(id: \"company:amazon\") { __typename name } }").execute()
			.path("company.__typename").entity(String.class).isEqualTo("Company");
	}

	@Test
	void aPageLargerThanTheMaximumIsAnErrorNotATruncation() {
		refused("{ companies(limit: 101) { id } }", "limit must be between 0 and 100, was 101");
	}

	@Test
	void anEnormousDocumentStopsTheParser() {
		String tokens = "{" + " __typename".repeat(6000) + " }";
		var errors = this.graphql.document(tokens).execute().returnResponse().getErrors();
		assertThat(errors).singleElement().satisfies(e -> assertThat(e.getMessage()).contains("More than 5,000"));
	}

	@Test
	void anOversizedBodyGets413AndTheRestOfTheServerCarriesOn() {
		String variable = "x".repeat(300 * 1024);
		GraphQlClient.http(this.port, "analyst").post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "query($q: String!) { search(query: $q) { __typename } }", "variables", Map.of("q", variable)))
			.exchange()
			.expectStatus().isEqualTo(413)
			.expectBody().jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("larger than 262144 bytes"));
		this.graphql.document("{ company(id: \"company:amazon\") { name } }").execute().path("company.name").entity(String.class)
			.isEqualTo("Amazon.com, Inc.");
	}

	@Test
	void theExampleQueriesStayWithinTheLimits() throws Exception {
		try (var files = java.nio.file.Files.list(java.nio.file.Path.of("graphql/examples"))) {
			List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".graphql")).sorted().toList();
			assertThat(names).isNotEmpty();
			for (String name : names) {
				this.graphql.document(GraphQlClient.example(name)).execute().errors().verify();
			}
		}
	}

	private void refused(String document, String reason) {
		var response = this.graphql.document(document).execute().returnResponse();
		assertThat(response.getErrors()).as(document).singleElement().satisfies(error -> {
			assertThat(error.getMessage()).contains(reason);
			assertThat(error.toString()).doesNotContain("Exception").doesNotContain("at io.ipgraph");
		});
		assertThat(response.<Object>getData()).as("nothing fetched").isNull();
	}

}
